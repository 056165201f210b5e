package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Table 4-2 row 2: lease and administrative lock on the departing system; contention is a variable, the model waits. */
@Component("lockDepartingWparDelegate")
public class LockDepartingWparDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public LockDepartingWparDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected boolean changesHost() {
        return true;
    }

    @Override
    protected void run(DelegateExecution execution) {
        StaticRelocationService.LockOutcome lock = service.lockDeparture(relocation(execution), origin(execution));
        execution.setVariable(LOCK_ATTEMPTS, lockAttempts(execution) + 1);
        execution.setVariable(DEPARTURE_LOCKED, lock.acquired());
        execution.setVariable(LOCK_HELD_BY, lock.heldBy());
        if (lock.acquired()) {
            execution.setVariable(DEPARTURE_TOKEN, lock.fencingToken());
        }
    }
}
