package dev.wparflow.process.checkpoint;

import dev.wparflow.process.OperationRefusal;

/**
 * A business outcome of a checkpoint or restart step (WPAR not found, not checkpointable, in the wrong state, locked
 * by another operation; a checkpoint missing or taken of another WPAR; an LPAR without mcr.rte): the step turns it
 * into a BpmnError with {@link #code()}; the model records it and releases its leases.
 */
public class CheckpointRefusal extends OperationRefusal {

    public CheckpointRefusal(String code, String message) {
        super(code, message);
    }
}
