package dev.wparflow.process.decommission;

import static dev.wparflow.process.ProcessVariable.*;

import java.time.Duration;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.wparflow.aix.WparName;
import dev.wparflow.process.ProcessVariable;

/**
 * Variables of WparDecommissionProcess: the request, the facts the checks read (state, NIM machine, image), the
 * approval's answer, and what the steps did (the commands they ran) for the outcome.
 */
public final class WparDecommissionVariables {

    public static final String PROCESS_ID = "WparDecommissionProcess";

    /** in: the LPAR (global environment) the WPAR lives in */
    public static final ProcessVariable<String> LPAR = string("lpar");
    /** in: the system WPAR to remove */
    public static final ProcessVariable<WparName> WPAR = parsed("wpar", WparName::of, WparName::value);
    /** in: why, for the approvers and the record */
    public static final ProcessVariable<String> CHANGE_REASON = string("changeReason");
    /** in, optional: how old the newest GOOD image may be (default wparflow.decommission.max-backup-age) */
    public static final ProcessVariable<Duration> MAX_BACKUP_AGE = parsed("maxBackupAge", Duration::parse,
            Duration::toString);
    /** in, optional (default true): without a recent image, take one first (WparBackupProcess) */
    public static final ProcessVariable<Boolean> TAKE_BACKUP_IF_MISSING = flag("takeBackupIfMissing");
    /** the authenticated starter as the engine recorded it (camunda:initiator), never an input */
    public static final ProcessVariable<String> INITIATOR = string("initiator");

    /** the WPAR's state when the checks read it (lswpar) */
    public static final ProcessVariable<String> WPAR_STATE = string("wparState");
    /** the NIM master and its wpar machine that manage the WPAR; absent: the direct path */
    public static final ProcessVariable<String> NIM_MASTER = string("nimMaster");
    public static final ProcessVariable<String> NIM_MACHINE = string("nimMachine");
    /** the recent GOOD image the decommission relies on; false/absent while there is none */
    public static final ProcessVariable<Boolean> BACKUP_FOUND = flag("backupFound");
    public static final ProcessVariable<String> BACKUP_IMAGE_ID = string("backupImageId");
    /** what the WparBackupProcess it called answered */
    public static final ProcessVariable<String> NEW_IMAGE_ID = string("newImageId");
    public static final ProcessVariable<String> BACKUP_FAILURE_CODE = string("backupFailureCode");
    public static final ProcessVariable<String> BACKUP_FAILURE_REASON = string("backupFailureReason");
    /** what the approvers read */
    public static final ProcessVariable<String> SUMMARY = string("summary");
    public static final ProcessVariable<String> PLAN = string("plan");
    /** the approval's answer (ChangeApprovalProcess); the gateway asks our record, not these */
    public static final ProcessVariable<String> DECISION = string("decision");
    public static final ProcessVariable<String> APPROVERS = string("approvers");
    public static final ProcessVariable<String> APPROVAL_REASON = string("approvalReason");
    /** the fencing token of the WPAR's lease: the PID of its AIX administrative lock while held */
    public static final ProcessVariable<Long> FENCING_TOKEN = longValue("fencingToken");
    public static final ProcessVariable<Boolean> ADMIN_LOCKED = flag("adminLocked");
    /** the changes made so far, one per line: the commands run (and the inventory row removed) */
    public static final ProcessVariable<String> DONE = string("done");
    /** set once lswpar (and lsnim) no longer list the WPAR */
    public static final ProcessVariable<Boolean> REMOVED = flag("removed");
    /** out: DECOMMISSIONED, REFUSED (nothing changed), REJECTED (nothing changed) or FAILED (outcomeReason says
     * what was removed and what is left) */
    public static final ProcessVariable<String> OUTCOME = string("outcome");
    public static final ProcessVariable<String> OUTCOME_REASON = string("outcomeReason");
    public static final ProcessVariable<String> FAILURE_CODE = string("failureCode");
    public static final ProcessVariable<String> FAILURE_REASON = string("failureReason");

    private WparDecommissionVariables() {
    }

    /** Notes a change the decommission made (a command it ran), for the outcome. */
    public static void addDone(DelegateExecution e, String change) {
        String done = DONE.get(e);
        DONE.set(e, done == null ? change : done + "\n" + change);
    }
}
