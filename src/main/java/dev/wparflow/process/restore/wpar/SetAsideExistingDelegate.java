package dev.wparflow.process.restore.wpar;

import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.restore.RestoreStepDelegate;
import dev.wparflow.process.restore.RestoreVariables;
import dev.wparflow.process.restore.WparRestoreService;

/** Stops (force) and removes or renames the WPAR the restore replaces, as requested. */
@Component
public class SetAsideExistingDelegate extends RestoreStepDelegate {

    private final WparRestoreService restores;

    public SetAsideExistingDelegate(WparRestoreService restores) {
        this.restores = restores;
    }

    @Override
    protected boolean needsApprovedChange() {
        return true;
    }

    @Override
    protected void step(DelegateExecution e) {
        restores.setAsideExisting(origin(e), string(e, HOST), string(e, WPAR),
                WparRestoreService.Existing.of(string(e, EXISTING)), string(e, RENAME_TO));
        e.setVariable(SET_ASIDE, true);
    }
}
