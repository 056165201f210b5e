package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.LiveRelocationVariables.*;
import static dev.wparflow.process.relocation.StaticRelocationVariables.origin;
import static dev.wparflow.process.relocation.StaticRelocationVariables.relocation;
import static dev.wparflow.process.relocation.StaticRelocationVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Live: the departing copy removed (file systems preserved), the spec file, the inventory. */
@Component("cleanUpDepartureDelegate")
public class CleanUpDepartureDelegate extends RelocationStepDelegate {

    private final LiveRelocationService service;

    public CleanUpDepartureDelegate(LiveRelocationService service) {
        this.service = service;
    }

    @Override
    void run(DelegateExecution execution) {
        service.cleanUpDeparture(relocation(execution), origin(execution));
    }
}
