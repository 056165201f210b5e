package dev.wparflow.ssh;

/** Technical failures of the SSH layer. A non-zero exit status is not one of them: it is data in {@link CommandResult}. */
public enum SshFailure {
    /** TCP connection refused, host unreachable or unresolvable. */
    CONNECT_REFUSED,
    /** No TCP connection, or no completed key exchange and authentication, within connect-timeout / auth-timeout. */
    CONNECT_TIMEOUT,
    /** The server accepted none of our identities. */
    AUTH_FAILED,
    /** The host key is not in known_hosts (policy strict). */
    HOST_KEY_UNKNOWN,
    /** The host key differs from the one in known_hosts: possible man-in-the-middle. */
    HOST_KEY_CHANGED,
    /** The command did not finish within its timeout; its channel was closed. */
    COMMAND_TIMEOUT,
    /** The connection went away while the command ran: whether it ran, and how far, is unknown. */
    CONNECTION_LOST;

    /** True if the failure happened before any command was sent (the command certainly did not run). */
    public boolean beforeCommand() {
        return this != COMMAND_TIMEOUT && this != CONNECTION_LOST;
    }
}
