package dev.wparflow.process.backup.global;

import static dev.wparflow.process.ProcessVariable.*;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.wparflow.process.ProcessVariable;

/**
 * Variables of GlobalBackupProcess. Callers (FleetBackupProcess, LparMaintenanceProcess) pass {@code lpar} and
 * optionally {@code reason}, and read {@code outcome} (BACKED_UP or FAILED), {@code outcomeReason} and
 * {@code imageIds} (the catalog ids of the images taken, comma-separated).
 */
public final class GlobalBackupVariables {

    public static final String PROCESS_ID = "GlobalBackupProcess";
    public static final String BACKED_UP = "BACKED_UP";
    public static final String FAILED = "FAILED";

    /** in: the LPAR (global environment) to back up */
    public static final ProcessVariable<String> LPAR = string("lpar");
    /** in, optional: why, for the record */
    public static final ProcessVariable<String> REASON = string("reason");
    /** in, optional (fleet run): the run the backup belongs to, recorded with its images */
    public static final ProcessVariable<String> BACKUP_RUN_ID = string("backupRunId");

    /** set at the start: names the images, the same on every retry */
    public static final ProcessVariable<Instant> REQUESTED_AT = instant("requestedAt");
    /** whether this backup took the LPAR's lease (a caller may hold it already: then it is the caller's to release) */
    public static final ProcessVariable<Boolean> LEASE_TAKEN = flag("leaseTaken");
    /** the plan: the global environment's oslevel, the images' common path, what to mount, the volume groups */
    public static final ProcessVariable<String> OSLEVEL = string("oslevel");
    public static final ProcessVariable<String> IMAGE_BASE = string("imageBase");
    /** file systems of inactive WPARs that were not mounted when planned (comma-separated): mounted, then unmounted */
    public static final ProcessVariable<String> TO_MOUNT = string("toMount");
    /** the volume groups other than rootvg holding WPAR file systems (comma-separated): one savevg each */
    public static final ProcessVariable<String> VOLUME_GROUPS = string("volumeGroups");
    /** the multi-instance element: the volume group being saved */
    public static final ProcessVariable<String> VOLUME_GROUP = string("volumeGroup");
    public static final ProcessVariable<String> MKSYSB_RUN_ID = string("mksysbRunId");
    public static final ProcessVariable<String> SAVEVG_RUN_ID = string("savevgRunId");
    /** the commands run, one per line ("lpar00: mount /wpars/wpr01") */
    public static final ProcessVariable<String> DONE = string("done");
    /** out */
    public static final ProcessVariable<String> IMAGE_IDS = string("imageIds");
    public static final ProcessVariable<String> OUTCOME = string("outcome");
    public static final ProcessVariable<String> OUTCOME_REASON = string("outcomeReason");
    public static final ProcessVariable<String> FAILURE_CODE = string("failureCode");
    public static final ProcessVariable<String> FAILURE_REASON = string("failureReason");

    private GlobalBackupVariables() {
    }

    /** Notes commands the backup ran, for the outcome. */
    public static void addDone(DelegateExecution e, java.util.List<String> commands) {
        for (String command : commands) {
            String done = DONE.get(e);
            DONE.set(e, done == null ? command : done + "\n" + command);
        }
    }

    /** A comma-separated variable as a list (empty when unset). */
    public static java.util.List<String> split(String csv) {
        return csv == null || csv.isBlank() ? java.util.List.of()
                : java.util.Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
