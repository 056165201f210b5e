package dev.wparflow.engine;

import java.util.function.UnaryOperator;

/**
 * One declared input of a process: its name, type, whether it is required, its default (as the
 * process applies it when the input is absent; documentation only), its length limit and its rule.
 *
 * @param check returns null when the (non-blank, type-checked) value satisfies the rule, else the rule it broke
 */
public record InputField(String name, InputType type, boolean required, String defaultValue, int maxLength,
        String rule, UnaryOperator<String> check) {

    /** Camunda keeps a text variable inline up to 4,000 characters; nothing we take needs more. */
    public static final int MAX_LENGTH = 4000;

    public static InputField text(String name) {
        return new InputField(name, InputType.TEXT, false, null, MAX_LENGTH, null, v -> null);
    }

    public static InputField flag(String name) {
        return new InputField(name, InputType.BOOLEAN, false, "false", MAX_LENGTH, null, v -> null);
    }

    public static InputField number(String name, long min, long max) {
        return new InputField(name, InputType.INTEGER, false, null, 16, "between " + min + " and " + max, v -> {
            long n = Math.round(Double.parseDouble(v));
            return n < min || n > max ? "must be between " + min + " and " + max : null;
        });
    }

    public static InputField dateTime(String name) {
        return new InputField(name, InputType.DATE_TIME, false, null, 64, "ISO-8601 date-time", v -> null);
    }

    public InputField mandatory() {
        return new InputField(name, type, true, null, maxLength, rule, check);
    }

    public InputField defaultValue(String value) {
        return new InputField(name, type, required, value, maxLength, rule, check);
    }

    public InputField maxLength(int length) {
        return new InputField(name, type, required, defaultValue, length, rule, check);
    }

    public InputField rule(String description, UnaryOperator<String> ruleCheck) {
        return new InputField(name, type, required, defaultValue, maxLength, description, ruleCheck);
    }
}
