package dev.wparflow.process.restore;

import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The restwpar run exited 0 and created the WPAR. */
@Component
public class CheckRestwparRunDelegate extends RestoreStepDelegate {

    private final WparRestoreService restores;

    public CheckRestwparRunDelegate(WparRestoreService restores) {
        this.restores = restores;
    }

    @Override
    protected void step(DelegateExecution e) {
        restores.checkRestored(string(e, HOST), string(e, WPAR), string(e, RESTORE_RUN_ID));
    }
}
