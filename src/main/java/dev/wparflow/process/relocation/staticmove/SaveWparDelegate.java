package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Table 4-2 row 8: savewpar to the shared repository, detached. */
@Component("saveWparDelegate")
public class SaveWparDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public SaveWparDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected boolean changesHost() {
        return true;
    }

    @Override
    protected void run(DelegateExecution execution) {
        execution.setVariable(SAVE_RUN_ID, service.startSave(relocation(execution), departureToken(execution),
                origin(execution)));
    }
}
