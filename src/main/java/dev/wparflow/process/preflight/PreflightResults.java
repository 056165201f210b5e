package dev.wparflow.process.preflight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Preflight runs, the hosts each checked and their findings (Flyway V14). Every write is idempotent: a retried step
 * replaces its host's findings.
 */
@Repository
public class PreflightResults {

    /** A run as a list shows it. */
    public record Run(String id, String startedBy, Instant startedAt, Instant finishedAt, Integer hostsTotal,
            Integer hostsFailed) {
    }

    /** The latest result of one host: whether its last preflight passed, when, in which run, and why not. */
    public record HostResult(String host, String hostKind, boolean passed, Instant checkedAt, String runId,
            String firstFailure) {
    }

    /** A host a run is to check. */
    public record PlannedHost(String host, String hostKind) {
    }

    private final JdbcTemplate jdbc;

    public PreflightResults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts a run with its hosts unless it exists (a retried step). */
    @Transactional
    public void start(String runId, String startedBy, Instant at, List<PlannedHost> hosts) {
        try {
            jdbc.update("INSERT INTO wparflow_preflight_run (id, started_by, started_at, hosts_total) VALUES (?, ?, ?, ?)",
                    runId, startedBy, ts(at), hosts.size());
        } catch (DuplicateKeyException again) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO wparflow_preflight_host (run_id, host, host_kind) VALUES (?, ?, ?)",
                hosts.stream().map(h -> new Object[] {runId, h.host(), h.hostKind()}).toList());
    }

    /** The hosts the run planned, by name. */
    public List<PlannedHost> planned(String runId) {
        return jdbc.query("SELECT host, host_kind FROM wparflow_preflight_host WHERE run_id = ? ORDER BY host",
                (rs, i) -> new PlannedHost(rs.getString("host"), rs.getString("host_kind")), runId);
    }

    /** Keeps one host's findings (replacing those of an earlier attempt) and whether it passed. */
    @Transactional
    public void hostChecked(String runId, String host, List<PreflightFinding> findings, Instant at) {
        jdbc.update("DELETE FROM wparflow_preflight_finding WHERE run_id = ? AND host = ?", runId, host);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            PreflightFinding f = findings.get(i);
            rows.add(new Object[] {runId, host, i, f.hostKind(), cut(f.check(), 255), cut(f.commandLine(), 1000),
                    f.status().name(), cut(f.detail(), 4000), cut(f.advice(), 1000), cut(f.rawOutput(), 65536),
                    ts(f.checkedAt())});
        }
        jdbc.batchUpdate("INSERT INTO wparflow_preflight_finding (run_id, host, seq, host_kind, check_name, command_line,"
                + " status, detail, advice, raw_output, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        boolean passed = findings.stream().allMatch(PreflightFinding::ok);
        jdbc.update("UPDATE wparflow_preflight_host SET passed = ?, checked_at = ? WHERE run_id = ? AND host = ?",
                passed, ts(at), runId, host);
    }

    /** Counts the run's hosts into its row and marks it finished; answers the hosts that failed. */
    public int finish(String runId, Instant at) {
        Integer failed = jdbc.queryForObject("SELECT COUNT(*) FROM wparflow_preflight_host WHERE run_id = ?"
                + " AND (passed = FALSE OR passed IS NULL)", Integer.class, runId);
        jdbc.update("UPDATE wparflow_preflight_run SET finished_at = ?, hosts_failed = ? WHERE id = ?", ts(at), failed,
                runId);
        return failed == null ? 0 : failed;
    }

    public Optional<Run> run(String runId) {
        return jdbc.query("SELECT * FROM wparflow_preflight_run WHERE id = ?", PreflightResults::run, runId).stream()
                .findFirst();
    }

    /** The findings of a run, by host and in the order they were checked. */
    public List<PreflightFinding> findings(String runId) {
        return jdbc.query("SELECT * FROM wparflow_preflight_finding WHERE run_id = ? ORDER BY host, seq",
                PreflightResults::finding, runId);
    }

    /** The latest checked result of every host ever preflighted, by host name. */
    public List<HostResult> latest() {
        return jdbc.query("""
                SELECT h.run_id, h.host, h.host_kind, h.passed, h.checked_at FROM wparflow_preflight_host h
                WHERE h.checked_at IS NOT NULL AND h.checked_at = (SELECT MAX(l.checked_at) FROM wparflow_preflight_host l
                  WHERE l.host = h.host AND l.checked_at IS NOT NULL)
                ORDER BY h.host""", this::hostResult).stream()
                .collect(java.util.stream.Collectors.toMap(HostResult::host, r -> r, (a, b) -> a,
                        java.util.LinkedHashMap::new)).values().stream().toList();
    }

    /** The latest checked result of {@code host}, if it was ever preflighted. */
    public Optional<HostResult> latest(String host) {
        return jdbc.query("SELECT run_id, host, host_kind, passed, checked_at FROM wparflow_preflight_host"
                + " WHERE host = ? AND checked_at IS NOT NULL ORDER BY checked_at DESC, run_id DESC", this::hostResult,
                host).stream().findFirst();
    }

    private HostResult hostResult(ResultSet rs, int i) throws SQLException {
        boolean passed = rs.getBoolean("passed");
        String runId = rs.getString("run_id");
        String host = rs.getString("host");
        String firstFailure = passed ? null : jdbc.query("SELECT check_name, status, detail FROM wparflow_preflight_finding"
                + " WHERE run_id = ? AND host = ? AND status NOT IN ('OK', 'UNKNOWN_FIELDS') ORDER BY seq",
                (f, n) -> f.getString("check_name") + ": " + f.getString("status")
                        + (f.getString("detail") == null || f.getString("detail").isBlank() ? ""
                                : " (" + f.getString("detail") + ")"), runId, host).stream().findFirst().orElse(null);
        return new HostResult(host, rs.getString("host_kind"), passed, instant(rs, "checked_at"), runId, firstFailure);
    }

    private static Run run(ResultSet rs, int i) throws SQLException {
        return new Run(rs.getString("id"), rs.getString("started_by"), instant(rs, "started_at"),
                instant(rs, "finished_at"), (Integer) rs.getObject("hosts_total", Integer.class),
                (Integer) rs.getObject("hosts_failed", Integer.class));
    }

    private static PreflightFinding finding(ResultSet rs, int i) throws SQLException {
        return new PreflightFinding(rs.getString("run_id"), rs.getString("host"), rs.getString("host_kind"),
                rs.getString("check_name"), rs.getString("command_line"),
                PreflightStatus.valueOf(rs.getString("status")), rs.getString("detail"), rs.getString("advice"),
                rs.getString("raw_output"), instant(rs, "checked_at"));
    }

    private static OffsetDateTime ts(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
