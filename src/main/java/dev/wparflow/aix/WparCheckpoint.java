package dev.wparflow.aix;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checkpoint directory on the shared repository (Redbook 4.8, Example 4-29: {@code chkptwpar -k -d DIR NAME},
 * {@code restartwpar -d DIR NAME}). Beside what chkptwpar stores, the directory keeps the WPAR's spec file
 * ({@code DIR/wpar.spec}, written with {@code mkwpar -w -o DIR/wpar.spec -e NAME} just before the checkpoint): it
 * says which WPAR the checkpoint is of, and it defines the WPAR on another LPAR ({@code mkwpar -p -f}) before a
 * restart there, as live relocation does (RB:4751-4757). {@code du -s -k} (its size) and {@code rm -r -f} (retention)
 * follow IBM's AIX command reference; the book uses neither.
 */
public final class WparCheckpoint {

    /** The spec file kept in each checkpoint directory. */
    public static final String SPEC = "wpar.spec";

    private static final Pattern DU = Pattern.compile("^\\s*(\\d+)\\s+(\\S.*)$");

    private WparCheckpoint() {
    }

    /** {@code DIR/wpar.spec}. */
    public static AbsolutePath spec(AbsolutePath directory) {
        return AbsolutePath.of(directory.value() + "/" + SPEC);
    }

    /** The WPAR a spec names (its {@code general:} stanza's {@code name}); a spec without one is unexpected output. */
    public static String parseWparName(String specText) {
        try {
            return WparSpec.parse(specText).name()
                    .orElseThrow(() -> new UnexpectedOutputException("checkpoint spec: no name in its general stanza"));
        } catch (InvalidArgumentException notASpec) {
            throw new UnexpectedOutputException("checkpoint spec: " + notASpec.getMessage());
        }
    }

    /** {@code du -s -k DIR}. */
    public static AixCommand diskUsage(AbsolutePath directory) {
        return AixCommand.of("du").flag("-s").flag("-k").arg(directory).build();
    }

    /** The kilobytes of {@code du -s -k}'s line {@code "KB<tab>DIR"}. */
    public static long parseDiskUsageKb(String out) {
        for (String line : out.lines().toList()) {
            Matcher m = DU.matcher(line);
            if (m.matches()) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new UnexpectedOutputException("du -s -k: no 'KB directory' line");
    }

    /** {@code rm -r -f -- DIR}. */
    public static AixCommand removeDirectory(AbsolutePath directory) {
        return AixCommand.of("rm").flag("-r").flag("-f").endOfOptions().arg(directory).build();
    }
}
