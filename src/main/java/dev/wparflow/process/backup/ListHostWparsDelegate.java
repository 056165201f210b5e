package dev.wparflow.process.backup;

import static dev.wparflow.process.backup.FleetBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Lists the system WPARs of a host (lswpar -c) as items of the run; a host that cannot be reached is recorded and gets no lanes. */
@Component
public class ListHostWparsDelegate extends BackupStepDelegate {

    private final FleetBackupService fleet;

    public ListHostWparsDelegate(FleetBackupService fleet) {
        this.fleet = fleet;
    }

    @Override
    protected void step(DelegateExecution e) {
        e.setVariable(LANE_COUNT, fleet.listHost(s(e, BACKUP_RUN_ID), s(e, HOST), i(e, PER_HOST)));
    }

    private static String s(DelegateExecution e, String name) {
        return WparBackupVariables.string(e, name);
    }

    private static Integer i(DelegateExecution e, String name) {
        Object v = e.getVariable(name);
        return v == null ? null : v instanceof Number n ? n.intValue() : Integer.valueOf(v.toString());
    }
}
