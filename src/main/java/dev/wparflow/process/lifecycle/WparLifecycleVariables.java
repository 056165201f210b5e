package dev.wparflow.process.lifecycle;

import static dev.wparflow.process.ProcessVariable.*;

import dev.wparflow.process.ProcessVariable;

/**
 * Variables of WparLifecycleProcess: the request, what the checks decided (the WPARs, the lanes, whether approval is
 * needed), the approval's answer, the lane's current WPAR and the outcome. Each WPAR's from-state, to-state, commands,
 * findings and error are kept in wparflow_lifecycle_item, not in variables.
 */
public final class WparLifecycleVariables {

    public static final String PROCESS_ID = "WparLifecycleProcess";

    /** in: the LPAR (global environment) the WPARs live in; not given with a group */
    public static final ProcessVariable<String> LPAR = string("lpar");
    /** in: start, stop, stop-force, reboot or recover */
    public static final ProcessVariable<String> ACTION = string("action");
    /** in: one WPAR or a comma list of WPARs of the LPAR; empty with allWpars */
    public static final ProcessVariable<String> WPARS = string("wpars");
    /** in: every system WPAR of the LPAR instead of a list */
    public static final ProcessVariable<Boolean> ALL_WPARS = flag("allWpars");
    /** in: a relocation group instead of a list: each member where the inventory finds it, no lpar */
    public static final ProcessVariable<String> GROUP = string("group");
    /** in, optional: how many WPARs change at once (1-10, default wparflow.lifecycle.parallelism) */
    public static final ProcessVariable<Integer> PARALLELISM = integer("parallelism");
    /** in, optional: run inside each WPAR (clogin) before it is stopped or rebooted; default the setting's */
    public static final ProcessVariable<String> DRAIN_COMMAND = string("drainCommand");
    /** in, optional: after a recovery to Defined, start the WPAR (recover; start always does) */
    public static final ProcessVariable<Boolean> START_AFTER_RECOVERY = flag("startAfterRecovery");
    /** in, optional: why, for the approvers and the record */
    public static final ProcessVariable<String> CHANGE_REASON = string("changeReason");
    /** the authenticated starter as the engine recorded it (camunda:initiator), never an input */
    public static final ProcessVariable<String> INITIATOR = string("initiator");

    /** how many lanes run (min of parallelism and the WPARs) */
    public static final ProcessVariable<Integer> LANE_COUNT = integer("laneCount");
    /** false when the policy needs no approval (start, or every WPAR exempt) */
    public static final ProcessVariable<Boolean> APPROVAL_REQUIRED = flag("approvalRequired");
    /** what the approvers read */
    public static final ProcessVariable<String> SUMMARY = string("summary");
    public static final ProcessVariable<String> PLAN = string("plan");
    /** the approval's answer (ChangeApprovalProcess); the gateway asks our record, not these */
    public static final ProcessVariable<String> DECISION = string("decision");
    public static final ProcessVariable<String> APPROVERS = string("approvers");
    public static final ProcessVariable<String> APPROVAL_REASON = string("approvalReason");
    /** lane-local: the WPAR the lane works on, null when none is left */
    public static final ProcessVariable<String> WPAR = string("laneWpar");
    /** lane-local: the multi-instance loop counter */
    public static final ProcessVariable<Integer> LOOP_COUNTER = integer("loopCounter");
    /** out: how many WPARs reached the requested state, and how many failed */
    public static final ProcessVariable<Integer> SUCCEEDED = integer("succeeded");
    public static final ProcessVariable<Integer> FAILED = integer("failed");
    /** out: COMPLETED, PARTIAL (some WPARs failed), FAILED (all did), REFUSED or REJECTED (nothing changed) */
    public static final ProcessVariable<String> OUTCOME = string("outcome");
    public static final ProcessVariable<String> OUTCOME_REASON = string("outcomeReason");
    public static final ProcessVariable<String> FAILURE_CODE = string("failureCode");
    public static final ProcessVariable<String> FAILURE_REASON = string("failureReason");

    private WparLifecycleVariables() {
    }

    /** The lane's owner name for its claims. */
    static String lane(org.camunda.bpm.engine.delegate.DelegateExecution e) {
        return "lifecycle-lane." + e.getProcessInstanceId() + "." + LOOP_COUNTER.orElse(e, 0);
    }
}
