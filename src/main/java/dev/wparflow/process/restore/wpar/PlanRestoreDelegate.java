package dev.wparflow.process.restore.wpar;

import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dev.wparflow.process.Operation;
import dev.wparflow.process.backup.BackupRefusal;
import dev.wparflow.process.restore.RestoreStepDelegate;
import dev.wparflow.process.restore.RestoreVariables;
import dev.wparflow.process.restore.WparRestoreService;

/** Chooses the image, checks it on the host, checks name, hostname and address; the request for approval. */
@Component
public class PlanRestoreDelegate extends RestoreStepDelegate {

    private final WparRestoreService restores;

    public PlanRestoreDelegate(WparRestoreService restores) {
        this.restores = restores;
    }

    @Override
    protected void step(DelegateExecution e) {
        String host = string(e, HOST);
        String wpar = string(e, WPAR);
        // the requester of the approval: who started the restore, as the engine recorded it (never a variable)
        String requester = Operation.startedBy(e);
        if (host == null || wpar == null || requester == null) {
            throw new BackupRefusal("INVALID_REQUEST", "host, wpar and an authenticated starter are required");
        }
        e.setVariable(REQUESTER, requester);
        WparRestoreService.RestorePlan plan = restores.planRestore(origin(e), host, wpar, string(e, IMAGE_ID),
                string(e, SOURCE_LPAR), WparRestoreService.Existing.of(string(e, EXISTING)), string(e, RENAME_TO));
        e.setVariable(IMAGE_ID, plan.image().id());
        e.setVariable(IMAGE_PATH, plan.image().path());
        e.setVariable(EXPECTED_HOSTNAME, plan.identity().hostname());
        e.setVariable(EXPECTED_ADDRESS, plan.identity().address());
        e.setVariable(EXPECTED_DIRECTORY, plan.directory());
        e.setVariable(SUMMARY, "Restore " + wpar + " on " + host + " from image " + plan.image().id());
        e.setVariable(PLAN, plan.describe(host, flag(e, START)));
    }
}
