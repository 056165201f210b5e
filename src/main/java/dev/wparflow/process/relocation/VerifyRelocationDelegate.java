package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.RelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dev.wparflow.aix.Origin;

/** WparRelocationProcess: the WPAR is where the sub-process says it left it. */
@Component("verifyRelocationDelegate")
public class VerifyRelocationDelegate extends RelocationStepDelegate {

    private final RelocationRequestService service;

    public VerifyRelocationDelegate(RelocationRequestService service) {
        this.service = service;
    }

    @Override
    void run(DelegateExecution execution) {
        service.verify(request(execution), string(execution, ARRIVING_LPAR), string(execution, MOVE_OUTCOME),
                origin(execution));
    }

    private static Origin origin(DelegateExecution execution) {
        return new Origin(execution.getProcessInstanceId(), execution.getCurrentActivityId());
    }
}
