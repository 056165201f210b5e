package dev.wparflow.aix;

import java.util.Optional;

import dev.wparflow.ssh.SshException;

/**
 * Why a host took no command, for a step that reports it instead of failing: the host key is unknown or changed, the
 * host refused our identities, or no connection was made. Other transport failures (a command timed out, a dropped
 * connection) are not connection failures.
 */
public enum ConnectFailure {
    HOST_KEY,
    AUTH_FAILED,
    UNREACHABLE;

    /** The connection failure in the cause chain of {@code failure}, if it is one; its message is the transport's. */
    public static Optional<ConnectFailure> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SshException ssh) {
                return Optional.ofNullable(switch (ssh.failure()) {
                    case HOST_KEY_UNKNOWN, HOST_KEY_CHANGED -> HOST_KEY;
                    case AUTH_FAILED -> AUTH_FAILED;
                    case CONNECT_REFUSED, CONNECT_TIMEOUT -> UNREACHABLE;
                    case COMMAND_TIMEOUT, CONNECTION_LOST -> null;
                });
            }
        }
        return Optional.empty();
    }
}
