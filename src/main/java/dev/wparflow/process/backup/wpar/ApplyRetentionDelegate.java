package dev.wparflow.process.backup.wpar;

import static dev.wparflow.process.backup.wpar.WparBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.backup.BackupStepDelegate;

/** Deletes the images retention no longer keeps (never the newest good one). */
@Component
public class ApplyRetentionDelegate extends BackupStepDelegate {

    private final WparBackupService backups;

    public ApplyRetentionDelegate(WparBackupService backups) {
        this.backups = backups;
    }

    @Override
    protected void step(DelegateExecution e) {
        backups.applyRetention(origin(e), string(e, HOST), string(e, WPAR));
    }
}
