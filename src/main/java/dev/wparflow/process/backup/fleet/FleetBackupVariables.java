package dev.wparflow.process.backup.fleet;

/** Variables of FleetBackupProcess: scalars only; items and the summary live in wparflow_backup_run/_item. */
public final class FleetBackupVariables {

    public static final String PROCESS_ID = "FleetBackupProcess";
    /** the message that starts a fleet backup on demand (the timer start runs it on wparflow.backup.schedule) */
    public static final String REQUEST_MESSAGE = "FleetBackupRequested";

    /** in, optional: all (default), host:NAME[,NAME…], group:NAME */
    public static final String SCOPE = "scope";
    /** in, optional: overrides wparflow.backup.per-host / global-limit for this run */
    public static final String PER_HOST = "perHost";
    public static final String GLOBAL_LIMIT = "globalLimit";
    /** in, optional: consistency for every WPAR of this run (none / stop / quiesce) */
    public static final String CONSISTENCY = "consistency";

    public static final String BACKUP_RUN_ID = "backupRunId";
    /** the hosts in scope, comma-separated (the collection of CallActivity_BackupHost) */
    public static final String HOSTS = "fleetHosts";
    /** element variable of CallActivity_BackupHost */
    public static final String HOST = "host";
    /** per host: lanes to start (min(perHost, WPARs)) */
    public static final String LANE_COUNT = "laneCount";
    /** per host: oslevel -s of the global environment, read once and handed to every WparBackupProcess */
    public static final String OSLEVEL = "oslevel";
    /** per lane: the claimed item and its WPAR, the global slot */
    public static final String ITEM_ID = "itemId";
    public static final String WPAR = "wpar";
    public static final String SLOT = "slot";
    /** out: counts and the summary text (also in wparflow_backup_run and /api/backups/runs) */
    public static final String DONE = "doneCount";
    public static final String FAILED = "failedCount";
    public static final String SKIPPED = "skippedCount";
    public static final String SUMMARY = "summary";

    private FleetBackupVariables() {
    }

    /** The lane's lock owner: one per lane of one host of one run. */
    public static String lane(String processInstanceId, String host, Object loopCounter) {
        return "backup-lane." + processInstanceId + "." + host + "." + loopCounter;
    }
}
