package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.LiveRelocationVariables.*;
import static dev.wparflow.process.relocation.StaticRelocationVariables.departureToken;
import static dev.wparflow.process.relocation.StaticRelocationVariables.arrivalToken;
import static dev.wparflow.process.relocation.StaticRelocationVariables.origin;
import static dev.wparflow.process.relocation.StaticRelocationVariables.relocation;
import static dev.wparflow.process.relocation.StaticRelocationVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Live, system WPAR: spec file from the departing system, mkwpar -p -f on the arriving one (RB:4751-4757). */
@Component("prestageArrivingWparDelegate")
public class PrestageArrivingWparDelegate extends RelocationStepDelegate {

    private final LiveRelocationService service;

    public PrestageArrivingWparDelegate(LiveRelocationService service) {
        this.service = service;
    }

    @Override
    boolean changesHost() {
        return true;
    }

    @Override
    void run(DelegateExecution execution) {
        service.prepareArrival(relocation(execution), departureToken(execution), arrivalToken(execution),
                origin(execution));
    }
}
