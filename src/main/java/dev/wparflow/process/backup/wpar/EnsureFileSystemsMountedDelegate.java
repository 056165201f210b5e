package dev.wparflow.process.backup.wpar;

import static dev.wparflow.process.backup.wpar.WparBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.backup.BackupStepDelegate;

/** Redbook 4.4.2: all file systems of the WPAR mounted before savewpar. */
@Component
public class EnsureFileSystemsMountedDelegate extends BackupStepDelegate {

    private final WparBackupService backups;

    public EnsureFileSystemsMountedDelegate(WparBackupService backups) {
        this.backups = backups;
    }

    @Override
    protected void step(DelegateExecution e) {
        backups.ensureFileSystemsMounted(origin(e), string(e, HOST), string(e, WPAR), plan(e));
    }

    @Override
    protected boolean unreachableHostIsOutcome() {
        return true;
    }
}
