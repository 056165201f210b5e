package dev.wparflow.process.maintenance;

/**
 * The flow-node ids of LparMaintenanceProcess.bpmn, shared by the code and the model's tests
 * ({@code ModelConstantsTest} checks that each names an element of the model).
 */
public final class LparMaintenanceModel {

    public static final String START_EVENT_MAINTENANCE_REQUESTED = "StartEvent_MaintenanceRequested";
    public static final String TASK_PLAN_MAINTENANCE = "Task_PlanMaintenance";
    public static final String BOUNDARY_EVENT_PLAN_REFUSED = "BoundaryEvent_PlanRefused";
    public static final String GATEWAY_ANYTHING_TO_UPDATE = "Gateway_AnythingToUpdate";
    public static final String CALL_ACTIVITY_APPROVE_MAINTENANCE = "CallActivity_ApproveMaintenance";
    public static final String GATEWAY_APPROVED = "Gateway_Approved";
    public static final String GATEWAY_WINDOW_GIVEN = "Gateway_WindowGiven";
    public static final String TIMER_EVENT_WAIT_FOR_WINDOW = "TimerEvent_WaitForWindow";
    public static final String GATEWAY_JOIN_WINDOW = "Gateway_JoinWindow";
    public static final String SUB_PROCESS_LPAR_LANE = "SubProcess_LparLane";
    public static final String START_EVENT_LANE = "StartEvent_Lane";
    public static final String TASK_CLAIM_LPAR = "Task_ClaimLpar";
    public static final String GATEWAY_LPAR_CLAIMED = "Gateway_LparClaimed";
    public static final String TASK_PREPARE_LPAR = "Task_PrepareLpar";
    public static final String GATEWAY_LPAR_LEASED = "Gateway_LparLeased";
    public static final String GATEWAY_EVACUATE = "Gateway_Evacuate";
    public static final String CALL_ACTIVITY_EVACUATE = "CallActivity_Evacuate";
    public static final String GATEWAY_JOIN_EVACUATE = "Gateway_JoinEvacuate";
    public static final String GATEWAY_BACKUP_WANTED = "Gateway_BackupWanted";
    public static final String CALL_ACTIVITY_GLOBAL_BACKUP = "CallActivity_GlobalBackup";
    public static final String GATEWAY_BACKED_UP = "Gateway_BackedUp";
    public static final String GATEWAY_JOIN_BACKUP = "Gateway_JoinBackup";
    public static final String TASK_START_APPLY = "Task_StartApply";
    public static final String EVENT_APPLY_FINISHED = "Event_ApplyFinished";
    public static final String GATEWAY_APPLY_ENDED = "Gateway_ApplyEnded";
    public static final String TASK_CANCEL_APPLY = "Task_CancelApply";
    public static final String TASK_CHECK_APPLY = "Task_CheckApply";
    public static final String GATEWAY_JOIN_UPDATE_DONE = "Gateway_JoinUpdateDone";
    public static final String GATEWAY_EVACUATED = "Gateway_Evacuated";
    public static final String CALL_ACTIVITY_RETURN_WPARS = "CallActivity_ReturnWpars";
    public static final String GATEWAY_JOIN_RETURN = "Gateway_JoinReturn";
    public static final String GATEWAY_APPLIED = "Gateway_Applied";
    public static final String TASK_SYNC_WPAR = "Task_SyncWpar";
    public static final String TASK_VERIFY_LPAR = "Task_VerifyLpar";
    public static final String GATEWAY_JOIN_TAIL = "Gateway_JoinTail";
    public static final String TASK_FINISH_LPAR = "Task_FinishLpar";
    public static final String END_EVENT_LANE_DONE = "EndEvent_LaneDone";
    public static final String GATEWAY_JOIN_OUTCOME = "Gateway_JoinOutcome";
    public static final String TASK_RECORD_OUTCOME = "Task_RecordOutcome";
    public static final String GATEWAY_OUTCOME = "Gateway_Outcome";
    public static final String END_EVENT_MAINTENANCE_COMPLETED = "EndEvent_MaintenanceCompleted";
    public static final String END_EVENT_MAINTENANCE_INCOMPLETE = "EndEvent_MaintenanceIncomplete";
    public static final String END_EVENT_MAINTENANCE_REJECTED = "EndEvent_MaintenanceRejected";
    public static final String END_EVENT_MAINTENANCE_REFUSED = "EndEvent_MaintenanceRefused";

    private LparMaintenanceModel() {
    }
}
