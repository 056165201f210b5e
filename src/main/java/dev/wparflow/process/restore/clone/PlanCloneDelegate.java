package dev.wparflow.process.restore.clone;

import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dev.wparflow.process.backup.BackupRefusal;
import dev.wparflow.process.restore.RestoreStepDelegate;
import dev.wparflow.process.restore.RestoreVariables;
import dev.wparflow.process.restore.WparRestoreService;

/** Checks image (golden unless allowNonGolden), name, hostname, address and volume group on the target, then locks the new name. */
@Component
public class PlanCloneDelegate extends RestoreStepDelegate {

    private final WparRestoreService restores;

    public PlanCloneDelegate(WparRestoreService restores) {
        this.restores = restores;
    }

    @Override
    protected void step(DelegateExecution e) {
        String host = string(e, HOST);
        String name = string(e, WPAR);
        if (host == null || name == null || string(e, IMAGE_ID) == null) {
            throw new BackupRefusal("INVALID_REQUEST", "host, wpar (the new name) and imageId are required");
        }
        WparRestoreService.ClonePlan plan = restores.planClone(origin(e), host, string(e, IMAGE_ID), name,
                string(e, HOSTNAME), string(e, ADDRESS), string(e, VOLUME_GROUP), flag(e, ALLOW_NON_GOLDEN));
        restores.lock(origin(e), host, name, "WparCloneProcess");
        e.setVariable(IMAGE_PATH, plan.image().path());
        e.setVariable(EXPECTED_HOSTNAME, plan.identity().hostname());
        e.setVariable(EXPECTED_ADDRESS, plan.identity().address());
        e.setVariable(BASE_DIRECTORY, string(e, BASE_DIRECTORY) != null ? string(e, BASE_DIRECTORY) : "/wpars/" + name);
        e.setVariable(EDIT_IMAGE_DATA, plan.editImageData());
    }
}
