package dev.wparflow.aix;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Another WPAR of a global environment already using the name, hostname or address a new or restored WPAR would
 * take: mkwpar and restwpar would fail on it half-way, so operations look first and refuse with {@link #code()}
 * (NAME_TAKEN, HOSTNAME_TAKEN, ADDRESS_TAKEN) and a message naming the WPAR in the way.
 */
public record IdentityClash(String code, String message) {

    /**
     * The first clash of {@code name}, {@code hostname} or {@code address} (each may be null) with the WPARs of
     * {@code host}, ignoring the WPAR named {@code replacing} (null: none). The addresses ({@code lswpar -N}) are
     * read only when an address is asked for.
     */
    public static Optional<IdentityClash> find(String host, List<WparInfo> wpars, Supplier<List<WparNetwork>> networks,
            String name, String hostname, String address, String replacing) {
        for (WparInfo w : wpars) {
            if (w.name().equals(replacing)) {
                continue;
            }
            if (name != null && w.name().equals(name)) {
                return Optional.of(new IdentityClash("NAME_TAKEN",
                        "a WPAR named " + name + " exists on " + host + " (" + w.state() + ")"));
            }
            if (hostname != null && hostname.equalsIgnoreCase(w.hostname())) {
                return Optional.of(new IdentityClash("HOSTNAME_TAKEN",
                        "hostname " + hostname + " is used by WPAR " + w.name() + " on " + host));
            }
        }
        if (address != null && !wpars.isEmpty()) {
            for (WparNetwork n : networks.get()) {
                if (!n.name().equals(replacing) && address.equals(n.address())) {
                    return Optional.of(new IdentityClash("ADDRESS_TAKEN",
                            "address " + address + " is used by WPAR " + n.name() + " on " + host));
                }
            }
        }
        return Optional.empty();
    }
}
