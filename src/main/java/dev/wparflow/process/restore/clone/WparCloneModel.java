package dev.wparflow.process.restore.clone;

/**
 * The flow-node ids of WparCloneProcess.bpmn, shared by the code and the model's tests
 * ({@code ModelConstantsTest} checks that each names an element of the model).
 */
public final class WparCloneModel {

    public static final String START_EVENT_CLONE_REQUESTED = "StartEvent_CloneRequested";
    public static final String SUB_PROCESS_CLONE = "SubProcess_Clone";
    public static final String START_EVENT_CLONE = "StartEvent_Clone";
    public static final String TASK_PLAN_CLONE = "Task_PlanClone";
    public static final String GATEWAY_EDIT_IMAGE_DATA = "Gateway_EditImageData";
    public static final String TASK_WRITE_IMAGE_DATA = "Task_WriteImageData";
    public static final String GATEWAY_JOIN_IMAGE_DATA = "Gateway_JoinImageData";
    public static final String TASK_START_CLONE = "Task_StartClone";
    public static final String EVENT_CLONE_FINISHED = "Event_CloneFinished";
    public static final String GATEWAY_CLONE_ENDED = "Gateway_CloneEnded";
    public static final String TASK_CANCEL_CLONE = "Task_CancelClone";
    public static final String TASK_CHECK_CLONE = "Task_CheckClone";
    public static final String GATEWAY_START_REQUESTED = "Gateway_StartRequested";
    public static final String TASK_START_WPAR = "Task_StartWpar";
    public static final String GATEWAY_JOIN_START = "Gateway_JoinStart";
    public static final String TASK_VERIFY_CLONE = "Task_VerifyClone";
    public static final String END_EVENT_CLONED = "EndEvent_Cloned";
    public static final String BOUNDARY_EVENT_CLONE_FAILED = "BoundaryEvent_CloneFailed";
    public static final String GATEWAY_CLONE_STARTED = "Gateway_CloneStarted";
    public static final String TASK_REMOVE_PARTIAL_CLONE = "Task_RemovePartialClone";
    public static final String GATEWAY_JOIN_CLEANUP = "Gateway_JoinCleanup";
    public static final String TASK_RELEASE_LOCKS = "Task_ReleaseLocks";
    public static final String GATEWAY_CLONED = "Gateway_Cloned";
    public static final String END_EVENT_WPAR_CLONED = "EndEvent_WparCloned";
    public static final String END_EVENT_CLONE_FAILED = "EndEvent_CloneFailed";

    private WparCloneModel() {
    }
}
