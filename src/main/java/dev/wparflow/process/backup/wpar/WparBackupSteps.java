package dev.wparflow.process.backup.wpar;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.backup.BackupStepDelegate.beforeSave;
import static dev.wparflow.process.backup.BackupStepDelegate.step;
import static dev.wparflow.process.backup.wpar.WparBackupVariables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.process.Operation;
import dev.wparflow.process.backup.BackupRefusal;
import dev.wparflow.process.backup.BackupSettings;

/**
 * The steps of WparBackupProcess in the model's order, as the beans its {@code delegateExpression}s name. The steps
 * before savewpar ({@code beforeSave}) end the backup as HOST_UNREACHABLE when the host takes no connection.
 */
@Configuration(proxyBeanMethods = false)
class WparBackupSteps {

    /** Takes the WPAR's lease lock; contention is expected: the model waits and asks again, up to lock-attempts. */
    @Bean
    JavaDelegate lockWparForBackupDelegate(WparBackupService backups, BackupSettings settings) {
        return step(e -> {
            String holder = backups.lock(origin(e), HOST.get(e), WPAR.get(e));
            // transient: only the gateway right after this step reads it, in this transaction
            WPAR_LOCKED.setTransient(e, holder == null);
            if (holder == null) {
                return; // attempts and "given up" are written only when the lock is busy: fewer rows per WPAR
            }
            int attempts = LOCK_ATTEMPTS.orElse(e, 0) + 1;
            LOCK_ATTEMPTS.set(e, attempts);
            if (attempts >= settings.lockAttempts()) {
                LOCK_GIVEN_UP.set(e, true);
                FAILURE_CODE.set(e, "WPAR_LOCKED");
                FAILURE_REASON.set(e, holder);
            }
        });
    }

    /**
     * Looks at the WPAR (lswpar, lswpar -M; oslevel unless the fleet backup read it for the host) and fixes what the
     * backup will do and where the image goes.
     */
    @Bean
    JavaDelegate planWparBackupDelegate(WparBackupService backups) {
        return beforeSave(e -> {
            // the oslevel the catalog records is measured: read here, or handed down by the host backup that read it;
            // a value given when the backup was started on its own is not a fact about the host
            String knownOslevel = Operation.called(e) ? OSLEVEL.get(e) : null;
            WparBackupService.Plan plan = backups.plan(origin(e), HOST.get(e), WPAR.get(e), CONSISTENCY.get(e),
                    knownOslevel, REQUESTED_AT.get(e));
            // only what differs from the defaults (Defined, no stop or quiesce, no NFS, the oslevel passed in): every
            // variable is a row written and deleted per WPAR, and a fleet backup writes a thousand of them a minute
            if (plan.wasActive()) {
                WAS_ACTIVE.set(e, true);
            }
            if (plan.mode() != WparBackupService.Mode.NONE) {
                MODE.set(e, plan.mode());
            }
            if (plan.includeNfs()) {
                INCLUDE_NFS.set(e, true);
            }
            IMAGE_PATH.set(e, plan.imagePath());
            if (!plan.oslevel().equals(knownOslevel)) {
                OSLEVEL.set(e, plan.oslevel());
            }
        });
    }

    /** Stops the WPAR or runs its quiesce command, as its consistency policy says. */
    @Bean
    JavaDelegate applyConsistencyDelegate(WparBackupService backups) {
        return beforeSave(e -> backups.applyConsistency(origin(e), HOST.get(e), WPAR.get(e), plan(e).mode(),
                WAS_ACTIVE.isSet(e)));
    }

    /** Redbook 4.4.2: all file systems of the WPAR mounted before savewpar. */
    @Bean
    JavaDelegate ensureFileSystemsMountedDelegate(WparBackupService backups) {
        return beforeSave(e -> backups.ensureFileSystemsMounted(origin(e), HOST.get(e), WPAR.get(e), plan(e)));
    }

    /**
     * Starts savewpar -f IMAGE -i -m [-N] NAME detached; the model waits at a timer the run watcher makes due when the
     * run ends (RemoteRunWait).
     */
    @Bean
    JavaDelegate startSaveWparDelegate(WparBackupService backups) {
        return beforeSave(e -> SAVE_RUN_ID.set(e, backups.startSave(origin(e), HOST.get(e), WPAR.get(e),
                IMAGE_PATH.get(e), INCLUDE_NFS.isSet(e))));
    }

    /** Cancels a savewpar that ran past wparflow.backup.save-timeout. */
    @Bean
    JavaDelegate cancelSaveDelegate(WparBackupService backups) {
        return step(e -> {
            backups.cancelSave(origin(e), SAVE_RUN_ID.get(e));
            if (FAILURE_REASON.get(e) == null) {
                FAILURE_CODE.set(e, "SAVEWPAR_TIMEOUT");
                FAILURE_REASON.set(e, "savewpar of " + HOST.get(e) + "/" + WPAR.get(e)
                        + " ran longer than its timeout and was cancelled");
            }
        });
    }

    /** Restarts a WPAR the backup stopped, resumes a quiesced one: on every path, success or failure. */
    @Bean
    JavaDelegate restoreConsistencyDelegate(WparBackupService backups) {
        return step(e -> {
            if (MODE.get(e) != null) {
                backups.restoreConsistency(origin(e), HOST.get(e), WPAR.get(e), plan(e).mode(), WAS_ACTIVE.isSet(e));
            }
        });
    }

    /**
     * Checks the savewpar run, verifies the image with lssavewpar, checksums it and records it in the catalog; a
     * rejected image leaves failureCode and failureReason.
     */
    @Bean
    JavaDelegate verifyImageDelegate(WparBackupService backups) {
        return step(e -> {
            try {
                IMAGE_ID.set(e, backups.verifyAndRecord(origin(e), HOST.get(e), WPAR.get(e), plan(e),
                        SAVE_RUN_ID.get(e), BACKUP_RUN_ID.get(e)));
            } catch (BackupRefusal rejected) {
                // an outcome the model routes by ("Backed up?"), not a BPMN error: no boundary event, no scope
                FAILURE_CODE.set(e, rejected.code());
                FAILURE_REASON.set(e, rejected.getMessage());
            }
        });
    }

    /** Releases every lease this backup holds. */
    @Bean
    JavaDelegate releaseWparLockDelegate(WparBackupService backups) {
        return step(e -> backups.releaseLocks(e.getProcessInstanceId()));
    }

    /** Records done or failed (with the reason) on the fleet run item, if any. */
    @Bean
    JavaDelegate recordBackupOutcomeDelegate(WparBackupService backups) {
        return step(e -> backups.recordOutcome(ITEM_ID.get(e), IMAGE_ID.get(e), FAILURE_CODE.get(e),
                FAILURE_REASON.get(e), e.getProcessInstanceId()));
    }

    /** Deletes the images retention no longer keeps (never the newest good one). */
    @Bean
    JavaDelegate applyRetentionDelegate(WparBackupService backups) {
        return step(e -> backups.applyRetention(origin(e), HOST.get(e), WPAR.get(e)));
    }
}
