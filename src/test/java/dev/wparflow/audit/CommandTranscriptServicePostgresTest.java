package dev.wparflow.audit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import com.zaxxer.hikari.HikariDataSource;

import dev.wparflow.testsupport.TestDatabases;

@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.POSTGRES_DISABLED_REASON)
class CommandTranscriptServicePostgresTest extends AbstractCommandTranscriptServiceTest {

    private static String url;
    private static DataSource a;
    private static DataSource b;

    private static synchronized DataSource pool(boolean first) {
        if (a == null) {
            url = TestDatabases.freshPostgresSchemaUrl("transcripts");
            a = TestDatabases.migratedDataSource(url, TestDatabases.postgresUser(), TestDatabases.postgresPassword());
            b = TestDatabases.migratedDataSource(url, TestDatabases.postgresUser(), TestDatabases.postgresPassword());
        }
        return first ? a : b;
    }

    @Override
    DataSource nodeA() {
        return pool(true);
    }

    @Override
    DataSource nodeB() {
        return pool(false);
    }

    @AfterAll
    static void dropSchema() {
        if (a != null) {
            ((HikariDataSource) a).close();
            ((HikariDataSource) b).close();
            TestDatabases.dropPostgresSchema(url);
        }
    }
}
