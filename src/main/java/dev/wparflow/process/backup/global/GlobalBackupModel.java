package dev.wparflow.process.backup.global;

/**
 * The flow-node ids of GlobalBackupProcess.bpmn, shared by the code and the model's tests ({@code ModelConstantsTest}
 * checks that each names an element of the model).
 */
public final class GlobalBackupModel {

    public static final String START_EVENT_GLOBAL_BACKUP_REQUESTED = "StartEvent_GlobalBackupRequested";
    public static final String TASK_LEASE_LPAR = "Task_LeaseLpar";
    public static final String BOUNDARY_EVENT_LPAR_LOCKED = "BoundaryEvent_LparLocked";
    public static final String SUB_PROCESS_BACKUP = "SubProcess_Backup";
    public static final String START_EVENT_BACKUP = "StartEvent_Backup";
    public static final String TASK_PLAN_GLOBAL_BACKUP = "Task_PlanGlobalBackup";
    public static final String TASK_MOUNT_FILE_SYSTEMS = "Task_MountFileSystems";
    public static final String TASK_START_MKSYSB = "Task_StartMksysb";
    public static final String EVENT_MKSYSB_FINISHED = "Event_MksysbFinished";
    public static final String GATEWAY_MKSYSB_ENDED = "Gateway_MksysbEnded";
    public static final String TASK_CANCEL_MKSYSB = "Task_CancelMksysb";
    public static final String TASK_CHECK_MKSYSB = "Task_CheckMksysb";
    public static final String SUB_PROCESS_SAVE_VOLUME_GROUPS = "SubProcess_SaveVolumeGroups";
    public static final String START_EVENT_SAVE_VOLUME_GROUP = "StartEvent_SaveVolumeGroup";
    public static final String TASK_START_SAVEVG = "Task_StartSavevg";
    public static final String EVENT_SAVEVG_FINISHED = "Event_SavevgFinished";
    public static final String GATEWAY_SAVEVG_ENDED = "Gateway_SavevgEnded";
    public static final String TASK_CANCEL_SAVEVG = "Task_CancelSavevg";
    public static final String TASK_CHECK_SAVEVG = "Task_CheckSavevg";
    public static final String END_EVENT_VOLUME_GROUP_SAVED = "EndEvent_VolumeGroupSaved";
    public static final String END_EVENT_SAVED = "EndEvent_Saved";
    public static final String BOUNDARY_EVENT_BACKUP_FAILED = "BoundaryEvent_BackupFailed";
    public static final String GATEWAY_JOIN_CLEANUP = "Gateway_JoinCleanup";
    public static final String TASK_UNMOUNT_FILE_SYSTEMS = "Task_UnmountFileSystems";
    public static final String GATEWAY_SAVED = "Gateway_Saved";
    public static final String TASK_VERIFY_AND_CATALOG = "Task_VerifyAndCatalog";
    public static final String GATEWAY_VERIFIED = "Gateway_Verified";
    public static final String TASK_APPLY_RETENTION = "Task_ApplyRetention";
    public static final String GATEWAY_JOIN_VERIFIED = "Gateway_JoinVerified";
    public static final String TASK_RELEASE_LEASE = "Task_ReleaseLease";
    public static final String TASK_RECORD_OUTCOME = "Task_RecordOutcome";
    public static final String GATEWAY_OUTCOME = "Gateway_Outcome";
    public static final String END_EVENT_GLOBAL_BACKED_UP = "EndEvent_GlobalBackedUp";
    public static final String END_EVENT_GLOBAL_BACKUP_FAILED = "EndEvent_GlobalBackupFailed";

    private GlobalBackupModel() {
    }
}
