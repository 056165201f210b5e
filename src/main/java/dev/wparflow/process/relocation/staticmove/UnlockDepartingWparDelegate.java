package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Table 4-2 row 16: unlock on the departing system. */
@Component("unlockDepartingWparDelegate")
public class UnlockDepartingWparDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public UnlockDepartingWparDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.unlockDeparture(relocation(execution), departureToken(execution), origin(execution));
    }
}
