package dev.wparflow.aix;

/** An HMC managed-system name (user-defined or tttt-mmm*ssssssss). Can only be constructed valid. */
public record ManagedSystemName(String value) implements ShellArg {

    public ManagedSystemName {
        Validators.hmcName("managedSystem", value);
    }

    public static ManagedSystemName of(String value) {
        return new ManagedSystemName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
