package dev.wparflow.process.relocation.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Variables of WparRelocationProcess (the umbrella), with typed accessors. All small scalars. */
public final class RelocationVariables {

    public static final String PROCESS_ID = "WparRelocationProcess";

    // start variables (start form or REST)
    public static final String WPAR = "wpar";
    public static final String DEPARTING_LPAR = "departingLpar";
    /** optional: absent or blank = "choose for me" */
    public static final String ARRIVING_LPAR = "arrivingLpar";
    /** auto, static or live */
    public static final String MODE = "mode";
    public static final String VALIDATE_ONLY = "validateOnly";
    /** optional ISO-8601 date-time; the move waits for it after the approval */
    public static final String MAINTENANCE_WINDOW_START = "maintenanceWindowStart";
    /** shows who started the relocation, the requester of its approval (read from the engine, see Operation) */
    public static final String REQUESTER = "requester";
    /** the start form's "choose for me" box: the arriving LPAR is then ignored */
    public static final String CHOOSE_FOR_ME = "chooseForMe";

    // set by the steps
    public static final String RELOCATION_ID = "relocationId";
    public static final String LOCK_OWNER = "lockOwner";
    public static final String CHOSEN_MODE = "chosenMode";
    public static final String COMPATIBLE = "compatible";
    public static final String CHECK_TABLE = "checkTable";
    public static final String SUMMARY = "summary";
    public static final String PLAN = "plan";
    public static final String RISK_LEVEL = "riskLevel";
    public static final String EXPECTED_OUTAGE = "expectedOutage";
    public static final String WINDOW_GIVEN = "windowGiven";
    public static final String LOCKS_ACQUIRED = "locksAcquired";
    public static final String LOCK_HELD_BY = "lockHeldBy";
    public static final String LOCK_ATTEMPTS = "lockAttempts";
    public static final String APPROVAL_DECISION = "approvalDecision";
    public static final String APPROVAL_REASON = "approvalReason";
    public static final String MOVE_OUTCOME = "moveOutcome";
    public static final String MOVE_REASON = "moveReason";

    // failure and outcome
    public static final String FAILURE_CODE = "failureCode";
    public static final String FAILURE_REASON = "failureReason";
    public static final String OUTCOME = "outcome";
    public static final String OUTCOME_REASON = "outcomeReason";

    /** outcomes of the umbrella (besides the sub-processes' RELOCATED and ROLLED_BACK) */
    public static final String VALIDATED = "VALIDATED";
    public static final String REJECTED = "REJECTED";
    public static final String REFUSED = "REFUSED";
    public static final String INCOMPATIBLE = "INCOMPATIBLE";

    public static final String MODE_AUTO = "auto";
    public static final String MODE_STATIC = "static";
    public static final String MODE_LIVE = "live";

    private RelocationVariables() {
    }

    public static String string(DelegateExecution execution, String name) {
        Object v = execution.getVariable(name);
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }

    public static boolean flag(DelegateExecution execution, String name) {
        Object v = execution.getVariable(name);
        return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString().trim());
    }

    /** The window as text; a Date variable (REST clients may send one) becomes its ISO-8601 instant. */
    static String window(DelegateExecution execution) {
        Object v = execution.getVariable(MAINTENANCE_WINDOW_START);
        return v instanceof java.util.Date d ? d.toInstant().toString() : string(execution, MAINTENANCE_WINDOW_START);
    }

    public static int lockAttempts(DelegateExecution execution) {
        Object n = execution.getVariable(LOCK_ATTEMPTS);
        return n == null ? 0 : ((Number) n).intValue();
    }

    /** The request as the steps see it once validated (arriving may still be null: choose for me). */
    public static RelocationRequest request(DelegateExecution execution) {
        return new RelocationRequest(string(execution, WPAR), string(execution, DEPARTING_LPAR),
                flag(execution, CHOOSE_FOR_ME) ? null : string(execution, ARRIVING_LPAR), string(execution, MODE), flag(execution, VALIDATE_ONLY),
                window(execution), dev.wparflow.process.Operation.startedBy(execution),
                execution.getProcessInstanceId());
    }
}
