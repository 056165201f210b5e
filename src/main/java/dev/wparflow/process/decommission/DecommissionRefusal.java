package dev.wparflow.process.decommission;

import dev.wparflow.process.OperationRefusal;

/**
 * A business outcome of a decommission step (WPAR not found, locked by another operation, no recent backup, WPAR
 * still listed after rmwpar): the step turns it into a BpmnError with {@link #code()}; the model records it and
 * releases the locks.
 */
public class DecommissionRefusal extends OperationRefusal {

    public DecommissionRefusal(String code, String message) {
        super(code, message);
    }
}
