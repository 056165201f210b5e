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
        List<String> lines = TextTable.lines(out);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || Character.isWhitespace(line.charAt(0)) || line.startsWith("-")) {
                continue;
            }
            String[] w = line.strip().split("\\s+");
            if (w[0].equals("node") && w.length > 1 && w[1].equals("mounted")) {
                continue;
            }
            // node, mounted, mounted over, vfs, then a date in the host's locale and the options: only the first
            // three are read, so a localized date does not matter
            if (w.length < 4 || !w[2].startsWith("/")) {
                throw UnexpectedOutputException.unknownFormat("mount", n + 1, line,
                        "expected 'node mounted mounted-over vfs date options'");
            }
            mounts.add(new NfsMount(w[0], w[1], w[2]));
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
        List<String> lines = TextTable.lines(out);
        boolean header = false;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            if (!header) {
                // the heading ends in "Mounted on"; another (a localized df) would make a word of it a mount point
                if (!line.startsWith("Filesystem") || !line.endsWith("Mounted on")) {
                    throw UnexpectedOutputException.unknownFormat("df", n + 1, line,
                            "expected the heading 'Filesystem ... Mounted on'");
                }
                header = true;
                continue;
            }
            String[] words = line.strip().split("\\s+");
            String last = words[words.length - 1];
            if (words.length < 2 || !last.startsWith("/")) {
                throw UnexpectedOutputException.unknownFormat("df", n + 1, line, "the last column is not a mount point");
            }
            mounted.add(last);
        }
        return mounted;
    }
}
