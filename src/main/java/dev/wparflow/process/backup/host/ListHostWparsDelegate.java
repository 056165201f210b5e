package dev.wparflow.process.backup.host;

import static dev.wparflow.process.backup.fleet.FleetBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import dev.wparflow.process.backup.BackupStepDelegate;
import dev.wparflow.process.backup.fleet.FleetBackupService;
import dev.wparflow.process.backup.fleet.FleetBackupVariables;
import dev.wparflow.process.backup.wpar.WparBackupService;
import dev.wparflow.process.backup.wpar.WparBackupVariables;

/**
 * Lists the system WPARs of a host (lswpar -c) as items of the run and reads the host's oslevel once for all of
 * them; a host that cannot be reached is recorded and gets no lanes.
 */
@Component
public class ListHostWparsDelegate extends BackupStepDelegate {

    private static final Logger log = LoggerFactory.getLogger(ListHostWparsDelegate.class);

    private final FleetBackupService fleet;
    private final WparBackupService backups;

    public ListHostWparsDelegate(FleetBackupService fleet, WparBackupService backups) {
        this.fleet = fleet;
        this.backups = backups;
    }

    @Override
    protected void step(DelegateExecution e) {
        int lanes = fleet.listHost(s(e, BACKUP_RUN_ID), s(e, HOST), i(e, PER_HOST));
        e.setVariable(LANE_COUNT, lanes);
        String oslevel = null;
        if (lanes > 0) {
            try {
                oslevel = backups.oslevel(WparBackupVariables.origin(e), s(e, HOST));
            } catch (RuntimeException failure) {
                // each WPAR's plan reads it again and fails there, with the WPAR named
                log.warn("oslevel of {} not read for its fleet backup: {}", s(e, HOST), failure.getMessage());
            }
        }
        e.setVariable(OSLEVEL, oslevel);
    }
}
