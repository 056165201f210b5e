package dev.wparflow.process.restore.wpar;

import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import dev.wparflow.process.restore.RestoreVariables;
import dev.wparflow.process.restore.WparRestoreService;

/** Rollback of a failed restore: the original, renamed aside, gets its name back (chwpar -n). */
@Component
public class RenameOriginalBackDelegate implements JavaDelegate {

    private final WparRestoreService restores;

    public RenameOriginalBackDelegate(WparRestoreService restores) {
        this.restores = restores;
    }

    @Override
    public void execute(DelegateExecution e) {
        addToFailureReason(e, restores.renameBack(origin(e), string(e, HOST), string(e, WPAR), string(e, RENAME_TO)));
    }
}
