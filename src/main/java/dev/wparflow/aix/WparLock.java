package dev.wparflow.aix;

/**
 * WPAR administrative locks with {@code /usr/lib/wpars/wparlockctl} (digest §1.21, RB:4653-4693): "an advisory
 * lock associated with a particular workload partition, process tree, and operation. Only one lock per workload
 * partition may exist at any time." Lock-managing commands refuse with 0960-246 while another process holds it.
 */
public final class WparLock {

    public static final String PROGRAM = "/usr/lib/wpars/wparlockctl";

    /**
     * The operation code the book uses with {@code -o} (RB:4662). Its meaning is [SILENT]; the refusal then names
     * stopwpar, so 6 is read as "stopwpar" [INFERENCE, digest §1.21].
     */
    public static final int OPERATION_STOPWPAR = 6;

    private WparLock() {
    }

    /** {@code wparlockctl -l -p PID -o OP NAME} (Example 4-23). */
    public static AixCommand lock(WparName name, Pid pid, int operation) {
        return build("-l", name, pid, operation);
    }

    /** {@code wparlockctl -u -p PID -o OP NAME} (Example 4-24). */
    public static AixCommand unlock(WparName name, Pid pid, int operation) {
        return build("-u", name, pid, operation);
    }

    private static AixCommand build(String mode, WparName name, Pid pid, int operation) {
        Validators.range("operation", operation, 0, 255);
        return AixCommand.of(PROGRAM).flag(mode).flag("-p", pid).option("-o", Integer.toString(operation)).arg(name)
                .build();
    }
}
