package dev.wparflow.process.restore;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestDatabases;

/**
 * {@link AbstractRestoreCloneIT} on PostgreSQL, in a schema of its own (the drill samples the whole catalog, which must
 * hold this class's images only); runs when WPARFLOW_TEST_POSTGRES_URL is set.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+")
class RestoreClonePostgresIT extends AbstractRestoreCloneIT {

    private final TestDatabase database = TestDatabase.freshPostgresSchema("restore");

    @Override
    TestDatabase database() {
        return database;
    }
}
