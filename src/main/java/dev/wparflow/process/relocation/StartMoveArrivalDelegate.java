package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.LiveRelocationVariables.*;
import static dev.wparflow.process.relocation.StaticRelocationVariables.arrivalToken;
import static dev.wparflow.process.relocation.StaticRelocationVariables.origin;
import static dev.wparflow.process.relocation.StaticRelocationVariables.relocation;
import static dev.wparflow.process.relocation.StaticRelocationVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Live: movewpar -k KEY NAME IP on the arriving system, detached (RB:4816). */
@Component("startMoveArrivalDelegate")
public class StartMoveArrivalDelegate extends RelocationStepDelegate {

    private final LiveRelocationService service;

    public StartMoveArrivalDelegate(LiveRelocationService service) {
        this.service = service;
    }

    @Override
    boolean changesHost() {
        return true;
    }

    @Override
    void run(DelegateExecution execution) {
        execution.setVariable(MOVE_RUN_ID, service.startArrival(relocation(execution), string(execution, CONNECTION_KEY),
                string(execution, DEPARTING_IP), Boolean.TRUE.equals(execution.getVariable(SYSTEM_WPAR)),
                arrivalToken(execution), origin(execution)));
    }
}
