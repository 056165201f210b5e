package dev.wparflow.process.software.sync;

/**
 * The flow-node ids of WparSyncProcess.bpmn, shared by the code and the model's tests ({@code ModelConstantsTest}
 * checks that each names an element of the model).
 */
public final class WparSyncModel {

    public static final String START_EVENT_SYNC_REQUESTED = "StartEvent_SyncRequested";
    public static final String TASK_MEASURE_DRIFT = "Task_MeasureDrift";
    public static final String BOUNDARY_EVENT_REFUSED = "BoundaryEvent_Refused";
    public static final String GATEWAY_ANYTHING_TO_SYNC = "Gateway_AnythingToSync";
    public static final String GATEWAY_APPROVAL_REQUIRED = "Gateway_ApprovalRequired";
    public static final String CALL_ACTIVITY_APPROVE_SYNC = "CallActivity_ApproveSync";
    public static final String GATEWAY_APPROVED = "Gateway_Approved";
    public static final String GATEWAY_JOIN_APPROVAL = "Gateway_JoinApproval";
    public static final String SUB_PROCESS_EACH_WPAR = "SubProcess_EachWpar";
    public static final String START_EVENT_WPAR = "StartEvent_Wpar";
    public static final String TASK_SYNC_WPAR = "Task_SyncWpar";
    public static final String GATEWAY_WPAR_SYNCED = "Gateway_WparSynced";
    public static final String END_EVENT_WPAR_SYNCED = "EndEvent_WparSynced";
    public static final String END_EVENT_WPAR_FAILED = "EndEvent_WparFailed";
    public static final String BOUNDARY_EVENT_SYNC_FAILED = "BoundaryEvent_SyncFailed";
    public static final String TASK_REFRESH_INVENTORY = "Task_RefreshInventory";
    public static final String GATEWAY_JOIN_OUTCOME = "Gateway_JoinOutcome";
    public static final String TASK_RECORD_OUTCOME = "Task_RecordOutcome";
    public static final String GATEWAY_OUTCOME = "Gateway_Outcome";
    public static final String END_EVENT_SYNC_COMPLETED = "EndEvent_SyncCompleted";
    public static final String END_EVENT_SYNC_PARTIAL = "EndEvent_SyncPartial";
    public static final String END_EVENT_NOTHING_TO_SYNC = "EndEvent_NothingToSync";
    public static final String END_EVENT_SYNC_REFUSED = "EndEvent_SyncRefused";
    public static final String END_EVENT_SYNC_REJECTED = "EndEvent_SyncRejected";

    private WparSyncModel() {
    }
}
