package dev.wparflow.process.relocation.staticmove;

/**
 * The flow-node ids of WparStaticRelocationProcess.bpmn, shared by the code and the model's tests
 * ({@code ModelConstantsTest} checks that each names an element of the model).
 */
public final class StaticRelocationModel {

    public static final String START_EVENT_RELOCATION_REQUESTED = "StartEvent_RelocationRequested";
    public static final String TASK_VERIFY_DEPARTING_WPAR = "Task_VerifyDepartingWpar";
    public static final String BOUNDARY_EVENT_DEPARTING_WPAR_REFUSED = "BoundaryEvent_DepartingWparRefused";
    public static final String TASK_LOCK_DEPARTING_WPAR = "Task_LockDepartingWpar";
    public static final String BOUNDARY_EVENT_DEPARTING_WPAR_VANISHED = "BoundaryEvent_DepartingWparVanished";
    public static final String GATEWAY_DEPARTING_WPAR_LOCKED = "Gateway_DepartingWparLocked";
    public static final String GATEWAY_LOCK_ATTEMPTS_LEFT = "Gateway_LockAttemptsLeft";
    public static final String EVENT_WAIT_FOR_LOCK = "Event_WaitForLock";
    public static final String TASK_VERIFY_ABSENT_ON_ARRIVAL = "Task_VerifyAbsentOnArrival";
    public static final String BOUNDARY_EVENT_NAME_TAKEN_ON_TARGET = "BoundaryEvent_NameTakenOnTarget";
    public static final String TASK_LOCK_ARRIVING_WPAR = "Task_LockArrivingWpar";
    public static final String BOUNDARY_EVENT_ARRIVING_WPAR_LOCKED = "BoundaryEvent_ArrivingWparLocked";
    public static final String TASK_WRITE_DEPARTURE_SPEC = "Task_WriteDepartureSpec";
    public static final String TASK_RECORD_TRANSITIONAL = "Task_RecordTransitional";
    public static final String SUB_PROCESS_MOVE_WPAR = "SubProcess_MoveWpar";
    public static final String START_EVENT_MOVE_STARTED = "StartEvent_MoveStarted";
    public static final String GATEWAY_STOP_NEEDED = "Gateway_StopNeeded";
    public static final String TASK_STOP_DEPARTING_WPAR = "Task_StopDepartingWpar";
    public static final String GATEWAY_STOPPED = "Gateway_Stopped";
    public static final String GATEWAY_APPLICATION_WPAR = "Gateway_ApplicationWpar";
    public static final String TASK_START_APPLICATION_ON_ARRIVAL = "Task_StartApplicationOnArrival";
    public static final String TASK_SAVE_WPAR = "Task_SaveWpar";
    public static final String EVENT_SAVE_WPAR_FINISHED = "Event_SaveWparFinished";
    public static final String GATEWAY_SAVE_WPAR_ENDED = "Gateway_SaveWparEnded";
    public static final String TASK_CANCEL_SAVE_RUN = "Task_CancelSaveRun";
    public static final String END_EVENT_SAVE_TIMED_OUT = "EndEvent_SaveTimedOut";
    public static final String TASK_CHECK_SAVE = "Task_CheckSave";
    public static final String TASK_RESTORE_WPAR = "Task_RestoreWpar";
    public static final String EVENT_RESTORE_WPAR_FINISHED = "Event_RestoreWparFinished";
    public static final String GATEWAY_RESTORE_WPAR_ENDED = "Gateway_RestoreWparEnded";
    public static final String TASK_CANCEL_RESTORE_RUN = "Task_CancelRestoreRun";
    public static final String END_EVENT_RESTORE_TIMED_OUT = "EndEvent_RestoreTimedOut";
    public static final String TASK_CHECK_RESTORE = "Task_CheckRestore";
    public static final String GATEWAY_START_NEEDED = "Gateway_StartNeeded";
    public static final String TASK_START_ARRIVING_WPAR = "Task_StartArrivingWpar";
    public static final String GATEWAY_STARTED = "Gateway_Started";
    public static final String TASK_VERIFY_ARRIVING_WPAR = "Task_VerifyArrivingWpar";
    public static final String GATEWAY_SERVICES_TO_VERIFY = "Gateway_ServicesToVerify";
    public static final String TASK_VERIFY_WPAR_SERVICES = "Task_VerifyWparServices";
    public static final String GATEWAY_SERVICES_VERIFIED = "Gateway_ServicesVerified";
    public static final String END_EVENT_MOVED = "EndEvent_Moved";
    public static final String BOUNDARY_EVENT_MOVE_FAILED = "BoundaryEvent_MoveFailed";
    public static final String BOUNDARY_EVENT_ABORT_REQUESTED = "BoundaryEvent_AbortRequested";
    public static final String TASK_RECORD_RELOCATED = "Task_RecordRelocated";
    public static final String TASK_REMOVE_DEPARTING_WPAR = "Task_RemoveDepartingWpar";
    public static final String TASK_UNLOCK_ARRIVING_WPAR = "Task_UnlockArrivingWpar";
    public static final String TASK_UNLOCK_DEPARTING_WPAR = "Task_UnlockDepartingWpar";
    public static final String TASK_REMOVE_IMAGE = "Task_RemoveImage";
    public static final String TASK_RECORD_RELOCATION = "Task_RecordRelocation";
    public static final String END_EVENT_WPAR_RELOCATED = "EndEvent_WparRelocated";
    public static final String TASK_REMOVE_PARTIAL_COPY = "Task_RemovePartialCopy";
    public static final String TASK_RESTORE_DEPARTING_WPAR = "Task_RestoreDepartingWpar";
    public static final String TASK_RELEASE_LOCKS_AFTER_ROLLBACK = "Task_ReleaseLocksAfterRollback";
    public static final String TASK_REMOVE_IMAGE_AFTER_ROLLBACK = "Task_RemoveImageAfterRollback";
    public static final String TASK_RECORD_ROLLBACK = "Task_RecordRollback";
    public static final String END_EVENT_RELOCATION_ROLLED_BACK = "EndEvent_RelocationRolledBack";
    public static final String TASK_RELEASE_LOCKS_AFTER_REFUSAL = "Task_ReleaseLocksAfterRefusal";
    public static final String TASK_RECORD_REFUSAL = "Task_RecordRefusal";
    public static final String END_EVENT_RELOCATION_REFUSED = "EndEvent_RelocationRefused";

    private StaticRelocationModel() {
    }
}
