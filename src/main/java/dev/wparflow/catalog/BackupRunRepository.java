package dev.wparflow.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Fleet backup runs and their items (wparflow_backup_run, wparflow_backup_item). */
@Repository
public class BackupRunRepository {

    public enum ItemState { PENDING, CLAIMED, DONE, FAILED, SKIPPED }

    /**
     * The {@code wpar} of an item that is a global environment's backup (GlobalBackupProcess in a fleet run): recorded
     * finished, never PENDING, so no lane claims it.
     */
    public static final String GLOBAL = "-";

    public record Run(String id, String processInstanceId, String scope, String trigger, int perHostLimit,
            int globalLimit, String state, Instant startedAt, Instant finishedAt, Integer done, Integer failed,
            Integer skipped, String summary) {
    }

    public record Item(String id, String runId, String lpar, String wpar, ItemState state, String claimedBy,
            String reason, String imageId, String backupInstanceId, Instant startedAt, Instant finishedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public BackupRunRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates the run row once per process instance (a retried step finds it). */
    public Run createRun(String processInstanceId, String scope, String trigger, int perHost, int globalLimit) {
        Optional<Run> existing = jdbc.query("SELECT * FROM wparflow_backup_run WHERE process_instance_id = ?",
                BackupRunRepository::run, processInstanceId).stream().findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO wparflow_backup_run (id, process_instance_id, scope, trigger_kind, per_host_limit,
                    global_limit, state, started_at) VALUES (?, ?, ?, ?, ?, ?, 'RUNNING', ?)
                """, id, processInstanceId, scope, trigger, perHost, globalLimit, now());
        return findRun(id).orElseThrow();
    }

    public Optional<Run> findRun(String id) {
        return jdbc.query("SELECT * FROM wparflow_backup_run WHERE id = ?", BackupRunRepository::run, id).stream()
                .findFirst();
    }

    public List<Run> runs(int limit) {
        List<Run> all = jdbc.query("SELECT * FROM wparflow_backup_run ORDER BY started_at DESC, id",
                BackupRunRepository::run);
        return all.subList(0, Math.min(limit, all.size()));
    }

    public void finishRun(String id, int done, int failed, int skipped, String summary) {
        jdbc.update("""
                UPDATE wparflow_backup_run SET state = 'FINISHED', finished_at = ?, done_count = ?, failed_count = ?,
                    skipped_count = ?, summary = ? WHERE id = ?
                """, now(), done, failed, skipped, summary, id);
    }

    /** Adds the WPARs of one host as PENDING items unless this host's items exist (a retried step). */
    public int addItems(String runId, String lpar, List<String> wpars) {
        Integer existing = jdbc.queryForObject(
                "SELECT COUNT(*) FROM wparflow_backup_item WHERE run_id = ? AND lpar = ? AND (wpar IS NULL OR wpar <> ?)",
                Integer.class, runId, lpar, GLOBAL);
        if (existing != null && existing > 0) {
            return pendingOrClaimed(runId, lpar);
        }
        for (String wpar : wpars) {
            jdbc.update("INSERT INTO wparflow_backup_item (id, run_id, lpar, wpar, state) VALUES (?, ?, ?, ?, 'PENDING')",
                    UUID.randomUUID().toString(), runId, lpar, wpar);
        }
        return wpars.size();
    }

    private int pendingOrClaimed(String runId, String lpar) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM wparflow_backup_item WHERE run_id = ? AND lpar = ?"
                + " AND state IN ('PENDING', 'CLAIMED')", Integer.class, runId, lpar);
        return n == null ? 0 : n;
    }

    /** Records a host the run could not list (down, refused): one FAILED item without a WPAR. */
    /**
     * The outcome of a global environment's backup in a fleet run: one finished item (wpar {@link #GLOBAL}) per LPAR;
     * recording it again (a retried step) changes nothing.
     */
    public void recordGlobal(String runId, String lpar, boolean backedUp, String reason, String imageId,
            String backupInstanceId) {
        Integer existing = jdbc.queryForObject(
                "SELECT COUNT(*) FROM wparflow_backup_item WHERE run_id = ? AND lpar = ? AND wpar = ?", Integer.class,
                runId, lpar, GLOBAL);
        if (existing != null && existing > 0) {
            return;
        }
        jdbc.update("""
                INSERT INTO wparflow_backup_item (id, run_id, lpar, wpar, state, reason, image_id, backup_instance_id,
                    started_at, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, UUID.randomUUID().toString(), runId, lpar, GLOBAL, backedUp ? "DONE" : "FAILED",
                backedUp ? null : truncate(reason), imageId, backupInstanceId, now(), now());
    }

    public void hostFailed(String runId, String lpar, String reason) {
        Integer existing = jdbc.queryForObject(
                "SELECT COUNT(*) FROM wparflow_backup_item WHERE run_id = ? AND lpar = ?", Integer.class, runId, lpar);
        if (existing != null && existing > 0) {
            return;
        }
        jdbc.update("""
                INSERT INTO wparflow_backup_item (id, run_id, lpar, wpar, state, reason, finished_at)
                VALUES (?, ?, ?, NULL, 'FAILED', ?, ?)
                """, UUID.randomUUID().toString(), runId, lpar, truncate(reason), now());
    }

    /**
     * A lane's next WPAR: the item it already claimed and has not finished (a retried step), else a PENDING item of
     * the host, claimed with a conditional update so two lanes (on any engine node) never take the same one. Lane k
     * tries the k-th pending item first: lanes that finish together would otherwise both go for the first, and one
     * would wait on the other's row lock until its whole job committed.
     */
    public Optional<Item> claimNext(String runId, String lpar, String lane, int laneIndex) {
        Optional<Item> mine = jdbc.query("SELECT * FROM wparflow_backup_item WHERE run_id = ? AND lpar = ?"
                + " AND state = 'CLAIMED' AND claimed_by = ?", BackupRunRepository::item, runId, lpar, lane).stream()
                .findFirst();
        if (mine.isPresent()) {
            return mine;
        }
        while (true) {
            List<String> pending = jdbc.queryForList("SELECT id FROM wparflow_backup_item WHERE run_id = ? AND lpar = ?"
                    + " AND state = 'PENDING' ORDER BY wpar", String.class, runId, lpar);
            if (pending.isEmpty()) {
                return Optional.empty();
            }
            for (int k = 0; k < pending.size(); k++) {
                String id = pending.get(Math.floorMod(laneIndex + k, pending.size()));
                if (jdbc.update("UPDATE wparflow_backup_item SET state = 'CLAIMED', claimed_by = ?, started_at = ?"
                        + " WHERE id = ? AND state = 'PENDING'", lane, now(), id) == 1) {
                    return findItem(id);
                }
            }
        }
    }

    public Optional<Item> findItem(String id) {
        return jdbc.query("SELECT * FROM wparflow_backup_item WHERE id = ?", BackupRunRepository::item, id).stream()
                .findFirst();
    }

    public List<Item> items(String runId) {
        return jdbc.query("SELECT * FROM wparflow_backup_item WHERE run_id = ? ORDER BY lpar, wpar",
                BackupRunRepository::item, runId);
    }

    public void finishItem(String id, ItemState state, String reason, String imageId, String backupInstanceId) {
        jdbc.update("""
                UPDATE wparflow_backup_item SET state = ?, reason = ?, image_id = ?, backup_instance_id = ?,
                    finished_at = ? WHERE id = ?
                """, state.name(), truncate(reason), imageId, backupInstanceId, now(), id);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime v = rs.getObject(column, OffsetDateTime.class);
        return v == null ? null : v.toInstant();
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Run run(ResultSet rs, int n) throws SQLException {
        return new Run(rs.getString("id"), rs.getString("process_instance_id"), rs.getString("scope"),
                rs.getString("trigger_kind"), rs.getInt("per_host_limit"), rs.getInt("global_limit"),
                rs.getString("state"), instant(rs, "started_at"), instant(rs, "finished_at"),
                intOrNull(rs, "done_count"), intOrNull(rs, "failed_count"), intOrNull(rs, "skipped_count"),
                rs.getString("summary"));
    }

    private static Item item(ResultSet rs, int n) throws SQLException {
        return new Item(rs.getString("id"), rs.getString("run_id"), rs.getString("lpar"), rs.getString("wpar"),
                ItemState.valueOf(rs.getString("state")), rs.getString("claimed_by"), rs.getString("reason"),
                rs.getString("image_id"), rs.getString("backup_instance_id"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }
}
