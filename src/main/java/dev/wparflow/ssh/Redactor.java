package dev.wparflow.ssh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in a command line before it reaches a {@link CommandResult}, a log line or an
 * exception message. Masked: values registered as secrets (anywhere in the text), {@code password=…}
 * style assignments, {@code --password/--passwd/--secret/--token VALUE}, and {@code sshpass -p VALUE}.
 * A bare {@code -p} is not masked in general: on AIX it is usually a path or a port
 * ({@code mkdir -p}, {@code ssh -p}); register the value as a secret or add a pattern instead.
 */
public class Redactor {

    public static final String MASK = "****";

    private static final String VALUE = "('[^']*'|\"[^\"]*\"|[^\\s;&|]+)";

    private static final List<Pattern> BUILT_IN = List.of(
            Pattern.compile("(?i)\\b(?:password|passwd|pass|pwd|passphrase|secret|token|api[_-]?key)\\s*=\\s*" + VALUE),
            Pattern.compile("(?i)--(?:password|passwd|pass|passphrase|secret|token)(?:\\s+|=)" + VALUE),
            Pattern.compile("\\bsshpass\\s+-p\\s*" + VALUE));

    private final List<Pattern> patterns = new CopyOnWriteArrayList<>(BUILT_IN);
    /** Longest first, so that a secret containing another is masked whole. */
    private final Set<String> secrets = new ConcurrentSkipListSet<>(
            (a, b) -> a.length() != b.length() ? Integer.compare(b.length(), a.length()) : a.compareTo(b));

    public Redactor() {
    }

    public Redactor(Collection<String> extraPatterns) {
        for (String p : extraPatterns) {
            addPattern(p);
        }
    }

    /** Every later redaction masks this value wherever it appears. Values shorter than 4 characters are ignored (too many false hits). */
    public void registerSecret(String secret) {
        if (secret != null && secret.length() >= 4) {
            secrets.add(secret);
        }
    }

    /** A regex whose group 1 (or whole match, if it has no group) is a secret. */
    public void addPattern(String regex) {
        patterns.add(Pattern.compile(regex));
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        for (Pattern p : patterns) {
            out = maskGroups(p, out);
        }
        return out;
    }

    private static String maskGroups(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        int last = 0;
        List<int[]> spans = new ArrayList<>();
        do {
            int g = m.groupCount() >= 1 && m.group(1) != null ? 1 : 0;
            spans.add(new int[] {m.start(g), m.end(g)});
        } while (m.find());
        for (int[] span : spans) {
            sb.append(text, last, span[0]).append(MASK);
            last = span[1];
        }
        return sb.append(text.substring(last)).toString();
    }
}
