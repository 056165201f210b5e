package dev.wparflow.process.relocation;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Autowired;

import dev.wparflow.process.OperationRefusal;
import dev.wparflow.process.OperationSteps;
import dev.wparflow.process.approval.ChangeApprovalRecord;

/**
 * Base of the relocation steps: a {@link RelocationRefusedException} becomes a {@code BpmnError} with its code
 * (caught by a boundary event); anything else propagates for job retry and incident. A step that changes a host runs
 * only for a relocation whose change our record holds approved: even an instance modification that skips the approval
 * ends refused (CHANGE_NOT_APPROVED) before the step touches anything. The models' steps-configuration classes make
 * their steps with {@link #step} and {@link #changingHost}.
 */
public abstract class RelocationStepDelegate implements JavaDelegate {

    /** What one step does with its execution. */
    @FunctionalInterface
    public interface Step {
        void run(DelegateExecution execution);
    }

    private ChangeApprovalRecord approvals;

    @Autowired
    void setApprovals(ChangeApprovalRecord approvals) {
        this.approvals = approvals;
    }

    /** A step that reads, records or cleans up: it runs on any path. */
    public static RelocationStepDelegate step(Step step) {
        return new Lambda(step, false);
    }

    /** A step that changes a host (locks, stops, saves, restores, moves): it needs an approved change. */
    public static RelocationStepDelegate changingHost(Step step) {
        return new Lambda(step, true);
    }

    /** Whether the step changes a host (locks, stops, saves, restores, moves, removes): it needs an approved change. */
    protected boolean changesHost() {
        return false;
    }

    @Override
    public final void execute(DelegateExecution execution) {
        try {
            if (changesHost()) {
                OperationSteps.requireApproved(approvals, execution, "relocation");
            }
            run(execution);
        } catch (OperationRefusal refused) {
            throw new BpmnError(refused.code(), refused.getMessage());
        }
    }

    protected abstract void run(DelegateExecution execution);

    private static final class Lambda extends RelocationStepDelegate {

        private final Step step;
        private final boolean changesHost;

        Lambda(Step step, boolean changesHost) {
            this.step = step;
            this.changesHost = changesHost;
        }

        @Override
        protected boolean changesHost() {
            return changesHost;
        }

        @Override
        protected void run(DelegateExecution execution) {
            step.run(execution);
        }
    }
}
