package dev.wparflow.aix;

/** A process id (wparlockctl -p, RB:4662). Can only be constructed valid. */
public record Pid(long pid) implements ShellArg {

    public Pid {
        Validators.range("pid", pid, 1, Integer.MAX_VALUE);
    }

    public static Pid of(long pid) {
        return new Pid(pid);
    }

    @Override
    public String value() {
        return Long.toString(pid);
    }

    @Override
    public String toString() {
        return value();
    }
}
