package dev.wparflow.process.backup.wpar;

import static dev.wparflow.process.backup.wpar.WparBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.backup.BackupStepDelegate;

/** Cancels a savewpar that ran past wparflow.backup.save-timeout. */
@Component
public class CancelSaveDelegate extends BackupStepDelegate {

    private final WparBackupService backups;

    public CancelSaveDelegate(WparBackupService backups) {
        this.backups = backups;
    }

    @Override
    protected void step(DelegateExecution e) {
        backups.cancelSave(origin(e), string(e, SAVE_RUN_ID));
        if (e.getVariable(FAILURE_REASON) == null) {
            e.setVariable(FAILURE_CODE, "SAVEWPAR_TIMEOUT");
            e.setVariable(FAILURE_REASON, "savewpar of " + string(e, HOST) + "/" + string(e, WPAR) + " ran longer than its timeout and was cancelled");
        }
    }
}
