package dev.wparflow.ssh;

import java.time.Duration;

/**
 * A technical SSH failure. Unchecked, so that Camunda's job retries handle it; its message (host,
 * redacted command, reason) becomes the Cockpit incident message. Never carries a secret: the command
 * is redacted before it gets here, and causes come from the transport, which sees no passwords.
 */
public class SshException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SshFailure failure;
    private final String host;
    private final String command;
    private final Duration timeout;

    public SshException(SshFailure failure, String host, String command, Duration timeout, String reason,
            Throwable cause) {
        super(message(failure, host, command, timeout, reason), cause);
        this.failure = failure;
        this.host = host;
        this.command = command;
        this.timeout = timeout;
    }

    public SshException(SshFailure failure, String host, String command, Duration timeout, String reason) {
        this(failure, host, command, timeout, reason, null);
    }

    private static String message(SshFailure failure, String host, String command, Duration timeout, String reason) {
        StringBuilder sb = new StringBuilder().append(failure).append(" on ").append(host);
        if (command != null) {
            sb.append(" running `").append(command).append('`');
        }
        sb.append(": ").append(reason);
        if (timeout != null && (failure == SshFailure.CONNECT_TIMEOUT || failure == SshFailure.COMMAND_TIMEOUT)) {
            sb.append(" (timeout ").append(SshDurations.format(timeout)).append(')');
        }
        return sb.toString();
    }

    /** Same failure for a command: used when a connect failure surfaces while running one. */
    SshException withCommand(String redactedCommand, Duration commandTimeout) {
        if (command != null) {
            return this;
        }
        SshException e = new SshException(failure, host, redactedCommand, timeout == null ? commandTimeout : timeout,
                reasonOnly(), getCause());
        return e;
    }

    private String reasonOnly() {
        String m = getMessage();
        int i = m.indexOf(": ");
        String r = i < 0 ? m : m.substring(i + 2);
        int t = r.lastIndexOf(" (timeout ");
        boolean shown = timeout != null && (failure == SshFailure.CONNECT_TIMEOUT || failure == SshFailure.COMMAND_TIMEOUT);
        return shown && t >= 0 ? r.substring(0, t) : r;
    }

    public SshFailure failure() {
        return failure;
    }

    public String host() {
        return host;
    }

    /** The redacted command, or null for a failure outside any command (connect). */
    public String command() {
        return command;
    }

    /** The timeout that applied, or null. */
    public Duration timeout() {
        return timeout;
    }
}
