package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Rollback: the departing WPAR back in the state it had. */
@Component("restoreDepartingWparDelegate")
public class RestoreDepartingWparDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public RestoreDepartingWparDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        execution.setVariable(DEPARTURE_STATE, service.restoreOnDeparture(relocation(execution),
                departureToken(execution), wasActive(execution), applicationWpar(execution), origin(execution)).code());
    }
}
