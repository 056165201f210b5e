package dev.wparflow.aix;

/** Id of a detached run of deploy/aix/wparflow-run. Can only be constructed valid. */
public record RunId(String value) implements ShellArg {

    public RunId {
        Validators.runId("runId", value);
    }

    public static RunId of(String value) {
        return new RunId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
