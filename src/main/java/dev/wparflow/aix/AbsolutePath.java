package dev.wparflow.aix;

/** An absolute path without '..' segments or shell metacharacters. Can only be constructed valid. */
public record AbsolutePath(String value) implements ShellArg {

    public AbsolutePath {
        Validators.absolutePath("path", value);
    }

    public static AbsolutePath of(String value) {
        return new AbsolutePath(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
