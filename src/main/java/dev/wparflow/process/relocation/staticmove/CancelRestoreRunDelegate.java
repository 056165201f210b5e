package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** The restore run timed out: cancel it on its host. */
@Component("cancelRestoreRunDelegate")
public class CancelRestoreRunDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public CancelRestoreRunDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.cancelRun(string(execution, RESTORE_RUN_ID), origin(execution));
    }
}
