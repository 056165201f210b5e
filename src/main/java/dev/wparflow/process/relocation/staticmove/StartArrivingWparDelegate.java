package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Table 4-2 row 10: start the WPAR that was originally Active. */
@Component("startArrivingWparDelegate")
public class StartArrivingWparDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public StartArrivingWparDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected boolean changesHost() {
        return true;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.startOnArrival(relocation(execution), arrivalToken(execution), origin(execution));
    }
}
