package dev.wparflow.process.restore.drill;

import static dev.wparflow.process.restore.RestoreVariables.origin;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.restore.RestoreStepDelegate;
import dev.wparflow.process.restore.RestoreVariables;

/** Removes the scratch WPAR after its drill (stop -F, rmwpar), unless the clone refused before creating anything. */
@Component
public class RemoveScratchWparDelegate extends RestoreStepDelegate {

    private final RestoreDrillService drill;

    public RemoveScratchWparDelegate(RestoreDrillService drill) {
        this.drill = drill;
    }

    @Override
    protected void step(DelegateExecution e) {
        drill.removeScratch(origin(e), (String) e.getVariable("drillLpar"), (String) e.getVariable("scratchName"),
                (String) e.getVariable("cloneFailureCode"));
    }
}
