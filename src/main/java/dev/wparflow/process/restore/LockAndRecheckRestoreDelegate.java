package dev.wparflow.process.restore;

import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** After approval: takes the WPAR's lease and repeats the checks (the host may have changed meanwhile). */
@Component
public class LockAndRecheckRestoreDelegate extends RestoreStepDelegate {

    private final WparRestoreService restores;

    public LockAndRecheckRestoreDelegate(WparRestoreService restores) {
        this.restores = restores;
    }

    @Override
    protected void step(DelegateExecution e) {
        String host = string(e, HOST);
        String wpar = string(e, WPAR);
        restores.lock(origin(e), host, wpar, "WparRestoreProcess");
        WparRestoreService.RestorePlan plan = restores.planRestore(origin(e), host, wpar, string(e, IMAGE_ID), null,
                WparRestoreService.Existing.of(string(e, EXISTING)), string(e, RENAME_TO));
        e.setVariable(IMAGE_PATH, plan.image().path());
        e.setVariable(EXPECTED_DIRECTORY, plan.directory());
        e.setVariable(EXISTING_STATE, plan.existing() == null ? null : plan.existing().state().name());
    }
}
