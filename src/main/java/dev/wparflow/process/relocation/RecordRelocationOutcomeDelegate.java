package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.staticmove.StaticRelocationVariables;

/**
 * Records how a relocation ended (input parameter {@code recordOutcome}: RELOCATED, ROLLED_BACK, REFUSED…) in the
 * process variables {@code outcome}/{@code outcomeReason} and in wparflow_relocation. The reason is the failure
 * that led there, if any.
 */
@Component("recordRelocationOutcomeDelegate")
public class RecordRelocationOutcomeDelegate extends RelocationStepDelegate {

    static final String RECORD_OUTCOME = "recordOutcome";

    private final RelocationRecords records;

    public RecordRelocationOutcomeDelegate(RelocationRecords records) {
        this.records = records;
    }

    @Override
    protected void run(DelegateExecution execution) {
        String outcome = (String) execution.getVariable(RECORD_OUTCOME);
        String code = string(execution, FAILURE_CODE);
        String reason = string(execution, FAILURE_REASON);
        if (reason == null && code == null && string(execution, LOCK_HELD_BY) != null && !RELOCATED.equals(outcome)) {
            code = "WPAR_LOCKED";
            reason = string(execution, LOCK_HELD_BY);
        }
        String text = code == null ? reason : code + (reason == null ? "" : ": " + reason);
        Relocation r = relocation(execution);
        records.recordRequest(r.relocationId(), execution.getProcessInstanceId(), r.wpar(), r.departing(),
                r.arriving(), null, null);
        records.recordOutcome(r.relocationId(), outcome, text);
        execution.getProcessInstance().setVariable(OUTCOME, outcome);
        execution.getProcessInstance().setVariable(OUTCOME_REASON, text);
    }
}
