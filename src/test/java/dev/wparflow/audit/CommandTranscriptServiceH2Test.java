package dev.wparflow.audit;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;

import com.zaxxer.hikari.HikariDataSource;

import dev.wparflow.testsupport.TestDatabases;

class CommandTranscriptServiceH2Test extends AbstractCommandTranscriptServiceTest {

    static final String URL = "jdbc:h2:mem:transcripts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    static final DataSource A = TestDatabases.migratedDataSource(URL, "sa", "");
    static final DataSource B = TestDatabases.migratedDataSource(URL, "sa", "");

    @Override
    DataSource nodeA() {
        return A;
    }

    @Override
    DataSource nodeB() {
        return B;
    }

    @AfterAll
    static void closePools() {
        ((HikariDataSource) A).close();
        ((HikariDataSource) B).close();
    }
}
