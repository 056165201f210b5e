package dev.wparflow.process.restore.clone;

import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import dev.wparflow.process.restore.RestoreVariables;
import dev.wparflow.process.restore.WparRestoreService;

/**
 * A clone that failed after restwpar started (restwpar failed or timed out, start or verify failed) leaves nothing
 * half-made: the new WPAR, if restwpar created it, is removed. Raises no business error (retry, then incident).
 */
@Component
public class RemovePartialCloneDelegate implements JavaDelegate {

    private final WparRestoreService restores;

    public RemovePartialCloneDelegate(WparRestoreService restores) {
        this.restores = restores;
    }

    @Override
    public void execute(DelegateExecution e) {
        addToFailureReason(e, restores.removePartialClone(origin(e), string(e, HOST), string(e, WPAR),
                string(e, BASE_DIRECTORY)));
    }
}
