package dev.wparflow.process.discovery;

import static dev.wparflow.process.discovery.FleetDiscoveryVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.wparflow.inventory.DiscoverySummary;
import dev.wparflow.inventory.FleetDiscoveryService;

/** Counts the run's results (stored with the run, returned by GET /api/discovery) into a few variables. */
@Component("summarizeDiscoveryDelegate")
public class SummarizeDiscoveryDelegate implements JavaDelegate {

    private final FleetDiscoveryService discovery;

    public SummarizeDiscoveryDelegate(FleetDiscoveryService discovery) {
        this.discovery = discovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DiscoverySummary s = discovery.summarize(runId(execution));
        execution.setVariable(SYSTEMS_FAILED, s.systemsFailed());
        execution.setVariable(HOSTS_TOTAL, s.hostsTotal());
        execution.setVariable(HOSTS_OK, s.hostsOk());
        execution.setVariable(HOSTS_FAILED, s.hostsFailed());
        execution.setVariable(WPAR_COUNT, s.wparCount());
    }
}
