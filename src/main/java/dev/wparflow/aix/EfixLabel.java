package dev.wparflow.aix;

import java.util.regex.Pattern;

/** An interim fix label such as {@code IZ38930} (emgr -L): 1–32 letters, digits, '_', '.' or '-', not starting with '-'. */
public record EfixLabel(String value) implements ShellArg {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}");

    public EfixLabel {
        if (value == null || !LABEL.matcher(value).matches()) {
            throw new InvalidArgumentException("label", value,
                    "must be 1-32 letters, digits, '_', '.' or '-' and must not start with '-' (interim fix label)");
        }
    }

    public static EfixLabel of(String value) {
        return new EfixLabel(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
