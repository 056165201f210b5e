package dev.wparflow.process.backup.wpar;

import static dev.wparflow.process.backup.wpar.WparBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.backup.BackupRefusal;
import dev.wparflow.process.backup.BackupStepDelegate;

/**
 * Checks the savewpar run, verifies the image with lssavewpar, checksums it and records it in the catalog; a rejected
 * image leaves failureCode and failureReason.
 */
@Component
public class VerifyImageDelegate extends BackupStepDelegate {

    private final WparBackupService backups;

    public VerifyImageDelegate(WparBackupService backups) {
        this.backups = backups;
    }

    @Override
    protected void step(DelegateExecution e) {
        try {
            e.setVariable(IMAGE_ID, backups.verifyAndRecord(origin(e), string(e, HOST), string(e, WPAR), plan(e),
                    string(e, SAVE_RUN_ID), string(e, BACKUP_RUN_ID)));
        } catch (BackupRefusal rejected) {
            // an outcome the model routes by ("Backed up?"), not a BPMN error: no boundary event, no scope
            e.setVariable(FAILURE_CODE, rejected.code());
            e.setVariable(FAILURE_REASON, rejected.getMessage());
        }
    }
}
