package dev.wparflow.process.relocation.request;

import static dev.wparflow.process.relocation.request.RelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dev.wparflow.aix.Origin;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** WparRelocationProcess: every lease the relocation holds. */
@Component("releaseAllRelocationLocksDelegate")
public class ReleaseAllRelocationLocksDelegate extends RelocationStepDelegate {

    private final RelocationRequestService service;

    public ReleaseAllRelocationLocksDelegate(RelocationRequestService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.releaseLocks(execution.getProcessInstanceId());
    }

    private static Origin origin(DelegateExecution execution) {
        return new Origin(execution.getProcessInstanceId(), execution.getCurrentActivityId());
    }
}
