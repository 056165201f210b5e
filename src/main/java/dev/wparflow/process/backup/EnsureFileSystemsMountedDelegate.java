package dev.wparflow.process.backup;

import static dev.wparflow.process.backup.WparBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

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
