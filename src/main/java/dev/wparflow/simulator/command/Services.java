package dev.wparflow.simulator.command;

import dev.wparflow.simulator.run.RunManager;

/** What commands may need beyond their host: the registry (clogin) and the host's detached runs. */
public interface Services {
    Commands commands();

    RunManager runs();

    /** Managed systems, HMCs, other hosts, live moves (part 2); null outside a fleet. */
    default dev.wparflow.simulator.dc.DataCentre dataCentre() {
        return null;
    }

    /** The fleet's fault rules, for faults a command asks about itself (a fileset failing to apply); null outside a fleet. */
    default dev.wparflow.simulator.fault.Faults faults() {
        return null;
    }
}
