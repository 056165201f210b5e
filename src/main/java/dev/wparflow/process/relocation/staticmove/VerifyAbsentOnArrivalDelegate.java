package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Table 4-2 row 3: the WPAR does not exist on the arriving system. */
@Component("verifyAbsentOnArrivalDelegate")
public class VerifyAbsentOnArrivalDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public VerifyAbsentOnArrivalDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.verifyAbsentOnArrival(relocation(execution), origin(execution));
    }
}
