package dev.wparflow.process;

import java.util.function.Predicate;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import dev.wparflow.aix.AixCommandException;
import dev.wparflow.aix.AixRefusal;
import dev.wparflow.aix.InvalidArgumentException;
import dev.wparflow.process.approval.ChangeApprovalRecord;

/**
 * Makes the delegates of an operation's model from small steps, with the three error lanes in one place: an
 * {@link OperationRefusal} becomes a BpmnError with its code, a host's {@link AixRefusal} one with its outcome's code,
 * an {@link InvalidArgumentException} INVALID_REQUEST; anything else stays an exception (retry, then an incident).
 * A step that locks or changes a host runs only when our record holds the operation's change approved (or the
 * operation's policy says it needs none): a start instruction or an instance modification that skips the approval is
 * refused (CHANGE_NOT_APPROVED) before any host is touched.
 */
public final class OperationSteps {

    /** What one step does with its execution. */
    @FunctionalInterface
    public interface Step {
        void run(DelegateExecution execution);
    }

    /** What a command a host ran and failed means to a step that changes it. */
    public enum CommandFailure {
        /** Retried, then an incident an operator resolves (the WPAR stays locked meanwhile). */
        INCIDENT,
        /** COMMAND_FAILED: the model stops there, releases its locks and reports what is done and what is left. */
        OUTCOME
    }

    private final ChangeApprovalRecord approvals;
    private final String operation;
    private final Predicate<DelegateExecution> approvalExempt;

    private OperationSteps(ChangeApprovalRecord approvals, String operation,
            Predicate<DelegateExecution> approvalExempt) {
        this.approvals = approvals;
        this.operation = operation;
        this.approvalExempt = approvalExempt;
    }

    /**
     * The steps of one kind of operation ({@code operation} names it in refusals: "restore", "provisioning").
     * Every step that changes a host needs the operation's change approved.
     */
    public static OperationSteps of(ChangeApprovalRecord approvals, String operation) {
        return new OperationSteps(approvals, operation, e -> false);
    }

    /** As {@link #of}, for an operation whose policy can decide it needs no approval (recorded at planning). */
    public OperationSteps exemptWhen(Predicate<DelegateExecution> approvalNotRequired) {
        return new OperationSteps(approvals, operation, approvalNotRequired);
    }

    /** A step that reads, checks or records: it runs on any path. */
    public static JavaDelegate step(Step step) {
        return e -> {
            try {
                step.run(e);
            } catch (OperationRefusal refusal) {
                throw new BpmnError(refusal.code(), refusal.getMessage());
            } catch (AixRefusal refusal) {
                throw new BpmnError(refusal.outcome().errorCode(), refusal.getMessage());
            } catch (InvalidArgumentException invalid) {
                throw new BpmnError("INVALID_REQUEST", invalid.getMessage());
            }
        };
    }

    /** A step that locks or changes a host on behalf of the approved operation; a failed command is an incident. */
    public JavaDelegate changingHost(Step step) {
        return changingHost(CommandFailure.INCIDENT, step);
    }

    /** A step that locks or changes a host on behalf of the approved operation. */
    public JavaDelegate changingHost(CommandFailure onCommandFailure, Step step) {
        return step(e -> {
            if (!approvalExempt.test(e)) {
                requireApproved(approvals, e, operation);
            }
            try {
                step.run(e);
            } catch (AixRefusal | OperationRefusal | InvalidArgumentException business) {
                throw business;
            } catch (AixCommandException failed) {
                if (onCommandFailure == CommandFailure.OUTCOME) {
                    throw new OperationRefusal("COMMAND_FAILED", failed.getMessage());
                }
                throw failed;
            }
        });
    }

    /**
     * Refuses (CHANGE_NOT_APPROVED) unless our record holds the change of the operation {@code execution} is part of
     * approved: the guard of every step that locks or changes a host, whatever path the token took to it.
     */
    public static void requireApproved(ChangeApprovalRecord approvals, DelegateExecution execution, String operation) {
        if (!approvals.operationApproved(execution)) {
            throw new OperationRefusal("CHANGE_NOT_APPROVED", "no approved change is recorded for " + operation + " "
                    + Operation.idOf(execution) + ": nothing is changed without the approval its policy asks for");
        }
    }
}
