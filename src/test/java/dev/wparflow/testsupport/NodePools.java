package dev.wparflow.testsupport;

import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Two connection pools, standing for two engine nodes, on one database of the test class's own with our migrations
 * applied: H2 in memory, or a fresh PostgreSQL schema when the run selects PostgreSQL ({@link BothDatabases}).
 * Made on first use; closing drops the schema. For tests that need empty tables or damage data.
 */
public final class NodePools implements AutoCloseable {

    private final String prefix;
    private String url;
    private HikariDataSource nodeA;
    private HikariDataSource nodeB;

    private NodePools(String prefix) {
        this.prefix = prefix;
    }

    /** The pools on the database this run selects. */
    public static NodePools selected(String prefix) {
        return new NodePools(prefix);
    }

    private synchronized void open() {
        if (nodeA != null) {
            return;
        }
        boolean postgres = TestDatabases.postgresSelected();
        url = postgres ? TestDatabases.freshPostgresSchemaUrl(prefix)
                : "jdbc:h2:mem:" + prefix + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String user = postgres ? TestDatabases.postgresUser() : "sa";
        String password = postgres ? TestDatabases.postgresPassword() : "";
        nodeA = (HikariDataSource) TestDatabases.migratedDataSource(url, user, password);
        nodeB = (HikariDataSource) TestDatabases.migratedDataSource(url, user, password);
    }

    public DataSource nodeA() {
        open();
        return nodeA;
    }

    public DataSource nodeB() {
        open();
        return nodeB;
    }

    @Override
    public synchronized void close() {
        if (nodeA == null) {
            return;
        }
        nodeA.close();
        nodeB.close();
        if (url.startsWith("jdbc:postgresql:")) {
            TestDatabases.dropPostgresSchema(url);
        }
        nodeA = null;
        nodeB = null;
    }
}
