package dev.wparflow.inventory.planted;

import dev.wparflow.bench.StartupBench;
import dev.wparflow.simulator.Fleet;

/** A planted violation for ArchitectureTest: production code using the simulator and a benchmark. */
public class InventoryThatUsesTheSimulator {
    public String describe(Fleet fleet, StartupBench bench) {
        return fleet.hosts().size() + " " + bench;
    }
}
