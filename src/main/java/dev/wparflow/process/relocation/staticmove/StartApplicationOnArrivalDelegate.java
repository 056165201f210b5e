package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Table 4-3 row 8: start the application WPAR on the arriving system from the departing spec (wparexec -f). */
@Component("startApplicationOnArrivalDelegate")
public class StartApplicationOnArrivalDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public StartApplicationOnArrivalDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected boolean changesHost() {
        return true;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.startApplicationOnArrival(relocation(execution), arrivalToken(execution), origin(execution));
    }
}
