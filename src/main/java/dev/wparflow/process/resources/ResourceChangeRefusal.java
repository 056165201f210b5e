package dev.wparflow.process.resources;

import dev.wparflow.process.OperationRefusal;

/**
 * A business outcome of a resource change step (WPAR not found, locked by another operation, the minimums of the
 * running WPARs over 100 %, the previous values not back after a roll-back): the step turns it into a BpmnError with
 * {@link #code()}; the model records it and releases the lease.
 */
public class ResourceChangeRefusal extends OperationRefusal {

    public ResourceChangeRefusal(String code, String message) {
        super(code, message);
    }
}
