package dev.wparflow.process.approval;

import static dev.wparflow.process.approval.ChangeApprovalVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Nobody decided, not even after escalation: the change is rejected as "timed out". */
@Component("rejectTimedOutChangeDelegate")
public class RejectTimedOutChangeDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(DECISION, REJECT);
        execution.setVariable(REASON, TIMED_OUT_REASON);
        execution.setVariable(DECIDED_BY, "timer");
    }
}
