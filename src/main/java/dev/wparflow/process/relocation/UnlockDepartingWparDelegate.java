package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Table 4-2 row 16: unlock on the departing system. */
@Component("unlockDepartingWparDelegate")
public class UnlockDepartingWparDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public UnlockDepartingWparDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    void run(DelegateExecution execution) {
        service.unlockDeparture(relocation(execution), departureToken(execution), origin(execution));
    }
}
