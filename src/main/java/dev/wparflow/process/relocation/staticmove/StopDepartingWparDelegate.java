package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Table 4-2 row 7: stop the WPAR if it is Active. */
@Component("stopDepartingWparDelegate")
public class StopDepartingWparDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public StopDepartingWparDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected boolean changesHost() {
        return true;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.stopIfActive(relocation(execution), departureToken(execution), origin(execution));
    }
}
