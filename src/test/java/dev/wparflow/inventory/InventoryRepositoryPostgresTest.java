package dev.wparflow.inventory;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.wparflow.testsupport.MigratedDatabase;
import dev.wparflow.testsupport.TestDatabases;

@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.POSTGRES_DISABLED_REASON)
class InventoryRepositoryPostgresTest extends AbstractInventoryRepositoryTest {

    static final MigratedDatabase DB = MigratedDatabase.freshPostgresSchema("inventory");

    @Override
    DataSource dataSource() {
        return DB.dataSource();
    }

    @AfterAll
    static void dropSchema() {
        DB.close();
    }
}
