package dev.wparflow.process.restore;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Autowired;

import dev.wparflow.process.Operation;
import dev.wparflow.process.approval.ChangeApprovalRecord;

import dev.wparflow.process.backup.BackupRefusal;

/**
 * A {@link BackupRefusal} becomes a BpmnError (business lane); everything else stays an exception (retry, incident).
 * A step of a restore that changes the host runs only when our record holds the restore's change approved: even an
 * instance modification that skips the approval ends refused (CHANGE_NOT_APPROVED) before the host is touched.
 */
public abstract class RestoreStepDelegate implements JavaDelegate {

    private ChangeApprovalRecord approvals;

    @Autowired
    void setApprovals(ChangeApprovalRecord approvals) {
        this.approvals = approvals;
    }

    /** Whether the step changes the host on behalf of an approved restore. */
    protected boolean needsApprovedChange() {
        return false;
    }

    @Override
    public final void execute(DelegateExecution execution) {
        try {
            if (needsApprovedChange() && !approvals.operationApproved(execution)) {
                throw new BackupRefusal("CHANGE_NOT_APPROVED", "no approved change is recorded for restore "
                        + Operation.idOf(execution) + ": nothing is changed without four-eyes approval");
            }
            step(execution);
        } catch (BackupRefusal refusal) {
            throw new BpmnError(refusal.code(), refusal.getMessage());
        } catch (dev.wparflow.aix.InvalidArgumentException invalid) {
            throw new BpmnError("INVALID_REQUEST", invalid.getMessage());
        }
    }

    protected abstract void step(DelegateExecution execution);
}
