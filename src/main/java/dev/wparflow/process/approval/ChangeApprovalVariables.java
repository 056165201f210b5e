package dev.wparflow.process.approval;

import static dev.wparflow.process.ProcessVariable.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

import dev.wparflow.process.ProcessVariable;

/** Variables of ChangeApprovalProcess, with typed accessors. */
public final class ChangeApprovalVariables {

    public static final String PROCESS_ID = "ChangeApprovalProcess";

    // inputs
    public static final ProcessVariable<String> REQUESTER = string("requester");
    public static final ProcessVariable<String> SUMMARY = string("summary");
    public static final ProcessVariable<String> PLAN = string("plan");
    public static final ProcessVariable<String> RISK_LEVEL = string("riskLevel");
    public static final ProcessVariable<Integer> QUORUM = integer("quorum");
    public static final ProcessVariable<String> APPROVAL_TIMEOUT = string("approvalTimeout");
    public static final ProcessVariable<String> ESCALATION_TIMEOUT = string("escalationTimeout");
    /** set by the start event from the authenticated user, if any */
    public static final ProcessVariable<String> INITIATOR = string("initiator");

    // the approval form
    public static final ProcessVariable<String> DECISION = string("decision");
    public static final ProcessVariable<String> REASON = string("reason");

    // outputs and bookkeeping
    /** Approvers are kept as a comma-separated string: readable in Cockpit, no serialized objects. */
    public static final ProcessVariable<List<String>> APPROVERS = list("approvers");
    public static final ProcessVariable<Integer> APPROVAL_COUNT = integer("approvalCount");
    public static final ProcessVariable<String> DECIDED_BY = string("decidedBy");

    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
    public static final String TIMED_OUT_REASON = "timed out";

    private ChangeApprovalVariables() {
    }

    public static String requester(VariableScope scope) {
        return REQUESTER.get(scope);
    }

    public static int quorum(VariableScope scope) {
        return QUORUM.require(scope);
    }

    public static int approvalCount(VariableScope scope) {
        return APPROVAL_COUNT.orElse(scope, 0);
    }

    public static List<String> approvers(VariableScope scope) {
        return new ArrayList<>(APPROVERS.orElse(scope, List.of()));
    }

    public static void setApprovers(VariableScope scope, List<String> approvers) {
        APPROVERS.set(scope, approvers);
        APPROVAL_COUNT.set(scope, approvers.size());
    }
}
