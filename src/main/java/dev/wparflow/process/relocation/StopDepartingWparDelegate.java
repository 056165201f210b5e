package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Table 4-2 row 7: stop the WPAR if it is Active. */
@Component("stopDepartingWparDelegate")
public class StopDepartingWparDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public StopDepartingWparDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    boolean changesHost() {
        return true;
    }

    @Override
    void run(DelegateExecution execution) {
        service.stopIfActive(relocation(execution), departureToken(execution), origin(execution));
    }
}
