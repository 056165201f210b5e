package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** The save run timed out: cancel it on its host. */
@Component("cancelSaveRunDelegate")
public class CancelSaveRunDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public CancelSaveRunDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.cancelRun(string(execution, SAVE_RUN_ID), origin(execution));
    }
}
