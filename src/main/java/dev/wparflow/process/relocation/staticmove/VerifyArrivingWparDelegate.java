package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Table 4-2 row 11: Active on arrival if it was Active (Defined if it was Defined). */
@Component("verifyArrivingWparDelegate")
public class VerifyArrivingWparDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public VerifyArrivingWparDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.verifyOnArrival(relocation(execution), wasActive(execution), origin(execution));
    }
}
