package dev.wparflow.process.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.ToDoubleFunction;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.wparflow.process.approval.ApprovalSettings;
import dev.wparflow.process.approval.ChangeApprovalModel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What is waiting right now, read from the engine's tables and ours: change approvals waiting for a decision (with
 * the approvers, or escalated to camunda-admin) and the age of the oldest request, open incidents, detached runs
 * running and the age of the oldest, and the running fleet backups' window (WPARs done, failed, skipped and left, when
 * it started, when it will end at the pace so far, and when it should end; the global environments they backed up
 * and failed to). One query per family, on H2 and
 * PostgreSQL alike; the figures are read at most once per {@code wparflow.metrics.cache} (PT5S) whatever the number
 * of scrapers. A query that fails leaves its gauges at NaN until it answers again.
 */
@Component
public class OperationsGauges {

    private static final Logger log = LoggerFactory.getLogger(OperationsGauges.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration cache;
    private final Duration backupWindow;
    private final String engineTables;

    private volatile Snapshot snapshot;

    /** The figures of one refresh; NaN where the query failed or there is nothing to measure. */
    record Snapshot(Instant at, double approvalsWaiting, double approvalsEscalated, double oldestApprovalAge,
            double incidentsOpen, double runsRunning, double oldestRunAge, double backupRuns, double backupDone,
            double backupFailed, double backupSkipped, double backupLeft, double backupStarted,
            double backupProjectedEnd, double backupDeadline, double globalDone, double globalFailed) {
    }

    public OperationsGauges(JdbcTemplate jdbc, Clock clock, ProcessEngine engine, MeterRegistry meters,
            ApprovalSettings approvals, @Value("${wparflow.metrics.cache:PT5S}") Duration cache,
            @Value("${wparflow.metrics.backup-window:PT6H}") Duration backupWindow) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cache = cache;
        this.backupWindow = backupWindow;
        String prefix = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDatabaseTablePrefix();
        this.engineTables = prefix == null ? "" : prefix;

        gauge(meters, "wparflow.approvals.waiting", "Change approvals waiting for a decision, by stage", null,
                Snapshot::approvalsWaiting, "stage", "approvers");
        gauge(meters, "wparflow.approvals.waiting", "Change approvals waiting for a decision, by stage", null,
                Snapshot::approvalsEscalated, "stage", "escalated");
        gauge(meters, "wparflow.approvals.waiting.oldest.age", "Age of the oldest change request waiting for a decision",
                "seconds", Snapshot::oldestApprovalAge);
        Gauge.builder("wparflow.approval.escalation.after", approvals, a -> a.timeout().toSeconds())
                .description("wparflow.approval.timeout: how long approvers have before a request escalates")
                .baseUnit("seconds").register(meters);
        gauge(meters, "wparflow.incidents.open", "Open incidents (failed jobs an operator must retry or resolve)",
                null, Snapshot::incidentsOpen);
        gauge(meters, "wparflow.runs.detached.running", "Detached runs (long AIX commands) not yet ended", null,
                Snapshot::runsRunning);
        gauge(meters, "wparflow.runs.detached.oldest.age", "Age of the oldest detached run not yet ended", "seconds",
                Snapshot::oldestRunAge);
        gauge(meters, "wparflow.backup.window.runs", "Fleet backups running", null, Snapshot::backupRuns);
        for (String[] state : new String[][] {{"done", "DONE"}, {"failed", "FAILED"}, {"skipped", "SKIPPED"},
                {"left", "LEFT"}}) {
            ToDoubleFunction<Snapshot> f = switch (state[1]) {
                case "DONE" -> Snapshot::backupDone;
                case "FAILED" -> Snapshot::backupFailed;
                case "SKIPPED" -> Snapshot::backupSkipped;
                default -> Snapshot::backupLeft;
            };
            gauge(meters, "wparflow.backup.window.wpars", "WPARs of the running fleet backups, by state", null, f,
                    "state", state[0]);
        }
        gauge(meters, "wparflow.backup.window.globals", "Global environments backed up (mksysb, savevg) by the running"
                + " fleet backups, by state", null, Snapshot::globalDone, "state", "done");
        gauge(meters, "wparflow.backup.window.globals", "Global environments backed up (mksysb, savevg) by the running"
                + " fleet backups, by state", null, Snapshot::globalFailed, "state", "failed");
        gauge(meters, "wparflow.backup.window.started.timestamp", "When the oldest running fleet backup started",
                "seconds", Snapshot::backupStarted);
        gauge(meters, "wparflow.backup.window.projected.end.timestamp",
                "When the running fleet backups will end at the pace so far", "seconds",
                Snapshot::backupProjectedEnd);
        gauge(meters, "wparflow.backup.window.deadline.timestamp",
                "When the running fleet backups should end (start + wparflow.metrics.backup-window)", "seconds",
                Snapshot::backupDeadline);
    }

    private void gauge(MeterRegistry meters, String name, String description, String unit,
            ToDoubleFunction<Snapshot> figure, String... tags) {
        Gauge.builder(name, this, g -> figure.applyAsDouble(g.current())).description(description).baseUnit(unit)
                .tags(tags).register(meters);
    }

    /** The figures, read again when older than the cache time. */
    Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s != null && s.at().plus(cache).isAfter(now)) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (s == null || !s.at().plus(cache).isAfter(now)) {
                s = read(now);
                snapshot = s;
            }
            return s;
        }
    }

    private Snapshot read(Instant now) {
        double[] approvals = query("approvals", new double[] {Double.NaN, Double.NaN, Double.NaN}, () -> {
            double[] a = {0, 0, Double.NaN};
            Instant[] oldest = {null};
            jdbc.query("SELECT t.TASK_DEF_KEY_ AS stage, COUNT(DISTINCT t.PROC_INST_ID_) AS waiting,"
                    + " MIN(c.requested_at) AS oldest FROM " + engineTables + "ACT_RU_TASK t"
                    + " JOIN wparflow_change c ON c.approval_instance_id = t.PROC_INST_ID_"
                    + " WHERE t.TASK_DEF_KEY_ IN (?, ?) GROUP BY t.TASK_DEF_KEY_", (ResultSet rs) -> {
                        int i = ChangeApprovalModel.TASK_APPROVE_CHANGE.equals(rs.getString("stage")) ? 0 : 1;
                        a[i] = rs.getLong("waiting");
                        Instant at = instant(rs, "oldest");
                        if (at != null && (oldest[0] == null || at.isBefore(oldest[0]))) {
                            oldest[0] = at;
                        }
                    }, ChangeApprovalModel.TASK_APPROVE_CHANGE, ChangeApprovalModel.TASK_APPROVE_ESCALATED_CHANGE);
            a[2] = oldest[0] == null ? 0 : age(oldest[0], now);
            return a;
        });
        double[] incidents = query("incidents", new double[] {Double.NaN}, () -> new double[] {
                jdbc.queryForObject("SELECT COUNT(*) FROM " + engineTables + "ACT_RU_INCIDENT", Long.class)});
        double[] runs = query("detached runs", new double[] {Double.NaN, Double.NaN}, () -> jdbc.queryForObject(
                "SELECT COUNT(*) AS running, MIN(created_at) AS oldest FROM wparflow_remote_run"
                        + " WHERE state IN ('STARTING', 'RUNNING') AND correlated_at IS NULL",
                (rs, n) -> {
                    Instant oldest = instant(rs, "oldest");
                    return new double[] {rs.getLong("running"), oldest == null ? 0 : age(oldest, now)};
                }));
        double[] backup = query("backup window", new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN}, () -> jdbc.queryForObject("""
                SELECT COUNT(DISTINCT r.id) AS runs, MIN(r.started_at) AS started,
                       SUM(CASE WHEN i.state = 'DONE' THEN 1 ELSE 0 END) AS done,
                       SUM(CASE WHEN i.state = 'FAILED' THEN 1 ELSE 0 END) AS failed,
                       SUM(CASE WHEN i.state = 'SKIPPED' THEN 1 ELSE 0 END) AS skipped,
                       SUM(CASE WHEN i.state IN ('PENDING', 'CLAIMED') THEN 1 ELSE 0 END) AS remaining
                  FROM wparflow_backup_run r LEFT JOIN wparflow_backup_item i ON i.run_id = r.id
                       AND (i.wpar IS NULL OR i.wpar <> '-')
                 WHERE r.state = 'RUNNING'
                """, (rs, n) -> window(rs, now)));
        // a global environment's backup is an item with wpar '-' (BackupRunRepository.GLOBAL), recorded when it ends
        double[] globals = query("global backups", new double[] {Double.NaN, Double.NaN}, () -> jdbc.queryForObject("""
                SELECT SUM(CASE WHEN i.state = 'DONE' THEN 1 ELSE 0 END) AS done,
                       SUM(CASE WHEN i.state = 'FAILED' THEN 1 ELSE 0 END) AS failed
                  FROM wparflow_backup_run r JOIN wparflow_backup_item i ON i.run_id = r.id AND i.wpar = '-'
                 WHERE r.state = 'RUNNING'
                """, (rs, n) -> new double[] {rs.getLong("done"), rs.getLong("failed")}));
        return new Snapshot(now, approvals[0], approvals[1], approvals[2], incidents[0], runs[0], runs[1], backup[0],
                backup[1], backup[2], backup[3], backup[4], backup[5], backup[6], backup[7], globals[0], globals[1]);
    }

    /** runs, done, failed, skipped, left, started, projected end, deadline (the last three NaN without a run). */
    private double[] window(ResultSet rs, Instant now) throws SQLException {
        long runs = rs.getLong("runs");
        long done = rs.getLong("done");
        long failed = rs.getLong("failed");
        long skipped = rs.getLong("skipped");
        long left = rs.getLong("remaining");
        Instant started = instant(rs, "started");
        double start = Double.NaN;
        double projected = Double.NaN;
        double deadline = Double.NaN;
        if (runs > 0 && started != null) {
            start = started.getEpochSecond();
            deadline = started.plus(backupWindow).getEpochSecond();
            long finished = done + failed + skipped;
            double elapsed = Math.max(0, Duration.between(started, now).toMillis() / 1000.0);
            if (left == 0) {
                projected = now.getEpochSecond();
            } else if (finished > 0) {
                projected = start + elapsed * (finished + left) / finished;
            }
        }
        return new double[] {runs, done, failed, skipped, left, start, projected, deadline};
    }

    private double[] query(String what, double[] unknown, java.util.function.Supplier<double[]> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            log.warn("metrics: could not read the {}: {}", what, e.getMessage());
            return unknown;
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static double age(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
    }
}
