package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Table 4-3 row 8: start the application WPAR on the arriving system from the departing spec (wparexec -f). */
@Component("startApplicationOnArrivalDelegate")
public class StartApplicationOnArrivalDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public StartApplicationOnArrivalDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    boolean changesHost() {
        return true;
    }

    @Override
    void run(DelegateExecution execution) {
        service.startApplicationOnArrival(relocation(execution), arrivalToken(execution), origin(execution));
    }
}
