package dev.wparflow.simulator;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A simulated fleet and an SSH client to its hosts for a simulator test class, registered as
 * {@code @RegisterExtension static final SimulatedFleet sim = SimulatedFleet.yaml(FLEET);}: started before the
 * class, reset to its file before each test (and, with {@link #instantCommands}, its time scale set to 0), closed
 * after the class.
 */
final class SimulatedFleet implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final Callable<Fleet> start;
    private final boolean instantCommands;
    private Fleet fleet;
    private SimSsh ssh;

    private SimulatedFleet(Callable<Fleet> start, boolean instantCommands) {
        this.start = start;
        this.instantCommands = instantCommands;
    }

    static SimulatedFleet yaml(String yaml) {
        return new SimulatedFleet(() -> Fleet.startYaml(yaml, FleetOptions.forTests()), false);
    }

    static SimulatedFleet file(Path file) {
        return new SimulatedFleet(() -> Fleet.start(file, FleetOptions.forTests()), false);
    }

    /** Each test starts with commands that take no time (time scale 0). */
    SimulatedFleet instantCommands() {
        return new SimulatedFleet(start, true);
    }

    Fleet fleet() {
        return fleet;
    }

    SimSsh ssh() {
        return ssh;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        fleet = start.call();
        ssh = new SimSsh(fleet);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        fleet.reset();
        if (instantCommands) {
            fleet.setTimeScale(0);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ssh.close();
        fleet.close();
    }
}
