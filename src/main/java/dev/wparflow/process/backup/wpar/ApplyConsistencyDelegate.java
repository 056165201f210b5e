package dev.wparflow.process.backup.wpar;

import static dev.wparflow.process.backup.wpar.WparBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.backup.BackupStepDelegate;

/** Stops the WPAR or runs its quiesce command, as its consistency policy says. */
@Component
public class ApplyConsistencyDelegate extends BackupStepDelegate {

    private final WparBackupService backups;

    public ApplyConsistencyDelegate(WparBackupService backups) {
        this.backups = backups;
    }

    @Override
    protected void step(DelegateExecution e) {
        backups.applyConsistency(origin(e), string(e, HOST), string(e, WPAR), plan(e).mode(), flag(e, WAS_ACTIVE));
    }

    @Override
    protected boolean unreachableHostIsOutcome() {
        return true;
    }
}
