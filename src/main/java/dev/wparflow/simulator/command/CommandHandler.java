package dev.wparflow.simulator.command;

/** One simulated AIX command (or family). Returns the exit status. */
@FunctionalInterface
public interface CommandHandler {
    int run(Invocation inv) throws InterruptedException;
}
