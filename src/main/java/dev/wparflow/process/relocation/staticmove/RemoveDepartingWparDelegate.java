package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Table 4-2 row 14: remove the WPAR from the departing system. */
@Component("removeDepartingWparDelegate")
public class RemoveDepartingWparDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public RemoveDepartingWparDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.removeFromDeparture(relocation(execution), departureToken(execution), origin(execution));
    }
}
