package dev.wparflow.process.backup.wpar;

/**
 * The flow-node ids of WparBackupProcess.bpmn, shared by the code and the model's tests
 * ({@code ModelConstantsTest} checks that each names an element of the model).
 */
public final class WparBackupModel {

    public static final String START_EVENT_BACKUP_REQUESTED = "StartEvent_BackupRequested";
    public static final String TASK_LOCK_WPAR = "Task_LockWpar";
    public static final String GATEWAY_WPAR_LOCKED = "Gateway_WparLocked";
    public static final String EVENT_WAIT_FOR_LOCK = "Event_WaitForLock";
    public static final String SUB_PROCESS_BACKUP = "SubProcess_Backup";
    public static final String START_EVENT_BACKUP = "StartEvent_Backup";
    public static final String TASK_PLAN_BACKUP = "Task_PlanBackup";
    public static final String GATEWAY_STOP_OR_QUIESCE = "Gateway_StopOrQuiesce";
    public static final String TASK_APPLY_CONSISTENCY = "Task_ApplyConsistency";
    public static final String GATEWAY_JOIN_CONSISTENCY = "Gateway_JoinConsistency";
    public static final String TASK_ENSURE_FILE_SYSTEMS_MOUNTED = "Task_EnsureFileSystemsMounted";
    public static final String TASK_START_SAVE = "Task_StartSave";
    public static final String EVENT_SAVE_FINISHED = "Event_SaveFinished";
    public static final String GATEWAY_SAVE_ENDED = "Gateway_SaveEnded";
    public static final String END_EVENT_SAVED = "EndEvent_Saved";
    public static final String TASK_CANCEL_SAVE = "Task_CancelSave";
    public static final String END_EVENT_SAVE_CANCELLED = "EndEvent_SaveCancelled";
    public static final String BOUNDARY_EVENT_BACKUP_FAILED = "BoundaryEvent_BackupFailed";
    public static final String GATEWAY_JOIN_CLEANUP = "Gateway_JoinCleanup";
    public static final String GATEWAY_PUT_BACK = "Gateway_PutBack";
    public static final String TASK_RESTORE_CONSISTENCY = "Task_RestoreConsistency";
    public static final String GATEWAY_SAVED = "Gateway_Saved";
    public static final String TASK_VERIFY_IMAGE = "Task_VerifyImage";
    public static final String GATEWAY_JOIN_VERIFIED = "Gateway_JoinVerified";
    public static final String TASK_RELEASE_WPAR_LOCK = "Task_ReleaseWparLock";
    public static final String TASK_RECORD_OUTCOME = "Task_RecordOutcome";
    public static final String GATEWAY_BACKED_UP = "Gateway_BackedUp";
    public static final String TASK_APPLY_RETENTION = "Task_ApplyRetention";
    public static final String END_EVENT_WPAR_BACKED_UP = "EndEvent_WparBackedUp";
    public static final String END_EVENT_BACKUP_FAILED = "EndEvent_BackupFailed";

    private WparBackupModel() {
    }
}
