package dev.wparflow.process.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * wparflow_lifecycle_item: the WPARs of a lifecycle operation, claimed one by one by its lanes, each with its result
 * (the state before and after, the commands, the recovery's findings, the error).
 */
@Repository
public class LifecycleItems {

    /** Longest text kept per column. */
    static final int MAX_COMMANDS = 3900;
    static final int MAX_FINDINGS = 60000;
    static final int MAX_ERROR = 1900;

    /** One WPAR of an operation. */
    public record Item(String operationId, String wpar, String lpar, int seq, String action, String state,
            String fromState, String toState, String commands, String findings, String error) {
        public boolean failed() {
            return "FAILED".equals(state);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public LifecycleItems(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The WPARs of the operation, PENDING in this order; a WPAR recorded already (a retried check) is kept. */
    public void add(String operationId, String lpar, String action, List<String> wpars, boolean approvalRequired) {
        java.util.Map<String, String> lpars = new java.util.LinkedHashMap<>();
        wpars.forEach(w -> lpars.put(w, lpar));
        add(operationId, lpars, action, approvalRequired);
    }

    /**
     * The WPARs of the operation, each with its LPAR ({@code lpars}: WPAR to LPAR, in order), PENDING; a WPAR
     * recorded already is kept. A WPAR name is one row per operation (the key is operation and WPAR).
     */
    public void add(String operationId, java.util.Map<String, String> lpars, String action,
            boolean approvalRequired) {
        List<java.util.Map.Entry<String, String>> entries = List.copyOf(lpars.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            String wpar = entries.get(i).getKey();
            String lpar = entries.get(i).getValue();
            Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM wparflow_lifecycle_item WHERE operation_id = ?"
                    + " AND wpar = ?", Integer.class, operationId, wpar);
            if (known == null || known == 0) {
                jdbc.update("INSERT INTO wparflow_lifecycle_item (operation_id, wpar, lpar, seq, action,"
                        + " approval_required, state) VALUES (?, ?, ?, ?, ?, ?, 'PENDING')", operationId, wpar, lpar,
                        i, action, approvalRequired);
            }
        }
    }

    /**
     * The WPAR the lane holds already (a retried transaction), else the next PENDING one, claimed by a conditional
     * UPDATE so that two lanes never take the same WPAR; empty when none is left.
     */
    public Optional<Item> claimNext(String operationId, String lane) {
        List<String> mine = jdbc.queryForList("SELECT wpar FROM wparflow_lifecycle_item WHERE operation_id = ?"
                + " AND state = 'CLAIMED' AND claimed_by = ?", String.class, operationId, lane);
        if (!mine.isEmpty()) {
            return find(operationId, mine.get(0));
        }
        while (true) {
            List<String> pending = jdbc.queryForList("SELECT wpar FROM wparflow_lifecycle_item WHERE operation_id = ?"
                    + " AND state = 'PENDING' ORDER BY seq", String.class, operationId);
            if (pending.isEmpty()) {
                return Optional.empty();
            }
            for (String wpar : pending) {
                if (jdbc.update("UPDATE wparflow_lifecycle_item SET state = 'CLAIMED', claimed_by = ?, started_at = ?"
                        + " WHERE operation_id = ? AND wpar = ? AND state = 'PENDING'", lane, now(), operationId,
                        wpar) == 1) {
                    return find(operationId, wpar);
                }
            }
        }
    }

    /** The WPAR's result: DONE or FAILED with what happened. */
    public void finish(String operationId, String wpar, boolean succeeded, String fromState, String toState,
            String commands, String findings, String error) {
        jdbc.update("UPDATE wparflow_lifecycle_item SET state = ?, from_state = ?, to_state = ?, commands = ?,"
                + " findings = ?, error = ?, finished_at = ? WHERE operation_id = ? AND wpar = ?",
                succeeded ? "DONE" : "FAILED", fromState, toState, clip(commands, MAX_COMMANDS),
                clip(findings, MAX_FINDINGS), clip(error, MAX_ERROR), now(), operationId, wpar);
    }

    public Optional<Item> find(String operationId, String wpar) {
        return jdbc.query("SELECT * FROM wparflow_lifecycle_item WHERE operation_id = ? AND wpar = ?",
                LifecycleItems::item, operationId, wpar).stream().findFirst();
    }

    /** Whether the checks recorded the operation as needing no approval (start, or every WPAR exempt). */
    public boolean approvalNotRequired(String operationId) {
        List<Boolean> required = jdbc.queryForList("SELECT DISTINCT approval_required FROM wparflow_lifecycle_item"
                + " WHERE operation_id = ?", Boolean.class, operationId);
        return required.size() == 1 && !required.get(0);
    }

    public List<Item> items(String operationId) {
        return jdbc.query("SELECT * FROM wparflow_lifecycle_item WHERE operation_id = ? ORDER BY seq",
                LifecycleItems::item, operationId);
    }

    private static Item item(ResultSet rs, int row) throws SQLException {
        return new Item(rs.getString("operation_id"), rs.getString("wpar"), rs.getString("lpar"), rs.getInt("seq"),
                rs.getString("action"), rs.getString("state"), rs.getString("from_state"), rs.getString("to_state"),
                rs.getString("commands"), rs.getString("findings"), rs.getString("error"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
