package dev.wparflow.engine.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.concurrent.ConcurrentTaskScheduler;

import dev.wparflow.testsupport.TestDatabases;

@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.POSTGRES_DISABLED_REASON)
class RuntimeTableStatisticsPostgresTest {

    private String url;
    private String schema;

    @BeforeEach
    void queueTablesFilledSinceTheirLastVacuum() throws Exception {
        url = TestDatabases.freshPostgresSchemaUrl("table_stats");
        schema = TestDatabases.schemaOf(url);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String table : RuntimeTableStatistics.QUEUE_TABLES) {
                s.execute("CREATE TABLE " + table + " (ID_ VARCHAR(64) PRIMARY KEY, TASK_ID_ VARCHAR(64))");
                s.execute("VACUUM " + table); // empty: what the planner believes after a quiet night
                s.execute("INSERT INTO " + table + " SELECT 'id' || g, NULL FROM generate_series(1, 500) g");
            }
        }
    }

    @AfterEach
    void dropSchema() {
        TestDatabases.dropPostgresSchema(url);
    }

    @Test
    void aBurstIsFollowedByOneAnalyzeThatGivesThePlannerTheTablesAsTheyAreNow() throws Exception {
        assertThat(estimatedRows()).containsOnly(0L);
        List<Instant> scheduledFor = new ArrayList<>();
        List<Runnable> tasks = new ArrayList<>();
        ConcurrentTaskScheduler scheduler = new ConcurrentTaskScheduler() {
            @Override
            public java.util.concurrent.ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
                tasks.add(task);
                scheduledFor.add(startTime);
                return null;
            }
        };
        Instant now = Instant.parse("2026-11-23T02:00:00Z");
        RuntimeTableStatistics statistics = new RuntimeTableStatistics(new DriverManagerDataSource(url,
                TestDatabases.postgresUser(), TestDatabases.postgresPassword()), schema + ".", true, scheduler,
                Clock.fixed(now, ZoneOffset.UTC), Duration.ofSeconds(5));

        statistics.refreshSoon();
        statistics.refreshSoon(); // a second fleet run starting meanwhile: still one ANALYZE

        assertThat(scheduledFor).containsExactly(now.plusSeconds(5));
        tasks.get(0).run();
        assertThat(estimatedRows()).containsOnly(500L);
        statistics.refreshSoon(); // the next burst gets its own
        assertThat(tasks).hasSize(2);
    }

    private List<Long> estimatedRows() throws Exception {
        List<Long> rows = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT c.reltuples::bigint FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?")) {
            for (String table : RuntimeTableStatistics.QUEUE_TABLES) {
                s.setString(1, schema);
                s.setString(2, table.toLowerCase(Locale.ROOT));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    rows.add(r.getLong(1));
                }
            }
        }
        return rows;
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(url, TestDatabases.postgresUser(), TestDatabases.postgresPassword());
    }
}
