package dev.wparflow.process.software.sync;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * wparflow_wpar_sync_item: the drifting WPARs of a sync operation, each with what drifted when it was measured, the
 * policy's answer, its attempts and the result of its last one (commands, levels afterwards, in sync, error).
 */
@Repository
public class WparSyncItems {

    static final int MAX_TEXT = 3900;
    static final int MAX_ERROR = 1900;

    /** One WPAR of an operation; state PENDING, SYNCED or FAILED. */
    public record Item(String operationId, String lpar, String wpar, int seq, String kind, String driftBefore,
            boolean approvalRequired, String state, int attempts, String commands, String levelsAfter, Boolean inSync,
            String error) {
        public boolean finished() {
            return "SYNCED".equals(state) || "FAILED".equals(state);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public WparSyncItems(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A WPAR of the operation, PENDING; one recorded already (the measurement retried) is kept. */
    public void add(String operationId, String lpar, String wpar, int seq, String kind, String driftBefore,
            boolean approvalRequired) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM wparflow_wpar_sync_item WHERE operation_id = ?"
                + " AND wpar = ?", Integer.class, operationId, wpar);
        if (known != null && known > 0) {
            return;
        }
        jdbc.update("INSERT INTO wparflow_wpar_sync_item (operation_id, lpar, wpar, seq, wpar_kind, drift_before,"
                + " approval_required, state, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0)", operationId, lpar,
                wpar, seq, kind, clip(driftBefore, MAX_TEXT), approvalRequired);
    }

    /** The result of one attempt: SYNCED when in sync, FAILED when not and none is left, else still PENDING. */
    public void attempted(String operationId, String wpar, String state, String commands, String levelsAfter,
            Boolean inSync, String error) {
        jdbc.update("UPDATE wparflow_wpar_sync_item SET attempts = attempts + 1, state = ?, commands = ?,"
                + " levels_after = ?, in_sync = ?, error = ?, finished_at = ? WHERE operation_id = ? AND wpar = ?",
                state, clip(commands, MAX_TEXT), clip(levelsAfter, MAX_TEXT), inSync, clip(error, MAX_ERROR),
                "PENDING".equals(state) ? null : OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                operationId, wpar);
    }

    public List<Item> items(String operationId) {
        return jdbc.query("SELECT * FROM wparflow_wpar_sync_item WHERE operation_id = ? ORDER BY seq", (rs, n) -> {
            boolean inSync = rs.getBoolean("in_sync");
            Boolean value = rs.wasNull() ? null : inSync;
            return new Item(rs.getString("operation_id"), rs.getString("lpar"), rs.getString("wpar"), rs.getInt("seq"),
                    rs.getString("wpar_kind"), rs.getString("drift_before"), rs.getBoolean("approval_required"),
                    rs.getString("state"), rs.getInt("attempts"), rs.getString("commands"),
                    rs.getString("levels_after"), value, rs.getString("error"));
        }, operationId);
    }

    public Optional<Item> item(String operationId, String wpar) {
        return items(operationId).stream().filter(i -> i.wpar().equals(wpar)).findFirst();
    }

    /** What the measurement recorded: no approval needed for this operation (every WPAR exempt). */
    public boolean approvalNotRequired(String operationId) {
        List<Item> all = items(operationId);
        return !all.isEmpty() && all.stream().noneMatch(Item::approvalRequired);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
