package dev.wparflow.catalog;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.AixCommand;
import dev.wparflow.aix.UnexpectedOutputException;

/**
 * The file commands the catalog runs on a host that mounts the image repository. The Redbook uses none of them;
 * forms follow IBM's AIX command reference: {@code csum -h SHA1 FILE} (csum offers MD5 and SHA1 only), {@code wc -c
 * FILE}, {@code cp SRC DST}, {@code rm -f FILE…}, {@code cat FILE}.
 */
public final class RepositoryCommands {

    private static final Pattern CSUM = Pattern.compile("^([0-9A-Fa-f]{40})\\s+(\\S.*)$");
    private static final Pattern WC = Pattern.compile("^\\s*(\\d+)\\s+(\\S.*)$");

    private RepositoryCommands() {
    }

    public static AixCommand sha1(AbsolutePath file) {
        return AixCommand.of("csum").option("-h", "SHA1").arg(file).build();
    }

    /** "sha1:" and the digest in lower case. */
    public static String parseSha1(String out) {
        for (String line : out.lines().toList()) {
            Matcher m = CSUM.matcher(line.strip());
            if (m.matches()) {
                return "sha1:" + m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        throw new UnexpectedOutputException("csum: no SHA1 digest line");
    }

    public static AixCommand byteCount(AbsolutePath file) {
        return AixCommand.of("wc").flag("-c").arg(file).build();
    }

    public static long parseByteCount(String out) {
        for (String line : out.lines().toList()) {
            Matcher m = WC.matcher(line);
            if (m.matches()) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new UnexpectedOutputException("wc -c: no count line");
    }

    public static AixCommand copy(AbsolutePath from, AbsolutePath to) {
        return AixCommand.of("cp").arg(from).arg(to).build();
    }

    public static AixCommand remove(List<AbsolutePath> files) {
        AixCommand.Builder b = AixCommand.of("rm").flag("-f");
        files.forEach(b::arg);
        return b.build();
    }

    public static AixCommand cat(AbsolutePath file) {
        return AixCommand.of("cat").arg(file).build();
    }
}
