package dev.wparflow.process.approval;

import static dev.wparflow.process.approval.ChangeApprovalVariables.*;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Four-eyes, enforced by the engine rather than the form: on every approval task the requester can
 * neither claim nor complete it, an approver counts once, and a decision needs a reason. A refused
 * completion throws, so the engine rolls the completion back and the task stays open.
 */
@Component("approvalTaskListener")
public class ApprovalTaskListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_ASSIGNMENT -> refuseRequester(task, task.getAssignee(), "claim");
            case EVENTNAME_COMPLETE -> recordDecision(task);
            default -> {
            }
        }
    }

    private void recordDecision(DelegateTask task) {
        String approver = approver(task);
        refuseRequester(task, approver, "approve or reject");
        List<String> approvers = ChangeApprovalVariables.approvers(task);
        if (approvers.contains(approver)) {
            throw new BadUserRequestException(approver + " has already approved this change; "
                    + "another approver must decide");
        }
        String decision = decision(task);
        String reason = (String) task.getVariable(REASON);
        if (reason == null || reason.isBlank()) {
            throw new BadUserRequestException("a reason is required to " + decision + " a change");
        }
        task.setVariable(DECISION, decision);
        task.setVariable(DECIDED_BY, approver);
        if (APPROVE.equals(decision)) {
            approvers.add(approver);
            ChangeApprovalVariables.setApprovers(task, approvers);
        }
        // the decision and its reason also appear in Tasklist's history of the task
        task.getProcessEngineServices().getTaskService()
                .createComment(task.getId(), task.getProcessInstanceId(), approver + ": " + decision + " — " + reason);
    }

    /** The person completing the task: the authenticated user, else the assignee. */
    private static String approver(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String approver = authentication != null ? authentication.getUserId() : task.getAssignee();
        if (approver == null) {
            throw new BadUserRequestException("an approval must be completed by an identified user "
                    + "(log in, or claim the task first)");
        }
        return approver;
    }

    private static void refuseRequester(DelegateTask task, String user, String action) {
        if (user != null && user.equals(requester(task))) {
            throw new BadUserRequestException("four-eyes: " + user + " requested this change and cannot "
                    + action + " it");
        }
    }

    private static String decision(DelegateTask task) {
        Object value = task.getVariable(DECISION);
        String decision = value == null ? "" : value.toString().trim().toLowerCase();
        if (!APPROVE.equals(decision) && !REJECT.equals(decision)) {
            throw new BadUserRequestException("decision must be 'approve' or 'reject', not '" + value + "'");
        }
        return decision;
    }
}
