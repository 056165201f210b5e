package dev.wparflow.testsupport;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Two connection pools, standing for two engine nodes, on a fresh PostgreSQL schema with our
 * migrations applied; closing drops the schema. For tests that need empty tables or damage data.
 */
public final class PostgresSchemaPools implements AutoCloseable {

    private final String url;
    private final HikariDataSource nodeA;
    private final HikariDataSource nodeB;

    public PostgresSchemaPools(String prefix) {
        url = TestDatabases.freshPostgresSchemaUrl(prefix);
        nodeA = (HikariDataSource) TestDatabases.migratedDataSource(url, TestDatabases.postgresUser(),
                TestDatabases.postgresPassword());
        nodeB = (HikariDataSource) TestDatabases.migratedDataSource(url, TestDatabases.postgresUser(),
                TestDatabases.postgresPassword());
    }

    public DataSource nodeA() {
        return nodeA;
    }

    public DataSource nodeB() {
        return nodeB;
    }

    @Override
    public void close() {
        nodeA.close();
        nodeB.close();
        TestDatabases.dropPostgresSchema(url);
    }
}
