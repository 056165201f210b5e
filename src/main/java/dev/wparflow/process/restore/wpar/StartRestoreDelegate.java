package dev.wparflow.process.restore.wpar;

import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.restore.RestoreStepDelegate;
import dev.wparflow.process.restore.RestoreVariables;
import dev.wparflow.process.restore.WparRestoreService;

/** restwpar -f IMAGE, detached; the model waits at a timer the run watcher makes due when it ends (RemoteRunWait). */
@Component
public class StartRestoreDelegate extends RestoreStepDelegate {

    private final WparRestoreService restores;

    public StartRestoreDelegate(WparRestoreService restores) {
        this.restores = restores;
    }

    @Override
    protected boolean needsApprovedChange() {
        return true;
    }

    @Override
    protected void step(DelegateExecution e) {
        e.setVariable(RESTORE_RUN_ID, restores.startRestore(origin(e), string(e, HOST),
                restores.chooseImage(string(e, IMAGE_ID), null, null), null, null, null, null, null));
    }
}
