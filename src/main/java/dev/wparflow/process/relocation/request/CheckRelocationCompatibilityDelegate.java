package dev.wparflow.process.relocation.request;

import static dev.wparflow.process.relocation.request.RelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dev.wparflow.aix.Origin;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** WparRelocationProcess: both profiles, the decision table, the arriving LPAR (choose for me), the mode and the plan. */
@Component("checkRelocationCompatibilityDelegate")
public class CheckRelocationCompatibilityDelegate extends RelocationStepDelegate {

    private final RelocationRequestService service;

    public CheckRelocationCompatibilityDelegate(RelocationRequestService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        RelocationRequest r = request(execution);
        RelocationRequestService.Plan plan = service.check(r, origin(execution));
        service.recordChecks(r, plan);
        execution.setVariable(ARRIVING_LPAR, plan.arriving());
        execution.setVariable(CHOSEN_MODE, plan.mode());
        execution.setVariable(COMPATIBLE, plan.compatible());
        execution.setVariable(CHECK_TABLE, RelocationRequestService.abbreviate(plan.checkTable()));
        execution.setVariable(SUMMARY, plan.summary());
        execution.setVariable(PLAN, plan.plan());
        execution.setVariable(RISK_LEVEL, plan.riskLevel());
        execution.setVariable(EXPECTED_OUTAGE, plan.expectedOutage());
    }

    private static Origin origin(DelegateExecution execution) {
        return new Origin(execution.getProcessInstanceId(), execution.getCurrentActivityId());
    }
}
