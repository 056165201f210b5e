package dev.wparflow.aix;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Plain file commands on a host: {@code rm -f}, {@code tee} (text on stdin), {@code cat}, {@code df}, {@code mount}. */
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

    /** {@code cat FILE}. */
    public static AixCommand cat(AbsolutePath file) {
        return AixCommand.of("cat").arg(file).build();
    }

    /** {@code mount} without arguments: the mounted file systems, with the node of the remote ones. */
    public static AixCommand mount() {
        return AixCommand.of("mount").build();
    }

    /** A remote (NFS) mount as {@code mount} lists it: node, the directory it exports, where it is mounted. */
    public record NfsMount(String node, String remote, String mountPoint) {
    }

    /**
     * The remote mounts of {@code mount}'s table ({@code node mounted mounted-over vfs date options}, IBM's mount
     * reference): the rows whose node column is filled; local rows start with white space.
     */
    public static List<NfsMount> parseNfsMounts(String out) {
        List<NfsMount> mounts = new java.util.ArrayList<>();
        for (String line : out.lines().toList()) {
            if (line.isBlank() || Character.isWhitespace(line.charAt(0)) || line.startsWith("-")) {
                continue;
            }
            String[] w = line.strip().split("\\s+");
            if (w.length >= 4 && !(w[0].equals("node") && w[1].equals("mounted"))) {
                mounts.add(new NfsMount(w[0], w[1], w[2]));
            }
        }
        return mounts;
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
