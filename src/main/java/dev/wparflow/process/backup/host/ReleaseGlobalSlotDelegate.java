package dev.wparflow.process.backup.host;

import static dev.wparflow.process.backup.fleet.FleetBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.backup.BackupStepDelegate;
import dev.wparflow.process.backup.fleet.FleetBackupService;
import dev.wparflow.process.backup.fleet.FleetBackupVariables;

/** Gives the global slot of the lane back after its backup. */
@Component
public class ReleaseGlobalSlotDelegate extends BackupStepDelegate {

    private final FleetBackupService fleet;

    public ReleaseGlobalSlotDelegate(FleetBackupService fleet) {
        this.fleet = fleet;
    }

    @Override
    protected void step(DelegateExecution e) {
        fleet.releaseGlobalSlot(lane(e.getProcessInstanceId(), s(e, HOST), e.getVariable("loopCounter")));
        e.setVariable(SLOT, null);
    }
}
