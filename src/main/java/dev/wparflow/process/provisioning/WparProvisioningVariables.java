package dev.wparflow.process.provisioning;

import static dev.wparflow.process.ProcessVariable.flag;
import static dev.wparflow.process.ProcessVariable.string;

import dev.wparflow.process.ProcessVariable;

/**
 * Variables of WparProvisioningProcess, with typed accessors. The request as validated, the plan and what the run
 * created are kept in wparflow_provisioning ({@link ProvisioningRecord}); variables hold the inputs, the gateways'
 * answers and the outcome.
 */
public final class WparProvisioningVariables {

    public static final String PROCESS_ID = "WparProvisioningProcess";

    // start variables (start form or REST)
    public static final ProcessVariable<String> WPAR = string("wpar");
    public static final ProcessVariable<String> HOSTNAME = string("hostname");
    public static final ProcessVariable<String> ADDRESS = string("address");
    public static final ProcessVariable<String> INTERFACE = string("interface");
    public static final ProcessVariable<String> NETMASK = string("netmask");
    /** optional: absent or blank = "choose for me" */
    public static final ProcessVariable<String> LPAR = string("lpar");
    /** "choose for me" among the LPARs of this managed system */
    public static final ProcessVariable<String> MANAGED_SYSTEM = string("managedSystem");
    /** template, image or copy */
    public static final ProcessVariable<String> SOURCE = string("source");
    public static final ProcessVariable<String> TEMPLATE = string("template");
    public static final ProcessVariable<String> IMAGE_ID = string("imageId");
    public static final ProcessVariable<String> COPY_FROM_LPAR = string("copyFromLpar");
    public static final ProcessVariable<String> COPY_FROM_WPAR = string("copyFromWpar");
    /** auto, nim or direct */
    public static final ProcessVariable<String> METHOD = string("method");
    /** system or application */
    public static final ProcessVariable<String> WPAR_TYPE = string("wparType");
    public static final ProcessVariable<Boolean> START = flag("start");
    /** yes or no; absent: as the source says */
    public static final ProcessVariable<String> CHECKPOINTABLE = string("checkpointable");
    public static final ProcessVariable<String> CPU_SHARES = string("cpuShares");
    public static final ProcessVariable<String> CPU_LIMITS = string("cpuLimits");
    public static final ProcessVariable<String> MEMORY_SHARES = string("memoryShares");
    public static final ProcessVariable<String> MEMORY_LIMITS = string("memoryLimits");
    public static final ProcessVariable<String> PROC_VIRT_MEM = string("procVirtMem");
    public static final ProcessVariable<String> TOTAL_PROCESSES = string("totalProcesses");
    public static final ProcessVariable<String> TOTAL_THREADS = string("totalThreads");
    public static final ProcessVariable<String> CHANGE_REASON = string("changeReason");

    // set by the steps
    /** who started the provisioning (read from the engine, see Operation) */
    public static final ProcessVariable<String> REQUESTER = string("requester");
    /** the LPAR the plan chose or confirmed */
    public static final ProcessVariable<String> TARGET_LPAR = string("targetLpar");
    /** nim or direct, as the plan decided */
    public static final ProcessVariable<String> CHOSEN_METHOD = string("chosenMethod");
    public static final ProcessVariable<String> NIM_MASTER = string("nimMaster");
    public static final ProcessVariable<Boolean> APPROVAL_REQUIRED = flag("approvalRequired");
    public static final ProcessVariable<String> SUMMARY = string("summary");
    public static final ProcessVariable<String> PLAN = string("plan");
    public static final ProcessVariable<String> RISK_LEVEL = string("riskLevel");
    public static final ProcessVariable<String> APPROVAL_DECISION = string("approvalDecision");
    public static final ProcessVariable<String> APPROVAL_REASON = string("approvalReason");
    /** out of ChangeApprovalProcess: who decided, comma-separated */
    public static final ProcessVariable<String> APPROVERS = string("approvers");
    /** the detached run of mkwpar, restwpar, wparexec or nim -o create */
    public static final ProcessVariable<String> CREATE_RUN_ID = string("createRunId");
    /** what the verification found on the hosts */
    public static final ProcessVariable<String> VERIFIED = string("verified");
    /** input parameter of the outcome step: the outcome it records (PROVISIONED from the gateway's path) */
    public static final ProcessVariable<String> RECORD_OUTCOME = string("recordOutcome");

    // failure and outcome
    public static final ProcessVariable<String> FAILURE_CODE = string("failureCode");
    public static final ProcessVariable<String> FAILURE_REASON = string("failureReason");
    public static final ProcessVariable<String> ROLLBACK_REPORT = string("rollbackReport");
    public static final ProcessVariable<String> OUTCOME = string("outcome");
    public static final ProcessVariable<String> OUTCOME_REASON = string("outcomeReason");

    public static final String SOURCE_TEMPLATE = "template";
    public static final String SOURCE_IMAGE = "image";
    public static final String SOURCE_COPY = "copy";
    public static final String METHOD_AUTO = "auto";
    public static final String METHOD_NIM = "nim";
    public static final String METHOD_DIRECT = "direct";
    public static final String TYPE_SYSTEM = "system";
    public static final String TYPE_APPLICATION = "application";

    public static final String PROVISIONED = "PROVISIONED";
    public static final String REFUSED = "REFUSED";
    public static final String REJECTED = "REJECTED";
    public static final String FAILED = "FAILED";

    private WparProvisioningVariables() {
    }
}
