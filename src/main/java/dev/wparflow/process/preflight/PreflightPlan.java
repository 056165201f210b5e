package dev.wparflow.process.preflight;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The multi-instance collection of PreflightProcess, {@code ${preflightPlan.hosts(execution)}}: the hosts the run
 * planned, read from our table rather than kept in a process variable.
 */
@Component("preflightPlan")
public class PreflightPlan {

    private final PreflightService preflight;

    public PreflightPlan(PreflightService preflight) {
        this.preflight = preflight;
    }

    public List<String> hosts(DelegateExecution execution) {
        return preflight.plannedHosts(PreflightVariables.runId(execution));
    }
}
