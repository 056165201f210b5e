package dev.wparflow.process.backup.host;

/**
 * The flow-node ids of HostBackupProcess.bpmn, shared by the code and the model's tests
 * ({@code ModelConstantsTest} checks that each names an element of the model).
 */
public final class HostBackupModel {

    public static final String START_EVENT_HOST_BACKUP_REQUESTED = "StartEvent_HostBackupRequested";
    public static final String TASK_LIST_HOST_WPARS = "Task_ListHostWpars";
    public static final String GATEWAY_HOST_HAS_WPARS = "Gateway_HostHasWpars";
    public static final String END_EVENT_NOTHING_TO_BACK_UP = "EndEvent_NothingToBackUp";
    public static final String SUB_PROCESS_LANE = "SubProcess_Lane";
    public static final String START_EVENT_LANE = "StartEvent_Lane";
    public static final String TASK_CLAIM_NEXT_WPAR = "Task_ClaimNextWpar";
    public static final String GATEWAY_WPAR_CLAIMED = "Gateway_WparClaimed";
    public static final String END_EVENT_LANE_DONE = "EndEvent_LaneDone";
    public static final String TASK_ACQUIRE_GLOBAL_SLOT = "Task_AcquireGlobalSlot";
    public static final String GATEWAY_SLOT_FREE = "Gateway_SlotFree";
    public static final String EVENT_WAIT_FOR_SLOT = "Event_WaitForSlot";
    public static final String CALL_ACTIVITY_BACKUP_WPAR = "CallActivity_BackupWpar";
    public static final String TASK_RELEASE_GLOBAL_SLOT = "Task_ReleaseGlobalSlot";
    public static final String END_EVENT_HOST_DONE = "EndEvent_HostDone";

    private HostBackupModel() {
    }
}
