package dev.wparflow.aix;

/**
 * The attribute words of {@code mkwpar -N} / {@code chwpar -N}: {@code address=9.3.5.188 interface=gordon_if1
 * netmask=255.255.254.0} (RB:2449, RB:10785). Only the address is required; for IPv6 the book's SMIT panel has a
 * prefix length instead of a netmask (RB:9530), written as {@code prefixlen=} per IBM's mkwpar reference.
 */
public record NetworkSpec(IpAddress address, InterfaceName interfaceName, IpAddress netmask, Integer prefixLength,
        IpAddress broadcast) {

    public NetworkSpec {
        if (address == null) {
            throw new InvalidArgumentException("address", null, "is required");
        }
        if (netmask != null && (address.isIpv6() || !netmask.isIpv4Netmask())) {
            throw new InvalidArgumentException("netmask", netmask.value(),
                    "must be a contiguous IPv4 netmask and the address must be IPv4");
        }
        if (prefixLength != null) {
            Validators.range("prefixLength", prefixLength, 0, address.isIpv6() ? 128 : 32);
        }
    }

    public static NetworkSpec address(IpAddress address) {
        return new NetworkSpec(address, null, null, null, null);
    }

    public AttributeList attributes() {
        AttributeList.Builder b = AttributeList.builder().put("address", address)
                .putIfPresent("interface", interfaceName).putIfPresent("netmask", netmask)
                .putIfPresent("broadcast", broadcast);
        if (prefixLength != null) {
            b.keyword("prefixlen", prefixLength.toString());
        }
        return b.build();
    }
}
