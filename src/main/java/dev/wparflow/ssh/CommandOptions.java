package dev.wparflow.ssh;

import java.time.Duration;

/**
 * Per-command options. {@code timeout} null means wparflow.ssh.exec-timeout. {@code idempotent}
 * marks a command that only reads (lswpar, lssyscfg): it may be re-sent if its connection is lost
 * while it runs. Everything else is never re-sent by the SSH layer; the process decides.
 */
public record CommandOptions(Duration timeout, boolean idempotent) {

    public static final CommandOptions DEFAULT = new CommandOptions(null, false);

    public static CommandOptions defaults() {
        return DEFAULT;
    }

    public static CommandOptions idempotentRead() {
        return new CommandOptions(null, true);
    }

    public static CommandOptions timeout(Duration timeout) {
        return new CommandOptions(timeout, false);
    }

    public CommandOptions withTimeout(Duration t) {
        return new CommandOptions(t, idempotent);
    }

    public CommandOptions asIdempotentRead() {
        return new CommandOptions(timeout, true);
    }
}
