package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Rollback: remove the copy on the arriving system. */
@Component("removePartialCopyDelegate")
public class RemovePartialCopyDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public RemovePartialCopyDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    void run(DelegateExecution execution) {
        service.removePartialCopy(relocation(execution), arrivalToken(execution), origin(execution));
    }
}
