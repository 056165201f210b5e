package dev.wparflow.process.relocation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The wparflow_relocation table (V5): request, check report, plan and outcome of each relocation. */
@Repository
public class RelocationRecords {

    /** One relocation as recorded. */
    public record Record(String relocationId, String processInstanceId, String wpar, String departingLpar,
            String arrivingLpar, String requestedMode, String chosenMode, Boolean validateOnly, String checkReport,
            String plan, String outcome, String reason) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RelocationRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records the request once; a retried step finds it and only refreshes what may have changed (null keeps the
     * recorded value, so recording an outcome never erases the umbrella's request details).
     */
    public void recordRequest(String relocationId, String processInstanceId, String wpar, String departingLpar,
            String arrivingLpar, String requestedMode, Boolean validateOnly) {
        OffsetDateTime now = now();
        int updated = jdbc.update("""
                UPDATE wparflow_relocation SET arriving_lpar = COALESCE(?, arriving_lpar),
                       requested_mode = COALESCE(?, requested_mode), validate_only = COALESCE(?, validate_only),
                       updated_at = ?
                 WHERE relocation_id = ?
                """, arrivingLpar, requestedMode, validateOnly, now, relocationId);
        if (updated == 0) {
            try {
                jdbc.update("""
                        INSERT INTO wparflow_relocation (relocation_id, process_instance_id, wpar, departing_lpar,
                            arriving_lpar, requested_mode, validate_only, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, relocationId, processInstanceId, wpar, departingLpar, arrivingLpar, requestedMode,
                        validateOnly, now, now);
            } catch (DuplicateKeyException raced) {
                recordRequest(relocationId, processInstanceId, wpar, departingLpar, arrivingLpar, requestedMode,
                        validateOnly);
            }
        }
    }

    public void recordChecks(String relocationId, String arrivingLpar, String checkReport, String plan,
            String chosenMode) {
        jdbc.update("""
                UPDATE wparflow_relocation SET arriving_lpar = ?, check_report = ?, plan = ?, chosen_mode = ?, updated_at = ?
                 WHERE relocation_id = ?
                """, arrivingLpar, checkReport, plan, chosenMode, now(), relocationId);
    }

    public void recordOutcome(String relocationId, String outcome, String reason) {
        jdbc.update("UPDATE wparflow_relocation SET outcome = ?, reason = ?, updated_at = ? WHERE relocation_id = ?",
                outcome, reason == null ? null : abbreviate(reason, 4000), now(), relocationId);
    }

    public Optional<Record> find(String relocationId) {
        List<Record> rows = jdbc.query("SELECT * FROM wparflow_relocation WHERE relocation_id = ?",
                (rs, n) -> new Record(rs.getString("relocation_id"), rs.getString("process_instance_id"),
                        rs.getString("wpar"), rs.getString("departing_lpar"), rs.getString("arriving_lpar"),
                        rs.getString("requested_mode"), rs.getString("chosen_mode"),
                        (Boolean) rs.getObject("validate_only"), rs.getString("check_report"), rs.getString("plan"),
                        rs.getString("outcome"), rs.getString("reason")),
                relocationId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
