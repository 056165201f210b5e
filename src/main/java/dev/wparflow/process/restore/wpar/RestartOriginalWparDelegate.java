package dev.wparflow.process.restore.wpar;

import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import dev.wparflow.process.restore.RestoreVariables;
import dev.wparflow.process.restore.WparRestoreService;

/** Rollback of a failed restore: the original, back under its name, is started again (it was Active). */
@Component
public class RestartOriginalWparDelegate implements JavaDelegate {

    private final WparRestoreService restores;

    public RestartOriginalWparDelegate(WparRestoreService restores) {
        this.restores = restores;
    }

    @Override
    public void execute(DelegateExecution e) {
        addToFailureReason(e, restores.restartOriginal(origin(e), string(e, HOST), string(e, WPAR)));
    }
}
