package dev.wparflow.process.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Nobody decided, not even after escalation: the change is rejected as "timed out". */
@Component("rejectTimedOutChangeDelegate")
public class RejectTimedOutChangeDelegate implements JavaDelegate {

    private final ChangeApprovalRecord record;

    public RejectTimedOutChangeDelegate(ChangeApprovalRecord record) {
        this.record = record;
    }

    @Override
    public void execute(DelegateExecution execution) {
        record.timedOut(execution.getProcessInstanceId());
        record.reflectOutcome(execution);
    }
}
