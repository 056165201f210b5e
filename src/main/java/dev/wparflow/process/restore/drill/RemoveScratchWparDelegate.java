package dev.wparflow.process.restore.drill;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.restore.drill.RestoreDrillVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.restore.RestoreStepDelegate;

/** Removes the scratch WPAR after its drill (stop -F, rmwpar), unless the clone refused before creating anything. */
@Component
public class RemoveScratchWparDelegate extends RestoreStepDelegate {

    private final RestoreDrillService drill;

    public RemoveScratchWparDelegate(RestoreDrillService drill) {
        this.drill = drill;
    }

    @Override
    protected void step(DelegateExecution e) {
        drill.removeScratch(origin(e), DRILL_LPAR.get(e), SCRATCH_NAME.get(e), CLONE_FAILURE_CODE.get(e));
    }
}
