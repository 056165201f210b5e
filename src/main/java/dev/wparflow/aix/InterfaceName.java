package dev.wparflow.aix;

/** A network interface name such as en0. Can only be constructed valid. */
public record InterfaceName(String value) implements ShellArg {

    public InterfaceName {
        Validators.interfaceName("interface", value);
    }

    public static InterfaceName of(String value) {
        return new InterfaceName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
