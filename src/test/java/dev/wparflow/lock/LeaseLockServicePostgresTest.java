package dev.wparflow.lock;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.wparflow.testsupport.PostgresSchemaPools;
import dev.wparflow.testsupport.TestDatabases;

/** In a schema of its own: whatever other runs left in the shared database does not matter. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.POSTGRES_DISABLED_REASON)
class LeaseLockServicePostgresTest extends AbstractLeaseLockServiceTest {

    private static PostgresSchemaPools pools;

    private static synchronized PostgresSchemaPools pools() {
        if (pools == null) {
            pools = new PostgresSchemaPools("locks");
        }
        return pools;
    }

    @Override
    DataSource nodeA() {
        return pools().nodeA();
    }

    @Override
    DataSource nodeB() {
        return pools().nodeB();
    }

    @AfterAll
    static void dropSchema() {
        if (pools != null) {
            pools.close();
        }
    }
}
