package dev.wparflow.process.relocation.request;

import static dev.wparflow.process.relocation.request.RelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dev.wparflow.aix.Origin;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** WparRelocationProcess: the WPAR is where the sub-process says it left it. */
@Component("verifyRelocationDelegate")
public class VerifyRelocationDelegate extends RelocationStepDelegate {

    private final RelocationRequestService service;

    public VerifyRelocationDelegate(RelocationRequestService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.verify(request(execution), string(execution, ARRIVING_LPAR), string(execution, MOVE_OUTCOME),
                origin(execution));
    }

    private static Origin origin(DelegateExecution execution) {
        return new Origin(execution.getProcessInstanceId(), execution.getCurrentActivityId());
    }
}
