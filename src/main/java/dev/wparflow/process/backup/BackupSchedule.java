package dev.wparflow.process.backup;

import org.springframework.stereotype.Component;

/**
 * Values the backup models read in expressions: the timer start event of FleetBackupProcess reads
 * {@code ${backupSchedule.cron}} when the model is deployed.
 */
@Component("backupSchedule")
public class BackupSchedule {

    private final BackupSettings settings;

    public BackupSchedule(BackupSettings settings) {
        this.settings = settings;
    }

    public String getCron() {
        return settings.schedule();
    }

    public String getSaveTimeout() {
        return settings.saveTimeout().toString();
    }

    public String getLockRetryInterval() {
        return settings.lockRetryInterval().toString();
    }

    /** A comma-separated list as the collection of a multi-instance activity (no serialized variables). */
    public java.util.List<String> split(String csv) {
        return csv == null || csv.isBlank() ? java.util.List.of()
                : java.util.Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String getSlotRetryInterval() {
        return settings.slotRetryInterval().toString();
    }
}
