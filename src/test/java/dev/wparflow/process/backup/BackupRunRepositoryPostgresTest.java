package dev.wparflow.process.backup;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.wparflow.testsupport.MigratedDatabase;
import dev.wparflow.testsupport.TestDatabases;

@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.POSTGRES_DISABLED_REASON)
class BackupRunRepositoryPostgresTest extends AbstractBackupRunRepositoryTest {

    static final MigratedDatabase DB = MigratedDatabase.freshPostgresSchema("backup_runs");

    @Override
    DataSource dataSource() {
        return DB.dataSource();
    }

    @AfterAll
    static void dropSchema() {
        DB.close();
    }
}
