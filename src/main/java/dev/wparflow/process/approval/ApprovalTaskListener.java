package dev.wparflow.process.approval;

import static dev.wparflow.process.approval.ChangeApprovalVariables.*;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Four-eyes, enforced by the engine rather than the form, from our record rather than the variables: on every approval
 * task the recorded requester can neither claim nor complete it, each completion is recorded as one decision of the
 * authenticated user who completed it (once per approver), and a decision needs a reason. What the completion wrote
 * into requester, approvers, quorum, decidedBy… is overwritten by what the record says. A refused completion throws,
 * so the engine rolls the completion back and the task stays open. On creation the task is titled with the change
 * ({@code Approve: relocate wpr00 lpar00 → lpar01 (static)}), so pending approvals can be told apart in Tasklist.
 */
@Component("approvalTaskListener")
public class ApprovalTaskListener implements TaskListener {

    private final ChangeApprovalRecord record;

    public ApprovalTaskListener(ChangeApprovalRecord record) {
        this.record = record;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> task.setName(title(task.getTaskDefinitionKey(), SUMMARY.get(task)));
            case EVENTNAME_ASSIGNMENT -> refuseRequester(change(task), task.getAssignee(), "claim");
            case EVENTNAME_COMPLETE -> recordDecision(task);
            default -> {
            }
        }
    }

    static final String ESCALATED_TASK = ChangeApprovalModel.TASK_APPROVE_ESCALATED_CHANGE;
    /** ACT_RU_TASK.NAME_ holds 255 characters. */
    static final int MAX_TITLE = 255;

    /** "Approve: " and the summary, its first word in lower case unless it is an acronym (NIM, HMC). */
    static String title(String taskDefinitionKey, String summary) {
        String prefix = ESCALATED_TASK.equals(taskDefinitionKey) ? "Approve (escalated): " : "Approve: ";
        String change = summary == null || summary.isBlank() ? "change" : summary.strip();
        if (change.length() > 1 && Character.isUpperCase(change.charAt(0)) && Character.isLowerCase(change.charAt(1))) {
            change = Character.toLowerCase(change.charAt(0)) + change.substring(1);
        }
        String title = prefix + change;
        return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1) + "…";
    }

    private void recordDecision(DelegateTask task) {
        ChangeApprovalRecord.Change change = change(task);
        String approver = approver(task);
        refuseRequester(change, approver, "approve or reject");
        if (record.decisions(change.approvalInstanceId()).stream().anyMatch(d -> d.approver().equals(approver))) {
            throw new BadUserRequestException(approver + " has already approved this change; "
                    + "another approver must decide");
        }
        String decision = decision(task);
        String reason = REASON.get(task);
        if (reason == null) {
            throw new BadUserRequestException("a reason is required to " + decision + " a change");
        }
        record.decide(change.approvalInstanceId(), approver, decision, reason, task.getId());
        reflect(task.getExecution(), change, record.outcome(change.approvalInstanceId()));
        // the decision and its reason also appear in Tasklist's history of the task
        task.getProcessEngineServices().getTaskService()
                .createComment(task.getId(), task.getProcessInstanceId(), approver + ": " + decision + " — " + reason);
    }

    /** Writes what the record says into the variables that show it (Cockpit, the callers' output mappings). */
    static void reflect(VariableScope scope, ChangeApprovalRecord.Change change, ChangeOutcome outcome) {
        REQUESTER.set(scope, change.requester());
        QUORUM.set(scope, change.quorum());
        DECISION.set(scope, outcome.decision());
        DECIDED_BY.set(scope, outcome.decidedBy());
        REASON.set(scope, outcome.reason());
        ChangeApprovalVariables.setApprovers(scope, outcome.approvers());
    }

    private ChangeApprovalRecord.Change change(DelegateTask task) {
        return record.change(task.getProcessInstanceId()).orElseThrow(() -> new ProcessEngineException(
                "no change request is recorded for this approval: it cannot be decided"));
    }

    /** The person completing the task: the authenticated user, else the assignee the engine holds. */
    private static String approver(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String approver = authentication != null ? authentication.getUserId() : task.getAssignee();
        if (approver == null) {
            throw new BadUserRequestException("an approval must be completed by an identified user "
                    + "(log in, or claim the task first)");
        }
        return approver;
    }

    private static void refuseRequester(ChangeApprovalRecord.Change change, String user, String action) {
        if (user != null && user.equals(change.requester())) {
            throw new BadUserRequestException("four-eyes: " + user + " requested this change and cannot "
                    + action + " it");
        }
    }

    private static String decision(DelegateTask task) {
        String given = DECISION.get(task);
        String decision = given == null ? "" : given.toLowerCase();
        if (!APPROVE.equals(decision) && !REJECT.equals(decision)) {
            throw new BadUserRequestException("decision must be 'approve' or 'reject', not '" + decision + "'");
        }
        return decision;
    }
}
