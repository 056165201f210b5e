package dev.wparflow.aix;

/**
 * Where a global environment installs software from: a directory such as an lpp_source or an update directory on the
 * image repository ({@code installp -d DIR}, {@code install_all_updates -d DIR}, {@code inuwpar -d DIR}). Can only be
 * constructed valid (an absolute path without '..' or shell metacharacters).
 */
public record SoftwareSource(AbsolutePath directory) implements ShellArg {

    public SoftwareSource {
        if (directory == null) {
            throw new InvalidArgumentException("source", null, "must be an absolute directory path");
        }
    }

    public static SoftwareSource of(String directory) {
        return new SoftwareSource(AbsolutePath.of(directory));
    }

    @Override
    public String value() {
        return directory.value();
    }

    @Override
    public String toString() {
        return directory.value();
    }
}
