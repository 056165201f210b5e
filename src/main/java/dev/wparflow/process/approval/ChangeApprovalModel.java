package dev.wparflow.process.approval;

/**
 * The flow-node ids of ChangeApprovalProcess.bpmn, shared by the code and the model's tests
 * ({@code ModelConstantsTest} checks that each names an element of the model).
 */
public final class ChangeApprovalModel {

    public static final String START_EVENT_CHANGE_REQUESTED = "StartEvent_ChangeRequested";
    public static final String TASK_APPROVE_CHANGE = "Task_ApproveChange";
    public static final String BOUNDARY_EVENT_APPROVAL_TIMED_OUT = "BoundaryEvent_ApprovalTimedOut";
    public static final String TASK_APPROVE_ESCALATED_CHANGE = "Task_ApproveEscalatedChange";
    public static final String BOUNDARY_EVENT_ESCALATION_TIMED_OUT = "BoundaryEvent_EscalationTimedOut";
    public static final String TASK_REJECT_TIMED_OUT_CHANGE = "Task_RejectTimedOutChange";
    public static final String END_EVENT_CHANGE_TIMED_OUT = "EndEvent_ChangeTimedOut";
    public static final String GATEWAY_CHANGE_DECIDED = "Gateway_ChangeDecided";
    public static final String GATEWAY_QUORUM_REACHED = "Gateway_QuorumReached";
    public static final String END_EVENT_CHANGE_APPROVED = "EndEvent_ChangeApproved";
    public static final String END_EVENT_CHANGE_REJECTED = "EndEvent_ChangeRejected";

    private ChangeApprovalModel() {
    }
}
