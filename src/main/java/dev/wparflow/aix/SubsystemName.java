package dev.wparflow.aix;

/** An SRC subsystem name such as xntpd. Can only be constructed valid. */
public record SubsystemName(String value) implements ShellArg {

    public SubsystemName {
        Validators.subsystemName("subsystem", value);
    }

    public static SubsystemName of(String value) {
        return new SubsystemName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
