package dev.wparflow.aix;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code lswpar -L NAME} (long paragraph format). The book shows only GENERAL, NETWORK and USER-SPECIFIED ROUTES
 * (RB:8531-8569, RB:8240-8276); other sections are kept generically. {@code properties} maps a section name to its
 * {@code Key: value} lines; {@code tables} maps a section name to its rows (column name → value).
 */
public record WparDetails(String name, WparState state, Map<String, Map<String, String>> properties,
        Map<String, List<Map<String, String>>> tables) {

    public WparDetails {
        properties = Map.copyOf(properties);
        tables = Map.copyOf(tables);
    }

    /** A {@code Key: value} of the GENERAL section, e.g. {@code Hostname}. */
    public Optional<String> general(String key) {
        return Optional.ofNullable(properties.getOrDefault("GENERAL", Map.of()).get(key));
    }

    public WparType type() {
        return general("Type").map(WparType::parse).orElse(WparType.UNKNOWN);
    }

    public Optional<String> hostname() {
        return general("Hostname");
    }

    public Optional<String> directory() {
        return general("Directory");
    }

    /** {@code Checkpointable: yes} → true; empty when the line is missing. */
    public Optional<Boolean> checkpointable() {
        return general("Checkpointable").map(v -> v.equalsIgnoreCase("yes"));
    }

    public Optional<Boolean> privateUsr() {
        return general("Private /usr").map(v -> v.equalsIgnoreCase("yes"));
    }

    public Optional<Boolean> wparSpecificRouting() {
        return general("WPAR-Specific Routing").map(v -> v.equalsIgnoreCase("yes"));
    }

    /** Rows of the NETWORK table (Interface, Address(6), Mask/Prefix, Broadcast). */
    public List<Map<String, String>> network() {
        return tables.getOrDefault("NETWORK", List.of());
    }

    /** Rows of the USER-SPECIFIED ROUTES table (Type, Destination, Gateway, Interface). */
    public List<Map<String, String>> routes() {
        return tables.getOrDefault("USER-SPECIFIED ROUTES", List.of());
    }
}
