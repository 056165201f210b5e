package dev.wparflow.process.relocation.live;

import static dev.wparflow.process.relocation.live.LiveRelocationVariables.*;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.arrivalToken;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.origin;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.relocation;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;
import dev.wparflow.process.relocation.staticmove.StaticRelocationVariables;

/** Live: movewpar -k KEY NAME IP on the arriving system, detached (RB:4816). */
@Component("startMoveArrivalDelegate")
public class StartMoveArrivalDelegate extends RelocationStepDelegate {

    private final LiveRelocationService service;

    public StartMoveArrivalDelegate(LiveRelocationService service) {
        this.service = service;
    }

    @Override
    protected boolean changesHost() {
        return true;
    }

    @Override
    protected void run(DelegateExecution execution) {
        execution.setVariable(MOVE_RUN_ID, service.startArrival(relocation(execution), string(execution, CONNECTION_KEY),
                string(execution, DEPARTING_IP), Boolean.TRUE.equals(execution.getVariable(SYSTEM_WPAR)),
                arrivalToken(execution), origin(execution)));
    }
}
