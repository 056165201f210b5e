package dev.wparflow.simulator.fault;

/** What an injected fault does. */
public enum FaultType {
    /** Sleep {@code latencyMillis} before running the command. */
    LATENCY,
    /** Do not run the command: print {@code message} on stderr and exit with {@code exitStatus}. */
    FAIL,
    /**
     * Do not run the command and exit 0 with no output: a command that reports success and does nothing (a
     * {@code chwpar} that changes nothing, an {@code lswpar} that lists nothing).
     */
    IGNORE,
    /**
     * Run the command, but first change one byte in the middle of the file its last argument names, as storage that
     * rots under a file in the repository would: {@code csum} then reports another digest than the one recorded, and
     * a listing finds the image corrupt. A missing file is left alone.
     */
    CORRUPT,
    /** Never answer (until the channel is closed or the run cancelled). */
    HANG,
    /** Run the command, then close the SSH connection before the exit status is sent. */
    DROP_CONNECTION,
    /**
     * Start the command and stall it mid-way (at its first timed phase, the WPAR in T and locked by the command), then
     * close the SSH connection after {@code latencyMillis}: the command is abandoned as when the client dies, and the
     * WPAR it was changing is left Broken.
     */
    ABANDON,
    /**
     * The command runs, but one fileset (the rule's {@code argContains}, fleet file {@code fileset:}) fails to apply:
     * installp (also when inuwpar runs it in a detached WPAR) or syncroot (the root part a syncwpar applies, the rule's
     * command {@code syncroot}) prints installp's failure summary for it and exits 1, its level unchanged. The rule is
     * asked per fileset by the software commands, never before a command.
     */
    FILESET_FAILURE,
    /** Close every new TCP connection at once (before the SSH banner). */
    REFUSE_CONNECTION,
    /** Reject every authentication attempt. */
    REJECT_AUTH,
    /** Present a different host key than the one in known_hosts. */
    WRONG_HOST_KEY;

    public boolean connectionLevel() {
        return this == REFUSE_CONNECTION || this == REJECT_AUTH || this == WRONG_HOST_KEY;
    }
}
