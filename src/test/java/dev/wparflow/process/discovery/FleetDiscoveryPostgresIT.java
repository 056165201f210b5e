package dev.wparflow.process.discovery;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.wparflow.testsupport.TestDatabases;

/** FleetDiscoveryIT on PostgreSQL, in a schema of its own (engine and our tables), dropped afterwards. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.POSTGRES_DISABLED_REASON)
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

    @AfterAll
    static void dropSchema() {
        if (url != null) {
            // the context (and its pool) may outlive the class in Spring's cache: drop what we can
            try {
                TestDatabases.dropPostgresSchema(url);
            } catch (IllegalStateException busy) {
                // connections still open: the schema stays until the next clean-up
            }
        }
    }
}
