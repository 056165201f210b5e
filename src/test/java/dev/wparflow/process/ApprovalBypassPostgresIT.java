package dev.wparflow.process;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestDatabases;

/** {@link AbstractApprovalBypassIT} on PostgreSQL, in a schema of its own; runs when WPARFLOW_TEST_POSTGRES_URL is set. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+")
class ApprovalBypassPostgresIT extends AbstractApprovalBypassIT {

    private final TestDatabase database = TestDatabase.freshPostgresSchema("bypass");

    @Override
    protected TestDatabase database() {
        return database;
    }
}
