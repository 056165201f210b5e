package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Table 4-2 row 15: unlock on the arriving system. */
@Component("unlockArrivingWparDelegate")
public class UnlockArrivingWparDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public UnlockArrivingWparDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    void run(DelegateExecution execution) {
        service.unlockArrival(relocation(execution), arrivalToken(execution), origin(execution));
    }
}
