package dev.wparflow.process.discovery;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.support.AbstractTestExecutionListener;

import dev.wparflow.testsupport.TestDatabases;

/**
 * FleetDiscoveryIT on PostgreSQL, in a schema of its own (engine and our tables), dropped after the context is closed:
 * a context left in Spring's cache would keep its job executor and run watcher polling the dropped tables.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.POSTGRES_DISABLED_REASON)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestExecutionListeners(listeners = FleetDiscoveryPostgresIT.DropSchema.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class FleetDiscoveryPostgresIT extends FleetDiscoveryIT {

    static String url;

    static synchronized String url() {
        if (url == null) {
            url = TestDatabases.freshPostgresSchemaUrl("discovery");
        }
        return url;
    }

    static String schema() {
        return TestDatabases.schemaOf(url());
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabases.registerPostgres(registry);
        registry.add("spring.datasource.url", FleetDiscoveryPostgresIT::url);
        // else the engine finds its tables in public (other runs) and never creates them here
        registry.add("camunda.bpm.database.schema-name", FleetDiscoveryPostgresIT::schema);
        registry.add("camunda.bpm.database.table-prefix", () -> schema() + ".");
    }

    /** Runs its afterTestClass after DirtiesContextTestExecutionListener's (after-callbacks run in reverse order). */
    static class DropSchema extends AbstractTestExecutionListener {

        @Override
        public int getOrder() {
            return 0;
        }

        @Override
        public void afterTestClass(TestContext testContext) {
            if (url != null) {
                TestDatabases.dropPostgresSchema(url);
                url = null;
            }
        }
    }
}
