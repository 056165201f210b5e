package dev.wparflow.process.relocation.request;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestDatabases;

/** {@link AbstractRelocationIT} on PostgreSQL, in a schema of its own; runs when WPARFLOW_TEST_POSTGRES_URL is set. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+")
class RelocationPostgresIT extends AbstractRelocationIT {

    private final TestDatabase database = TestDatabase.freshPostgresSchema("reloc2");

    @Override
    TestDatabase database() {
        return database;
    }
}
