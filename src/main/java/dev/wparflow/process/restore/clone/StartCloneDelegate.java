package dev.wparflow.process.restore.clone;

import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.restore.RestoreStepDelegate;
import dev.wparflow.process.restore.RestoreVariables;
import dev.wparflow.process.restore.WparRestoreService;

/**
 * restwpar -n -h -d [-i] -M '-N address=' -U -f IMAGE, detached (RB:3975); the model waits at a timer the run watcher
 * makes due when the run ends (RemoteRunWait).
 */
@Component
public class StartCloneDelegate extends RestoreStepDelegate {

    private final WparRestoreService restores;

    public StartCloneDelegate(WparRestoreService restores) {
        this.restores = restores;
    }

    @Override
    protected void step(DelegateExecution e) {
        e.setVariable(RESTORE_RUN_ID, restores.startRestore(origin(e), string(e, HOST),
                restores.chooseImage(string(e, IMAGE_ID), null, null), string(e, WPAR), string(e, EXPECTED_HOSTNAME),
                string(e, EXPECTED_ADDRESS), string(e, BASE_DIRECTORY), string(e, IMAGE_DATA_FILE)));
    }
}
