package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Records how a relocation ended (input parameter {@code recordOutcome}: RELOCATED, ROLLED_BACK, REFUSED…) in the
 * process variables {@code outcome}/{@code outcomeReason} and in wparflow_relocation. The reason is the failure
 * that led there, if any.
 */
@Component("recordRelocationOutcomeDelegate")
public class RecordRelocationOutcomeDelegate extends RelocationStepDelegate {

    private final RelocationRecords records;

    public RecordRelocationOutcomeDelegate(RelocationRecords records) {
        this.records = records;
    }

    @Override
    protected void run(DelegateExecution execution) {
        String outcome = RECORD_OUTCOME.get(execution);
        String code = FAILURE_CODE.get(execution);
        String reason = FAILURE_REASON.get(execution);
        if (reason == null && code == null && LOCK_HELD_BY.get(execution) != null && !RELOCATED.equals(outcome)) {
            code = "WPAR_LOCKED";
            reason = LOCK_HELD_BY.get(execution);
        }
        String text = code == null ? reason : code + (reason == null ? "" : ": " + reason);
        Relocation r = relocation(execution);
        records.recordRequest(r.relocationId(), execution.getProcessInstanceId(), r.wpar(), r.departing(),
                r.arriving(), null, null);
        records.recordOutcome(r.relocationId(), outcome, text);
        OUTCOME.set(execution.getProcessInstance(), outcome);
        OUTCOME_REASON.set(execution.getProcessInstance(), text);
    }
}
