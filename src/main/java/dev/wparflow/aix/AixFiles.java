package dev.wparflow.aix;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Plain file commands on a host: {@code rm -f}, {@code tee} (text on stdin), {@code df}. */
public final class AixFiles {

    private AixFiles() {
    }

    /** {@code rm -f -- FILE…}: removing a file twice is fine. */
    public static AixCommand removeFiles(List<AbsolutePath> files) {
        AixCommand.Builder b = AixCommand.of("rm").flag("-f").endOfOptions();
        files.forEach(b::arg);
        return b.build();
    }

    /** {@code tee FILE}: writes stdin to the file. */
    public static AixCommand tee(AbsolutePath file) {
        return AixCommand.of("tee").arg(file).build();
    }

    /** {@code df} without arguments: every mounted file system. */
    public static AixCommand df() {
        return AixCommand.of("df").build();
    }

    /** The mount points (last column) df lists, without its heading line. */
    public static Set<String> parseMountPoints(String out) {
        Set<String> mounted = new LinkedHashSet<>();
        for (String line : out.lines().toList()) {
            String[] words = line.strip().split("\\s+");
            if (words.length >= 2 && !line.startsWith("Filesystem")) {
                mounted.add(words[words.length - 1]);
            }
        }
        return mounted;
    }
}
