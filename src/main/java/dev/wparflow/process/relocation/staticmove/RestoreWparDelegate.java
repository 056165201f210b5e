package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Table 4-2 row 9: restwpar on the arriving system, detached. */
@Component("restoreWparDelegate")
public class RestoreWparDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public RestoreWparDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected boolean changesHost() {
        return true;
    }

    @Override
    protected void run(DelegateExecution execution) {
        execution.setVariable(RESTORE_RUN_ID, service.startRestore(relocation(execution), origin(execution)));
    }
}
