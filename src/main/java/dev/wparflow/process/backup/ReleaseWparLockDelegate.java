package dev.wparflow.process.backup;

import static dev.wparflow.process.backup.WparBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Releases every lease this backup holds. */
@Component
public class ReleaseWparLockDelegate extends BackupStepDelegate {

    private final WparBackupService backups;

    public ReleaseWparLockDelegate(WparBackupService backups) {
        this.backups = backups;
    }

    @Override
    protected void step(DelegateExecution e) {
        backups.releaseLocks(e.getProcessInstanceId());
    }
}
