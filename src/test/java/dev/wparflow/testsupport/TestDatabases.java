package dev.wparflow.testsupport;

import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * The databases tests run on: H2 in memory always, PostgreSQL when WPARFLOW_TEST_POSTGRES_URL is set
 * (.ci/run sets it when a server answers on 127.0.0.1:5432).
 */
public final class TestDatabases {

    public static final String POSTGRES_URL_VARIABLE = "WPARFLOW_TEST_POSTGRES_URL";
    public static final String POSTGRES_DISABLED_REASON =
            "WPARFLOW_TEST_POSTGRES_URL is not set: no PostgreSQL to test against (.ci/run sets it when 127.0.0.1:5432 answers)";

    private TestDatabases() {
    }

    /** The system property that selects the database of {@link BothDatabases} classes: h2 (default) or postgres. */
    public static final String DATABASE_PROPERTY = "wparflow.test.database";

    /** Whether this run tests {@link BothDatabases} classes on PostgreSQL ({@code -Dwparflow.test.database=postgres}). */
    public static boolean postgresSelected() {
        return "postgres".equals(System.getProperty(DATABASE_PROPERTY, "h2"));
    }

    public static String postgresUrl() {
        return System.getenv(POSTGRES_URL_VARIABLE);
    }

    public static String postgresUser() {
        return System.getenv().getOrDefault("WPARFLOW_TEST_POSTGRES_USER", "postgres");
    }

    public static String postgresPassword() {
        return System.getenv().getOrDefault("WPARFLOW_TEST_POSTGRES_PASSWORD", "");
    }

    private static ProcessEngine h2;
    private static ProcessEngine postgres;

    /** A pooled DataSource with our Flyway migrations applied; each call is a separate pool, like another node. */
    public static javax.sql.DataSource migratedDataSource(String url, String user, String password) {
        com.zaxxer.hikari.HikariDataSource dataSource = new com.zaxxer.hikari.HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(8);
        org.flywaydb.core.Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0")
                .table("wparflow_schema_history").load().migrate();
        return dataSource;
    }

    /**
     * A fresh PostgreSQL schema for tests that must not share state with other runs (they damage
     * data on purpose, or need an empty table); the URL selects it as the current schema.
     */
    public static String freshPostgresSchemaUrl(String prefix) {
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(postgresUrl(), postgresUser(),
                postgresPassword()); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema, e);
        }
        return postgresUrl() + (postgresUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The schema a {@link #freshPostgresSchemaUrl} selects. */
    public static String schemaOf(String url) {
        return url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
    }

    /**
     * Camunda finds its tables through JDBC metadata across schemas: other runs' tables in public would
     * make it skip creating them in a fresh schema, so it is told the schema.
     */
    public static java.util.Map<String, String> camundaSchemaProperties(String url) {
        String schema = schemaOf(url);
        return java.util.Map.of("camunda.bpm.database.schema-name", schema, "camunda.bpm.database.table-prefix",
                schema + ".");
    }

    /** Drops a schema made by {@link #freshPostgresSchemaUrl}. */
    public static void dropPostgresSchema(String url) {
        String schema = schemaOf(url);
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(postgresUrl(), postgresUser(),
                postgresPassword()); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot drop schema " + schema, e);
        }
    }

    /** Points a Spring Boot test context at PostgreSQL instead of the test profile's H2. */
    public static void registerPostgres(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabases::postgresUrl);
        registry.add("spring.datasource.username", TestDatabases::postgresUser);
        registry.add("spring.datasource.password", TestDatabases::postgresPassword);
    }

    /** A plain engine (no Spring, job executor off, mockable expressions) for process-model tests, built once. */
    public static synchronized ProcessEngine h2Engine() {
        if (h2 == null) {
            h2 = engine("org.h2.Driver", "jdbc:h2:mem:engine-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "sa", "", "create-drop");
        }
        return h2;
    }

    /** The same on PostgreSQL; never drops the schema: the database is shared with other tests and runs. */
    public static synchronized ProcessEngine postgresEngine() {
        if (postgres == null) {
            postgres = engine("org.postgresql.Driver", postgresUrl(), postgresUser(), postgresPassword(), "true");
        }
        return postgres;
    }

    private static ProcessEngine engine(String driver, String url, String user, String password, String schemaUpdate) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("test-" + UUID.randomUUID());
        configuration.setJdbcDriver(driver);
        configuration.setJdbcUrl(url);
        configuration.setJdbcUsername(user);
        configuration.setJdbcPassword(password);
        configuration.setDatabaseSchemaUpdate(schemaUpdate);
        // the application's level id, so that Spring ITs can share the PostgreSQL database these engines create; every
        // model at full, since the model tests read each path from history
        configuration.setHistory(dev.wparflow.engine.history.PerProcessHistoryLevel.NAME);
        configuration.getProcessEnginePlugins().add(new dev.wparflow.engine.history.PerProcessHistoryPlugin(false));
        configuration.setJobExecutorActivate(false);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setExpressionManager(new MockExpressionManager());
        configuration.setEnforceHistoryTimeToLive(true);
        // records the flow nodes and sequence flows each test takes, for ProcessHarness's coverage reports
        org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator
                .initializeProcessCoverageExtensions(configuration);
        return configuration.buildProcessEngine();
    }
}
