package dev.wparflow.process.decommission;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Autowired;

import dev.wparflow.aix.AixCommandException;
import dev.wparflow.aix.InvalidArgumentException;
import dev.wparflow.process.OperationRefusal;
import dev.wparflow.process.OperationSteps;
import dev.wparflow.process.approval.ChangeApprovalRecord;

/**
 * A {@link DecommissionRefusal} becomes a BpmnError (business lane); everything else stays an exception (retry,
 * incident). A step that locks or changes a host runs only when our record holds the decommission's change approved:
 * an instance modification that skips the approval ends refused (CHANGE_NOT_APPROVED) before the host is touched. In
 * such a step a command the host ran and failed (rmwpar refused, nim -o destroy failed) is COMMAND_FAILED: the
 * decommission stops there, releases its locks and says what was removed and what is left, rather than waiting as an
 * incident with the WPAR locked; a host that does not answer stays a technical failure (retry, incident).
 */
abstract class DecommissionStepDelegate implements JavaDelegate {

    /** What one step does with its execution. */
    @FunctionalInterface
    interface Step {
        void run(DelegateExecution execution);
    }

    /** A step that reads, checks or records: it runs on any path. */
    static DecommissionStepDelegate step(Step step) {
        return new Lambda(step, false);
    }

    /** A step that locks or changes a host on behalf of an approved decommission. */
    static DecommissionStepDelegate changingHost(Step step) {
        return new Lambda(step, true);
    }

    private ChangeApprovalRecord approvals;

    @Autowired
    void setApprovals(ChangeApprovalRecord approvals) {
        this.approvals = approvals;
    }

    protected abstract boolean changesHost();

    protected abstract void run(DelegateExecution execution);

    @Override
    public final void execute(DelegateExecution execution) {
        try {
            if (changesHost()) {
                OperationSteps.requireApproved(approvals, execution, "decommission");
            }
            run(execution);
        } catch (OperationRefusal refusal) {
            throw new BpmnError(refusal.code(), refusal.getMessage());
        } catch (InvalidArgumentException invalid) {
            throw new BpmnError("INVALID_REQUEST", invalid.getMessage());
        } catch (AixCommandException failed) {
            if (changesHost()) {
                throw new BpmnError("COMMAND_FAILED", failed.getMessage());
            }
            throw failed;
        }
    }

    private static final class Lambda extends DecommissionStepDelegate {

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
