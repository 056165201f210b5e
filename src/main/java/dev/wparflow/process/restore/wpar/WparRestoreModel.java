package dev.wparflow.process.restore.wpar;

/**
 * The flow-node ids of WparRestoreProcess.bpmn, shared by the code and the model's tests
 * ({@code ModelConstantsTest} checks that each names an element of the model).
 */
public final class WparRestoreModel {

    public static final String START_EVENT_RESTORE_REQUESTED = "StartEvent_RestoreRequested";
    public static final String TASK_PLAN_RESTORE = "Task_PlanRestore";
    public static final String BOUNDARY_EVENT_RESTORE_REFUSED = "BoundaryEvent_RestoreRefused";
    public static final String END_EVENT_RESTORE_REFUSED = "EndEvent_RestoreRefused";
    public static final String CALL_ACTIVITY_APPROVE_RESTORE = "CallActivity_ApproveRestore";
    public static final String GATEWAY_APPROVED = "Gateway_Approved";
    public static final String END_EVENT_RESTORE_REJECTED = "EndEvent_RestoreRejected";
    public static final String SUB_PROCESS_RESTORE = "SubProcess_Restore";
    public static final String START_EVENT_RESTORE = "StartEvent_Restore";
    public static final String TASK_LOCK_AND_RECHECK = "Task_LockAndRecheck";
    public static final String TASK_SET_ASIDE_EXISTING = "Task_SetAsideExisting";
    public static final String TASK_START_RESTORE = "Task_StartRestore";
    public static final String EVENT_RESTORE_FINISHED = "Event_RestoreFinished";
    public static final String GATEWAY_RESTORE_ENDED = "Gateway_RestoreEnded";
    public static final String TASK_CANCEL_RESTORE = "Task_CancelRestore";
    public static final String TASK_CHECK_RESTORE = "Task_CheckRestore";
    public static final String GATEWAY_START_REQUESTED = "Gateway_StartRequested";
    public static final String TASK_START_WPAR = "Task_StartWpar";
    public static final String GATEWAY_JOIN_START = "Gateway_JoinStart";
    public static final String TASK_VERIFY_RESTORED = "Task_VerifyRestored";
    public static final String END_EVENT_RESTORED = "EndEvent_Restored";
    public static final String BOUNDARY_EVENT_RESTORE_FAILED = "BoundaryEvent_RestoreFailed";
    public static final String GATEWAY_ANYTHING_CHANGED = "Gateway_AnythingChanged";
    public static final String TASK_REMOVE_PARTIAL_RESTORE = "Task_RemovePartialRestore";
    public static final String GATEWAY_ORIGINAL_RENAMED = "Gateway_OriginalRenamed";
    public static final String TASK_RENAME_ORIGINAL_BACK = "Task_RenameOriginalBack";
    public static final String GATEWAY_ORIGINAL_WAS_ACTIVE = "Gateway_OriginalWasActive";
    public static final String TASK_RESTART_ORIGINAL = "Task_RestartOriginal";
    public static final String GATEWAY_JOIN_ROLLBACK = "Gateway_JoinRollback";
    public static final String GATEWAY_JOIN_CLEANUP = "Gateway_JoinCleanup";
    public static final String TASK_RELEASE_LOCKS = "Task_ReleaseLocks";
    public static final String GATEWAY_RESTORED = "Gateway_Restored";
    public static final String END_EVENT_WPAR_RESTORED = "EndEvent_WparRestored";
    public static final String END_EVENT_RESTORE_FAILED = "EndEvent_RestoreFailed";
    public static final String END_EVENT_RESTORE_ROLLED_BACK = "EndEvent_RestoreRolledBack";
    public static final String END_EVENT_WPAR_ABSENT = "EndEvent_WparAbsent";

    private WparRestoreModel() {
    }
}
