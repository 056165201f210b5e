package dev.wparflow.testsupport;

import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One connection pool on a database of a test class's own with our migrations applied: H2 in memory, or a fresh
 * schema in the PostgreSQL test database. Made on first use (a PostgreSQL class that is disabled makes nothing);
 * {@link #close()} closes the pool and drops the schema.
 */
public final class MigratedDatabase implements AutoCloseable {

    private final String prefix;
    private final boolean postgres;
    private String url;
    private HikariDataSource pool;

    private MigratedDatabase(String prefix, boolean postgres) {
        this.prefix = prefix;
        this.postgres = postgres;
    }

    public static MigratedDatabase h2Memory(String prefix) {
        return new MigratedDatabase(prefix, false);
    }

    public static MigratedDatabase freshPostgresSchema(String prefix) {
        return new MigratedDatabase(prefix, true);
    }

    /** H2, or PostgreSQL when the run selects it ({@link TestDatabases#postgresSelected}, see {@link BothDatabases}). */
    public static MigratedDatabase selected(String prefix) {
        return new MigratedDatabase(prefix, TestDatabases.postgresSelected());
    }

    public synchronized DataSource dataSource() {
        if (pool == null) {
            url = postgres ? TestDatabases.freshPostgresSchemaUrl(prefix)
                    : "jdbc:h2:mem:" + prefix + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            pool = (HikariDataSource) (postgres
                    ? TestDatabases.migratedDataSource(url, TestDatabases.postgresUser(), TestDatabases.postgresPassword())
                    : TestDatabases.migratedDataSource(url, "sa", ""));
        }
        return pool;
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
            if (postgres) {
                TestDatabases.dropPostgresSchema(url);
            }
            pool = null;
        }
    }
}
