package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.LiveRelocationVariables.*;
import static dev.wparflow.process.relocation.StaticRelocationVariables.departureToken;
import static dev.wparflow.process.relocation.StaticRelocationVariables.arrivalToken;
import static dev.wparflow.process.relocation.StaticRelocationVariables.origin;
import static dev.wparflow.process.relocation.StaticRelocationVariables.relocation;
import static dev.wparflow.process.relocation.StaticRelocationVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Live, abort path: movewpar -x on both sides, the pre-staged copy removed, Active where it was (RB:4837). */
@Component("abortMoveDelegate")
public class AbortMoveDelegate extends RelocationStepDelegate {

    private final LiveRelocationService service;

    public AbortMoveDelegate(LiveRelocationService service) {
        this.service = service;
    }

    @Override
    void run(DelegateExecution execution) {
        execution.setVariable(DEPARTURE_STATE, service.abort(relocation(execution), string(execution, MOVE_RUN_ID),
                departureToken(execution), arrivalToken(execution), origin(execution)).word());
    }
}
