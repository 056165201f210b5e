package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Table 4-2 row 4: the lease on the WPAR's name on the arriving system. */
@Component("lockArrivingWparDelegate")
public class LockArrivingWparDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public LockArrivingWparDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    boolean changesHost() {
        return true;
    }

    @Override
    void run(DelegateExecution execution) {
        execution.setVariable(ARRIVAL_TOKEN, service.lockArrival(relocation(execution), origin(execution)));
    }
}
