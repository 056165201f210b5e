package dev.wparflow.process.lifecycle;

import dev.wparflow.process.OperationRefusal;

/**
 * What a lifecycle request got wrong (WPARS_NOT_FOUND, WPAR_LOCKED, NO_WPARS, INVALID_REQUEST): the checks end the
 * operation refused with the rule, nothing changed. What goes wrong with one WPAR later is recorded for that WPAR
 * and does not stop the others.
 */
public class LifecycleRefusal extends OperationRefusal {

    public LifecycleRefusal(String code, String message) {
        super(code, message);
    }
}
