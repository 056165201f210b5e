package dev.wparflow.process.discovery;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code wparflow.discovery.cycle}: the timer start event's ISO-8601 repeating interval (default {@code R/PT15M}),
 * read by the model as {@code ${fleetDiscoverySettings.cycle}}. The engine evaluates it when the model is deployed
 * and, with {@code reevaluateTimeCycleWhenDue}, each time the timer fires, so a changed value applies from the next
 * firing without a new deployment.
 */
@Component("fleetDiscoverySettings")
public class FleetDiscoverySettings {

    private final String cycle;

    public FleetDiscoverySettings(@Value("${wparflow.discovery.cycle:R/PT15M}") String cycle) {
        if (cycle == null || !cycle.startsWith("R")) {
            throw new IllegalArgumentException("wparflow.discovery.cycle must be an ISO-8601 repeating interval such as"
                    + " R/PT15M, not '" + cycle + "'");
        }
        this.cycle = cycle;
    }

    public String getCycle() {
        return cycle;
    }
}
