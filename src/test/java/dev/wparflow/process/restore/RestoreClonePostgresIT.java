package dev.wparflow.process.restore;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.wparflow.testsupport.TestDatabases;

/**
 * {@link AbstractRestoreCloneIT} on PostgreSQL, in a schema of its own (the drill samples the whole catalog, which must
 * hold this class's images only); runs when WPARFLOW_TEST_POSTGRES_URL is set.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+")
class RestoreClonePostgresIT extends AbstractRestoreCloneIT {

    private String url;

    @Override
    String databaseUrl() {
        if (url == null) {
            url = TestDatabases.freshPostgresSchemaUrl("restore");
        }
        return url;
    }

    @Override
    String databaseUser() {
        return TestDatabases.postgresUser();
    }

    @Override
    String databasePassword() {
        return TestDatabases.postgresPassword();
    }

    @Override
    Map<String, String> databaseProperties() {
        return TestDatabases.camundaSchemaProperties(databaseUrl());
    }

    @AfterAll
    void dropSchema() {
        stop();
        TestDatabases.dropPostgresSchema(url);
    }
}
