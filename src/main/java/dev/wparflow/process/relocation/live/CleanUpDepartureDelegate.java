package dev.wparflow.process.relocation.live;

import static dev.wparflow.process.relocation.live.LiveRelocationVariables.*;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.origin;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.relocation;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;
import dev.wparflow.process.relocation.staticmove.StaticRelocationVariables;

/** Live: the departing copy removed (file systems preserved), the spec file, the inventory. */
@Component("cleanUpDepartureDelegate")
public class CleanUpDepartureDelegate extends RelocationStepDelegate {

    private final LiveRelocationService service;

    public CleanUpDepartureDelegate(LiveRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.cleanUpDeparture(relocation(execution), origin(execution));
    }
}
