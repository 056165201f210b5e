package dev.wparflow.aix;

/** One row of {@code lswpar -N} (RB:10785-10793): name, interface, address, mask or prefix, broadcast. */
public record WparNetwork(String name, String interfaceName, String address, String maskOrPrefix, String broadcast) {
}
