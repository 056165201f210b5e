package dev.wparflow.process.evacuation;

import static dev.wparflow.process.ProcessVariable.integer;
import static dev.wparflow.process.ProcessVariable.list;
import static dev.wparflow.process.ProcessVariable.string;
import static dev.wparflow.process.ProcessVariable.flag;

import java.util.List;

import dev.wparflow.process.ProcessVariable;

/**
 * Variables of EvacuationProcess: the request (scope, window, limits), the plan's figures and text for the approval,
 * each lane's current move (local to the lane), and the outcome. The plan itself, row by row, is in
 * wparflow_evacuation_item ({@link EvacuationRecords}).
 */
public final class EvacuationVariables {

    public static final String PROCESS_ID = "EvacuationProcess";

    /** in, one of three: the LPAR to empty */
    public static final ProcessVariable<String> LPAR = string("lpar");
    /** in, one of three: the managed system to empty (every LPAR the HMCs report on it) */
    public static final ProcessVariable<String> MANAGED_SYSTEM = string("managedSystem");
    /** in, one of three: the evacuation (its process instance id) whose moved WPARs go back where they came from */
    public static final ProcessVariable<String> RETURN_FROM = string("returnFrom");
    /** in, optional: only the WPARs that are Active now move (a maintenance empties its LPAR of what must keep running) */
    public static final ProcessVariable<Boolean> ACTIVE_ONLY = flag("activeOnly");
    /** in, optional: the moves start at this ISO-8601 date-time, right after the approval without it */
    public static final ProcessVariable<String> MAINTENANCE_WINDOW_START = string("maintenanceWindowStart");
    /** in, optional: most moves at once off one LPAR, onto one LPAR, in all; failed moves that stop the line */
    public static final ProcessVariable<Integer> PER_SOURCE = integer("perSource");
    public static final ProcessVariable<Integer> PER_TARGET = integer("perTarget");
    public static final ProcessVariable<Integer> GLOBAL_LIMIT = integer("globalLimit");
    public static final ProcessVariable<Integer> STOP_AFTER_FAILURES = integer("stopAfterFailures");
    /** the authenticated starter (camunda:initiator), never an input */
    public static final ProcessVariable<String> INITIATOR = string("initiator");

    /** the plan: how many WPARs move, the lanes (one per move at once), the text the approvers read */
    public static final ProcessVariable<Integer> MOVABLE = integer("movable");
    public static final ProcessVariable<Integer> LANES = integer("lanes");
    public static final ProcessVariable<String> SUMMARY = string("summary");
    public static final ProcessVariable<String> PLAN = string("plan");
    public static final ProcessVariable<String> RISK_LEVEL = string("riskLevel");

    /** the approval's answer (ChangeApprovalProcess) */
    public static final ProcessVariable<String> DECISION = string("decision");
    public static final ProcessVariable<List<String>> APPROVERS = list("approvers");
    public static final ProcessVariable<String> APPROVAL_REASON = string("approvalReason");

    /** one lane's move, local to the lane: the WPAR, where from, where to, how; laneBlocked: wait for a slot */
    public static final ProcessVariable<String> MOVE_WPAR = string("moveWpar");
    public static final ProcessVariable<String> MOVE_DEPARTING = string("moveDeparting");
    public static final ProcessVariable<String> MOVE_ARRIVING = string("moveArriving");
    public static final ProcessVariable<String> MOVE_MODE = string("moveMode");
    public static final ProcessVariable<Boolean> LANE_BLOCKED = flag("laneBlocked");
    /** what the relocation sub-process said (RELOCATED, ROLLED_BACK, REFUSED, …) and why */
    public static final ProcessVariable<String> MOVE_OUTCOME = string("moveOutcome");
    public static final ProcessVariable<String> MOVE_REASON = string("moveReason");

    /** a refusal (BpmnError) */
    public static final ProcessVariable<String> FAILURE_CODE = string("failureCode");
    public static final ProcessVariable<String> FAILURE_REASON = string("failureReason");
    /** EVACUATED, PARTIAL, STOPPED, REJECTED, REFUSED or NOTHING_TO_MOVE, and the per-WPAR report */
    public static final ProcessVariable<String> OUTCOME = string("outcome");
    public static final ProcessVariable<String> OUTCOME_REASON = string("outcomeReason");

    public static final String LIVE = EvacuationPlanner.LIVE;
    public static final String STATIC = EvacuationPlanner.STATIC;

    private EvacuationVariables() {
    }
}
