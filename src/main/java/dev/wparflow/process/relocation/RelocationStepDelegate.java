package dev.wparflow.process.relocation;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Base of the relocation delegates: a {@link RelocationRefusedException} becomes a {@code BpmnError} with its code
 * (caught by a boundary event); anything else propagates for job retry and incident.
 */
abstract class RelocationStepDelegate implements JavaDelegate {

    @Override
    public final void execute(DelegateExecution execution) {
        try {
            run(execution);
        } catch (RelocationRefusedException refused) {
            throw new BpmnError(refused.code(), refused.getMessage());
        }
    }

    abstract void run(DelegateExecution execution);
}
