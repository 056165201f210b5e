package dev.wparflow.engine;

import java.util.Locale;
import java.util.Set;

/**
 * The value types a start input may have. A value is judged by its Camunda value type name (REST's
 * {@code "type"}, or the engine's typed value) and by its Java value; text that spells the type
 * ("true", "3") is accepted too, because Tasklist forms and curl send text. Objects, JSON, XML,
 * files, bytes and Java-serialized values are never inputs.
 */
public enum InputType {
    TEXT("text", Set.of("string")),
    BOOLEAN("true or false", Set.of("boolean", "string")),
    INTEGER("a whole number", Set.of("integer", "long", "short", "double", "string")),
    /** ISO-8601 date-time as text, or a Date. */
    DATE_TIME("an ISO-8601 date-time", Set.of("string", "date"));

    private final String description;
    private final Set<String> valueTypes;

    InputType(String description, Set<String> valueTypes) {
        this.description = description;
        this.valueTypes = valueTypes;
    }

    public String description() {
        return description;
    }

    /** Null when {@code value} (of Camunda value type {@code valueType}, may be null) is of this type, else why not. */
    String refusal(String valueType, Object value) {
        String type = valueType == null ? inferred(value) : valueType.toLowerCase(Locale.ROOT);
        if (!valueTypes.contains(type)) {
            return "must be " + description + ", not a value of type " + type;
        }
        return switch (this) {
            case TEXT, DATE_TIME -> null;
            case BOOLEAN -> value instanceof Boolean || "true".equalsIgnoreCase(value.toString().strip())
                    || "false".equalsIgnoreCase(value.toString().strip()) ? null : "must be true or false";
            case INTEGER -> wholeNumber(value) ? null : "must be a whole number";
        };
    }

    private static boolean wholeNumber(Object value) {
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15;
        }
        if (value instanceof Number) {
            return true;
        }
        return value.toString().strip().matches("-?[0-9]{1,15}");
    }

    /** The value type Camunda infers for an untyped value (REST without "type", a plain Java object). */
    static String inferred(Object value) {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Integer) {
            return "integer";
        }
        if (value instanceof Long) {
            return "long";
        }
        if (value instanceof Short) {
            return "short";
        }
        if (value instanceof Double || value instanceof Float) {
            return "double";
        }
        if (value instanceof java.util.Date) {
            return "date";
        }
        return "object";
    }
}
