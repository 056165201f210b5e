package dev.wparflow.process.backup;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import dev.wparflow.ssh.SshException;
import dev.wparflow.ssh.SshFailure;
import dev.wparflow.process.backup.wpar.WparBackupVariables;

/**
 * Turns a {@link BackupRefusal} into a BpmnError (business lane); everything else stays an exception, except in the
 * steps that {@link #unreachableHostIsOutcome() say so}.
 */
public abstract class BackupStepDelegate implements JavaDelegate {

    static final String HOST_UNREACHABLE = "HOST_UNREACHABLE";

    @Override
    public final void execute(DelegateExecution execution) {
        try {
            step(execution);
        } catch (BackupRefusal refusal) {
            throw new BpmnError(refusal.code(), refusal.getMessage());
        } catch (RuntimeException failure) {
            SshException unreachable = unreachableHostIsOutcome() ? notConnected(failure) : null;
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

    /** The SSH failure in the cause chain if no connection was made (so no command was sent), else null. */
    public static SshException notConnected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SshException ssh) {
                return ssh.failure() == SshFailure.CONNECT_REFUSED || ssh.failure() == SshFailure.CONNECT_TIMEOUT
                        ? ssh : null;
            }
        }
        return null;
    }

    protected static String s(DelegateExecution e, String name) {
        return WparBackupVariables.string(e, name);
    }

    protected static Integer i(DelegateExecution e, String name) {
        Object v = e.getVariable(name);
        return v == null ? null : v instanceof Number n ? n.intValue() : Integer.valueOf(v.toString());
    }
}
