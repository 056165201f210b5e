package dev.wparflow.process.maintenance;

import java.util.List;
import java.util.Locale;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.FilesetName;

/**
 * The software an operation installs in the global environments: installp filesets from a source directory,
 * everything newer in a source directory (install_all_updates), or an emgr interim fix package from a source
 * directory. Valid by construction (names and paths by the aix layer's rules).
 */
public record MaintenanceUpdate(Kind kind, AbsolutePath source, List<FilesetName> filesets, String fixPackage) {

    public enum Kind {
        INSTALLP("installp"), INSTALL_ALL_UPDATES("install_all_updates"), EMGR("emgr");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Kind parse(String word) {
            for (Kind k : values()) {
                if (k.word.equals(word == null ? null : word.strip().toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new MaintenanceRefusal("REQUEST_INVALID", "updateKind must be installp, install_all_updates or"
                    + " emgr, not " + word);
        }

        public static String[] words() {
            return java.util.Arrays.stream(values()).map(Kind::word).toArray(String[]::new);
        }
    }

    public MaintenanceUpdate {
        filesets = filesets == null ? List.of() : List.copyOf(filesets);
        if (kind == Kind.INSTALLP && filesets.isEmpty()) {
            throw new MaintenanceRefusal("REQUEST_INVALID", "installp needs the filesets to install");
        }
        if (kind == Kind.EMGR) {
            if (fixPackage == null || fixPackage.isBlank()) {
                throw new MaintenanceRefusal("REQUEST_INVALID", "emgr needs the interim fix package (fixPackage)");
            }
            fixPackageRule(fixPackage);
        }
    }

    /** A file name in the source directory: no slash, no shell metacharacter (the aix layer's path rule). */
    static String fixPackageRule(String name) {
        if (name.contains("/") || name.startsWith(".") || name.startsWith("-")) {
            throw new MaintenanceRefusal("REQUEST_INVALID", "fixPackage must be a file name in the source directory, "
                    + "not " + name);
        }
        AbsolutePath.of("/" + name);
        return null;
    }

    /** The fix package's path (emgr), else null. */
    public AbsolutePath fixPath() {
        return fixPackage == null ? null : AbsolutePath.of(source.value() + "/" + fixPackage);
    }

    /** installp bos.rte.libc bos.wpars from /images/updates */
    public String describe() {
        return switch (kind) {
            case INSTALLP -> "installp " + String.join(" ", filesets.stream().map(FilesetName::value).toList())
                    + " from " + source;
            case INSTALL_ALL_UPDATES -> "install_all_updates from " + source;
            case EMGR -> "emgr interim fix " + fixPackage + " from " + source;
        };
    }
}
