package dev.wparflow.process.maintenance;

import static dev.wparflow.process.ProcessVariable.flag;
import static dev.wparflow.process.ProcessVariable.integer;
import static dev.wparflow.process.ProcessVariable.list;
import static dev.wparflow.process.ProcessVariable.string;

import java.util.List;

import dev.wparflow.process.ProcessVariable;

/**
 * Variables of LparMaintenanceProcess: the request (LPARs, the update, the rollout, the window, evacuation, backup,
 * sync attempts), the plan's figures and text for the approval, each lane's LPAR and what its calls answered (local
 * to the lane), and the outcome. The plan and the results, row by row, are in wparflow_maintenance_lpar and
 * wparflow_maintenance_wpar ({@link MaintenanceRecords}).
 */
public final class LparMaintenanceVariables {

    public static final String PROCESS_ID = "LparMaintenanceProcess";

    /** in, one of two: the LPARs to update, in rollout order (comma list) */
    public static final ProcessVariable<List<String>> LPARS = list("lpars");
    /** in, one of two: every LPAR of this managed system the inventory knows, by name */
    public static final ProcessVariable<String> MANAGED_SYSTEM = string("managedSystem");
    /** in: installp, install_all_updates or emgr */
    public static final ProcessVariable<String> UPDATE_KIND = string("updateKind");
    /** in: the directory the software comes from (one of wparflow.maintenance.sources, or below one) */
    public static final ProcessVariable<String> SOURCE = string("softwareSource");
    /** in, installp: the filesets to install (comma list) */
    public static final ProcessVariable<List<String>> FILESETS = list("filesets");
    /** in, emgr: the interim fix package file in the source directory */
    public static final ProcessVariable<String> FIX_PACKAGE = string("fixPackage");
    /** in: one-at-a-time (default) or parallel */
    public static final ProcessVariable<String> ROLLOUT = string("rollout");
    /** in, with rollout parallel: how many LPARs at once */
    public static final ProcessVariable<Integer> PARALLEL = integer("parallel");
    /** in, optional: the window (ISO-8601); an LPAR whose turn comes after its end is SKIPPED */
    public static final ProcessVariable<String> MAINTENANCE_WINDOW_START = string("maintenanceWindowStart");
    public static final ProcessVariable<String> MAINTENANCE_WINDOW_END = string("maintenanceWindowEnd");
    /** in: none (default) or active: the Active WPARs leave through EvacuationProcess and come back after */
    public static final ProcessVariable<String> EVACUATE = string("evacuate");
    /** in: take a global backup (GlobalBackupProcess) of each LPAR before its update (default true) */
    public static final ProcessVariable<Boolean> GLOBAL_BACKUP = flag("globalBackup");
    /** in: attempts to synchronise each WPAR (default wparflow.maintenance.sync-attempts) */
    public static final ProcessVariable<Integer> SYNC_ATTEMPTS = integer("syncAttempts");
    /** in: for the approvers */
    public static final ProcessVariable<String> CHANGE_REASON = string("changeReason");
    /** the authenticated starter (camunda:initiator), never an input */
    public static final ProcessVariable<String> INITIATOR = string("initiator");

    /** the plan: LPARs to update, lanes, whether backups run, the text the approvers read */
    public static final ProcessVariable<Integer> TO_UPDATE = integer("toUpdate");
    public static final ProcessVariable<Integer> LANES = integer("lanes");
    public static final ProcessVariable<Boolean> BACKUP_FIRST = flag("backupFirst");
    public static final ProcessVariable<String> SUMMARY = string("summary");
    public static final ProcessVariable<String> PLAN = string("plan");
    public static final ProcessVariable<String> RISK_LEVEL = string("riskLevel");

    /** the approval's answer (ChangeApprovalProcess) */
    public static final ProcessVariable<String> DECISION = string("decision");
    public static final ProcessVariable<List<String>> APPROVERS = list("approvers");
    public static final ProcessVariable<String> APPROVAL_REASON = string("approvalReason");

    /** one lane's LPAR and what happened to it, local to the lane */
    public static final ProcessVariable<String> MAINT_LPAR = string("maintLpar");
    /** whether the lane holds its LPAR's lease (false: another operation holds it, LPAR_LOCKED) */
    public static final ProcessVariable<Boolean> LPAR_LEASED = flag("lparLeased");
    public static final ProcessVariable<Boolean> LPAR_EVACUATE = flag("lparEvacuate");
    public static final ProcessVariable<String> EVACUATION_ID = string("evacuationId");
    public static final ProcessVariable<String> EVACUATION_OUTCOME = string("evacuationOutcome");
    public static final ProcessVariable<String> EVACUATION_REASON = string("evacuationReason");
    public static final ProcessVariable<String> BACKUP_OUTCOME = string("backupOutcome");
    public static final ProcessVariable<String> BACKUP_REASON = string("backupReason");
    public static final ProcessVariable<String> BACKUP_IMAGE_IDS = string("backupImageIds");
    public static final ProcessVariable<String> APPLY_RUN_ID = string("applyRunId");
    public static final ProcessVariable<Boolean> APPLIED = flag("applied");
    public static final ProcessVariable<String> RETURN_OUTCOME = string("returnOutcome");
    public static final ProcessVariable<String> RETURN_REASON = string("returnReason");
    /** the WPAR one instance of the sync multi-instance works on */
    public static final ProcessVariable<String> SYNC_WPAR = string("syncWpar");

    /** a refusal (BpmnError) */
    public static final ProcessVariable<String> FAILURE_CODE = string("failureCode");
    public static final ProcessVariable<String> FAILURE_REASON = string("failureReason");
    /** COMPLETED, PARTIAL, FAILED, REJECTED, REFUSED or NOTHING_TO_DO, and the per-LPAR report */
    public static final ProcessVariable<String> OUTCOME = string("outcome");
    public static final ProcessVariable<String> OUTCOME_REASON = string("outcomeReason");

    private LparMaintenanceVariables() {
    }
}
