package dev.wparflow.process.backup.fleet;

import static dev.wparflow.process.backup.fleet.FleetBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.backup.BackupStepDelegate;

/** Resolves the scope to hosts and opens the run (wparflow_backup_run). */
@Component
public class PlanFleetBackupDelegate extends BackupStepDelegate {

    private final FleetBackupService fleet;

    public PlanFleetBackupDelegate(FleetBackupService fleet) {
        this.fleet = fleet;
    }

    @Override
    protected void step(DelegateExecution e) {
        FleetBackupService.Planned p = fleet.plan(e.getProcessInstanceId(), s(e, SCOPE),
                e.getVariable(SCOPE) == null ? "schedule" : "on-demand", i(e, PER_HOST), i(e, GLOBAL_LIMIT));
        e.setVariable(BACKUP_RUN_ID, p.runId());
        e.setVariable(HOSTS, String.join(",", p.hosts()));
        e.setVariable(PER_HOST, p.perHost());
        e.setVariable(GLOBAL_LIMIT, p.globalLimit());
    }
}
