package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Table 4-2 row 4: the lease on the WPAR's name on the arriving system. */
@Component("lockArrivingWparDelegate")
public class LockArrivingWparDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public LockArrivingWparDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected boolean changesHost() {
        return true;
    }

    @Override
    protected void run(DelegateExecution execution) {
        execution.setVariable(ARRIVAL_TOKEN, service.lockArrival(relocation(execution), origin(execution)));
    }
}
