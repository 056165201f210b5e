package dev.wparflow.aix;

/** An installp fileset name such as bos.rte. Can only be constructed valid. */
public record FilesetName(String value) implements ShellArg {

    public FilesetName {
        Validators.filesetName("fileset", value);
    }

    public static FilesetName of(String value) {
        return new FilesetName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
