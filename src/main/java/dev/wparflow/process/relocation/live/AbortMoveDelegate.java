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

/** Live, abort path: movewpar -x on both sides, the pre-staged copy removed, Active where it was (RB:4837). */
@Component("abortMoveDelegate")
public class AbortMoveDelegate extends RelocationStepDelegate {

    private final LiveRelocationService service;

    public AbortMoveDelegate(LiveRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        execution.setVariable(DEPARTURE_STATE, service.abort(relocation(execution), string(execution, MOVE_RUN_ID),
                departureToken(execution), arrivalToken(execution), origin(execution)).word());
    }
}
