package dev.wparflow.inventory;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;

import dev.wparflow.testsupport.MigratedDatabase;

class InventoryRepositoryH2Test extends AbstractInventoryRepositoryTest {

    static final MigratedDatabase DB = MigratedDatabase.h2Memory("inventory");

    @Override
    DataSource dataSource() {
        return DB.dataSource();
    }

    @AfterAll
    static void closePool() {
        DB.close();
    }
}
