package dev.wparflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.springframework.test.context.DynamicPropertyRegistry;

import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetFiles;
import dev.wparflow.simulator.FleetOptions;

/**
 * The shipped demo fleet (deploy/simulator/fleet.yaml) on random ports for a Spring Boot test, and the properties that
 * point the application at it over real SSH with strict host keys, through the files the simulator writes.
 */
public final class DefaultFleet {

    private DefaultFleet() {
    }

    public static Fleet start() {
        try {
            return Fleet.start(FleetFiles.load(Path.of("deploy/simulator/fleet.yaml").toString()),
                    FleetOptions.forTests());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers the fleet's inventory, known_hosts and client key; {@code fleet} is asked when Spring reads them. */
    public static void register(DynamicPropertyRegistry registry, Supplier<Fleet> fleet) {
        registry.add("wparflow.inventory.file", () -> fleet.get().inventoryPath().toString());
        registry.add("wparflow.ssh.known-hosts", () -> fleet.get().knownHostsPath().toString());
        registry.add("wparflow.ssh.identities[0]", () -> fleet.get().clientKeyPath().toString());
        registry.add("wparflow.ssh.host-key-policy", () -> "strict");
    }
}
