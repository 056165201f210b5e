package dev.wparflow.process.backup.host;

import static dev.wparflow.process.backup.fleet.FleetBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.backup.BackupStepDelegate;
import dev.wparflow.process.backup.fleet.FleetBackupService;
import dev.wparflow.process.backup.fleet.FleetBackupVariables;

/** Takes one of wparflow.backup.global-limit slots (lease locks) before a lane starts a backup. */
@Component
public class AcquireGlobalSlotDelegate extends BackupStepDelegate {

    private final FleetBackupService fleet;

    public AcquireGlobalSlotDelegate(FleetBackupService fleet) {
        this.fleet = fleet;
    }

    @Override
    protected void step(DelegateExecution e) {
        String lane = lane(e.getProcessInstanceId(), s(e, HOST), e.getVariable("loopCounter"));
        e.setVariable(SLOT, fleet.acquireGlobalSlot(i(e, GLOBAL_LIMIT), lane));
    }
}
