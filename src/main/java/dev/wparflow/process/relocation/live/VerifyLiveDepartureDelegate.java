package dev.wparflow.process.relocation.live;

import static dev.wparflow.process.relocation.live.LiveRelocationVariables.*;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.ARRIVAL_TOKEN;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.DEPARTURE_TOKEN;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.origin;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.relocation;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;
import dev.wparflow.process.relocation.staticmove.StaticRelocationVariables;

/** Live: Active and checkpointable on departure, absent on arrival, both leases. */
@Component("verifyLiveDepartureDelegate")
public class VerifyLiveDepartureDelegate extends RelocationStepDelegate {

    private final LiveRelocationService service;

    public VerifyLiveDepartureDelegate(LiveRelocationService service) {
        this.service = service;
    }

    @Override
    protected boolean changesHost() {
        return true;
    }

    @Override
    protected void run(DelegateExecution execution) {
        LiveRelocationService.LiveDeparture departure = service.verifyAndLock(relocation(execution),
                origin(execution));
        execution.setVariable(SYSTEM_WPAR, departure.systemWpar());
        execution.setVariable(DEPARTURE_TOKEN, departure.departureToken());
        execution.setVariable(ARRIVAL_TOKEN, departure.arrivalToken());
    }
}
