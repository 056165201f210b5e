package dev.wparflow.audit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.wparflow.testsupport.PostgresSchemaPools;
import dev.wparflow.testsupport.TestDatabases;

/** In a schema of its own: the tests damage the chain on purpose. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.POSTGRES_DISABLED_REASON)
class CommandTranscriptServicePostgresTest extends AbstractCommandTranscriptServiceTest {

    private static PostgresSchemaPools pools;

    private static synchronized PostgresSchemaPools pools() {
        if (pools == null) {
            pools = new PostgresSchemaPools("transcripts");
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
