package dev.wparflow.process.backup.global;

import org.springframework.stereotype.Component;

/** What GlobalBackupProcess and FleetBackupProcess read in expressions: the run timeout, the nightly order. */
@Component("globalBackup")
public class GlobalBackupSchedule {

    private final GlobalBackupSettings settings;

    public GlobalBackupSchedule(GlobalBackupSettings settings) {
        this.settings = settings;
    }

    /** ISO-8601: the timer of a mksysb or savevg wait. */
    public String getTimeout() {
        return settings.timeout().toString();
    }

    /** A comma-separated list as the collection of a multi-instance activity (no serialized variables). */
    public java.util.List<String> split(String csv) {
        return GlobalBackupVariables.split(csv);
    }

    /** Whether the nightly run takes the global backups before the WPAR backups. */
    public boolean before(Object order) {
        return GlobalBackupSettings.BEFORE.equals(order(order));
    }

    /** Whether the nightly run takes the global backups after the WPAR backups. */
    public boolean after(Object order) {
        return GlobalBackupSettings.AFTER.equals(order(order));
    }

    private String order(Object given) {
        return given == null ? settings.order() : given.toString().strip().toLowerCase(java.util.Locale.ROOT);
    }
}
