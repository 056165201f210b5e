package dev.wparflow.process.restore;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Autowired;

import dev.wparflow.process.OperationRefusal;
import dev.wparflow.process.OperationSteps;
import dev.wparflow.process.approval.ChangeApprovalRecord;

import dev.wparflow.process.backup.BackupRefusal;

/**
 * A {@link BackupRefusal} becomes a BpmnError (business lane); everything else stays an exception (retry, incident).
 * A step of a restore that changes the host runs only when our record holds the restore's change approved: even an
 * instance modification that skips the approval ends refused (CHANGE_NOT_APPROVED) before the host is touched. The
 * models' steps-configuration classes make their steps with {@link #step} and {@link #changingHost}.
 */
public abstract class RestoreStepDelegate implements JavaDelegate {

    /** What one step does with its execution. */
    @FunctionalInterface
    public interface Step {
        void run(DelegateExecution execution);
    }

    /** A step that reads, checks or records: it runs on any path. */
    public static RestoreStepDelegate step(Step step) {
        return new Lambda(step, false);
    }

    /** A step that changes the host on behalf of an approved restore. */
    public static RestoreStepDelegate changingHost(Step step) {
        return new Lambda(step, true);
    }

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
            if (needsApprovedChange()) {
                OperationSteps.requireApproved(approvals, execution, "restore");
            }
            step(execution);
        } catch (OperationRefusal refusal) {
            throw new BpmnError(refusal.code(), refusal.getMessage());
        } catch (dev.wparflow.aix.InvalidArgumentException invalid) {
            throw new BpmnError("INVALID_REQUEST", invalid.getMessage());
        }
    }

    protected abstract void step(DelegateExecution execution);

    private static final class Lambda extends RestoreStepDelegate {

        private final Step step;
        private final boolean needsApprovedChange;

        Lambda(Step step, boolean needsApprovedChange) {
            this.step = step;
            this.needsApprovedChange = needsApprovedChange;
        }

        @Override
        protected boolean needsApprovedChange() {
            return needsApprovedChange;
        }

        @Override
        protected void step(DelegateExecution execution) {
            step.run(execution);
        }
    }
}
