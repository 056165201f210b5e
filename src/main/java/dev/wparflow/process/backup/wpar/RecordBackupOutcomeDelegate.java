package dev.wparflow.process.backup.wpar;

import static dev.wparflow.process.backup.wpar.WparBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.backup.BackupStepDelegate;

/** Records done or failed (with the reason) on the fleet run item, if any. */
@Component
public class RecordBackupOutcomeDelegate extends BackupStepDelegate {

    private final WparBackupService backups;

    public RecordBackupOutcomeDelegate(WparBackupService backups) {
        this.backups = backups;
    }

    @Override
    protected void step(DelegateExecution e) {
        backups.recordOutcome(string(e, ITEM_ID), string(e, IMAGE_ID), string(e, FAILURE_CODE), string(e, FAILURE_REASON),
                e.getProcessInstanceId());
    }
}
