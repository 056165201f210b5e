package dev.wparflow.aix;

/** An IPv4 or IPv6 address in text form, validated textually (never resolved). Can only be constructed valid. */
public record IpAddress(String value) implements ShellArg {

    public IpAddress {
        Validators.ipAddress("ipAddress", value);
    }

    public static IpAddress of(String value) {
        return new IpAddress(value);
    }

    public boolean isIpv6() {
        return value.indexOf(':') >= 0;
    }

    /** True for a contiguous IPv4 netmask such as 255.255.254.0. */
    public boolean isIpv4Netmask() {
        if (isIpv6()) {
            return false;
        }
        long bits = 0;
        for (String p : value.split("\\.")) {
            bits = (bits << 8) | Integer.parseInt(p);
        }
        long inverted = ~bits & 0xffffffffL;
        return (inverted & (inverted + 1)) == 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
