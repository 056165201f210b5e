package dev.wparflow.process.backup;

import java.util.List;

/**
 * Where the fleet backup finds hosts and their system WPARs. For now {@link LiveBackupTargets} asks each host
 * with {@code lswpar -c}; the inventory (dev.wparflow.inventory) can implement this interface later from its
 * discovered data and replace that bean.
 */
public interface BackupTargets {

    /** Every host (global environment) a fleet backup of scope "all" covers. */
    List<String> hosts();

    /** The system WPARs of one host; a host that cannot be reached throws (the run records it as failed). */
    List<String> systemWpars(String host);
}
