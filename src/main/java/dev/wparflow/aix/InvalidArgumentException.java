package dev.wparflow.aix;

/**
 * An argument that may reach a remote AIX command broke a validation rule. Unchecked: it means a caller
 * passed bad input (a form field, an inventory entry), which is a business error upstream and never a
 * reason to retry. The value is kept printable-escaped so that logs and incident messages cannot be
 * forged with control characters.
 */
public class InvalidArgumentException extends IllegalArgumentException {

    private static final int MAX_SHOWN = 80;

    private final String argument;
    private final String value;
    private final String rule;

    public InvalidArgumentException(String argument, String rawValue, String rule) {
        super(argument + " " + (rawValue == null ? "(null)" : "\"" + printable(rawValue) + "\"") + " is invalid: "
                + rule);
        this.argument = argument;
        this.value = rawValue == null ? null : printable(rawValue);
        this.rule = rule;
    }

    /** Name of the argument, e.g. {@code wparName}. */
    public String argument() {
        return argument;
    }

    /** The rejected value, printable-escaped and truncated; {@code null} when the value was null. */
    public String value() {
        return value;
    }

    /** The rule that was broken, in words. */
    public String rule() {
        return rule;
    }

    /** Escapes control characters and non-ASCII ({@code \n}, {@code \x00}, {@code \u00a0}); truncates. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (n >= MAX_SHOWN) {
                b.append("...(").append(s.length()).append(" chars)");
                break;
            }
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else if (c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
            n++;
        }
        return b.toString();
    }
}
