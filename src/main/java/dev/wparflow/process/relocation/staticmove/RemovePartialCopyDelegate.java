package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Rollback: remove the copy on the arriving system. */
@Component("removePartialCopyDelegate")
public class RemovePartialCopyDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public RemovePartialCopyDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.removePartialCopy(relocation(execution), arrivalToken(execution), origin(execution));
    }
}
