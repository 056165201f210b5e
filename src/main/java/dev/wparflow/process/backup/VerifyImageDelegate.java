package dev.wparflow.process.backup;

import static dev.wparflow.process.backup.WparBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Checks the savewpar run, verifies the image with lssavewpar, checksums it and records it in the catalog. */
@Component
public class VerifyImageDelegate extends BackupStepDelegate {

    private final WparBackupService backups;

    public VerifyImageDelegate(WparBackupService backups) {
        this.backups = backups;
    }

    @Override
    protected void step(DelegateExecution e) {
        e.setVariable(IMAGE_ID, backups.verifyAndRecord(origin(e), string(e, HOST), string(e, WPAR), plan(e),
                string(e, SAVE_RUN_ID), string(e, BACKUP_RUN_ID)));
    }
}
