package dev.wparflow.process.backup.host;

import static dev.wparflow.process.backup.fleet.FleetBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.backup.BackupRunRepository;
import dev.wparflow.process.backup.BackupStepDelegate;
import dev.wparflow.process.backup.fleet.FleetBackupService;
import dev.wparflow.process.backup.fleet.FleetBackupVariables;

/** A lane takes the next pending WPAR of its host (none left: the lane ends). */
@Component
public class ClaimNextWparDelegate extends BackupStepDelegate {

    private final FleetBackupService fleet;

    public ClaimNextWparDelegate(FleetBackupService fleet) {
        this.fleet = fleet;
    }

    @Override
    protected void step(DelegateExecution e) {
        Object loopCounter = e.getVariable("loopCounter");
        String lane = lane(e.getProcessInstanceId(), s(e, HOST), loopCounter);
        int laneIndex = loopCounter instanceof Number n ? n.intValue() : 0;
        var item = fleet.claimNext(s(e, BACKUP_RUN_ID), s(e, HOST), lane, laneIndex);
        e.setVariable(ITEM_ID, item.map(BackupRunRepository.Item::id).orElse(null));
        e.setVariable(WPAR, item.map(BackupRunRepository.Item::wpar).orElse(null));
    }
}
