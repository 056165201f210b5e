package dev.wparflow.process.relocation.request;

/**
 * The flow-node ids of WparRelocationProcess.bpmn, shared by the code and the model's tests
 * ({@code ModelConstantsTest} checks that each names an element of the model).
 */
public final class RelocationModel {

    public static final String START_EVENT_RELOCATION_REQUESTED = "StartEvent_RelocationRequested";
    public static final String TASK_VALIDATE_REQUEST = "Task_ValidateRequest";
    public static final String BOUNDARY_EVENT_REQUEST_INVALID = "BoundaryEvent_RequestInvalid";
    public static final String TASK_RECORD_INVALID_REQUEST = "Task_RecordInvalidRequest";
    public static final String END_EVENT_REQUEST_REFUSED = "EndEvent_RequestRefused";
    public static final String TASK_CHECK_COMPATIBILITY = "Task_CheckCompatibility";
    public static final String BOUNDARY_EVENT_REFUSED_BEFORE_APPROVAL = "BoundaryEvent_RefusedBeforeApproval";
    public static final String GATEWAY_VALIDATE_ONLY = "Gateway_ValidateOnly";
    public static final String TASK_RECORD_VALIDATION = "Task_RecordValidation";
    public static final String END_EVENT_VALIDATED = "EndEvent_Validated";
    public static final String GATEWAY_TARGET_COMPATIBLE = "Gateway_TargetCompatible";
    public static final String TASK_RECORD_INCOMPATIBLE = "Task_RecordIncompatible";
    public static final String END_EVENT_TARGET_INCOMPATIBLE = "EndEvent_TargetIncompatible";
    public static final String CALL_ACTIVITY_APPROVE_CHANGE = "CallActivity_ApproveChange";
    public static final String GATEWAY_APPROVED = "Gateway_Approved";
    public static final String TASK_RECORD_REJECTION = "Task_RecordRejection";
    public static final String END_EVENT_CHANGE_REJECTED = "EndEvent_ChangeRejected";
    public static final String GATEWAY_WINDOW_GIVEN = "Gateway_WindowGiven";
    public static final String EVENT_WAIT_FOR_WINDOW = "Event_WaitForWindow";
    public static final String GATEWAY_WINDOW_OPEN = "Gateway_WindowOpen";
    public static final String TASK_ACQUIRE_LOCKS = "Task_AcquireLocks";
    public static final String GATEWAY_LOCKS_ACQUIRED = "Gateway_LocksAcquired";
    public static final String GATEWAY_LOCK_ATTEMPTS_LEFT = "Gateway_LockAttemptsLeft";
    public static final String EVENT_WAIT_FOR_LOCKS = "Event_WaitForLocks";
    public static final String TASK_RECORD_LOCK_REFUSAL = "Task_RecordLockRefusal";
    public static final String END_EVENT_WPAR_LOCKED = "EndEvent_WparLocked";
    public static final String GATEWAY_MODE = "Gateway_Mode";
    public static final String CALL_ACTIVITY_STATIC_RELOCATION = "CallActivity_StaticRelocation";
    public static final String CALL_ACTIVITY_LIVE_RELOCATION = "CallActivity_LiveRelocation";
    public static final String GATEWAY_MOVED = "Gateway_Moved";
    public static final String TASK_VERIFY_RELOCATION = "Task_VerifyRelocation";
    public static final String TASK_RELEASE_LOCKS = "Task_ReleaseLocks";
    public static final String TASK_RECORD_OUTCOME = "Task_RecordOutcome";
    public static final String GATEWAY_RELOCATED = "Gateway_Relocated";
    public static final String END_EVENT_WPAR_RELOCATED = "EndEvent_WparRelocated";
    public static final String END_EVENT_WPAR_STAYED = "EndEvent_WparStayed";

    private RelocationModel() {
    }
}
