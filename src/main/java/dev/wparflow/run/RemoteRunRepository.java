package dev.wparflow.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** wparflow_remote_run. State changes are conditional updates, so concurrent nodes cannot undo each other. */
@Repository
public class RemoteRunRepository {

    static final int OUTPUT_LIMIT = 65536;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RemoteRunRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a run once; false if the run id is recorded already. */
    public boolean insert(String runId, String host, String command, String processInstanceId, String activityId) {
        try {
            jdbc.update("""
                    INSERT INTO wparflow_remote_run (run_id, host, command, process_instance_id, activity_id, state, created_at)
                    VALUES (?, ?, ?, ?, ?, 'STARTING', ?)
                    """, runId, host, command, processInstanceId, activityId, now());
            return true;
        } catch (DuplicateKeyException recordedAlready) {
            return false;
        }
    }

    public void markRunning(String runId) {
        jdbc.update("UPDATE wparflow_remote_run SET state = 'RUNNING', started_at = ? WHERE run_id = ? AND state = 'STARTING'",
                now(), runId);
    }

    /** Records how a run ended; only the first report counts. */
    public boolean markFinished(String runId, RemoteRun.State state, Integer exitCode, String output, String note) {
        String cut = output == null || output.length() <= OUTPUT_LIMIT ? output : output.substring(output.length() - OUTPUT_LIMIT);
        return jdbc.update("""
                UPDATE wparflow_remote_run SET state = ?, exit_code = ?, output = ?, finished_at = ?, note = ?
                 WHERE run_id = ? AND state IN ('STARTING', 'RUNNING')
                """, state.name(), exitCode, cut, now(), note, runId) == 1;
    }

    /** Notes the execution that waits for the run (in the transaction that reaches the wait). */
    public void markWaiting(String runId, String executionId) {
        if (jdbc.update("UPDATE wparflow_remote_run SET waiting_execution_id = ? WHERE run_id = ?", executionId, runId) != 1) {
            throw new IllegalStateException("no run " + runId + " to wait for");
        }
    }

    /** Claims the hand-over of a finished run to its wait ({@code correlated_at}); true for exactly one caller. */
    public boolean claimCorrelation(String runId, String note) {
        return jdbc.update("""
                UPDATE wparflow_remote_run SET correlated_at = ?, note = COALESCE(?, note)
                 WHERE run_id = ? AND correlated_at IS NULL
                """, now(), note, runId) == 1;
    }

    public Optional<RemoteRun> find(String runId) {
        return jdbc.query("SELECT * FROM wparflow_remote_run WHERE run_id = ?", this::row, runId).stream().findFirst();
    }

    /** Hosts with runs not yet handed over: what the poller visits. */
    public List<String> hostsWithOpenRuns() {
        return jdbc.queryForList("SELECT DISTINCT host FROM wparflow_remote_run WHERE correlated_at IS NULL ORDER BY host",
                String.class);
    }

    public List<RemoteRun> openRuns(String host) {
        return jdbc.query("SELECT * FROM wparflow_remote_run WHERE host = ? AND correlated_at IS NULL ORDER BY created_at",
                this::row, host);
    }

    /** Every run not yet handed over, of every host: one query per poll round. */
    public List<RemoteRun> openRuns() {
        return jdbc.query("SELECT * FROM wparflow_remote_run WHERE correlated_at IS NULL ORDER BY created_at", this::row);
    }

    public List<RemoteRun> forProcessInstance(String processInstanceId) {
        return jdbc.query("SELECT * FROM wparflow_remote_run WHERE process_instance_id = ? ORDER BY created_at",
                this::row, processInstanceId);
    }

    public List<RemoteRun> recent(int limit) {
        return jdbc.query("SELECT * FROM wparflow_remote_run ORDER BY created_at DESC", this::row).stream()
                .limit(limit).toList();
    }

    private RemoteRun row(ResultSet rs, int rowNum) throws SQLException {
        int exit = rs.getInt("exit_code");
        Integer exitCode = rs.wasNull() ? null : exit;
        return new RemoteRun(rs.getString("run_id"), rs.getString("host"), rs.getString("command"),
                rs.getString("process_instance_id"), rs.getString("activity_id"),
                RemoteRun.State.valueOf(rs.getString("state")), exitCode, rs.getString("output"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                instant(rs, "correlated_at"), rs.getString("note"), rs.getString("waiting_execution_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
