package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.LiveRelocationVariables.*;
import static dev.wparflow.process.relocation.StaticRelocationVariables.ARRIVAL_TOKEN;
import static dev.wparflow.process.relocation.StaticRelocationVariables.DEPARTURE_TOKEN;
import static dev.wparflow.process.relocation.StaticRelocationVariables.origin;
import static dev.wparflow.process.relocation.StaticRelocationVariables.relocation;
import static dev.wparflow.process.relocation.StaticRelocationVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Live: Active and checkpointable on departure, absent on arrival, both leases. */
@Component("verifyLiveDepartureDelegate")
public class VerifyLiveDepartureDelegate extends RelocationStepDelegate {

    private final LiveRelocationService service;

    public VerifyLiveDepartureDelegate(LiveRelocationService service) {
        this.service = service;
    }

    @Override
    boolean changesHost() {
        return true;
    }

    @Override
    void run(DelegateExecution execution) {
        LiveRelocationService.LiveDeparture departure = service.verifyAndLock(relocation(execution),
                origin(execution));
        execution.setVariable(SYSTEM_WPAR, departure.systemWpar());
        execution.setVariable(DEPARTURE_TOKEN, departure.departureToken());
        execution.setVariable(ARRIVAL_TOKEN, departure.arrivalToken());
    }
}
