package dev.wparflow.simulator.state;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.wparflow.simulator.FleetSpec;

/**
 * Which fleet file a saved state belongs to: the SHA-256 of the fleet description without what a saved state does not
 * hold (ports, hosts down at start, passwords and keys, durations and time scale, faults). A state saved from another
 * fleet file (a host added or removed, other WPARs, volume groups, software, exports) is not applied.
 */
public final class FleetFingerprint {
    private static final Set<String> IGNORED = Set.of("port", "down", "password", "authorizedKeys", "clientPrivateKey",
            "durations", "timeScale", "faults");

    private FleetFingerprint() {
    }

    public static String of(FleetSpec spec) {
        JsonNode tree = FleetStateFile.JSON.valueToTree(spec);
        strip(tree);
        try {
            return FleetStateFile.sha256(FleetStateFile.JSON.writeValueAsBytes(tree));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(IGNORED);
            o.forEach(FleetFingerprint::strip);
        } else if (node instanceof ArrayNode a) {
            a.forEach(FleetFingerprint::strip);
        }
    }
}
