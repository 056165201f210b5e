package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Table 4-2 row 8: savewpar to the shared repository, detached. */
@Component("saveWparDelegate")
public class SaveWparDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public SaveWparDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    boolean changesHost() {
        return true;
    }

    @Override
    void run(DelegateExecution execution) {
        execution.setVariable(SAVE_RUN_ID, service.startSave(relocation(execution), departureToken(execution),
                origin(execution)));
    }
}
