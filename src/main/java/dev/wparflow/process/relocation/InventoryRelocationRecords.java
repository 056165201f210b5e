package dev.wparflow.process.relocation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.wparflow.aix.WparState;
import dev.wparflow.inventory.InventoryRepository;

/**
 * Table 4-2's database rows (6, 11, 13) kept in our inventory: the WPAR's target while in transit,
 * its new home and last known host afterwards, so /api/wpars is right before the next discovery.
 */
class InventoryRelocationRecords implements RelocationInventory {

    private static final Logger log = LoggerFactory.getLogger(InventoryRelocationRecords.class);

    private final InventoryRepository inventory;

    InventoryRelocationRecords(InventoryRepository inventory) {
        this.inventory = inventory;
    }

    @Override
    public void markTransitional(String wpar, String departingLpar, String arrivingLpar, String relocationId) {
        inventory.setLastKnownHost(departingLpar, wpar, departingLpar);
        inventory.setTargetHost(departingLpar, wpar, arrivingLpar);
        inventory.recordStay(wpar, departingLpar, WparState.TRANSITIONAL.name());
        log.info("inventory: {} in transit {} -> {} (relocation {})", wpar, departingLpar, arrivingLpar, relocationId);
    }

    @Override
    public void markRelocated(String wpar, String departingLpar, String arrivingLpar, String state, String relocationId) {
        inventory.recordMove(wpar, departingLpar, arrivingLpar, WparState.parse(state).name());
        log.info("inventory: {} now on {} ({}), relocation {}", wpar, arrivingLpar, state, relocationId);
    }

    @Override
    public void markRolledBack(String wpar, String departingLpar, String arrivingLpar, String state, String relocationId) {
        inventory.recordStay(wpar, departingLpar, WparState.parse(state).name());
        log.info("inventory: {} stays on {} ({}), relocation {} rolled back", wpar, departingLpar, state, relocationId);
    }
}
