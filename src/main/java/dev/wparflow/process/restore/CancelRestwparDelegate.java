package dev.wparflow.process.restore;

import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * restwpar ran past wparflow.backup.restore-timeout: cancels the run and fails with RESTORE_TIMEOUT; a run that exited
 * meanwhile is left to the check that follows.
 */
@Component
public class CancelRestwparDelegate extends RestoreStepDelegate {

    private final WparRestoreService restores;
    private final RestoreSettings settings;

    public CancelRestwparDelegate(WparRestoreService restores, RestoreSettings settings) {
        this.restores = restores;
        this.settings = settings;
    }

    @Override
    protected void step(DelegateExecution e) {
        restores.cancelTimedOut(origin(e), string(e, HOST), string(e, WPAR), string(e, RESTORE_RUN_ID),
                settings.restoreTimeout());
    }
}
