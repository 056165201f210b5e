package dev.wparflow.process.provisioning;

/**
 * The flow-node ids of WparProvisioningProcess.bpmn, shared by the code and the model's tests
 * ({@code ModelConstantsTest} checks that each names an element of the model).
 */
public final class WparProvisioningModel {

    public static final String START_EVENT_PROVISIONING_REQUESTED = "StartEvent_ProvisioningRequested";
    public static final String TASK_VALIDATE_REQUEST = "Task_ValidateRequest";
    public static final String BOUNDARY_EVENT_REQUEST_INVALID = "BoundaryEvent_RequestInvalid";
    public static final String TASK_PLAN_PROVISIONING = "Task_PlanProvisioning";
    public static final String BOUNDARY_EVENT_REFUSED_BEFORE_APPROVAL = "BoundaryEvent_RefusedBeforeApproval";
    public static final String GATEWAY_APPROVAL_REQUIRED = "Gateway_ApprovalRequired";
    public static final String CALL_ACTIVITY_APPROVE_CHANGE = "CallActivity_ApproveChange";
    public static final String GATEWAY_APPROVED = "Gateway_Approved";
    public static final String GATEWAY_JOIN_APPROVAL = "Gateway_JoinApproval";
    public static final String TASK_ACQUIRE_LOCKS = "Task_AcquireLocks";
    public static final String BOUNDARY_EVENT_LOCKED = "BoundaryEvent_Locked";
    public static final String TASK_RECORD_REJECTION = "Task_RecordRejection";
    public static final String END_EVENT_CHANGE_REJECTED = "EndEvent_ChangeRejected";
    public static final String GATEWAY_JOIN_REFUSAL = "Gateway_JoinRefusal";
    public static final String TASK_RECORD_REFUSAL = "Task_RecordRefusal";
    public static final String END_EVENT_REQUEST_REFUSED = "EndEvent_RequestRefused";
    public static final String SUB_PROCESS_PROVISION = "SubProcess_Provision";
    public static final String START_EVENT_PROVISION = "StartEvent_Provision";
    public static final String TASK_RECHECK_TARGET = "Task_RecheckTarget";
    public static final String GATEWAY_METHOD = "Gateway_Method";
    public static final String TASK_DEFINE_NIM_OBJECTS = "Task_DefineNimObjects";
    public static final String TASK_START_NIM_CREATE = "Task_StartNimCreate";
    public static final String TASK_START_DIRECT_CREATE = "Task_StartDirectCreate";
    public static final String GATEWAY_JOIN_CREATE_STARTED = "Gateway_JoinCreateStarted";
    public static final String EVENT_CREATE_FINISHED = "Event_CreateFinished";
    public static final String GATEWAY_CREATE_ENDED = "Gateway_CreateEnded";
    public static final String TASK_CANCEL_CREATE = "Task_CancelCreate";
    public static final String TASK_CHECK_CREATED = "Task_CheckCreated";
    public static final String GATEWAY_START_REQUESTED = "Gateway_StartRequested";
    public static final String TASK_START_WPAR = "Task_StartWpar";
    public static final String GATEWAY_JOIN_START = "Gateway_JoinStart";
    public static final String TASK_VERIFY_PROVISIONED = "Task_VerifyProvisioned";
    public static final String END_EVENT_PROVISION = "EndEvent_Provision";
    public static final String BOUNDARY_EVENT_PROVISION_FAILED = "BoundaryEvent_ProvisionFailed";
    public static final String TASK_ROLL_BACK = "Task_RollBack";
    public static final String GATEWAY_JOIN_OUTCOME = "Gateway_JoinOutcome";
    public static final String TASK_RELEASE_LOCKS = "Task_ReleaseLocks";
    public static final String TASK_RECORD_OUTCOME = "Task_RecordOutcome";
    public static final String GATEWAY_PROVISIONED = "Gateway_Provisioned";
    public static final String END_EVENT_WPAR_PROVISIONED = "EndEvent_WparProvisioned";
    public static final String END_EVENT_PROVISIONING_FAILED = "EndEvent_ProvisioningFailed";

    private WparProvisioningModel() {
    }
}
