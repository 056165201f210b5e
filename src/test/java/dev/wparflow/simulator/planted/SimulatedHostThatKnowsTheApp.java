package dev.wparflow.simulator.planted;

import org.camunda.bpm.engine.RuntimeService;

import dev.wparflow.inventory.Inventory;

/** A planted violation for ArchitectureTest: the simulator using the application's types and Camunda. */
public class SimulatedHostThatKnowsTheApp {
    public int hosts(Inventory inventory, RuntimeService runtime) {
        return inventory.lpars().size() + runtime.hashCode();
    }
}
