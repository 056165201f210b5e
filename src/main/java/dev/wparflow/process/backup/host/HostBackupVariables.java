package dev.wparflow.process.backup.host;

import static dev.wparflow.process.ProcessVariable.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.wparflow.process.ProcessVariable;

/**
 * Variables of HostBackupProcess, one instance per host of a fleet run: its lanes each claim the host's next WPAR and
 * back it up under a global slot. Scalars only; the items live in wparflow_backup_item.
 */
public final class HostBackupVariables {

    public static final String PROCESS_ID = "HostBackupProcess";

    /** in: the host (SSH endpoint name), the fleet run, its per-host and global limits */
    public static final ProcessVariable<String> HOST = string("host");
    public static final ProcessVariable<String> BACKUP_RUN_ID = string("backupRunId");
    public static final ProcessVariable<Integer> PER_HOST = integer("perHost");
    public static final ProcessVariable<Integer> GLOBAL_LIMIT = integer("globalLimit");
    /** lanes to start (min(perHost, WPARs)) */
    public static final ProcessVariable<Integer> LANE_COUNT = integer("laneCount");
    /** oslevel -s of the global environment, read once and handed to every WparBackupProcess */
    public static final ProcessVariable<String> OSLEVEL = string("oslevel");
    /** the multi-instance lane's index */
    public static final ProcessVariable<Integer> LOOP_COUNTER = integer("loopCounter");
    /** per lane: the claimed item and its WPAR, the global slot */
    public static final ProcessVariable<String> ITEM_ID = string("itemId");
    public static final ProcessVariable<String> WPAR = string("wpar");
    public static final ProcessVariable<String> SLOT = string("slot");

    private HostBackupVariables() {
    }

    /** The lane's lock owner: one per lane of one host of one run. */
    public static String lane(DelegateExecution execution) {
        return "backup-lane." + execution.getProcessInstanceId() + "." + HOST.get(execution) + "."
                + LOOP_COUNTER.get(execution);
    }
}
