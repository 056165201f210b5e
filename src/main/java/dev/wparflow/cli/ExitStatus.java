package dev.wparflow.cli;

/** The command line's exit statuses (docs/cli.md). */
public final class ExitStatus {

    /** done: the command did what it says; an operation followed to its end completed */
    public static final int DONE = 0;
    /** refused or failed: the server said no (403, 404, 409, four-eyes), or the operation ended refused, rejected, failed, rolled back or canceled */
    public static final int REFUSED_OR_FAILED = 1;
    /** usage: a wrong option or argument, or input the server refused with 400 naming the field */
    public static final int USAGE = 2;
    /** the operation is waiting for an approval (op wait --timeout ran out while it waited) */
    public static final int WAITING_FOR_APPROVAL = 3;
    /** the server cannot be reached, or did not accept the user and password */
    public static final int UNREACHABLE = 4;
    /** the operation is still running (op wait --timeout ran out, waiting for something else than an approval) */
    public static final int STILL_RUNNING = 5;

    private ExitStatus() {
    }
}
