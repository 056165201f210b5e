package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Table 4-2 row 3: the WPAR does not exist on the arriving system. */
@Component("verifyAbsentOnArrivalDelegate")
public class VerifyAbsentOnArrivalDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public VerifyAbsentOnArrivalDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    void run(DelegateExecution execution) {
        service.verifyAbsentOnArrival(relocation(execution), origin(execution));
    }
}
