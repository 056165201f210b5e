package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** After the save run: it must have succeeded. */
@Component("checkSaveDelegate")
public class CheckSaveDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public CheckSaveDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.checkSave(relocation(execution), string(execution, SAVE_RUN_ID), departureToken(execution),
                origin(execution));
    }
}
