package dev.wparflow.process.relocation.request;

import static dev.wparflow.process.relocation.request.RelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dev.wparflow.aix.Origin;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** WparRelocationProcess: names, known LPARs, mode, window; refused (REQUEST_INVALID) before any host is touched. */
@Component("validateRelocationRequestDelegate")
public class ValidateRelocationRequestDelegate extends RelocationStepDelegate {

    private final RelocationRequestService service;

    public ValidateRelocationRequestDelegate(RelocationRequestService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        RelocationRequest valid = service.validate(request(execution));
        execution.setVariable(MODE, valid.mode());
        execution.setVariable(MAINTENANCE_WINDOW_START, valid.window());
        execution.setVariable(WINDOW_GIVEN, valid.window() != null);
        execution.setVariable(ARRIVING_LPAR, valid.arriving());
        execution.setVariable(RELOCATION_ID, valid.id());
        execution.setVariable(LOCK_OWNER, valid.id());
        execution.setVariable(REQUESTER, valid.requester());
    }

    private static Origin origin(DelegateExecution execution) {
        return new Origin(execution.getProcessInstanceId(), execution.getCurrentActivityId());
    }
}
