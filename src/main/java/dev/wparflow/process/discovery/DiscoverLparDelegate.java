package dev.wparflow.process.discovery;

import static dev.wparflow.process.discovery.FleetDiscoveryVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.wparflow.inventory.FleetDiscoveryService;

/** One LPAR: WPARs, levels, filesets, processor, memory, NTP, volume groups. A host that fails is a result, not an error. */
@Component("discoverLparDelegate")
public class DiscoverLparDelegate implements JavaDelegate {

    private final FleetDiscoveryService discovery;

    public DiscoverLparDelegate(FleetDiscoveryService discovery) {
        this.discovery = discovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FleetDiscoveryService.HostOutcome o = discovery.discoverLpar(runId(execution), lparName(execution),
                origin(execution));
        execution.setVariableLocal(HOST_OK, o.ok());
    }
}
