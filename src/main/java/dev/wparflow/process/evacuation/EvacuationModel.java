package dev.wparflow.process.evacuation;

/**
 * The flow-node ids of EvacuationProcess.bpmn, shared by the code and the model's tests ({@code ModelConstantsTest}
 * checks that each names an element of the model).
 */
public final class EvacuationModel {

    public static final String START_EVENT_EVACUATION_REQUESTED = "StartEvent_EvacuationRequested";
    public static final String TASK_PLAN_EVACUATION = "Task_PlanEvacuation";
    public static final String BOUNDARY_EVENT_PLAN_REFUSED = "BoundaryEvent_PlanRefused";
    public static final String GATEWAY_ANYTHING_TO_MOVE = "Gateway_AnythingToMove";
    public static final String GATEWAY_CALLER_APPROVED = "Gateway_CallerApproved";
    public static final String CALL_ACTIVITY_APPROVE_EVACUATION = "CallActivity_ApproveEvacuation";
    public static final String GATEWAY_APPROVED = "Gateway_Approved";
    public static final String GATEWAY_WINDOW_GIVEN = "Gateway_WindowGiven";
    public static final String TIMER_EVENT_WAIT_FOR_WINDOW = "TimerEvent_WaitForWindow";
    public static final String GATEWAY_JOIN_WINDOW = "Gateway_JoinWindow";
    public static final String SUB_PROCESS_MOVE_LANE = "SubProcess_MoveLane";
    public static final String START_EVENT_LANE = "StartEvent_Lane";
    public static final String TASK_CLAIM_MOVE = "Task_ClaimMove";
    public static final String GATEWAY_MOVE_CLAIMED = "Gateway_MoveClaimed";
    public static final String TIMER_EVENT_LANE_WAIT = "TimerEvent_LaneWait";
    public static final String CALL_ACTIVITY_LIVE_RELOCATION = "CallActivity_LiveRelocation";
    public static final String CALL_ACTIVITY_STATIC_RELOCATION = "CallActivity_StaticRelocation";
    public static final String GATEWAY_JOIN_MOVE = "Gateway_JoinMove";
    public static final String TASK_RECORD_MOVE = "Task_RecordMove";
    public static final String END_EVENT_LANE_DONE = "EndEvent_LaneDone";
    public static final String GATEWAY_JOIN_OUTCOME = "Gateway_JoinOutcome";
    public static final String TASK_RECORD_OUTCOME = "Task_RecordOutcome";
    public static final String GATEWAY_OUTCOME = "Gateway_Outcome";
    public static final String END_EVENT_EVACUATED = "EndEvent_Evacuated";
    public static final String END_EVENT_EVACUATION_INCOMPLETE = "EndEvent_EvacuationIncomplete";
    public static final String END_EVENT_EVACUATION_REJECTED = "EndEvent_EvacuationRejected";
    public static final String END_EVENT_EVACUATION_REFUSED = "EndEvent_EvacuationRefused";

    private EvacuationModel() {
    }
}
