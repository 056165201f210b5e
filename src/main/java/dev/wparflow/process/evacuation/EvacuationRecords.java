package dev.wparflow.process.evacuation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evacuation record (wparflow_evacuation, wparflow_evacuation_item): the plan an approval covers, one row per WPAR
 * of the scope, and what happened to each. A return home is an evacuation of its own whose rows come from the
 * evacuation it reverses ({@code returns_from}).
 */
@Repository
public class EvacuationRecords {

    /** What one WPAR of an evacuation is at. */
    public enum State {
        /** a target is planned, the move has not started */
        PLANNED,
        /** no candidate takes it: it stays where it is, untouched */
        UNMOVABLE,
        MOVING,
        MOVED,
        FAILED,
        /** not moved: the evacuation stopped the line, or the request was rejected */
        SKIPPED
    }

    public record Item(String evacuationId, String wpar, String departing, String arriving, String mode,
            String group, String rank, String reason, State state, int attempts) {
    }

    public record Evacuation(String id, String scopeKind, String scopeName, String requestedBy, Long planMillis,
            String outcome, String summary, String returnsFrom) {
    }

    /** An evacuation as listed: the record's head with when it was planned and finished. */
    public record Listed(String id, String scopeKind, String scopeName, String requestedBy, OffsetDateTime plannedAt,
            Long planMillis, OffsetDateTime finishedAt, String outcome, String returnsFrom) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public EvacuationRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the plan (again: a re-run of the planning step replaces it). */
    @Transactional
    public void recordPlan(String id, String scopeKind, String scopeName, String requestedBy, String returnsFrom,
            List<EvacuationPlanner.Row> rows, long planMillis) {
        jdbc.update("DELETE FROM wparflow_evacuation_item WHERE evacuation_id = ?", id);
        jdbc.update("DELETE FROM wparflow_evacuation WHERE id = ?", id);
        jdbc.update("INSERT INTO wparflow_evacuation (id, scope_kind, scope_name, requested_by, planned_at, "
                + "plan_millis, returns_from) VALUES (?, ?, ?, ?, ?, ?, ?)", id, scopeKind, scopeName, requestedBy,
                now(), planMillis, returnsFrom);
        for (EvacuationPlanner.Row r : rows) {
            jdbc.update("INSERT INTO wparflow_evacuation_item (evacuation_id, wpar, departing, arriving, mode, "
                    + "relocation_group, candidate_rank, reason, state, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    id, r.wpar(), r.departing(), r.arriving(), r.mode(), r.group(), r.rank(), clip(r.note()),
                    (r.movable() ? State.PLANNED : State.UNMOVABLE).name());
        }
    }

    public Optional<Evacuation> find(String id) {
        return jdbc.query("SELECT * FROM wparflow_evacuation WHERE id = ?", (rs, i) -> new Evacuation(
                rs.getString("id"), rs.getString("scope_kind"), rs.getString("scope_name"),
                rs.getString("requested_by"), (Long) rs.getObject("plan_millis", Long.class), rs.getString("outcome"),
                rs.getString("summary"), rs.getString("returns_from")), id).stream().findFirst();
    }

    /** Evacuations, newest plan first; {@code outcome} "RUNNING" lists those without an outcome yet, null all. */
    public List<Listed> list(String outcome) {
        String where = outcome == null ? "" : "RUNNING".equals(outcome) ? " WHERE outcome IS NULL" : " WHERE outcome = ?";
        Object[] args = outcome == null || "RUNNING".equals(outcome) ? new Object[0] : new Object[] {outcome};
        return jdbc.query("SELECT * FROM wparflow_evacuation" + where + " ORDER BY planned_at DESC, id",
                (rs, i) -> listed(rs), args);
    }

    public Optional<Listed> listed(String id) {
        return jdbc.query("SELECT * FROM wparflow_evacuation WHERE id = ?", (rs, i) -> listed(rs), id).stream()
                .findFirst();
    }

    private static Listed listed(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Listed(rs.getString("id"), rs.getString("scope_kind"), rs.getString("scope_name"),
                rs.getString("requested_by"), rs.getObject("planned_at", OffsetDateTime.class),
                (Long) rs.getObject("plan_millis", Long.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.getString("outcome"), rs.getString("returns_from"));
    }

    public List<Item> items(String id) {
        return jdbc.query("SELECT * FROM wparflow_evacuation_item WHERE evacuation_id = ? ORDER BY departing, wpar",
                (rs, i) -> new Item(rs.getString("evacuation_id"), rs.getString("wpar"), rs.getString("departing"),
                        rs.getString("arriving"), rs.getString("mode"), rs.getString("relocation_group"),
                        rs.getString("candidate_rank"), rs.getString("reason"), State.valueOf(rs.getString("state")),
                        rs.getInt("attempts")), id);
    }

    public Optional<Item> item(String id, String wpar) {
        return items(id).stream().filter(i -> i.wpar().equals(wpar)).findFirst();
    }

    /** A new target (re-planned: the planned one became unfit), still PLANNED. */
    public void retarget(String id, String wpar, String arriving, String mode, String note) {
        jdbc.update("UPDATE wparflow_evacuation_item SET arriving = ?, mode = ?, reason = ? WHERE evacuation_id = ? "
                + "AND wpar = ?", arriving, mode, clip(note), id, wpar);
    }

    /** PLANNED to MOVING; false when it was not PLANNED (a second start of the same move does nothing). */
    public boolean startMove(String id, String wpar) {
        return jdbc.update("UPDATE wparflow_evacuation_item SET state = ?, attempts = attempts + 1 "
                + "WHERE evacuation_id = ? AND wpar = ? AND state = ?", State.MOVING.name(), id, wpar,
                State.PLANNED.name()) == 1;
    }

    public void finishItem(String id, String wpar, State state, String reason) {
        jdbc.update("UPDATE wparflow_evacuation_item SET state = ?, reason = COALESCE(?, reason), finished_at = ? "
                + "WHERE evacuation_id = ? AND wpar = ?", state.name(), clip(reason), now(), id, wpar);
    }

    /** Every PLANNED WPAR becomes SKIPPED with {@code reason}; returns how many. */
    public int skipPlanned(String id, String reason) {
        return jdbc.update("UPDATE wparflow_evacuation_item SET state = ?, reason = ? WHERE evacuation_id = ? "
                + "AND state = ?", State.SKIPPED.name(), clip(reason), id, State.PLANNED.name());
    }

    public int count(String id, State state) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM wparflow_evacuation_item WHERE evacuation_id = ? "
                + "AND state = ?", Integer.class, id, state.name());
        return n == null ? 0 : n;
    }

    public void finish(String id, String outcome, String summary) {
        jdbc.update("UPDATE wparflow_evacuation SET outcome = ?, summary = ?, finished_at = ? WHERE id = ?", outcome,
                clip(summary), now(), id);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String clip(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
    }
}
