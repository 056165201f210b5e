package dev.wparflow.process.restore;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import dev.wparflow.process.backup.BackupRefusal;

/** A {@link BackupRefusal} becomes a BpmnError (business lane); everything else stays an exception (retry, incident). */
abstract class RestoreStepDelegate implements JavaDelegate {

    @Override
    public final void execute(DelegateExecution execution) {
        try {
            step(execution);
        } catch (BackupRefusal refusal) {
            throw new BpmnError(refusal.code(), refusal.getMessage());
        } catch (dev.wparflow.aix.InvalidArgumentException invalid) {
            throw new BpmnError("INVALID_REQUEST", invalid.getMessage());
        }
    }

    protected abstract void step(DelegateExecution execution);
}
