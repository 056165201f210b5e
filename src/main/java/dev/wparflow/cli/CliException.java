package dev.wparflow.cli;

/** A failure the command line reports as one message and an exit status (ExitStatus), never a stack trace. */
public class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitStatus;
    private final transient Object body;

    public CliException(int exitStatus, String message) {
        this(exitStatus, message, null);
    }

    /** {@code body}: the server's answer, printed as it is under {@code --json} */
    public CliException(int exitStatus, String message, Object body) {
        super(message);
        this.exitStatus = exitStatus;
        this.body = body;
    }

    public int exitStatus() {
        return exitStatus;
    }

    public Object body() {
        return body;
    }
}
