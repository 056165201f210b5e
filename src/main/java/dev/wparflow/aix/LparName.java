package dev.wparflow.aix;

/** An HMC logical-partition name. Can only be constructed valid. */
public record LparName(String value) implements ShellArg {

    public LparName {
        Validators.hmcName("lparName", value);
    }

    public static LparName of(String value) {
        return new LparName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
