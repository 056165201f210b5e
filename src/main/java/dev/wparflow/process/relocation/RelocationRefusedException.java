package dev.wparflow.process.relocation;

import dev.wparflow.process.OperationRefusal;

/**
 * A business outcome of a relocation step (WPAR_LOCKED, NAME_TAKEN_ON_TARGET, WPAR_NOT_FOUND, SAVE_FAILED…):
 * the step's delegate turns it into a {@code BpmnError} with {@link #code()} that a boundary event catches.
 */
public class RelocationRefusedException extends OperationRefusal {

    public RelocationRefusedException(String code, String message) {
        super(code, message);
    }
}
