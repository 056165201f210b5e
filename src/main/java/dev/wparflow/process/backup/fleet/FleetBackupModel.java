package dev.wparflow.process.backup.fleet;

/**
 * The flow-node ids of FleetBackupProcess.bpmn, shared by the code and the model's tests
 * ({@code ModelConstantsTest} checks that each names an element of the model).
 */
public final class FleetBackupModel {

    public static final String START_EVENT_NIGHTLY = "StartEvent_Nightly";
    public static final String START_EVENT_ON_DEMAND = "StartEvent_OnDemand";
    public static final String TASK_PLAN_FLEET_BACKUP = "Task_PlanFleetBackup";
    public static final String GATEWAY_GLOBAL_BEFORE = "Gateway_GlobalBefore";
    public static final String CALL_ACTIVITY_GLOBAL_BACKUPS_BEFORE = "CallActivity_GlobalBackupsBefore";
    public static final String GATEWAY_JOIN_BEFORE = "Gateway_JoinBefore";
    public static final String CALL_ACTIVITY_BACKUP_HOST = "CallActivity_BackupHost";
    public static final String GATEWAY_GLOBAL_AFTER = "Gateway_GlobalAfter";
    public static final String CALL_ACTIVITY_GLOBAL_BACKUPS_AFTER = "CallActivity_GlobalBackupsAfter";
    public static final String GATEWAY_JOIN_AFTER = "Gateway_JoinAfter";
    public static final String TASK_SUMMARIZE_FLEET_BACKUP = "Task_SummarizeFleetBackup";
    public static final String END_EVENT_FLEET_BACKED_UP = "EndEvent_FleetBackedUp";

    private FleetBackupModel() {
    }
}
