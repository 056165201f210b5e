package dev.wparflow.catalog;

/**
 * A template the catalog refuses: {@code field} names the part of the request that is wrong ({@code name},
 * {@code description}, {@code spec}, {@code requiredFilesets}), {@code line} the spec's line when the spec is wrong
 * and the line is known.
 */
public class InvalidTemplateException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final Integer line;

    public InvalidTemplateException(String field, Integer line, String message) {
        super(message);
        this.field = field;
        this.line = line;
    }

    public String field() {
        return field;
    }

    public Integer line() {
        return line;
    }
}
