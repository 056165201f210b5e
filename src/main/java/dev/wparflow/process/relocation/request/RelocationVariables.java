package dev.wparflow.process.relocation.request;

import static dev.wparflow.process.ProcessVariable.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.wparflow.process.Operation;
import dev.wparflow.process.ProcessVariable;

/** Variables of WparRelocationProcess (the umbrella), with typed accessors. All small scalars. */
public final class RelocationVariables {

    public static final String PROCESS_ID = "WparRelocationProcess";

    // start variables (start form or REST)
    public static final ProcessVariable<String> WPAR = string("wpar");
    public static final ProcessVariable<String> DEPARTING_LPAR = string("departingLpar");
    /** optional: absent or blank = "choose for me" */
    public static final ProcessVariable<String> ARRIVING_LPAR = string("arrivingLpar");
    /** auto, static or live */
    public static final ProcessVariable<String> MODE = string("mode");
    public static final ProcessVariable<Boolean> VALIDATE_ONLY = flag("validateOnly");
    /** optional ISO-8601 date-time; the move waits for it after the approval */
    public static final ProcessVariable<String> MAINTENANCE_WINDOW_START = dateTimeText("maintenanceWindowStart");
    /** shows who started the relocation, the requester of its approval (read from the engine, see Operation) */
    public static final ProcessVariable<String> REQUESTER = string("requester");
    /** the start form's "choose for me" box: the arriving LPAR is then ignored */
    public static final ProcessVariable<Boolean> CHOOSE_FOR_ME = flag("chooseForMe");

    // set by the steps
    public static final ProcessVariable<String> RELOCATION_ID = string("relocationId");
    public static final ProcessVariable<String> LOCK_OWNER = string("lockOwner");
    public static final ProcessVariable<String> CHOSEN_MODE = string("chosenMode");
    public static final ProcessVariable<Boolean> COMPATIBLE = flag("compatible");
    public static final ProcessVariable<String> CHECK_TABLE = string("checkTable");
    public static final ProcessVariable<String> SUMMARY = string("summary");
    public static final ProcessVariable<String> PLAN = string("plan");
    public static final ProcessVariable<String> RISK_LEVEL = string("riskLevel");
    public static final ProcessVariable<String> EXPECTED_OUTAGE = string("expectedOutage");
    public static final ProcessVariable<Boolean> WINDOW_GIVEN = flag("windowGiven");
    public static final ProcessVariable<Boolean> LOCKS_ACQUIRED = flag("locksAcquired");
    public static final ProcessVariable<String> LOCK_HELD_BY = string("lockHeldBy");
    public static final ProcessVariable<Integer> LOCK_ATTEMPTS = integer("lockAttempts");
    public static final ProcessVariable<String> APPROVAL_DECISION = string("approvalDecision");
    public static final ProcessVariable<String> APPROVAL_REASON = string("approvalReason");
    /** out of ChangeApprovalProcess: who decided, comma-separated */
    public static final ProcessVariable<String> APPROVERS = string("approvers");
    public static final ProcessVariable<String> MOVE_OUTCOME = string("moveOutcome");
    public static final ProcessVariable<String> MOVE_REASON = string("moveReason");
    /** input parameter of the outcome step: the outcome it records, or MOVE for the sub-process's */
    public static final ProcessVariable<String> RECORD_OUTCOME = string("recordOutcome");

    // failure and outcome
    public static final ProcessVariable<String> FAILURE_CODE = string("failureCode");
    public static final ProcessVariable<String> FAILURE_REASON = string("failureReason");
    public static final ProcessVariable<String> OUTCOME = string("outcome");
    public static final ProcessVariable<String> OUTCOME_REASON = string("outcomeReason");

    /** outcomes of the umbrella (besides the sub-processes' RELOCATED and ROLLED_BACK) */
    public static final String VALIDATED = "VALIDATED";
    public static final String REJECTED = "REJECTED";
    public static final String REFUSED = "REFUSED";
    public static final String INCOMPATIBLE = "INCOMPATIBLE";
    /** {@link #RECORD_OUTCOME} of the step after the move: the sub-process's outcome */
    public static final String MOVE = "MOVE";

    public static final String MODE_AUTO = "auto";
    public static final String MODE_STATIC = "static";
    public static final String MODE_LIVE = "live";

    private RelocationVariables() {
    }

    public static int lockAttempts(DelegateExecution execution) {
        return LOCK_ATTEMPTS.orElse(execution, 0);
    }

    /** The request as the steps see it once validated (arriving may still be null: choose for me). */
    public static RelocationRequest request(DelegateExecution execution) {
        return new RelocationRequest(WPAR.get(execution), DEPARTING_LPAR.get(execution),
                CHOOSE_FOR_ME.isSet(execution) ? null : ARRIVING_LPAR.get(execution), MODE.get(execution),
                VALIDATE_ONLY.isSet(execution), MAINTENANCE_WINDOW_START.get(execution), Operation.startedBy(execution),
                execution.getProcessInstanceId());
    }
}
