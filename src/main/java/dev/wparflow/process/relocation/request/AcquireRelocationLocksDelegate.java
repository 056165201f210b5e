package dev.wparflow.process.relocation.request;

import static dev.wparflow.process.relocation.request.RelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dev.wparflow.aix.Origin;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** WparRelocationProcess: the leases on the WPAR (both sides) and both hosts, all or none; contention is a variable. */
@Component("acquireRelocationLocksDelegate")
public class AcquireRelocationLocksDelegate extends RelocationStepDelegate {

    private final RelocationRequestService service;

    public AcquireRelocationLocksDelegate(RelocationRequestService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        java.util.Optional<String> heldBy = service.acquireLocks(request(execution), string(execution, ARRIVING_LPAR));
        execution.setVariable(LOCK_ATTEMPTS, lockAttempts(execution) + 1);
        execution.setVariable(LOCKS_ACQUIRED, heldBy.isEmpty());
        execution.setVariable(LOCK_HELD_BY, heldBy.orElse(null));
    }

    private static Origin origin(DelegateExecution execution) {
        return new Origin(execution.getProcessInstanceId(), execution.getCurrentActivityId());
    }
}
