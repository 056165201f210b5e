package dev.wparflow.process.backup;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Turns a {@link BackupRefusal} into a BpmnError (business lane); everything else stays an exception. */
abstract class BackupStepDelegate implements JavaDelegate {

    @Override
    public final void execute(DelegateExecution execution) {
        try {
            step(execution);
        } catch (BackupRefusal refusal) {
            throw new BpmnError(refusal.code(), refusal.getMessage());
        }
    }

    protected abstract void step(DelegateExecution execution);

    protected static String s(DelegateExecution e, String name) {
        return WparBackupVariables.string(e, name);
    }

    protected static Integer i(DelegateExecution e, String name) {
        Object v = e.getVariable(name);
        return v == null ? null : v instanceof Number n ? n.intValue() : Integer.valueOf(v.toString());
    }
}
