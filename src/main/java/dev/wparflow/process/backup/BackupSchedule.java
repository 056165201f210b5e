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

    public String getSlotRetryInterval() {
        return settings.slotRetryInterval().toString();
    }
}
