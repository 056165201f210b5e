package dev.wparflow.process.backup.wpar;

import static dev.wparflow.process.ProcessVariable.*;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.wparflow.process.ProcessVariable;

/** Variables of WparBackupProcess: small scalars only; the image itself lives in the catalog. */
public final class WparBackupVariables {

    public static final String PROCESS_ID = "WparBackupProcess";

    /** in: the global environment (SSH endpoint name) */
    public static final ProcessVariable<String> HOST = string("host");
    /** in: the system WPAR */
    public static final ProcessVariable<String> WPAR = string("wpar");
    /** in, optional: none / stop / quiesce, overrides wparflow.backup.policies */
    public static final ProcessVariable<String> CONSISTENCY = string("consistency");
    /** in, optional: the fleet run and its item this backup belongs to */
    public static final ProcessVariable<String> BACKUP_RUN_ID = string("backupRunId");
    public static final ProcessVariable<String> ITEM_ID = string("itemId");

    /** set at the start (a Date): names the image, the same on every retry of the plan */
    public static final ProcessVariable<Instant> REQUESTED_AT = instant("requestedAt");
    /** transient: read by the gateway after the lock step only */
    public static final ProcessVariable<Boolean> WPAR_LOCKED = flag("wparLocked");
    /** set only while the lock is busy */
    public static final ProcessVariable<Integer> LOCK_ATTEMPTS = integer("lockAttempts");
    public static final ProcessVariable<Boolean> LOCK_GIVEN_UP = flag("lockGivenUp");
    /** the plan; the first three are set only when true or not NONE (absent reads as false / NONE) */
    public static final ProcessVariable<Boolean> WAS_ACTIVE = flag("wasActive");
    public static final ProcessVariable<WparBackupService.Mode> MODE =
            enumeration("consistencyMode", WparBackupService.Mode.class);
    public static final ProcessVariable<Boolean> INCLUDE_NFS = flag("includeNfs");
    public static final ProcessVariable<String> IMAGE_PATH = string("imagePath");
    public static final ProcessVariable<String> OSLEVEL = string("oslevel");
    public static final ProcessVariable<String> SAVE_RUN_ID = string("saveRunId");
    /** out: the catalog id of the new image */
    public static final ProcessVariable<String> IMAGE_ID = string("imageId");
    /** out on failure: the BpmnError code and message */
    public static final ProcessVariable<String> FAILURE_CODE = string("failureCode");
    public static final ProcessVariable<String> FAILURE_REASON = string("failureReason");

    private WparBackupVariables() {
    }

    public static WparBackupService.Plan plan(DelegateExecution e) {
        return new WparBackupService.Plan(WAS_ACTIVE.isSet(e), MODE.orElse(e, WparBackupService.Mode.NONE),
                INCLUDE_NFS.isSet(e), IMAGE_PATH.get(e), OSLEVEL.get(e));
    }
}
