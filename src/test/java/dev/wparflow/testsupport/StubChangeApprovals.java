package dev.wparflow.testsupport;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * {@code changeApprovalRecord} for model tests that call the stub ChangeApprovalProcess: the operation counts as
 * approved when the stub's decision, mapped out into {@code variable}, is {@code approve}.
 */
public record StubChangeApprovals(String variable) {

    public boolean operationApproved(DelegateExecution execution) {
        return "approve".equals(execution.getVariable(variable));
    }
}
