package dev.wparflow.process.relocation;

/**
 * A business outcome of a relocation step (WPAR_LOCKED, NAME_TAKEN_ON_TARGET, WPAR_NOT_FOUND, SAVE_FAILED…):
 * the step's delegate turns it into a {@code BpmnError} with {@link #code()} that a boundary event catches.
 */
public class RelocationRefusedException extends RuntimeException {

    private final String code;

    public RelocationRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
