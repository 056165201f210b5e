package dev.wparflow.process.discovery;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dev.wparflow.inventory.FleetDiscoveryService;

/**
 * The multi-instance collection of FleetDiscoveryProcess, {@code ${fleetDiscoveryPlan.lpars(execution)}}: the LPARs
 * the run planned, read from our table rather than kept in a (possibly large) process variable.
 */
@Component("fleetDiscoveryPlan")
public class FleetDiscoveryPlan {

    private final FleetDiscoveryService discovery;

    public FleetDiscoveryPlan(FleetDiscoveryService discovery) {
        this.discovery = discovery;
    }

    public List<String> lpars(DelegateExecution execution) {
        return discovery.lparsToScan(FleetDiscoveryVariables.runId(execution));
    }
}
