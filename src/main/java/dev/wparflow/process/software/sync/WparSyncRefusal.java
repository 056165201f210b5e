package dev.wparflow.process.software.sync;

import dev.wparflow.process.OperationRefusal;

/**
 * What a sync request got wrong (WPARS_NOT_FOUND, NOT_A_SYSTEM_WPAR, WPAR_LOCKED, SOURCE_NEEDED, INVALID_REQUEST): the
 * measurement ends the operation refused with the rule, nothing changed. What goes wrong with one WPAR's sync later is
 * recorded for that WPAR and does not stop the others.
 */
public class WparSyncRefusal extends OperationRefusal {

    public WparSyncRefusal(String code, String message) {
        super(code, message);
    }
}
