package dev.wparflow.process.discovery;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.wparflow.inventory.FleetInventory;

/**
 * Fleet discovery without waiting for the first timer of FleetDiscoveryProcess ({@code wparflow.discovery.cycle}):
 * one run when the application is ready ({@code wparflow.discovery.at-start}, unless a run is still going on from
 * before the restart) and one whenever the inventory file is read anew after an edit
 * ({@code wparflow.discovery.on-inventory-change}, looked at every
 * {@code wparflow.discovery.inventory-check-interval}). Both start the model's message start event with no user,
 * as the timer does: the application's own start.
 */
@Component
public class DiscoveryTrigger {

    private static final Logger log = LoggerFactory.getLogger(DiscoveryTrigger.class);

    private final RuntimeService runtime;
    private final FleetInventory inventory;
    private final boolean atStart;
    private final boolean onInventoryChange;
    private volatile long seen = -1;

    public DiscoveryTrigger(RuntimeService runtime, FleetInventory inventory,
            @Value("${wparflow.discovery.at-start:true}") boolean atStart,
            @Value("${wparflow.discovery.on-inventory-change:true}") boolean onInventoryChange) {
        this.runtime = runtime;
        this.inventory = inventory;
        this.atStart = atStart;
        this.onInventoryChange = onInventoryChange;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void applicationReady() {
        seen = inventory.readings();
        if (!atStart) {
            return;
        }
        long running = runtime.createProcessInstanceQuery()
                .processDefinitionKey(FleetDiscoveryVariables.PROCESS_ID).active().count();
        if (running > 0) {
            log.info("fleet discovery at start-up skipped: {} run(s) still going on", running);
            return;
        }
        start("start-up");
    }

    @Scheduled(fixedDelayString = "${wparflow.discovery.inventory-check-interval:PT2S}",
            initialDelayString = "${wparflow.discovery.inventory-check-interval:PT2S}")
    public void inventoryCheck() {
        if (!onInventoryChange || seen < 0 || inventory.file() == null) {
            return;
        }
        long now = inventory.readings();
        if (now != seen) {
            seen = now;
            start("inventory " + inventory.file() + " changed");
        }
    }

    private void start(String why) {
        String id = runtime.createMessageCorrelation(FleetDiscoveryVariables.REQUESTED_MESSAGE).correlateStartMessage()
                .getId();
        log.info("fleet discovery {} started: {}", id, why);
    }
}
