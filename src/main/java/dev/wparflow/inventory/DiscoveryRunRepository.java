package dev.wparflow.inventory;

import static dev.wparflow.inventory.InventoryRepository.cut;
import static dev.wparflow.inventory.InventoryRepository.instant;
import static dev.wparflow.inventory.InventoryRepository.integer;
import static dev.wparflow.inventory.InventoryRepository.ts;
import static dev.wparflow.inventory.InventoryRepository.upsert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Discovery runs and their per-system / per-host results (Flyway V4). Every write is idempotent (job retries). */
@Repository
public class DiscoveryRunRepository {

    private final JdbcTemplate jdbc;

    public DiscoveryRunRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts a run unless it exists (a retried step). */
    public void start(String runId, String startedBy, Instant at) {
        try {
            jdbc.update("INSERT INTO wparflow_discovery_run (id, started_by, started_at) VALUES (?, ?, ?)", runId,
                    startedBy, ts(at));
        } catch (DuplicateKeyException again) {
            // a retried step: the run is already there
        }
    }

    /** Registers what the run is going to look at (ok = null: pending); names already registered stay. */
    public void plan(String runId, String kind, Collection<String> names) {
        List<String> known = jdbc.queryForList("SELECT name FROM wparflow_discovery_result WHERE run_id = ? AND kind = ?",
                String.class, runId, kind);
        List<Object[]> rows = new ArrayList<>();
        for (String n : names) {
            if (!known.contains(n)) {
                rows.add(new Object[] {runId, kind, n});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO wparflow_discovery_result (run_id, kind, name) VALUES (?, ?, ?)", rows);
        }
    }

    public void result(String runId, String kind, String name, boolean ok, String reason, Integer wparCount,
            Instant at) {
        String r = cut(reason);
        upsert(() -> jdbc.update("UPDATE wparflow_discovery_result SET ok = ?, reason = ?, wpar_count = ?, finished_at = ?"
                + " WHERE run_id = ? AND kind = ? AND name = ?", ok, r, wparCount, ts(at), runId, kind, name),
                () -> jdbc.update("INSERT INTO wparflow_discovery_result (run_id, kind, name, ok, reason, wpar_count,"
                        + " finished_at) VALUES (?, ?, ?, ?, ?, ?, ?)", runId, kind, name, ok, r, wparCount, ts(at)));
    }

    /** The names of one kind the run planned, in name order (the multi-instance collection). */
    public List<String> planned(String runId, String kind) {
        return jdbc.queryForList("SELECT name FROM wparflow_discovery_result WHERE run_id = ? AND kind = ? ORDER BY name",
                String.class, runId, kind);
    }

    /** Counts the results into the run row and marks it finished. */
    public DiscoverySummary finish(String runId, Instant at) {
        jdbc.update("""
                UPDATE wparflow_discovery_run SET finished_at = ?,
                  systems_total  = (SELECT COUNT(*) FROM wparflow_discovery_result WHERE run_id = ? AND kind = 'SYSTEM'),
                  systems_failed = (SELECT COUNT(*) FROM wparflow_discovery_result WHERE run_id = ? AND kind = 'SYSTEM' AND ok = FALSE),
                  hosts_total    = (SELECT COUNT(*) FROM wparflow_discovery_result WHERE run_id = ? AND kind = 'LPAR'),
                  hosts_ok       = (SELECT COUNT(*) FROM wparflow_discovery_result WHERE run_id = ? AND kind = 'LPAR' AND ok = TRUE),
                  hosts_failed   = (SELECT COUNT(*) FROM wparflow_discovery_result WHERE run_id = ? AND kind = 'LPAR' AND (ok = FALSE OR ok IS NULL)),
                  wpar_count     = (SELECT COALESCE(SUM(wpar_count), 0) FROM wparflow_discovery_result WHERE run_id = ? AND kind = 'LPAR' AND ok = TRUE)
                WHERE id = ?""", ts(at), runId, runId, runId, runId, runId, runId, runId);
        return summary(runId).orElseThrow(() -> new IllegalStateException("no discovery run " + runId));
    }

    public Optional<DiscoverySummary> summary(String runId) {
        List<DiscoverySummary.Result> results = jdbc.query(
                "SELECT * FROM wparflow_discovery_result WHERE run_id = ? ORDER BY kind DESC, name",
                (rs, i) -> new DiscoverySummary.Result(rs.getString("kind"), rs.getString("name"),
                        InventoryRepository.bool(rs, "ok"), rs.getString("reason"), integer(rs, "wpar_count"),
                        instant(rs, "finished_at")), runId);
        return jdbc.query("SELECT * FROM wparflow_discovery_run WHERE id = ?", (rs, i) -> {
            boolean done = rs.getObject("finished_at") != null;
            int systems = done ? rs.getInt("systems_total") : count(results, DiscoverySummary.SYSTEM, null);
            int systemsFailed = done ? rs.getInt("systems_failed") : count(results, DiscoverySummary.SYSTEM, false);
            int hosts = done ? rs.getInt("hosts_total") : count(results, DiscoverySummary.LPAR, null);
            int ok = done ? rs.getInt("hosts_ok") : count(results, DiscoverySummary.LPAR, true);
            int failed = done ? rs.getInt("hosts_failed") : count(results, DiscoverySummary.LPAR, false);
            int wpars = done ? rs.getInt("wpar_count") : results.stream()
                    .filter(r -> Boolean.TRUE.equals(r.ok()) && r.wparCount() != null).mapToInt(r -> r.wparCount()).sum();
            return new DiscoverySummary(rs.getString("id"), rs.getString("started_by"), instant(rs, "started_at"),
                    instant(rs, "finished_at"), systems, systemsFailed, hosts, ok, failed, wpars, results);
        }, runId).stream().findFirst();
    }

    /** The most recently started run. */
    public Optional<DiscoverySummary> latest() {
        List<String> ids = jdbc.queryForList("SELECT id FROM wparflow_discovery_run ORDER BY started_at DESC, id FETCH FIRST 1 ROWS ONLY",
                String.class);
        return ids.isEmpty() ? Optional.empty() : summary(ids.get(0));
    }

    /** The most recently finished run. */
    public Optional<DiscoverySummary> latestFinished() {
        List<String> ids = jdbc.queryForList("SELECT id FROM wparflow_discovery_run WHERE finished_at IS NOT NULL"
                + " ORDER BY finished_at DESC, id FETCH FIRST 1 ROWS ONLY", String.class);
        return ids.isEmpty() ? Optional.empty() : summary(ids.get(0));
    }

    private static int count(List<DiscoverySummary.Result> rs, String kind, Boolean ok) {
        return (int) rs.stream().filter(r -> r.kind().equals(kind) && (ok == null || ok.equals(r.ok()))).count();
    }
}
