package dev.wparflow.ssh;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations the way ~/.lpar.cfg and sshd_config write them: {@code 600} (seconds), {@code 30m},
 * {@code 8h}, {@code 1d}, {@code 500ms}, or ISO-8601 ({@code PT8H}). Spring binds the same forms for
 * {@link SshProperties} through {@code @DurationUnit(SECONDS)}; this is for the command-line tools.
 */
public final class SshDurations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private SshDurations() {
    }

    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        Matcher m = SIMPLE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use 600, 30m, 8h or PT8H)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** Short human form: 250ms, 10s, 30m, 8h, 1h30m. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.toMillis() < 1000 || d.toMillisPart() != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.getSeconds();
        StringBuilder sb = new StringBuilder();
        if (s >= 3600) {
            sb.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60) {
            sb.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0) {
            sb.append(s).append('s');
        }
        return sb.toString();
    }
}
