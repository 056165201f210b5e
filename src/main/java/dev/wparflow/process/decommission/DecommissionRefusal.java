package dev.wparflow.process.decommission;

/**
 * A business outcome of a decommission step (WPAR not found, locked by another operation, no recent backup, WPAR
 * still listed after rmwpar): the step turns it into a BpmnError with {@link #code()}; the model records it and
 * releases the locks.
 */
public class DecommissionRefusal extends RuntimeException {

    private final String code;

    public DecommissionRefusal(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
