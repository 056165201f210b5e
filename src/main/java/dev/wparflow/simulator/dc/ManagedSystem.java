package dev.wparflow.simulator.dc;

import java.util.ArrayList;
import java.util.List;

/**
 * A managed system (a POWER server) as its HMCs see it: name, state ({@code Operating}, {@code Standby},
 * {@code Power Off}, ...), type-model, serial number and the pair of HMCs it is attached to. Mutable; the fleet
 * owns it.
 */
public final class ManagedSystem {
    public final String name;
    public volatile String state = "Operating";
    public String typeModel = "9117-MMA";
    public String serial = "0610A9C";
    public final List<String> hmcs = new ArrayList<>();

    public ManagedSystem(String name) {
        this.name = name;
    }
}
