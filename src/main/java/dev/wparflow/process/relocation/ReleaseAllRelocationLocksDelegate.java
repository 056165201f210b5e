package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.RelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dev.wparflow.aix.Origin;

/** WparRelocationProcess: every lease the relocation holds. */
@Component("releaseAllRelocationLocksDelegate")
public class ReleaseAllRelocationLocksDelegate extends RelocationStepDelegate {

    private final RelocationRequestService service;

    public ReleaseAllRelocationLocksDelegate(RelocationRequestService service) {
        this.service = service;
    }

    @Override
    void run(DelegateExecution execution) {
        service.releaseLocks(execution.getProcessInstanceId());
    }

    private static Origin origin(DelegateExecution execution) {
        return new Origin(execution.getProcessInstanceId(), execution.getCurrentActivityId());
    }
}
