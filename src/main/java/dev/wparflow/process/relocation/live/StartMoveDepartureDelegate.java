package dev.wparflow.process.relocation.live;

import static dev.wparflow.process.relocation.live.LiveRelocationVariables.*;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.departureToken;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.origin;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.relocation;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;
import dev.wparflow.process.relocation.staticmove.StaticRelocationVariables;

/** Live: movewpar -s on the departing system; its connection key (RB:4790). */
@Component("startMoveDepartureDelegate")
public class StartMoveDepartureDelegate extends RelocationStepDelegate {

    private final LiveRelocationService service;

    public StartMoveDepartureDelegate(LiveRelocationService service) {
        this.service = service;
    }

    @Override
    protected boolean changesHost() {
        return true;
    }

    @Override
    protected void run(DelegateExecution execution) {
        execution.setVariable(CONNECTION_KEY, service.startDeparture(relocation(execution), departureToken(execution),
                origin(execution)));
    }
}
