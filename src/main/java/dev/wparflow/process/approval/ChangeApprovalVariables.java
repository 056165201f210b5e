package dev.wparflow.process.approval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Variables of ChangeApprovalProcess, with typed accessors. */
public final class ChangeApprovalVariables {

    public static final String PROCESS_ID = "ChangeApprovalProcess";

    // inputs
    public static final String REQUESTER = "requester";
    public static final String SUMMARY = "summary";
    public static final String PLAN = "plan";
    public static final String RISK_LEVEL = "riskLevel";
    public static final String QUORUM = "quorum";
    public static final String APPROVAL_TIMEOUT = "approvalTimeout";
    public static final String ESCALATION_TIMEOUT = "escalationTimeout";
    /** set by the start event from the authenticated user, if any */
    public static final String INITIATOR = "initiator";

    // the approval form
    public static final String DECISION = "decision";
    public static final String REASON = "reason";

    // outputs and bookkeeping
    public static final String APPROVERS = "approvers";
    public static final String APPROVAL_COUNT = "approvalCount";
    public static final String DECIDED_BY = "decidedBy";

    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
    public static final String TIMED_OUT_REASON = "timed out";

    private ChangeApprovalVariables() {
    }

    public static String requester(VariableScope scope) {
        return (String) scope.getVariable(REQUESTER);
    }

    public static int quorum(VariableScope scope) {
        return ((Number) scope.getVariable(QUORUM)).intValue();
    }

    public static int approvalCount(VariableScope scope) {
        Object count = scope.getVariable(APPROVAL_COUNT);
        return count == null ? 0 : ((Number) count).intValue();
    }

    /** Approvers are kept as a comma-separated string: readable in Cockpit, no serialized objects. */
    public static List<String> approvers(VariableScope scope) {
        String joined = (String) scope.getVariable(APPROVERS);
        if (joined == null || joined.isBlank()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Arrays.asList(joined.split(",")));
    }

    public static void setApprovers(VariableScope scope, List<String> approvers) {
        scope.setVariable(APPROVERS, String.join(",", approvers));
        scope.setVariable(APPROVAL_COUNT, approvers.size());
    }
}
