package dev.wparflow.process.backup.wpar;

import static dev.wparflow.process.backup.wpar.WparBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.backup.BackupStepDelegate;

/**
 * Starts savewpar -f IMAGE -i -m [-N] NAME detached; the model waits at a timer the run watcher makes due when the run
 * ends (RemoteRunWait).
 */
@Component
public class StartSaveWparDelegate extends BackupStepDelegate {

    private final WparBackupService backups;

    public StartSaveWparDelegate(WparBackupService backups) {
        this.backups = backups;
    }

    @Override
    protected void step(DelegateExecution e) {
        e.setVariable(SAVE_RUN_ID, backups.startSave(origin(e), string(e, HOST), string(e, WPAR), string(e, IMAGE_PATH),
                flag(e, INCLUDE_NFS)));
    }

    @Override
    protected boolean unreachableHostIsOutcome() {
        return true;
    }
}
