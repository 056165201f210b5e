package dev.wparflow.simulator.command;

import dev.wparflow.simulator.run.RunManager;

/** What commands may need beyond their host: the registry (clogin) and the host's detached runs. */
public interface Services {
    Commands commands();

    RunManager runs();
}
