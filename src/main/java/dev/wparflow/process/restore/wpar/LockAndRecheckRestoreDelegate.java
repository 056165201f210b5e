package dev.wparflow.process.restore.wpar;

import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.restore.RestoreStepDelegate;
import dev.wparflow.process.restore.RestoreVariables;
import dev.wparflow.process.restore.WparRestoreService;

/**
 * After approval: takes the WPAR's lease (and, with existing=rename, the lease of the name it is renamed to) and repeats
 * the checks (the host may have changed meanwhile).
 */
@Component
public class LockAndRecheckRestoreDelegate extends RestoreStepDelegate {

    private final WparRestoreService restores;

    public LockAndRecheckRestoreDelegate(WparRestoreService restores) {
        this.restores = restores;
    }

    @Override
    protected boolean needsApprovedChange() {
        return true;
    }

    @Override
    protected void step(DelegateExecution e) {
        String host = string(e, HOST);
        String wpar = string(e, WPAR);
        WparRestoreService.Existing existing = WparRestoreService.Existing.of(string(e, EXISTING));
        restores.lock(origin(e), host, wpar, "WparRestoreProcess");
        if (existing == WparRestoreService.Existing.RENAME && string(e, RENAME_TO) != null) {
            // the original waits under this name until the restore is verified or rolled back: nobody else's meanwhile
            restores.lock(origin(e), host, dev.wparflow.aix.WparName.of(string(e, RENAME_TO)).value(),
                    "WparRestoreProcess (renamed aside)");
        }
        WparRestoreService.RestorePlan plan = restores.planRestore(origin(e), host, wpar, string(e, IMAGE_ID), null,
                existing, string(e, RENAME_TO));
        e.setVariable(IMAGE_PATH, plan.image().path());
        e.setVariable(EXPECTED_DIRECTORY, plan.directory());
        e.setVariable(EXISTING_STATE, plan.existing() == null ? null : plan.existing().state().name());
    }
}
