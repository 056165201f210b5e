package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.LiveRelocationVariables.*;
import static dev.wparflow.process.relocation.StaticRelocationVariables.origin;
import static dev.wparflow.process.relocation.StaticRelocationVariables.relocation;
import static dev.wparflow.process.relocation.StaticRelocationVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Live: movewpar -k exited 0; Active on arrival, Defined on departure (Figure 4-2). */
@Component("checkMoveDelegate")
public class CheckMoveDelegate extends RelocationStepDelegate {

    private final LiveRelocationService service;

    public CheckMoveDelegate(LiveRelocationService service) {
        this.service = service;
    }

    @Override
    void run(DelegateExecution execution) {
        service.checkMove(relocation(execution), string(execution, MOVE_RUN_ID), origin(execution));
    }
}
