package dev.wparflow.process.resources;

import static dev.wparflow.process.ProcessVariable.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.wparflow.aix.WparName;
import dev.wparflow.process.ProcessVariable;

/**
 * Variables of WparResourceChangeProcess: the request (the controls of Redbook Table 8-1 to set, each optional), what
 * the checks read (the WPAR's state and its controls as {@code lswpar -R} showed them), the approval's answer, and
 * what the steps did (the commands they ran) for the outcome.
 */
public final class WparResourceChangeVariables {

    public static final String PROCESS_ID = "WparResourceChangeProcess";

    /** in: the LPAR (global environment) the WPAR lives in */
    public static final ProcessVariable<String> LPAR = string("lpar");
    /** in: the WPAR whose controls change */
    public static final ProcessVariable<WparName> WPAR = parsed("wpar", WparName::of, WparName::value);
    /** in: why, for the approvers and the record */
    public static final ProcessVariable<String> CHANGE_REASON = string("changeReason");
    /** in, optional: shares_CPU, 1-65535 */
    public static final ProcessVariable<String> CPU_SHARES = string("cpuShares");
    /** in, optional: CPU=MIN%-SOFTMAX%,HARDMAX% */
    public static final ProcessVariable<String> CPU_LIMITS = string("cpuLimits");
    /** in, optional: shares_memory, 1-65535 */
    public static final ProcessVariable<String> MEMORY_SHARES = string("memoryShares");
    /** in, optional: memory=MIN%-SOFTMAX%,HARDMAX% */
    public static final ProcessVariable<String> MEMORY_LIMITS = string("memoryLimits");
    /** in, optional: procVirtMem=SIZE (512MB, 2GB, 1TB) */
    public static final ProcessVariable<String> PROC_VIRT_MEM = string("procVirtMem");
    /** in, optional: totalProcesses */
    public static final ProcessVariable<String> TOTAL_PROCESSES = string("totalProcesses");
    /** in, optional: totalThreads (at least totalProcesses) */
    public static final ProcessVariable<String> TOTAL_THREADS = string("totalThreads");
    /** the authenticated starter as the engine recorded it (camunda:initiator), never an input */
    public static final ProcessVariable<String> INITIATOR = string("initiator");

    /** the WPAR's state when the checks read it (lswpar) */
    public static final ProcessVariable<String> WPAR_STATE = string("wparState");
    /** the controls requested, as chwpar -R words ({@code shares_CPU=10 CPU=6%-30%,45%}) */
    public static final ProcessVariable<String> REQUESTED = string("requestedControls");
    /** the WPAR's controls as lswpar -R showed them before the change, as chwpar -R words */
    public static final ProcessVariable<String> BEFORE = string("controlsBefore");
    /** the LPAR's memory (prtconf), for the memory percentages in MB */
    public static final ProcessVariable<Long> LPAR_MEMORY_MB = longValue("lparMemoryMb");
    /** what the approvers read */
    public static final ProcessVariable<String> SUMMARY = string("summary");
    public static final ProcessVariable<String> PLAN = string("plan");
    /** the approval's answer (ChangeApprovalProcess); the gateway asks our record, not these */
    public static final ProcessVariable<String> DECISION = string("decision");
    public static final ProcessVariable<String> APPROVERS = string("approvers");
    public static final ProcessVariable<String> APPROVAL_REASON = string("approvalReason");
    /** the commands run so far, one per line */
    public static final ProcessVariable<String> DONE = string("done");
    /** set by the verification: lswpar -R shows every requested value */
    public static final ProcessVariable<Boolean> VERIFIED = flag("verified");
    /** what lswpar -R showed that differs from the request (verification failed) */
    public static final ProcessVariable<String> DIFFERENCES = string("differences");
    /** set once the previous values are back (lswpar -R read after the roll-back) */
    public static final ProcessVariable<Boolean> ROLLED_BACK = flag("rolledBack");
    /** out: CHANGED, REFUSED (nothing changed), REJECTED (nothing changed) or FAILED (outcomeReason says whether the
     * previous values were restored) */
    public static final ProcessVariable<String> OUTCOME = string("outcome");
    public static final ProcessVariable<String> OUTCOME_REASON = string("outcomeReason");
    public static final ProcessVariable<String> FAILURE_CODE = string("failureCode");
    public static final ProcessVariable<String> FAILURE_REASON = string("failureReason");

    private WparResourceChangeVariables() {
    }

    /** Notes a command the change ran, for the outcome. */
    public static void addDone(DelegateExecution e, String command) {
        String done = DONE.get(e);
        DONE.set(e, done == null ? command : done + "\n" + command);
    }
}
