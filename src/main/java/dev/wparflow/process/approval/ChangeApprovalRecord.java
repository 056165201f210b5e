package dev.wparflow.process.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.wparflow.process.Operation;

/**
 * Our record of each change request (table wparflow_change) and of each decision on it (wparflow_change_decision):
 * the only source of who requested, how many must approve and who did. Written in the engine's transaction (same
 * data source), so a refused completion leaves no row. The BPMN models ask it through {@code changeApprovalRecord}.
 */
@Component("changeApprovalRecord")
public class ChangeApprovalRecord {

    /** A change as requested: for which operation, by whom, needing how many approvals. */
    public record Change(String approvalInstanceId, String operationInstanceId, String requester, int quorum,
            boolean timedOut) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ChangeApprovalRecord(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void request(String approvalInstanceId, String operationInstanceId, String requester, int quorum) {
        jdbc.update("""
                INSERT INTO wparflow_change (approval_instance_id, operation_instance_id, requester, quorum, requested_at)
                VALUES (?, ?, ?, ?, ?)""", approvalInstanceId, operationInstanceId, requester, quorum, now());
    }

    public Optional<Change> change(String approvalInstanceId) {
        return jdbc.query("SELECT * FROM wparflow_change WHERE approval_instance_id = ?", ChangeApprovalRecord::change,
                approvalInstanceId).stream().findFirst();
    }

    public List<ChangeOutcome.Decision> decisions(String approvalInstanceId) {
        return jdbc.query("""
                SELECT approver, decision, reason FROM wparflow_change_decision WHERE approval_instance_id = ?
                ORDER BY decided_at, approver""",
                (rs, n) -> new ChangeOutcome.Decision(rs.getString("approver"),
                        ChangeApprovalVariables.APPROVE.equals(rs.getString("decision")), rs.getString("reason")),
                approvalInstanceId);
    }

    /** One approver's decision; the primary key refuses a second one by the same approver. */
    public void decide(String approvalInstanceId, String approver, String decision, String reason, String taskId) {
        jdbc.update("""
                INSERT INTO wparflow_change_decision (approval_instance_id, approver, decision, reason, task_id, decided_at)
                VALUES (?, ?, ?, ?, ?, ?)""", approvalInstanceId, approver, decision, reason, taskId, now());
    }

    public void timedOut(String approvalInstanceId) {
        jdbc.update("UPDATE wparflow_change SET timed_out_at = ? WHERE approval_instance_id = ? AND timed_out_at IS NULL",
                now(), approvalInstanceId);
    }

    public ChangeOutcome outcome(String approvalInstanceId) {
        return change(approvalInstanceId)
                .map(c -> ChangeOutcome.of(c.requester(), c.quorum(), c.timedOut(), decisions(approvalInstanceId)))
                .orElse(ChangeOutcome.UNRECORDED);
    }

    /** The changes requested for an operation (its approvals), oldest first. */
    public List<Change> changesFor(String operationInstanceId) {
        return jdbc.query("SELECT * FROM wparflow_change WHERE operation_instance_id = ? ORDER BY requested_at",
                ChangeApprovalRecord::change, operationInstanceId);
    }

    /** Whether an approved change is recorded for the operation. */
    public boolean approvedFor(String operationInstanceId) {
        return jdbc.queryForList("SELECT approval_instance_id FROM wparflow_change WHERE operation_instance_id = ?",
                String.class, operationInstanceId).stream().anyMatch(id -> outcome(id).approved());
    }

    // ---------------------------------------------------------------- for the models' expressions

    /** ChangeApprovalProcess: the record says approved. */
    public boolean approved(DelegateExecution execution) {
        return outcome(execution.getProcessInstanceId()).approved();
    }

    /** ChangeApprovalProcess: the record says rejected (or timed out). */
    public boolean rejected(DelegateExecution execution) {
        return outcome(execution.getProcessInstanceId()).rejected();
    }

    /** An operation (relocation, restore): an approved change is recorded for the operation this execution is part of. */
    public boolean operationApproved(DelegateExecution execution) {
        return approvedFor(Operation.idOf(execution));
    }

    /**
     * Process end: the outputs (decision, approvers, approvalCount, decidedBy, reason, requester, quorum) are set
     * from the record, whatever a completion or a variable PUT wrote, so callers map out what the record says.
     */
    public void reflectOutcome(DelegateExecution execution) {
        String id = execution.getProcessInstanceId();
        change(id).ifPresentOrElse(c -> ApprovalTaskListener.reflect(execution, c, outcome(id)), () -> {
            ChangeApprovalVariables.DECISION.set(execution, ChangeOutcome.UNRECORDED.decision());
            ChangeApprovalVariables.setApprovers(execution, List.of());
        });
    }

    /**
     * EndEvent_ChangeApproved: reached only when the record says approved. A start at this event, or an
     * instance modification that moves a token to it, is refused and rolled back.
     */
    public void confirmApproved(DelegateExecution execution) {
        if (!approved(execution)) {
            throw new BadUserRequestException("four-eyes: no approval by the quorum is recorded for change "
                    + execution.getProcessInstanceId() + "; it cannot end approved");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Change change(ResultSet rs, int row) throws SQLException {
        return new Change(rs.getString("approval_instance_id"), rs.getString("operation_instance_id"),
                rs.getString("requester"), rs.getInt("quorum"), rs.getObject("timed_out_at") != null);
    }
}
