package dev.wparflow.engine.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Brings PostgreSQL's statistics of Camunda's runtime tables up to date a few seconds after a burst of work began.
 * <p>
 * The tables are queues: a fleet backup fills them from empty within seconds, and until autovacuum's next round
 * (autovacuum_naptime, a minute by default; never when autovacuum is off) the planner believes what the last VACUUM
 * saw, empty tables. The pooled connections' cached plans are then made for empty tables: Camunda's variable query
 * scanned the whole of an index (all rows have {@code TASK_ID_ is null}) or ACT_RU_EXECUTION twice, 2–11 ms instead of
 * 0.1 ms, six times per WPAR: about half of PostgreSQL's work in a fleet backup without it (docs/benchmarks.md,
 * "Fleet backup"). ANALYZE replaces the statistics and makes PostgreSQL plan those statements again. Best effort: a failure (tables
 * owned by someone else) is logged, not raised. Nothing on H2.
 */
@Component
public class RuntimeTableStatistics {

    private static final Logger log = LoggerFactory.getLogger(RuntimeTableStatistics.class);

    /** The runtime tables that every step of a process instance reads by id. */
    static final List<String> QUEUE_TABLES = List.of("ACT_RU_EXECUTION", "ACT_RU_VARIABLE", "ACT_RU_JOB");

    private final DataSource dataSource;
    private final String tablePrefix;
    private final boolean postgres;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final Duration delay;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    @Autowired
    public RuntimeTableStatistics(ProcessEngineConfigurationImpl engine, TaskScheduler scheduler, Clock clock,
            @Value("${wparflow.database.analyze-after:PT5S}") Duration delay) {
        this(engine.getDataSource(), engine.getDatabaseTablePrefix(), "postgres".equals(engine.getDatabaseType()),
                scheduler, clock, delay);
    }

    RuntimeTableStatistics(DataSource dataSource, String tablePrefix, boolean postgres, TaskScheduler scheduler,
            Clock clock, Duration delay) {
        this.dataSource = dataSource;
        this.tablePrefix = tablePrefix == null ? "" : tablePrefix;
        this.postgres = postgres;
        this.scheduler = scheduler;
        this.clock = clock;
        this.delay = delay;
    }

    /** A burst has begun: ANALYZE once it has filled the tables; one pending at a time. */
    public void refreshSoon() {
        if (postgres && scheduled.compareAndSet(false, true)) {
            scheduler.schedule(this::analyze, clock.instant().plus(delay));
        }
    }

    void analyze() {
        scheduled.set(false);
        String tables = QUEUE_TABLES.stream().map(t -> tablePrefix + t).collect(Collectors.joining(", "));
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE " + tables);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            log.debug("ANALYZE {} in {} ms", tables, (System.nanoTime() - t0) / 1_000_000);
        } catch (SQLException e) {
            log.warn("ANALYZE {} failed: {}; the planner keeps older statistics until autovacuum's next round",
                    tables, e.getMessage());
        }
    }
}
