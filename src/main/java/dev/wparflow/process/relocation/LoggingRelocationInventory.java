package dev.wparflow.process.relocation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link RelocationInventory} until the inventory implements it: logs what it would record. */
public class LoggingRelocationInventory implements RelocationInventory {

    private static final Logger log = LoggerFactory.getLogger(LoggingRelocationInventory.class);

    @Override
    public void markTransitional(String wpar, String departingLpar, String arrivingLpar, String relocationId) {
        log.info("inventory: {} transitional, last known host {}, target {} (relocation {})", wpar, departingLpar,
                arrivingLpar, relocationId);
    }

    @Override
    public void markRelocated(String wpar, String departingLpar, String arrivingLpar, String state,
            String relocationId) {
        log.info("inventory: {} now on {} in state {} (from {}, relocation {})", wpar, arrivingLpar, state,
                departingLpar, relocationId);
    }

    @Override
    public void markRolledBack(String wpar, String departingLpar, String arrivingLpar, String state,
            String relocationId) {
        log.info("inventory: {} stays on {} in state {} (relocation to {} rolled back, relocation {})", wpar,
                departingLpar, state, arrivingLpar, relocationId);
    }
}
