package dev.wparflow.process.discovery;

import static dev.wparflow.process.discovery.FleetDiscoveryVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.wparflow.inventory.FleetDiscoveryService;

/** Starts the run, asks the HMCs for managed systems and partitions, plans one host per inventory LPAR. */
@Component("discoverManagedSystemsDelegate")
public class DiscoverManagedSystemsDelegate implements JavaDelegate {

    private final FleetDiscoveryService discovery;

    public DiscoverManagedSystemsDelegate(FleetDiscoveryService discovery) {
        this.discovery = discovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FleetDiscoveryService.SystemsOutcome o = discovery.discoverManagedSystems(runId(execution), initiator(execution),
                origin(execution));
        execution.setVariable(SYSTEMS_TOTAL, o.systems());
        execution.setVariable(SYSTEMS_FAILED, o.systemsFailed());
        execution.setVariable(HOSTS_TOTAL, o.lpars());
    }
}
