package dev.wparflow.process.backup.wpar;

import static dev.wparflow.process.backup.wpar.WparBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import dev.wparflow.process.backup.BackupSettings;
import dev.wparflow.process.backup.BackupStepDelegate;

/** Takes the WPAR's lease lock; contention is expected: the model waits and asks again, up to wparflow.backup.lock-attempts. */
@Component
public class LockWparForBackupDelegate extends BackupStepDelegate {

    private final WparBackupService backups;

    private final BackupSettings settings;

    public LockWparForBackupDelegate(WparBackupService backups, BackupSettings settings) {
        this.backups = backups;
        this.settings = settings;
    }

    @Override
    protected void step(DelegateExecution e) {
        String holder = backups.lock(origin(e), string(e, HOST), string(e, WPAR));
        // transient: only the gateway right after this step reads it, in this transaction
        e.setVariable(WPAR_LOCKED, Variables.booleanValue(holder == null, true));
        if (holder == null) {
            return; // attempts and "given up" are written only when the lock is busy: fewer rows per WPAR
        }
        int attempts = e.getVariable(LOCK_ATTEMPTS) == null ? 1 : ((Number) e.getVariable(LOCK_ATTEMPTS)).intValue() + 1;
        e.setVariable(LOCK_ATTEMPTS, attempts);
        if (attempts >= settings.lockAttempts()) {
            e.setVariable(LOCK_GIVEN_UP, true);
            e.setVariable(FAILURE_CODE, "WPAR_LOCKED");
            e.setVariable(FAILURE_REASON, holder);
        }
    }
}
