package dev.wparflow.aix;

/** A WPAR name by AIX's rules (see {@link Validators#wparName}). Can only be constructed valid. */
public record WparName(String value) implements ShellArg {

    public WparName {
        Validators.wparName("wparName", value);
    }

    public static WparName of(String value) {
        return new WparName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
