package dev.wparflow.process.relocation.request;

import static dev.wparflow.process.relocation.request.RelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dev.wparflow.aix.Origin;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** WparRelocationProcess: how it ended (input parameter recordOutcome) and why, in the variables and wparflow_relocation; releases every lease left, whatever the path. */
@Component("recordRequestOutcomeDelegate")
public class RecordRequestOutcomeDelegate extends RelocationStepDelegate {

    private final RelocationRequestService service;

    public RecordRequestOutcomeDelegate(RelocationRequestService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        String outcome = string(execution, "recordOutcome");
        if ("MOVE".equals(outcome)) {
            outcome = string(execution, MOVE_OUTCOME);
        }
        String reason = switch (outcome == null ? "" : outcome) {
            case REJECTED -> "rejected by " + execution.getVariable("approvers") + ": " + string(execution, APPROVAL_REASON);
            case INCOMPATIBLE -> string(execution, CHECK_TABLE);
            case VALIDATED -> (flag(execution, COMPATIBLE) ? "compatible (" + string(execution, CHOSEN_MODE) + ")"
                    : "INCOMPATIBLE") + "\n" + string(execution, CHECK_TABLE);
            default -> failure(execution);
        };
        service.releaseLocks(execution.getProcessInstanceId());
        service.recordOutcome(execution.getProcessInstanceId(), string(execution, WPAR),
                string(execution, DEPARTING_LPAR), outcome, reason);
        execution.setVariable(OUTCOME, outcome);
        execution.setVariable(OUTCOME_REASON, reason == null ? null : RelocationRequestService.abbreviate(reason));
    }

    private static Origin origin(DelegateExecution execution) {
        return new Origin(execution.getProcessInstanceId(), execution.getCurrentActivityId());
    }

    private static String failure(DelegateExecution execution) {
        String code = string(execution, FAILURE_CODE);
        String reason = string(execution, FAILURE_REASON);
        if (code == null && reason == null) {
            if (string(execution, LOCK_HELD_BY) != null && !flag(execution, LOCKS_ACQUIRED)) {
                return "WPAR_LOCKED: " + string(execution, LOCK_HELD_BY);
            }
            return string(execution, MOVE_REASON);
        }
        return code == null ? reason : code + (reason == null ? "" : ": " + reason);
    }
}
