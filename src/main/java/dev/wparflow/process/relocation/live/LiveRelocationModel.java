package dev.wparflow.process.relocation.live;

/**
 * The flow-node ids of WparLiveRelocationProcess.bpmn, shared by the code and the model's tests
 * ({@code ModelConstantsTest} checks that each names an element of the model).
 */
public final class LiveRelocationModel {

    public static final String START_EVENT_LIVE_RELOCATION_REQUESTED = "StartEvent_LiveRelocationRequested";
    public static final String TASK_VERIFY_AND_LOCK = "Task_VerifyAndLock";
    public static final String BOUNDARY_EVENT_LIVE_REFUSED = "BoundaryEvent_LiveRefused";
    public static final String TASK_UNLOCK_AFTER_REFUSAL = "Task_UnlockAfterRefusal";
    public static final String TASK_RECORD_REFUSAL = "Task_RecordRefusal";
    public static final String END_EVENT_LIVE_RELOCATION_REFUSED = "EndEvent_LiveRelocationRefused";
    public static final String SUB_PROCESS_MOVE_WPAR = "SubProcess_MoveWpar";
    public static final String START_EVENT_MOVE_STARTED = "StartEvent_MoveStarted";
    public static final String GATEWAY_SYSTEM_WPAR = "Gateway_SystemWpar";
    public static final String TASK_PRESTAGE_ARRIVING_WPAR = "Task_PrestageArrivingWpar";
    public static final String GATEWAY_PRESTAGED = "Gateway_Prestaged";
    public static final String TASK_SET_CLOCK = "Task_SetClock";
    public static final String TASK_START_DEPARTURE = "Task_StartDeparture";
    public static final String TASK_START_ARRIVAL = "Task_StartArrival";
    public static final String EVENT_MOVE_FINISHED = "Event_MoveFinished";
    public static final String GATEWAY_MOVE_ENDED = "Gateway_MoveEnded";
    public static final String END_EVENT_MOVE_TIMED_OUT = "EndEvent_MoveTimedOut";
    public static final String TASK_CHECK_MOVE = "Task_CheckMove";
    public static final String END_EVENT_MOVED = "EndEvent_Moved";
    public static final String BOUNDARY_EVENT_MOVE_FAILED = "BoundaryEvent_MoveFailed";
    public static final String BOUNDARY_EVENT_ABORT_REQUESTED = "BoundaryEvent_AbortRequested";
    public static final String TASK_ABORT_MOVE = "Task_AbortMove";
    public static final String TASK_UNLOCK_AFTER_ABORT = "Task_UnlockAfterAbort";
    public static final String TASK_RECORD_ABORT = "Task_RecordAbort";
    public static final String END_EVENT_MOVE_ABORTED = "EndEvent_MoveAborted";
    public static final String TASK_CLEAN_UP_DEPARTURE = "Task_CleanUpDeparture";
    public static final String TASK_UNLOCK = "Task_Unlock";
    public static final String TASK_RECORD_RELOCATED = "Task_RecordRelocated";
    public static final String END_EVENT_WPAR_RELOCATED = "EndEvent_WparRelocated";

    private LiveRelocationModel() {
    }
}
