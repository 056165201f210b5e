package dev.wparflow.aix.planted;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.wparflow.process.Operation;

/** A planted violation for ArchitectureTest: the aix layer asking the process layer and Camunda. Never used. */
public class AixStepThatReachesUp {
    public String operation(DelegateExecution execution) {
        return Operation.idOf(execution);
    }
}
