package dev.wparflow.process.backup;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import dev.wparflow.aix.HostUnreachable;

/**
 * Turns a {@link BackupRefusal} into a BpmnError (business lane); everything else stays an exception, except in the
 * steps that {@link #unreachableHostIsOutcome() say so}. The models' steps-configuration classes make their steps with
 * {@link #step} and {@link #beforeSave}.
 */
public abstract class BackupStepDelegate implements JavaDelegate {

    /** What one step does with its execution. */
    @FunctionalInterface
    public interface Step {
        void run(DelegateExecution execution);
    }

    /** A step whose host, if it takes no connection, is a job retry and, if it stays away, an incident. */
    public static BackupStepDelegate step(Step step) {
        return new Lambda(step, false);
    }

    /** A step before savewpar: a host that takes no connection ends the WPAR's backup as HOST_UNREACHABLE. */
    public static BackupStepDelegate beforeSave(Step step) {
        return new Lambda(step, true);
    }

    static final String HOST_UNREACHABLE = "HOST_UNREACHABLE";

    @Override
    public final void execute(DelegateExecution execution) {
        try {
            step(execution);
        } catch (BackupRefusal refusal) {
            throw new BpmnError(refusal.code(), refusal.getMessage());
        } catch (RuntimeException failure) {
            HostUnreachable unreachable = unreachableHostIsOutcome() ? notConnected(failure) : null;
            if (unreachable == null) {
                throw failure;
            }
            throw new BpmnError(HOST_UNREACHABLE, unreachable.getMessage());
        }
    }

    protected abstract void step(DelegateExecution execution);

    /**
     * True for the steps before savewpar, where nothing the backup changed needs the host again (a WPAR they stopped
     * is restarted by its own, patient job): a host that takes no connection there ends the WPAR's backup as
     * HOST_UNREACHABLE, as a fleet run reports a host it cannot list, and the lane goes on. Elsewhere it is a job
     * retry and, if the host stays away, an incident.
     */
    protected boolean unreachableHostIsOutcome() {
        return false;
    }

    /** The transport failure in the cause chain if no connection was made (so no command was sent), else null. */
    public static HostUnreachable notConnected(Throwable failure) {
        return HostUnreachable.notConnected(failure).orElse(null);
    }

    private static final class Lambda extends BackupStepDelegate {

        private final Step step;
        private final boolean unreachableHostIsOutcome;

        Lambda(Step step, boolean unreachableHostIsOutcome) {
            this.step = step;
            this.unreachableHostIsOutcome = unreachableHostIsOutcome;
        }

        @Override
        protected void step(DelegateExecution execution) {
            step.run(execution);
        }

        @Override
        protected boolean unreachableHostIsOutcome() {
            return unreachableHostIsOutcome;
        }
    }
}
