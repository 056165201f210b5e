package dev.wparflow.aix;

import java.util.Optional;

import dev.wparflow.ssh.SshException;
import dev.wparflow.ssh.SshFailure;

/**
 * What a transport failure means for a process, without the transport's types. The transport's own exception
 * propagates from the gateway unchanged (a technical failure: the job retries, then an incident naming host, command
 * and reason); a step that treats a host that takes no connection as an outcome asks {@link #notConnected}.
 */
public final class HostUnreachable extends RuntimeException {

    private final String host;

    private HostUnreachable(SshException cause) {
        super(cause.getMessage(), cause);
        this.host = cause.host();
    }

    public String host() {
        return host;
    }

    /** Whether {@code failure} is a transport failure: no connection, authentication, host key, timeout, drop. */
    public static boolean isTransportFailure(Throwable failure) {
        return failure instanceof SshException;
    }

    /**
     * The transport failure in the cause chain of {@code failure} if no connection was made (refused or timed out,
     * so no command was sent), else empty.
     */
    public static Optional<HostUnreachable> notConnected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SshException ssh) {
                return ssh.failure() == SshFailure.CONNECT_REFUSED || ssh.failure() == SshFailure.CONNECT_TIMEOUT
                        ? Optional.of(new HostUnreachable(ssh)) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
