package dev.wparflow.process.relocation.staticmove;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestDatabases;

/** {@link AbstractStaticRelocationIT} on PostgreSQL, in a schema of its own; runs when WPARFLOW_TEST_POSTGRES_URL is set. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+")
class StaticRelocationPostgresIT extends AbstractStaticRelocationIT {

    private final TestDatabase database = TestDatabase.freshPostgresSchema("reloc");

    @Override
    TestDatabase database() {
        return database;
    }
}
