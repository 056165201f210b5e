package dev.wparflow.lock;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;

import dev.wparflow.testsupport.TestDatabases;

class LeaseLockServiceH2Test extends AbstractLeaseLockServiceTest {

    static final String URL = "jdbc:h2:mem:locks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
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
        close(A, B);
    }
}
