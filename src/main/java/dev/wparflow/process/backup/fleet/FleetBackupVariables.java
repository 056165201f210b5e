package dev.wparflow.process.backup.fleet;

import static dev.wparflow.process.ProcessVariable.*;

import java.util.List;

import dev.wparflow.process.ProcessVariable;

/** Variables of FleetBackupProcess: scalars only; items and the summary live in wparflow_backup_run/_item. */
public final class FleetBackupVariables {

    public static final String PROCESS_ID = "FleetBackupProcess";
    /** the message that starts a fleet backup on demand (the timer start runs it on wparflow.backup.schedule) */
    public static final String REQUEST_MESSAGE = "FleetBackupRequested";

    /** in, optional: all (default), host:NAME[,NAME…], group:NAME */
    public static final ProcessVariable<String> SCOPE = string("scope");
    /** in, optional: overrides wparflow.backup.per-host / global-limit for this run */
    public static final ProcessVariable<Integer> PER_HOST = integer("perHost");
    public static final ProcessVariable<Integer> GLOBAL_LIMIT = integer("globalLimit");
    /** in, optional: consistency for every WPAR of this run (none / stop / quiesce) */
    public static final ProcessVariable<String> CONSISTENCY = string("consistency");

    public static final ProcessVariable<String> BACKUP_RUN_ID = string("backupRunId");
    /** wparflow.backup.global.order when the run was planned: before, after or off */
    public static final ProcessVariable<String> GLOBAL_ORDER = string("globalOrder");
    /** the hosts in scope, comma-separated (the collection of CallActivity_BackupHost) */
    public static final ProcessVariable<List<String>> HOSTS = list("fleetHosts");
    /** element variable of CallActivity_BackupHost */
    public static final ProcessVariable<String> HOST = string("host");
    /** out: counts and the summary text (also in wparflow_backup_run and /api/backups/runs) */
    public static final ProcessVariable<Integer> DONE = integer("doneCount");
    public static final ProcessVariable<Integer> FAILED = integer("failedCount");
    public static final ProcessVariable<Integer> SKIPPED = integer("skippedCount");
    public static final ProcessVariable<String> SUMMARY = string("summary");
    /** out: global environments backed up (GlobalBackupProcess BACKED_UP) and not */
    public static final ProcessVariable<Integer> GLOBAL_DONE = integer("globalDoneCount");
    public static final ProcessVariable<Integer> GLOBAL_FAILED = integer("globalFailedCount");

    private FleetBackupVariables() {
    }
}
