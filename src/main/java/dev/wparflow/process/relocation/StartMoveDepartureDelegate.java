package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.LiveRelocationVariables.*;
import static dev.wparflow.process.relocation.StaticRelocationVariables.departureToken;
import static dev.wparflow.process.relocation.StaticRelocationVariables.origin;
import static dev.wparflow.process.relocation.StaticRelocationVariables.relocation;
import static dev.wparflow.process.relocation.StaticRelocationVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Live: movewpar -s on the departing system; its connection key (RB:4790). */
@Component("startMoveDepartureDelegate")
public class StartMoveDepartureDelegate extends RelocationStepDelegate {

    private final LiveRelocationService service;

    public StartMoveDepartureDelegate(LiveRelocationService service) {
        this.service = service;
    }

    @Override
    boolean changesHost() {
        return true;
    }

    @Override
    void run(DelegateExecution execution) {
        execution.setVariable(CONNECTION_KEY, service.startDeparture(relocation(execution), departureToken(execution),
                origin(execution)));
    }
}
