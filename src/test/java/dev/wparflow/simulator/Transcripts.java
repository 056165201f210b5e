package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Line-by-line comparison with a Redbook transcript. In an expected line, {@code {n}} stands for a
 * number that legitimately differs (PIDs, file counts, sizes, LV numbers) and {@code {date}} for a
 * date; in such lines runs of blanks match any run of blanks (column widths follow the numbers).
 * Every other line must be identical.
 */
final class Transcripts {
    private Transcripts() {
    }

    static void assertLines(String actual, String expected) {
        List<String> a = lines(actual);
        List<String> e = lines(expected);
        assertThat(a).as("line count of%n%s", actual).hasSameSizeAs(e);
        for (int i = 0; i < e.size(); i++) {
            String exp = e.get(i);
            if (exp.contains("{n}") || exp.contains("{date}")) {
                String regex = "\\Q" + exp.replaceAll(" +", "\\\\E\\\\s+\\\\Q")
                        .replace("{n}", "\\E\\d+\\Q").replace("{date}", "\\E.+\\Q") + "\\E";
                assertThat(a.get(i)).as("line %d", i + 1).matches(Pattern.compile(regex));
            } else {
                assertThat(a.get(i)).as("line %d of%n%s", i + 1, actual).isEqualTo(exp);
            }
        }
    }

    /** Asserts that the expected lines appear in order, as a prefix of the actual output. */
    static void assertStartsWith(String actual, String expectedPrefix) {
        List<String> a = lines(actual);
        List<String> e = lines(expectedPrefix);
        assertThat(a.size()).as("output too short:%n%s", actual).isGreaterThanOrEqualTo(e.size());
        assertLines(String.join("\n", a.subList(0, e.size())), expectedPrefix);
    }

    static List<String> lines(String s) {
        List<String> l = new ArrayList<>(List.of(s.split("\n", -1)));
        if (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) {
            l.remove(l.size() - 1);
        }
        return l;
    }
}
