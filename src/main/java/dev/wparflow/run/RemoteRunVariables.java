package dev.wparflow.run;

/**
 * The message and variables of a finished detached run. A model waits for its run at a message
 * catch event named {@value #MESSAGE} with an input parameter {@code runId} holding the id the start
 * step returned; the poller correlates to exactly that waiting execution.
 */
public final class RemoteRunVariables {

    public static final String MESSAGE = "CommandFinished";
    /** local variable of the waiting catch event */
    public static final String RUN_ID = "runId";
    /** set on correlation: EXITED, LOST or CANCELLED */
    public static final String RUN_STATE = "runState";
    /** set on correlation when the run exited */
    public static final String RUN_EXIT_CODE = "runExitCode";

    private RemoteRunVariables() {
    }
}
