package dev.wparflow.process.discovery;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.discovery.FleetDiscoveryVariables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.inventory.DiscoverySummary;
import dev.wparflow.inventory.FleetDiscoveryService;

/** The steps of FleetDiscoveryProcess in the model's order, as the beans its {@code delegateExpression}s name. */
@Configuration(proxyBeanMethods = false)
class FleetDiscoverySteps {

    /** Starts the run, asks the HMCs for managed systems and partitions, plans one host per inventory LPAR. */
    @Bean
    JavaDelegate discoverManagedSystemsDelegate(FleetDiscoveryService discovery) {
        return e -> {
            FleetDiscoveryService.SystemsOutcome o = discovery.discoverManagedSystems(runId(e), INITIATOR.get(e),
                    origin(e));
            SYSTEMS_TOTAL.set(e, o.systems());
            SYSTEMS_FAILED.set(e, o.systemsFailed());
            HOSTS_TOTAL.set(e, o.lpars());
        };
    }

    /**
     * One LPAR: WPARs, levels, filesets, processor, memory, NTP, volume groups. A host that fails is a result, not an
     * error.
     */
    @Bean
    JavaDelegate discoverLparDelegate(FleetDiscoveryService discovery) {
        return e -> HOST_OK.setLocal(e, discovery.discoverLpar(runId(e), LPAR_NAME.get(e), origin(e)).ok());
    }

    /** Counts the run's results (stored with the run, returned by GET /api/discovery) into a few variables. */
    @Bean
    JavaDelegate summarizeDiscoveryDelegate(FleetDiscoveryService discovery) {
        return e -> {
            DiscoverySummary s = discovery.summarize(runId(e));
            SYSTEMS_FAILED.set(e, s.systemsFailed());
            HOSTS_TOTAL.set(e, s.hostsTotal());
            HOSTS_OK.set(e, s.hostsOk());
            HOSTS_FAILED.set(e, s.hostsFailed());
            WPAR_COUNT.set(e, s.wparCount());
        };
    }
}
