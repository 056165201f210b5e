package dev.wparflow.ssh.planted;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** A planted violation for ArchitectureTest: the SSH layer knowing Camunda. Never used. */
public class SessionThatKnowsCamunda {
    public String instance(DelegateExecution execution) {
        return execution.getProcessInstanceId();
    }
}
