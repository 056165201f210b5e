package dev.wparflow.engine;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A start that breaks its process's input contract, or a start that is not allowed at all. Thrown before
 * any instance exists; REST answers 400 with this message.
 */
public class InputRefusedException extends BadUserRequestException {

    private final String field;

    private InputRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** {@code field} broke {@code rule}: "wpar: must be at most 25 bytes". */
    public static InputRefusedException field(String processKey, String field, String rule) {
        return new InputRefusedException(field, processKey + " input '" + field + "' " + rule);
    }

    /** The start itself is refused (a sub-process started directly): 400. */
    public static InputRefusedException start(String message) {
        return new InputRefusedException(null, message);
    }

    /** The refused input's name, or null when the start as a whole was refused. */
    public String field() {
        return field;
    }
}
