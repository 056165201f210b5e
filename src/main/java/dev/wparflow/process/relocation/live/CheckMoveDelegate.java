package dev.wparflow.process.relocation.live;

import static dev.wparflow.process.relocation.live.LiveRelocationVariables.*;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.origin;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.relocation;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;
import dev.wparflow.process.relocation.staticmove.StaticRelocationVariables;

/** Live: movewpar -k exited 0; Active on arrival, Defined on departure (Figure 4-2). */
@Component("checkMoveDelegate")
public class CheckMoveDelegate extends RelocationStepDelegate {

    private final LiveRelocationService service;

    public CheckMoveDelegate(LiveRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.checkMove(relocation(execution), string(execution, MOVE_RUN_ID), origin(execution));
    }
}
