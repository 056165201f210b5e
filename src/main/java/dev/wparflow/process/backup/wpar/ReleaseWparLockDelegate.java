package dev.wparflow.process.backup.wpar;

import static dev.wparflow.process.backup.wpar.WparBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.backup.BackupStepDelegate;

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
