package dev.wparflow.process.restore;

import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** startwpar, unless Active already (a retry). */
@Component
public class StartRestoredWparDelegate extends RestoreStepDelegate {

    private final WparRestoreService restores;

    public StartRestoredWparDelegate(WparRestoreService restores) {
        this.restores = restores;
    }

    @Override
    protected void step(DelegateExecution e) {
        restores.start(origin(e), string(e, HOST), string(e, WPAR));
    }
}
