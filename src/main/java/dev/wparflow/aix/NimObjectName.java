package dev.wparflow.aix;

/** A NIM object name (machine, resource, network). Can only be constructed valid. */
public record NimObjectName(String value) implements ShellArg {

    public NimObjectName {
        Validators.nimObjectName("nimObject", value);
    }

    public static NimObjectName of(String value) {
        return new NimObjectName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
