package dev.wparflow.ssh;

import java.time.Duration;

/**
 * Per-command options. {@code timeout} null means wparflow.ssh.exec-timeout. {@code idempotent}
 * marks a command that may be re-sent if its connection is lost while it runs: one that only reads (lswpar,
 * lssyscfg), or one that is idempotent by a key of its own ({@code wparflow-run start RUNID}: the helper starts a
 * run id at most once). Everything else is never re-sent by the SSH layer; the process decides. {@code stdin}, when not
 * null, is written to the command's standard input before it is closed.
 */
public record CommandOptions(Duration timeout, boolean idempotent, String stdin) {

    public static final CommandOptions DEFAULT = new CommandOptions(null, false, null);

    public CommandOptions(Duration timeout, boolean idempotent) {
        this(timeout, idempotent, null);
    }

    public static CommandOptions defaults() {
        return DEFAULT;
    }

    public static CommandOptions idempotentRead() {
        return new CommandOptions(null, true);
    }

    /**
     * A command that changes something but is idempotent by a key of its own, so sending it twice has the effect of
     * sending it once ({@code wparflow-run start RUNID}, {@code wparflow-run cancel RUNID}): re-sent like a read.
     */
    public static CommandOptions idempotentByKey() {
        return new CommandOptions(null, true);
    }

    public static CommandOptions timeout(Duration timeout) {
        return new CommandOptions(timeout, false);
    }

    public CommandOptions withTimeout(Duration t) {
        return new CommandOptions(t, idempotent, stdin);
    }

    public CommandOptions asIdempotentRead() {
        return new CommandOptions(timeout, true, stdin);
    }

    /**
     * Text sent to the command's standard input (UTF-8), then end of file; null sends nothing (EOF at once). It is
     * not part of the command line, so neither logs nor transcripts show it; a command that echoes it (tee) does.
     */
    public CommandOptions withStdin(String text) {
        return new CommandOptions(timeout, idempotent, text);
    }
}
