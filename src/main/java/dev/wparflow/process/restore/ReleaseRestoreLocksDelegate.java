package dev.wparflow.process.restore;

import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Releases every lease of the instance, success or failure. */
@Component
public class ReleaseRestoreLocksDelegate extends RestoreStepDelegate {

    private final WparRestoreService restores;

    public ReleaseRestoreLocksDelegate(WparRestoreService restores) {
        this.restores = restores;
    }

    @Override
    protected void step(DelegateExecution e) {
        restores.releaseLocks(e.getProcessInstanceId());
    }
}
