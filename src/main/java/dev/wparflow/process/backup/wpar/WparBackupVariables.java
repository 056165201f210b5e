package dev.wparflow.process.backup.wpar;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.wparflow.aix.Origin;

/** Variables of WparBackupProcess: small scalars only; the image itself lives in the catalog. */
public final class WparBackupVariables {

    public static final String PROCESS_ID = "WparBackupProcess";

    /** in: the global environment (SSH endpoint name) */
    public static final String HOST = "host";
    /** in: the system WPAR */
    public static final String WPAR = "wpar";
    /** in, optional: none / stop / quiesce, overrides wparflow.backup.policies */
    public static final String CONSISTENCY = "consistency";
    /** in, optional: the fleet run and its item this backup belongs to */
    public static final String BACKUP_RUN_ID = "backupRunId";
    public static final String ITEM_ID = "itemId";

    /** set at the start (a Date): names the image, the same on every retry of the plan */
    public static final String REQUESTED_AT = "requestedAt";
    /** transient: read by the gateway after the lock step only */
    public static final String WPAR_LOCKED = "wparLocked";
    /** set only while the lock is busy */
    public static final String LOCK_ATTEMPTS = "lockAttempts";
    public static final String LOCK_GIVEN_UP = "lockGivenUp";
    /** the plan; the first three are set only when true or not NONE (absent reads as false / NONE) */
    public static final String WAS_ACTIVE = "wasActive";
    public static final String MODE = "consistencyMode";
    public static final String INCLUDE_NFS = "includeNfs";
    public static final String IMAGE_PATH = "imagePath";
    public static final String OSLEVEL = "oslevel";
    public static final String SAVE_RUN_ID = "saveRunId";
    /** out: the catalog id of the new image */
    public static final String IMAGE_ID = "imageId";
    /** out on failure: the BpmnError code and message */
    public static final String FAILURE_CODE = "failureCode";
    public static final String FAILURE_REASON = "failureReason";

    private WparBackupVariables() {
    }

    public static Origin origin(DelegateExecution e) {
        return new Origin(e.getProcessInstanceId(), e.getCurrentActivityId());
    }

    public static String string(DelegateExecution e, String name) {
        Object v = e.getVariable(name);
        return v == null ? null : v.toString();
    }

    public static boolean flag(DelegateExecution e, String name) {
        return Boolean.TRUE.equals(e.getVariable(name));
    }

    public static java.time.Instant requestedAt(DelegateExecution e) {
        return e.getVariable(REQUESTED_AT) instanceof java.util.Date d ? d.toInstant() : null;
    }

    public static WparBackupService.Plan plan(DelegateExecution e) {
        return new WparBackupService.Plan(flag(e, WAS_ACTIVE), WparBackupService.Mode.of(string(e, MODE)),
                flag(e, INCLUDE_NFS), string(e, IMAGE_PATH), string(e, OSLEVEL));
    }
}
