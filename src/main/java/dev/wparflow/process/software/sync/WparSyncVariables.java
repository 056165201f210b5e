package dev.wparflow.process.software.sync;

import static dev.wparflow.process.ProcessVariable.flag;
import static dev.wparflow.process.ProcessVariable.integer;
import static dev.wparflow.process.ProcessVariable.list;
import static dev.wparflow.process.ProcessVariable.string;

import java.util.List;

import dev.wparflow.process.ProcessVariable;

/**
 * Variables of WparSyncProcess: the request, what the measurement decided (the WPARs to sync, whether approval is
 * needed), the approval's answer, the WPAR of the current iteration and what its attempt gave, and the outcome. Each
 * WPAR's drift, attempts, commands, levels and error are kept in wparflow_wpar_sync_item, not in variables.
 */
public final class WparSyncVariables {

    public static final String PROCESS_ID = "WparSyncProcess";

    /** in: the LPAR (global environment) whose drifting WPARs are synced */
    public static final ProcessVariable<String> LPAR = string("lpar");
    /** in, optional: only these WPARs of the LPAR (a comma list), each synced only if it drifts; default every one */
    public static final ProcessVariable<String> WPARS = string("wpars");
    /** in, optional: where detached WPARs get the global levels from (inuwpar -d); default wparflow.software.sync.source */
    public static final ProcessVariable<String> SOURCE = string("softwareSource");
    /** in, optional: attempts per WPAR before it is reported FAILED (1-10, default wparflow.software.sync.attempts) */
    public static final ProcessVariable<Integer> ATTEMPTS = integer("attempts");
    /** in, optional: why, for the approvers and the record */
    public static final ProcessVariable<String> CHANGE_REASON = string("changeReason");
    /** the authenticated starter as the engine recorded it (camunda:initiator), never an input */
    public static final ProcessVariable<String> INITIATOR = string("initiator");

    /** the WPARs measured drifting, in order (empty: nothing to sync) */
    public static final ProcessVariable<List<String>> WPARS_TO_SYNC = list("wparsToSync");
    /** false when the policy needs no approval (every WPAR exempt) */
    public static final ProcessVariable<Boolean> APPROVAL_REQUIRED = flag("approvalRequired");
    /** what the approvers read */
    public static final ProcessVariable<String> SUMMARY = string("summary");
    public static final ProcessVariable<String> PLAN = string("plan");
    /** the approval's answer (ChangeApprovalProcess); the gateway asks our record, not these */
    public static final ProcessVariable<String> DECISION = string("decision");
    public static final ProcessVariable<String> APPROVERS = string("approvers");
    public static final ProcessVariable<String> APPROVAL_REASON = string("approvalReason");
    /** per WPAR (the multi-instance element): the WPAR being synced */
    public static final ProcessVariable<String> SYNC_WPAR = string("syncWpar");
    /** per WPAR: the last attempt left it in sync, verified */
    public static final ProcessVariable<Boolean> WPAR_SYNCED = flag("wparSynced");
    /** per WPAR: it is not in sync and has attempts left */
    public static final ProcessVariable<Boolean> RETRY_WPAR = flag("retryWpar");
    /** per WPAR: the multi-instance loop counter */
    public static final ProcessVariable<Integer> LOOP_COUNTER = integer("loopCounter");
    /** out: how many WPARs were synced, and how many failed */
    public static final ProcessVariable<Integer> SYNCED = integer("synced");
    public static final ProcessVariable<Integer> FAILED = integer("failed");
    /** out: COMPLETED, PARTIAL, FAILED, NOTHING_TO_SYNC, REJECTED or REFUSED */
    public static final ProcessVariable<String> OUTCOME = string("outcome");
    public static final ProcessVariable<String> OUTCOME_REASON = string("outcomeReason");
    public static final ProcessVariable<String> FAILURE_CODE = string("failureCode");
    public static final ProcessVariable<String> FAILURE_REASON = string("failureReason");

    private WparSyncVariables() {
    }
}
