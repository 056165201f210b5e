package dev.wparflow.process.restore.wpar;

import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import dev.wparflow.process.restore.RestoreVariables;
import dev.wparflow.process.restore.WparRestoreService;

/**
 * Rollback of a failed restore, first step: removes what restwpar left under the WPAR's name and decides what follows
 * (rename the original back, or report the WPAR absent with the image to restore from). A rollback step raises no
 * business error: it retries, then stops as an incident that says where the original is.
 */
@Component
public class RemovePartialRestoreDelegate implements JavaDelegate {

    private final WparRestoreService restores;

    public RemovePartialRestoreDelegate(WparRestoreService restores) {
        this.restores = restores;
    }

    @Override
    public void execute(DelegateExecution e) {
        WparRestoreService.PartialRemoval r = restores.removePartialRestore(origin(e), string(e, HOST), string(e, WPAR),
                WparRestoreService.Existing.of(string(e, EXISTING)), string(e, RENAME_TO), string(e, EXISTING_STATE),
                string(e, EXPECTED_DIRECTORY), string(e, IMAGE_ID), string(e, IMAGE_PATH));
        e.setVariable(ROLLBACK, r.next().name());
        addToFailureReason(e, r.note());
    }
}
