package dev.wparflow.lock;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.wparflow.testsupport.TestDatabases;

@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.POSTGRES_DISABLED_REASON)
class LeaseLockServicePostgresTest extends AbstractLeaseLockServiceTest {

    private static String url;
    private static DataSource a;
    private static DataSource b;

    /** A schema of its own: whatever other runs left in the shared database does not matter. */
    private static synchronized DataSource pool(boolean first) {
        if (a == null) {
            url = TestDatabases.freshPostgresSchemaUrl("locks");
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
    static void closePools() {
        if (a != null) {
            close(a, b);
            TestDatabases.dropPostgresSchema(url);
        }
    }
}
