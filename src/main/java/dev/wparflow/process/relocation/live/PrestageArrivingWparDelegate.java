package dev.wparflow.process.relocation.live;

import static dev.wparflow.process.relocation.live.LiveRelocationVariables.*;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.departureToken;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.arrivalToken;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.origin;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.relocation;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;
import dev.wparflow.process.relocation.staticmove.StaticRelocationVariables;

/** Live, system WPAR: spec file from the departing system, mkwpar -p -f on the arriving one (RB:4751-4757). */
@Component("prestageArrivingWparDelegate")
public class PrestageArrivingWparDelegate extends RelocationStepDelegate {

    private final LiveRelocationService service;

    public PrestageArrivingWparDelegate(LiveRelocationService service) {
        this.service = service;
    }

    @Override
    protected boolean changesHost() {
        return true;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.prepareArrival(relocation(execution), departureToken(execution), arrivalToken(execution),
                origin(execution));
    }
}
