package dev.wparflow.process.backup;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import com.zaxxer.hikari.HikariDataSource;

import dev.wparflow.testsupport.TestDatabases;

@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.POSTGRES_DISABLED_REASON)
class BackupRunRepositoryPostgresTest extends AbstractBackupRunRepositoryTest {

    private static String url;
    private static DataSource ds;

    @Override
    synchronized DataSource dataSource() {
        if (ds == null) {
            url = TestDatabases.freshPostgresSchemaUrl("backup_runs");
            ds = TestDatabases.migratedDataSource(url, TestDatabases.postgresUser(), TestDatabases.postgresPassword());
        }
        return ds;
    }

    @AfterAll
    static void dropSchema() {
        if (ds != null) {
            ((HikariDataSource) ds).close();
            TestDatabases.dropPostgresSchema(url);
        }
    }
}
