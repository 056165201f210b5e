package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Table 4-2 row 2: lease and administrative lock on the departing system; contention is a variable, the model waits. */
@Component("lockDepartingWparDelegate")
public class LockDepartingWparDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public LockDepartingWparDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    boolean changesHost() {
        return true;
    }

    @Override
    void run(DelegateExecution execution) {
        StaticRelocationService.LockOutcome lock = service.lockDeparture(relocation(execution), origin(execution));
        execution.setVariable(LOCK_ATTEMPTS, lockAttempts(execution) + 1);
        execution.setVariable(DEPARTURE_LOCKED, lock.acquired());
        execution.setVariable(LOCK_HELD_BY, lock.heldBy());
        if (lock.acquired()) {
            execution.setVariable(DEPARTURE_TOKEN, lock.fencingToken());
        }
    }
}
