package dev.wparflow.process.resources;

/**
 * The flow-node ids of WparResourceChangeProcess.bpmn, shared by the code and the model's tests
 * ({@code ModelConstantsTest} checks that each names an element of the model).
 */
public final class WparResourceChangeModel {

    public static final String START_EVENT_RESOURCE_CHANGE_REQUESTED = "StartEvent_ResourceChangeRequested";
    public static final String SUB_PROCESS_CHECKS = "SubProcess_Checks";
    public static final String START_EVENT_CHECKS = "StartEvent_Checks";
    public static final String TASK_CHECK_REQUEST = "Task_CheckRequest";
    public static final String TASK_PLAN_RESOURCE_CHANGE = "Task_PlanResourceChange";
    public static final String END_EVENT_CHECKED = "EndEvent_Checked";
    public static final String BOUNDARY_EVENT_REFUSED = "BoundaryEvent_Refused";
    public static final String CALL_ACTIVITY_APPROVE_RESOURCE_CHANGE = "CallActivity_ApproveResourceChange";
    public static final String GATEWAY_APPROVED = "Gateway_Approved";
    public static final String SUB_PROCESS_RESOURCE_CHANGE = "SubProcess_ResourceChange";
    public static final String START_EVENT_RESOURCE_CHANGE = "StartEvent_ResourceChange";
    public static final String TASK_LOCK_WPAR = "Task_LockWpar";
    public static final String TASK_CHANGE_RESOURCES = "Task_ChangeResources";
    public static final String TASK_VERIFY_RESOURCES = "Task_VerifyResources";
    public static final String GATEWAY_VERIFIED = "Gateway_Verified";
    public static final String END_EVENT_CHANGED = "EndEvent_Changed";
    public static final String TASK_ROLL_BACK_RESOURCES = "Task_RollBackResources";
    public static final String END_EVENT_ROLLED_BACK = "EndEvent_RolledBack";
    public static final String BOUNDARY_EVENT_RESOURCE_CHANGE_FAILED = "BoundaryEvent_ResourceChangeFailed";
    public static final String GATEWAY_JOIN_CLEANUP = "Gateway_JoinCleanup";
    public static final String TASK_RELEASE_LOCKS = "Task_ReleaseLocks";
    public static final String TASK_RECORD_OUTCOME = "Task_RecordOutcome";
    public static final String GATEWAY_OUTCOME = "Gateway_Outcome";
    public static final String END_EVENT_RESOURCES_CHANGED = "EndEvent_ResourcesChanged";
    public static final String END_EVENT_RESOURCE_CHANGE_REFUSED = "EndEvent_ResourceChangeRefused";
    public static final String END_EVENT_RESOURCE_CHANGE_REJECTED = "EndEvent_ResourceChangeRejected";
    public static final String END_EVENT_RESOURCE_CHANGE_FAILED = "EndEvent_ResourceChangeFailed";

    private WparResourceChangeModel() {
    }
}
