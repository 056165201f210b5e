package dev.wparflow.process;

/**
 * What an operation's request got wrong or what a host refused, in the business lane: a step made with
 * {@link OperationSteps} turns it into a BpmnError with {@link #code()} (UPPER_SNAKE) that the model catches and ends
 * refused or rolls back. Each operation's own refusal type extends it.
 */
public class OperationRefusal extends RuntimeException {

    private final String code;

    public OperationRefusal(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
