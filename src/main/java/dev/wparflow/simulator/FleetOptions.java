package dev.wparflow.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How to start a fleet: where keys and known_hosts live, whether to ignore the fleet file's ports
 * (tests: random ports), one shared host key for all hosts (benchmarks), a time-scale override.
 */
public final class FleetOptions {
    public Path dataDir = Path.of("data/simulator");
    public boolean randomPorts;
    public boolean sharedHostKey;
    public Double timeScale;
    public int nioThreads = 4;
    /** Keep the fleet's state in the data directory across restarts (docs/simulator.md, "Kept state"). */
    public boolean keepState;
    /** With {@link #keepState}: delete the saved state first and start from the fleet file. */
    public boolean resetState;

    public static FleetOptions defaults() {
        return new FleetOptions();
    }

    /** Random ports, time scale 0, keys in a fresh temporary directory. */
    public static FleetOptions forTests() {
        FleetOptions o = new FleetOptions();
        o.randomPorts = true;
        o.timeScale = 0.0;
        try {
            o.dataDir = Files.createTempDirectory("wparflow-sim");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return o;
    }

    public FleetOptions dataDir(Path dir) {
        this.dataDir = dir;
        return this;
    }

    public FleetOptions randomPorts(boolean b) {
        this.randomPorts = b;
        return this;
    }

    public FleetOptions sharedHostKey(boolean b) {
        this.sharedHostKey = b;
        return this;
    }

    public FleetOptions keepState(boolean b) {
        this.keepState = b;
        return this;
    }

    public FleetOptions resetState(boolean b) {
        this.resetState = b;
        return this;
    }

    public FleetOptions timeScale(Double scale) {
        this.timeScale = scale;
        return this;
    }
}
