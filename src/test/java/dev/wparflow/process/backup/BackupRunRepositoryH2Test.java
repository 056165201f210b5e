package dev.wparflow.process.backup;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;

import com.zaxxer.hikari.HikariDataSource;

import dev.wparflow.testsupport.TestDatabases;

class BackupRunRepositoryH2Test extends AbstractBackupRunRepositoryTest {

    static final DataSource DS = TestDatabases.migratedDataSource(
            "jdbc:h2:mem:backup-runs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    DataSource dataSource() {
        return DS;
    }

    @AfterAll
    static void closePool() {
        ((HikariDataSource) DS).close();
    }
}
