package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Table 4-2 row 15: unlock on the arriving system. */
@Component("unlockArrivingWparDelegate")
public class UnlockArrivingWparDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public UnlockArrivingWparDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.unlockArrival(relocation(execution), arrivalToken(execution), origin(execution));
    }
}
