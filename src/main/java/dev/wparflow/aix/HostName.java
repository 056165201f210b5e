package dev.wparflow.aix;

/** An RFC 1123 host name (FQDN allowed). Can only be constructed valid. */
public record HostName(String value) implements ShellArg {

    public HostName {
        Validators.hostName("hostName", value);
    }

    public static HostName of(String value) {
        return new HostName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
