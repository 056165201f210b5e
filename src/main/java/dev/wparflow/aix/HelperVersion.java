package dev.wparflow.aix;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The preflight check of deploy/aix/wparflow-run: {@code wparflow-run version} must answer
 * {@code wparflow-run N} with N = {@link WparflowRun#PROTOCOL_VERSION}. A helper older than the version subcommand
 * prints its usage and exits 2, which the check reports as a failed command.
 */
public final class HelperVersion {

    private static final Pattern ANSWER = Pattern.compile("wparflow-run\\s+(\\d{1,4})");

    private HelperVersion() {
    }

    public static PreflightCheck check() {
        return new PreflightCheck("wparflow-run version", WparflowRun.version(), HelperVersion::parse);
    }

    /** The protocol version in {@code wparflow-run N}. */
    public static Integer parse(String out) {
        String line = out == null ? "" : out.strip();
        Matcher m = ANSWER.matcher(line);
        if (!m.matches()) {
            throw new UnexpectedOutputException("unknown format: wparflow-run version: expected 'wparflow-run N', not '"
                    + InvalidArgumentException.printable(line) + "'");
        }
        return Integer.parseInt(m.group(1));
    }
}
