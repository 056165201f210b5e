package dev.wparflow.process.decommission;

/**
 * The flow-node ids of WparDecommissionProcess.bpmn, shared by the code and the model's tests
 * ({@code ModelConstantsTest} checks that each names an element of the model).
 */
public final class WparDecommissionModel {

    public static final String START_EVENT_DECOMMISSION_REQUESTED = "StartEvent_DecommissionRequested";
    public static final String SUB_PROCESS_CHECKS = "SubProcess_Checks";
    public static final String START_EVENT_CHECKS = "StartEvent_Checks";
    public static final String TASK_VALIDATE_REQUEST = "Task_ValidateRequest";
    public static final String TASK_FIND_BACKUP = "Task_FindBackup";
    public static final String GATEWAY_BACKUP_FOUND = "Gateway_BackupFound";
    public static final String CALL_ACTIVITY_BACK_UP_WPAR = "CallActivity_BackUpWpar";
    public static final String TASK_CHECK_NEW_BACKUP = "Task_CheckNewBackup";
    public static final String GATEWAY_JOIN_BACKUP = "Gateway_JoinBackup";
    public static final String TASK_PLAN_DECOMMISSION = "Task_PlanDecommission";
    public static final String END_EVENT_CHECKED = "EndEvent_Checked";
    public static final String BOUNDARY_EVENT_REFUSED = "BoundaryEvent_Refused";
    public static final String CALL_ACTIVITY_APPROVE_DECOMMISSION = "CallActivity_ApproveDecommission";
    public static final String GATEWAY_APPROVED = "Gateway_Approved";
    public static final String SUB_PROCESS_DECOMMISSION = "SubProcess_Decommission";
    public static final String START_EVENT_DECOMMISSION = "StartEvent_Decommission";
    public static final String TASK_LOCK_WPAR = "Task_LockWpar";
    public static final String GATEWAY_NIM_MANAGED = "Gateway_NimManaged";
    public static final String TASK_DEACTIVATE_NIM_WPAR = "Task_DeactivateNimWpar";
    public static final String TASK_DESTROY_NIM_WPAR = "Task_DestroyNimWpar";
    public static final String TASK_REMOVE_NIM_MACHINE = "Task_RemoveNimMachine";
    public static final String TASK_STOP_WPAR = "Task_StopWpar";
    public static final String TASK_REMOVE_WPAR = "Task_RemoveWpar";
    public static final String GATEWAY_JOIN_REMOVAL = "Gateway_JoinRemoval";
    public static final String TASK_VERIFY_REMOVED = "Task_VerifyRemoved";
    public static final String TASK_REMOVE_FROM_INVENTORY = "Task_RemoveFromInventory";
    public static final String END_EVENT_REMOVED = "EndEvent_Removed";
    public static final String BOUNDARY_EVENT_DECOMMISSION_FAILED = "BoundaryEvent_DecommissionFailed";
    public static final String GATEWAY_JOIN_CLEANUP = "Gateway_JoinCleanup";
    public static final String TASK_RELEASE_LOCKS = "Task_ReleaseLocks";
    public static final String TASK_RECORD_OUTCOME = "Task_RecordOutcome";
    public static final String GATEWAY_OUTCOME = "Gateway_Outcome";
    public static final String END_EVENT_WPAR_DECOMMISSIONED = "EndEvent_WparDecommissioned";
    public static final String END_EVENT_DECOMMISSION_REFUSED = "EndEvent_DecommissionRefused";
    public static final String END_EVENT_DECOMMISSION_REJECTED = "EndEvent_DecommissionRejected";
    public static final String END_EVENT_DECOMMISSION_FAILED = "EndEvent_DecommissionFailed";

    private WparDecommissionModel() {
    }
}
