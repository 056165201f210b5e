package dev.wparflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;

/**
 * A simulated fleet for a Spring Boot test class: started when Spring first reads its properties, closed after the
 * class's last test. The class registers it and hands it to its property source:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SpringFleet fleet = SpringFleet.defaultFleet();
 *
 * @DynamicPropertySource
 * static void simulatedFleet(DynamicPropertyRegistry registry) {
 *     fleet.register(registry);
 * }
 * }</pre>
 */
public final class SpringFleet implements AfterAllCallback {

    private final Callable<Fleet> starter;
    private Fleet fleet;

    private SpringFleet(Callable<Fleet> starter) {
        this.starter = starter;
    }

    /** The shipped demo fleet (deploy/simulator/fleet.yaml), see {@link DefaultFleet}. */
    public static SpringFleet defaultFleet() {
        return new SpringFleet(DefaultFleet::start);
    }

    /** A fleet from YAML text, such as {@link TestFleets#yaml}. */
    public static SpringFleet yaml(String yaml) {
        return new SpringFleet(() -> Fleet.startYaml(yaml, FleetOptions.forTests()));
    }

    /** The fleet, started on first use. */
    public synchronized Fleet get() {
        if (fleet == null) {
            try {
                fleet = starter.call();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the simulated fleet", e);
            }
        }
        return fleet;
    }

    /** The fleet's inventory, known_hosts and client key, strict host keys; the fleet starts when Spring reads them. */
    public void register(DynamicPropertyRegistry registry) {
        DefaultFleet.register(registry, this::get);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (fleet != null) {
            fleet.close();
            fleet = null;
        }
    }
}
