package dev.wparflow.process.lifecycle;

/**
 * The flow-node ids of WparLifecycleProcess.bpmn, shared by the code and the model's tests
 * ({@code ModelConstantsTest} checks that each names an element of the model).
 */
public final class WparLifecycleModel {

    public static final String START_EVENT_LIFECYCLE_REQUESTED = "StartEvent_LifecycleRequested";
    public static final String TASK_CHECK_REQUEST = "Task_CheckRequest";
    public static final String BOUNDARY_EVENT_REFUSED = "BoundaryEvent_Refused";
    public static final String GATEWAY_APPROVAL_REQUIRED = "Gateway_ApprovalRequired";
    public static final String CALL_ACTIVITY_APPROVE_LIFECYCLE = "CallActivity_ApproveLifecycle";
    public static final String GATEWAY_APPROVED = "Gateway_Approved";
    public static final String GATEWAY_JOIN_APPROVAL = "Gateway_JoinApproval";
    public static final String SUB_PROCESS_LANES = "SubProcess_Lanes";
    public static final String START_EVENT_LANE = "StartEvent_Lane";
    public static final String TASK_CLAIM_NEXT_WPAR = "Task_ClaimNextWpar";
    public static final String GATEWAY_WPAR_CLAIMED = "Gateway_WparClaimed";
    public static final String TASK_CHANGE_WPAR = "Task_ChangeWpar";
    public static final String END_EVENT_LANE_DONE = "EndEvent_LaneDone";
    public static final String BOUNDARY_EVENT_LANES_FAILED = "BoundaryEvent_LanesFailed";
    public static final String GATEWAY_JOIN_OUTCOME = "Gateway_JoinOutcome";
    public static final String TASK_RECORD_OUTCOME = "Task_RecordOutcome";
    public static final String GATEWAY_OUTCOME = "Gateway_Outcome";
    public static final String END_EVENT_LIFECYCLE_COMPLETED = "EndEvent_LifecycleCompleted";
    public static final String END_EVENT_LIFECYCLE_PARTIAL = "EndEvent_LifecyclePartial";
    public static final String END_EVENT_LIFECYCLE_REFUSED = "EndEvent_LifecycleRefused";
    public static final String END_EVENT_LIFECYCLE_REJECTED = "EndEvent_LifecycleRejected";

    private WparLifecycleModel() {
    }
}
