package dev.wparflow.process.backup.wpar;

import static dev.wparflow.process.backup.wpar.WparBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.backup.BackupStepDelegate;

/** Restarts a WPAR the backup stopped, resumes a quiesced one: on every path, success or failure. */
@Component
public class RestoreConsistencyDelegate extends BackupStepDelegate {

    private final WparBackupService backups;

    public RestoreConsistencyDelegate(WparBackupService backups) {
        this.backups = backups;
    }

    @Override
    protected void step(DelegateExecution e) {
        if (e.getVariable(MODE) != null) {
            backups.restoreConsistency(origin(e), string(e, HOST), string(e, WPAR), plan(e).mode(), flag(e, WAS_ACTIVE));
        }
    }
}
