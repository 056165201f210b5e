package dev.wparflow.aix;

/** An AIX volume group name. Can only be constructed valid. */
public record VolumeGroupName(String value) implements ShellArg {

    public VolumeGroupName {
        Validators.volumeGroupName("volumeGroup", value);
    }

    public static VolumeGroupName of(String value) {
        return new VolumeGroupName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
