package dev.wparflow.process.backup;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;

import dev.wparflow.testsupport.MigratedDatabase;

class BackupRunRepositoryH2Test extends AbstractBackupRunRepositoryTest {

    static final MigratedDatabase DB = MigratedDatabase.h2Memory("backup-runs");

    @Override
    DataSource dataSource() {
        return DB.dataSource();
    }

    @AfterAll
    static void closePool() {
        DB.close();
    }
}
