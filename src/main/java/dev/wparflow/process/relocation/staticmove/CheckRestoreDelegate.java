package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** After the restore run: it must have succeeded. */
@Component("checkRestoreDelegate")
public class CheckRestoreDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public CheckRestoreDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.checkRestore(relocation(execution), string(execution, RESTORE_RUN_ID), arrivalToken(execution),
                origin(execution));
    }
}
