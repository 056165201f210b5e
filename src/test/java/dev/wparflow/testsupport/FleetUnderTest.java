package dev.wparflow.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.springframework.context.ConfigurableApplicationContext;

import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;

/**
 * A simulated fleet and wparflow started against it for one integration test class (one test instance,
 * {@code @TestInstance(PER_CLASS)}), on the class's {@link TestDatabase}. The class keeps its own settings:
 *
 * <pre>{@code
 * @BeforeAll
 * void start() throws Exception {
 *     system = FleetUnderTest.start(FLEET, dir.resolve("sim"), TestDatabase.selected("reloc"));
 *     fleet = system.fleet();
 *     app = system.application(this, application -> application
 *             .fleet(fleet, "lpar00", "lpar01")
 *             .property("wparflow.relocation.save-timeout", "PT6S"));
 * }
 *
 * @AfterAll
 * void stop() {
 *     system.close();
 * }
 * }</pre>
 */
public final class FleetUnderTest implements AutoCloseable {

    private final Fleet fleet;
    private final TestDatabase database;
    private ConfigurableApplicationContext app;

    private FleetUnderTest(Fleet fleet, TestDatabase database) {
        this.fleet = fleet;
        this.database = database;
    }

    /** Starts the fleet described by {@code yaml}, its state kept under {@code dataDir}; drops the database if it fails. */
    public static FleetUnderTest start(String yaml, Path dataDir, TestDatabase database) throws IOException {
        try {
            return new FleetUnderTest(Fleet.startYaml(yaml, FleetOptions.forTests().dataDir(dataDir)), database);
        } catch (IOException | RuntimeException e) {
            database.drop();
            throw e;
        }
    }

    public Fleet fleet() {
        return fleet;
    }

    /**
     * Starts wparflow on the database with the test's {@code settings} (which hosts it reaches, its own properties),
     * then fills the test's {@code @Autowired} fields from it.
     */
    public ConfigurableApplicationContext application(Object test, UnaryOperator<FleetApplication> settings) {
        app = settings.apply(FleetApplication.on(database)).start();
        app.getAutowireCapableBeanFactory().autowireBean(test);
        return app;
    }

    /** Before each test: every host as the fleet file describes it, commands instant. */
    public void freshFleet() throws IOException {
        fleet.reset();
        fleet.setTimeScale(0.0);
    }

    /** Closes the application, then the fleet, then drops the database. */
    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        fleet.close();
        database.drop();
    }
}
