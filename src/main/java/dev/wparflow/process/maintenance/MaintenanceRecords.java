package dev.wparflow.process.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The maintenance record (wparflow_maintenance, wparflow_maintenance_lpar, wparflow_maintenance_wpar): the update and
 * the rollout an approval covers, one row per LPAR (the plan read on the host, then its result) and one per WPAR of
 * those LPARs (levels before and after, synchronisation attempts, commands, error).
 */
@Repository
public class MaintenanceRecords {

    static final int MAX_TEXT = 3900;
    static final int MAX_ERROR = 1900;

    /** The head: the update, the rollout, the outcome. */
    public record Maintenance(String id, String requestedBy, String updateKind, String source, String filesets,
            String fixPackage, int lanes, Instant windowStart, Instant windowEnd, boolean evacuate,
            boolean globalBackup, int syncAttempts, Instant plannedAt, String stoppedBy, Instant finishedAt,
            String outcome, String summary) {

        public MaintenanceUpdate update() {
            return new MaintenanceUpdate(MaintenanceUpdate.Kind.parse(updateKind),
                    dev.wparflow.aix.AbsolutePath.of(source), filesets == null || filesets.isBlank() ? List.of()
                            : java.util.Arrays.stream(filesets.split(",")).map(dev.wparflow.aix.FilesetName::of)
                                    .toList(), fixPackage);
        }
    }

    /** One LPAR of the rollout. */
    public record Lpar(String maintenanceId, String lpar, int seq, String state, String claimedBy,
            String oslevelBefore, String oslevelAfter, String levelsBefore, String levelsAfter, String preview,
            String activeWpars, String evacuationId, String backupImages, String applyRunId, String failedFileset,
            String error, Instant startedAt, Instant finishedAt) {
    }

    /** One WPAR of an LPAR of the rollout. */
    public record Wpar(String maintenanceId, String lpar, String wpar, int seq, String stateBefore, boolean wasActive,
            String stateAfter, String oslevelBefore, String oslevelAfter, String levelsBefore, String levelsAfter,
            String syncState, int syncAttempts, String commands, String error) {
    }

    /** What the plan found on one LPAR. */
    public record PlannedLpar(String lpar, String state, String oslevel, Map<String, String> levels, String preview,
            String error, List<MaintenanceHosts.HostWpar> wpars) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public MaintenanceRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the plan (again: a re-run of the planning step replaces it). */
    @Transactional
    public void recordPlan(String id, String requestedBy, MaintenanceUpdate update, int lanes, Instant windowStart,
            Instant windowEnd, boolean evacuate, boolean globalBackup, int syncAttempts, List<PlannedLpar> lpars) {
        jdbc.update("DELETE FROM wparflow_maintenance_wpar WHERE maintenance_id = ?", id);
        jdbc.update("DELETE FROM wparflow_maintenance_lpar WHERE maintenance_id = ?", id);
        jdbc.update("DELETE FROM wparflow_maintenance WHERE id = ?", id);
        jdbc.update("INSERT INTO wparflow_maintenance (id, requested_by, update_kind, source, filesets, fix_package,"
                + " lanes, window_start, window_end, evacuate, global_backup, sync_attempts, planned_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, requestedBy, update.kind().word(),
                update.source().value(), String.join(",", update.filesets().stream().map(f -> f.value()).toList()),
                update.fixPackage(), lanes, time(windowStart), time(windowEnd), evacuate, globalBackup, syncAttempts,
                time(clock.instant()));
        int seq = 0;
        for (PlannedLpar p : lpars) {
            jdbc.update("INSERT INTO wparflow_maintenance_lpar (maintenance_id, lpar, seq, state, oslevel_before,"
                    + " levels_before, preview, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, p.lpar(), seq++, p.state(),
                    p.oslevel(), clip(levelsText(p.levels()), MAX_TEXT), clip(p.preview(), MAX_TEXT),
                    clip(p.error(), MAX_ERROR));
            int w = 0;
            for (MaintenanceHosts.HostWpar wpar : p.wpars()) {
                jdbc.update("INSERT INTO wparflow_maintenance_wpar (maintenance_id, lpar, wpar, seq, state_before,"
                        + " was_active, sync_state, sync_attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 0)", id, p.lpar(),
                        wpar.name(), w++, wpar.state(), wpar.active(),
                        "PLANNED".equals(p.state()) ? "PENDING" : "NOT_SYNCED");
            }
        }
    }

    public Optional<Maintenance> find(String id) {
        return jdbc.query("SELECT * FROM wparflow_maintenance WHERE id = ?", MaintenanceRecords::maintenance, id)
                .stream().findFirst();
    }

    public Maintenance require(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("no maintenance " + id + " is recorded"));
    }

    /** Every maintenance, newest plan first. */
    public List<Maintenance> list() {
        return jdbc.query("SELECT * FROM wparflow_maintenance ORDER BY planned_at DESC",
                MaintenanceRecords::maintenance);
    }

    public List<Lpar> lpars(String id) {
        return jdbc.query("SELECT * FROM wparflow_maintenance_lpar WHERE maintenance_id = ? ORDER BY seq",
                MaintenanceRecords::lpar, id);
    }

    public Optional<Lpar> lpar(String id, String lpar) {
        return jdbc.query("SELECT * FROM wparflow_maintenance_lpar WHERE maintenance_id = ? AND lpar = ?",
                MaintenanceRecords::lpar, id, lpar).stream().findFirst();
    }

    public List<Wpar> wpars(String id) {
        return jdbc.query("SELECT * FROM wparflow_maintenance_wpar WHERE maintenance_id = ? ORDER BY lpar, seq",
                MaintenanceRecords::wpar, id);
    }

    public List<Wpar> wpars(String id, String lpar) {
        return jdbc.query("SELECT * FROM wparflow_maintenance_wpar WHERE maintenance_id = ? AND lpar = ? ORDER BY seq",
                MaintenanceRecords::wpar, id, lpar);
    }

    /**
     * The LPAR the lane holds already (a retried transaction), else the next PLANNED one, claimed by a conditional
     * UPDATE so that two lanes never take the same LPAR; empty when none is left.
     */
    public Optional<String> claimNext(String id, String lane) {
        List<String> mine = jdbc.queryForList("SELECT lpar FROM wparflow_maintenance_lpar WHERE maintenance_id = ?"
                + " AND state = 'RUNNING' AND claimed_by = ? AND finished_at IS NULL", String.class, id, lane);
        if (!mine.isEmpty()) {
            return Optional.of(mine.get(0));
        }
        while (true) {
            List<String> planned = jdbc.queryForList("SELECT lpar FROM wparflow_maintenance_lpar WHERE"
                    + " maintenance_id = ? AND state = 'PLANNED' ORDER BY seq", String.class, id);
            if (planned.isEmpty()) {
                return Optional.empty();
            }
            for (String lpar : planned) {
                if (jdbc.update("UPDATE wparflow_maintenance_lpar SET state = 'RUNNING', claimed_by = ?, started_at = ?"
                        + " WHERE maintenance_id = ? AND lpar = ? AND state = 'PLANNED'", lane, time(clock.instant()),
                        id, lpar) == 1) {
                    return Optional.of(lpar);
                }
            }
        }
    }

    /** The LPARs not started yet become {@code state} (NOT_STARTED, SKIPPED) with why. */
    public int closePlanned(String id, String state, String why) {
        jdbc.update("UPDATE wparflow_maintenance_wpar SET sync_state = 'NOT_SYNCED' WHERE maintenance_id = ? AND lpar"
                + " IN (SELECT lpar FROM wparflow_maintenance_lpar WHERE maintenance_id = ? AND state = 'PLANNED')",
                id, id);
        return jdbc.update("UPDATE wparflow_maintenance_lpar SET state = ?, error = ?, finished_at = ?"
                + " WHERE maintenance_id = ? AND state = 'PLANNED'", state, clip(why, MAX_ERROR),
                time(clock.instant()), id);
    }

    /** The rollout stops: the first failed update says why. */
    public void stop(String id, String why) {
        jdbc.update("UPDATE wparflow_maintenance SET stopped_by = ? WHERE id = ? AND stopped_by IS NULL",
                clip(why, 250), id);
    }

    public void activeWpars(String id, String lpar, List<MaintenanceHosts.HostWpar> now) {
        List<String> active = now.stream().filter(MaintenanceHosts.HostWpar::active).map(w -> w.name()).toList();
        jdbc.update("UPDATE wparflow_maintenance_lpar SET active_wpars = ? WHERE maintenance_id = ? AND lpar = ?",
                clip(String.join(",", active), MAX_TEXT), id, lpar);
        for (MaintenanceHosts.HostWpar w : now) {
            jdbc.update("UPDATE wparflow_maintenance_wpar SET state_before = ?, was_active = ? WHERE maintenance_id = ?"
                    + " AND lpar = ? AND wpar = ?", w.state(), w.active(), id, lpar, w.name());
        }
    }

    public void applyStarted(String id, String lpar, String runId) {
        jdbc.update("UPDATE wparflow_maintenance_lpar SET apply_run_id = ? WHERE maintenance_id = ? AND lpar = ?",
                runId, id, lpar);
    }

    public void lparFailed(String id, String lpar, String state, String failedFileset, String error) {
        jdbc.update("UPDATE wparflow_maintenance_lpar SET state = ?, failed_fileset = ?, error = ?"
                + " WHERE maintenance_id = ? AND lpar = ?", state, failedFileset, clip(error, MAX_ERROR), id, lpar);
    }

    public void wparLevelsBefore(String id, String lpar, String wpar, MaintenanceHosts.Levels levels) {
        jdbc.update("UPDATE wparflow_maintenance_wpar SET oslevel_before = ?, levels_before = ?"
                + " WHERE maintenance_id = ? AND lpar = ? AND wpar = ? AND levels_before IS NULL", levels.oslevel(),
                clip(levelsText(levels.filesets()), MAX_TEXT), id, lpar, wpar);
    }

    public void synced(String id, String lpar, String wpar, String syncState, int attempts, String commands,
            String error) {
        jdbc.update("UPDATE wparflow_maintenance_wpar SET sync_state = ?, sync_attempts = ?, commands = ?, error = ?"
                + " WHERE maintenance_id = ? AND lpar = ? AND wpar = ?", syncState, attempts,
                clip(commands, MAX_TEXT), clip(error, MAX_ERROR), id, lpar, wpar);
    }

    public void wparAfter(String id, String lpar, String wpar, String state, MaintenanceHosts.Levels levels,
            String error) {
        jdbc.update("UPDATE wparflow_maintenance_wpar SET state_after = ?, oslevel_after = ?, levels_after = ?,"
                + " error = COALESCE(?, error) WHERE maintenance_id = ? AND lpar = ? AND wpar = ?", state,
                levels == null ? null : levels.oslevel(), levels == null ? null
                        : clip(levelsText(levels.filesets()), MAX_TEXT), clip(error, MAX_ERROR), id, lpar, wpar);
    }

    public void wparSyncState(String id, String lpar, String wpar, String syncState, String error) {
        jdbc.update("UPDATE wparflow_maintenance_wpar SET sync_state = ?, error = COALESCE(?, error)"
                + " WHERE maintenance_id = ? AND lpar = ? AND wpar = ?", syncState, clip(error, MAX_ERROR), id, lpar,
                wpar);
    }

    public void lparAfter(String id, String lpar, MaintenanceHosts.Levels levels) {
        jdbc.update("UPDATE wparflow_maintenance_lpar SET oslevel_after = ?, levels_after = ? WHERE maintenance_id = ?"
                + " AND lpar = ?", levels.oslevel(), clip(levelsText(levels.filesets()), MAX_TEXT), id, lpar);
    }

    public void finishLpar(String id, String lpar, String state, String evacuationId, String backupImages,
            String error) {
        jdbc.update("UPDATE wparflow_maintenance_lpar SET state = ?, evacuation_id = ?, backup_images = ?,"
                + " error = COALESCE(?, error), finished_at = ? WHERE maintenance_id = ? AND lpar = ?", state,
                evacuationId, clip(backupImages, 1900), clip(error, MAX_ERROR), time(clock.instant()), id, lpar);
    }

    public void finish(String id, String outcome, String summary) {
        jdbc.update("UPDATE wparflow_maintenance SET outcome = ?, summary = ?, finished_at = ? WHERE id = ?", outcome,
                clip(summary, MAX_TEXT), time(clock.instant()), id);
    }

    /** bos.rte=7.2.5.0,bos.wpars=7.2.5.1 (sorted by fileset) */
    public static String levelsText(Map<String, String> levels) {
        if (levels == null || levels.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        new TreeMap<>(levels).forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return b.toString();
    }

    public static Map<String, String> levelsOf(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String part : text.split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    m.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
        }
        return m;
    }

    private static Maintenance maintenance(ResultSet rs, int row) throws SQLException {
        return new Maintenance(rs.getString("id"), rs.getString("requested_by"), rs.getString("update_kind"),
                rs.getString("source"), rs.getString("filesets"), rs.getString("fix_package"), rs.getInt("lanes"),
                instant(rs, "window_start"), instant(rs, "window_end"), rs.getBoolean("evacuate"),
                rs.getBoolean("global_backup"), rs.getInt("sync_attempts"), instant(rs, "planned_at"),
                rs.getString("stopped_by"), instant(rs, "finished_at"), rs.getString("outcome"),
                rs.getString("summary"));
    }

    private static Lpar lpar(ResultSet rs, int row) throws SQLException {
        return new Lpar(rs.getString("maintenance_id"), rs.getString("lpar"), rs.getInt("seq"), rs.getString("state"),
                rs.getString("claimed_by"), rs.getString("oslevel_before"), rs.getString("oslevel_after"),
                rs.getString("levels_before"), rs.getString("levels_after"), rs.getString("preview"),
                rs.getString("active_wpars"), rs.getString("evacuation_id"), rs.getString("backup_images"),
                rs.getString("apply_run_id"), rs.getString("failed_fileset"), rs.getString("error"),
                instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Wpar wpar(ResultSet rs, int row) throws SQLException {
        return new Wpar(rs.getString("maintenance_id"), rs.getString("lpar"), rs.getString("wpar"), rs.getInt("seq"),
                rs.getString("state_before"), rs.getBoolean("was_active"), rs.getString("state_after"),
                rs.getString("oslevel_before"), rs.getString("oslevel_after"), rs.getString("levels_before"),
                rs.getString("levels_after"), rs.getString("sync_state"), rs.getInt("sync_attempts"),
                rs.getString("commands"), rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime time(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
