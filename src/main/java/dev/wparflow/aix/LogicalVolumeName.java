package dev.wparflow.aix;

/** An AIX logical volume name. Can only be constructed valid. */
public record LogicalVolumeName(String value) implements ShellArg {

    public LogicalVolumeName {
        Validators.logicalVolumeName("logicalVolume", value);
    }

    public static LogicalVolumeName of(String value) {
        return new LogicalVolumeName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
