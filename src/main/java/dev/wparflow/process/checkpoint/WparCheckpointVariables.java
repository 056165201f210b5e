package dev.wparflow.process.checkpoint;

import static dev.wparflow.process.ProcessVariable.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.wparflow.aix.WparName;
import dev.wparflow.process.ProcessVariable;

/**
 * Variables of WparCheckpointProcess: the request, what the check found (the checkpoint's directory and the LPAR it
 * was taken on), the approval's answer, and what the steps did (the commands they ran) for the outcome.
 */
public final class WparCheckpointVariables {

    public static final String PROCESS_ID = "WparCheckpointProcess";
    public static final String ACTION_CHECKPOINT = "checkpoint";
    public static final String ACTION_RESTART = "restart";

    /** in: checkpoint (now, into a new directory on the repository) or restart (from a catalogued checkpoint) */
    public static final ProcessVariable<String> ACTION = string("action");
    /** in: checkpoint: the LPAR the WPAR runs on; restart: the LPAR to restart it on (the same or another one) */
    public static final ProcessVariable<String> LPAR = string("lpar");
    /** in: the checkpointable WPAR */
    public static final ProcessVariable<WparName> WPAR = parsed("wpar", WparName::of, WparName::value);
    /** in, optional (default false): chkptwpar -k, the WPAR stopped once its checkpoint is stored */
    public static final ProcessVariable<Boolean> KILL = flag("kill");
    /** in, restart: the catalogued checkpoint (GET /api/checkpoints); out, checkpoint: the one taken */
    public static final ProcessVariable<Long> CHECKPOINT_ID = longValue("checkpointId");
    /** in, optional: why, for the approvers and the record */
    public static final ProcessVariable<String> CHANGE_REASON = string("changeReason");
    /** the authenticated starter as the engine recorded it (camunda:initiator), never an input */
    public static final ProcessVariable<String> INITIATOR = string("initiator");

    /** the checkpoint's directory on the repository: new for a checkpoint, the catalogued one for a restart */
    public static final ProcessVariable<String> DIRECTORY = string("directory");
    /** restart: the LPAR the checkpoint was taken on (its definition goes once the WPAR runs elsewhere) */
    public static final ProcessVariable<String> SOURCE_LPAR = string("sourceLpar");
    /** the policy's answer: a checkpoint that leaves the WPAR running needs no approval; -k and restarts do */
    public static final ProcessVariable<Boolean> APPROVAL_REQUIRED = flag("approvalRequired");
    /** what the approvers read */
    public static final ProcessVariable<String> SUMMARY = string("summary");
    public static final ProcessVariable<String> PLAN = string("plan");
    /** the approval's answer (ChangeApprovalProcess); the gateway asks our record, not these */
    public static final ProcessVariable<String> DECISION = string("decision");
    public static final ProcessVariable<String> APPROVERS = string("approvers");
    public static final ProcessVariable<String> APPROVAL_REASON = string("approvalReason");
    /** the commands run so far, one per line ("LPAR: command") */
    public static final ProcessVariable<String> DONE = string("done");
    /** out: CHECKPOINTED, RESTARTED, REFUSED (nothing changed), REJECTED (nothing changed) or FAILED */
    public static final ProcessVariable<String> OUTCOME = string("outcome");
    public static final ProcessVariable<String> OUTCOME_REASON = string("outcomeReason");
    public static final ProcessVariable<String> FAILURE_CODE = string("failureCode");
    public static final ProcessVariable<String> FAILURE_REASON = string("failureReason");

    private WparCheckpointVariables() {
    }

    /** Whether the request is a restart (else a checkpoint). */
    public static boolean restart(DelegateExecution e) {
        return ACTION_RESTART.equals(ACTION.get(e));
    }

    /** Notes a command the operation ran, for the outcome. */
    public static void addDone(DelegateExecution e, java.util.List<String> commands) {
        for (String change : commands) {
            String done = DONE.get(e);
            DONE.set(e, done == null ? change : done + "\n" + change);
        }
    }
}
