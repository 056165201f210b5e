package dev.wparflow.process.checkpoint;

/**
 * The flow-node ids of WparCheckpointProcess.bpmn, shared by the code and the model's tests
 * ({@code ModelConstantsTest} checks that each names an element of the model).
 */
public final class WparCheckpointModel {

    public static final String START_EVENT_CHECKPOINT_REQUESTED = "StartEvent_CheckpointRequested";
    public static final String TASK_CHECK_REQUEST = "Task_CheckRequest";
    public static final String BOUNDARY_EVENT_REFUSED = "BoundaryEvent_Refused";
    public static final String GATEWAY_APPROVAL_REQUIRED = "Gateway_ApprovalRequired";
    public static final String CALL_ACTIVITY_APPROVE_CHANGE = "CallActivity_ApproveChange";
    public static final String GATEWAY_APPROVED = "Gateway_Approved";
    public static final String GATEWAY_JOIN_APPROVAL = "Gateway_JoinApproval";
    public static final String SUB_PROCESS_RUN = "SubProcess_Run";
    public static final String START_EVENT_RUN = "StartEvent_Run";
    public static final String GATEWAY_ACTION = "Gateway_Action";
    public static final String TASK_CHECKPOINT_WPAR = "Task_CheckpointWpar";
    public static final String TASK_DEFINE_ON_TARGET = "Task_DefineOnTarget";
    public static final String TASK_RESTART_WPAR = "Task_RestartWpar";
    public static final String TASK_REMOVE_SOURCE_DEFINITION = "Task_RemoveSourceDefinition";
    public static final String GATEWAY_JOIN_ACTION = "Gateway_JoinAction";
    public static final String END_EVENT_RUN = "EndEvent_Run";
    public static final String BOUNDARY_EVENT_RUN_FAILED = "BoundaryEvent_RunFailed";
    public static final String GATEWAY_JOIN_CLEANUP = "Gateway_JoinCleanup";
    public static final String TASK_RELEASE_LOCK = "Task_ReleaseLock";
    public static final String TASK_RECORD_OUTCOME = "Task_RecordOutcome";
    public static final String GATEWAY_OUTCOME = "Gateway_Outcome";
    public static final String END_EVENT_WPAR_CHECKPOINTED = "EndEvent_WparCheckpointed";
    public static final String END_EVENT_WPAR_RESTARTED = "EndEvent_WparRestarted";
    public static final String END_EVENT_CHECKPOINT_REFUSED = "EndEvent_CheckpointRefused";
    public static final String END_EVENT_CHECKPOINT_REJECTED = "EndEvent_CheckpointRejected";
    public static final String END_EVENT_CHECKPOINT_FAILED = "EndEvent_CheckpointFailed";

    private WparCheckpointModel() {
    }
}
