package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShellQuoteTest {

    private static final String NASTY = " \t\n'\"`$\\;&|<>()[]{}*?!~#=%^,:@+-./_aZ09\u00e9\u00a0";
    private static final String SHELL_SPECIAL = " \t\n'\"`$\\;&|<>()[]{}*?!~#^\u00a0";

    @Test
    void safeWordsStayBare() {
        for (String w : List.of("lswpar", "-c", "/wpars/wpr00", "address=9.3.5.184", "name,state", "user@host",
                "50%", "a+b", "x:y")) {
            assertThat(ShellQuote.quote(w)).isEqualTo(w);
        }
    }

    @Test
    void everythingElseIsSingleQuotedWithEmbeddedQuotesEscaped() {
        assertThat(ShellQuote.quote("")).isEqualTo("''");
        assertThat(ShellQuote.quote("a b")).isEqualTo("'a b'");
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellQuote.quote("$(reboot)")).isEqualTo("'$(reboot)'");
        assertThat(ShellQuote.quote("-N address=9.3.5.184")).isEqualTo("'-N address=9.3.5.184'");
        assertThat(ShellQuote.quote("'")).isEqualTo("''\\'''");
        assertThatThrownBy(() -> ShellQuote.quote("a\0b")).isInstanceOf(InvalidArgumentException.class);
    }

    /** Splits a command line the way a POSIX shell does for the quoting we emit (bare words, '...', \'). */
    static List<String> posixSplit(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                cur = cur == null ? new StringBuilder() : cur;
                int end = line.indexOf('\'', i + 1);
                assertThat(end).as("unterminated quote in %s", line).isPositive();
                cur.append(line, i + 1, end);
                i = end;
            } else if (c == '\\') {
                cur = cur == null ? new StringBuilder() : cur;
                cur.append(line.charAt(++i));
            } else if (c == ' ') {
                if (cur != null) {
                    words.add(cur.toString());
                    cur = null;
                }
            } else {
                assertThat(SHELL_SPECIAL.indexOf(c)).as("unquoted metacharacter '%s' in %s", c, line).isNegative();
                cur = cur == null ? new StringBuilder() : cur;
                cur.append(c);
            }
        }
        if (cur != null) {
            words.add(cur.toString());
        }
        return words;
    }

    static String randomNasty(Random r) {
        int n = r.nextInt(12);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(NASTY.charAt(r.nextInt(NASTY.length())));
        }
        return b.toString();
    }

    @Test
    void noMetacharacterEverReachesTheLineUnquotedAndWordsRoundTrip() {
        Random r = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            List<String> argv = new ArrayList<>();
            argv.add("echo");
            for (int k = 0; k < 1 + r.nextInt(4); k++) {
                argv.add(randomNasty(r));
            }
            StringBuilder line = new StringBuilder();
            for (String w : argv) {
                line.append(line.length() == 0 ? "" : " ").append(ShellQuote.quote(w));
            }
            assertThat(posixSplit(line.toString())).isEqualTo(argv);
        }
    }

    @Test
    void aRealShellReceivesExactlyTheWords() throws Exception {
        Path sh = Path.of("/bin/sh");
        if (!Files.isExecutable(sh)) {
            return;
        }
        Random r = new Random(7);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String w = randomNasty(r);
            words.add(w.isEmpty() ? "x" : w);
        }
        words.add("$(touch /tmp/wparflow-pwned)");
        words.add("`id`; rm -rf /nonexistent");
        StringBuilder line = new StringBuilder("printf '%s\\0'");
        for (String w : words) {
            line.append(' ').append(ShellQuote.quote(w));
        }
        Process p = new ProcessBuilder(sh.toString(), "-c", line.toString()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String[] got = out.toString(StandardCharsets.UTF_8).split("\0", -1);
        assertThat(List.of(got).subList(0, got.length - 1)).isEqualTo(words);
        assertThat(Path.of("/tmp/wparflow-pwned")).doesNotExist();
    }

    @Test
    void commandsBuiltFromValidatedValuesAreQuotedOnlyWhereNeeded() {
        AixCommand c = AixCommand.of("savewpar").flag("-f", AbsolutePath.of("/backup/wpr00.save")).flag("-i")
                .arg(WparName.of("wpr00")).build();
        assertThat(c.argv()).containsExactly("savewpar", "-f", "/backup/wpr00.save", "-i", "wpr00");
        assertThat(c.commandLine()).isEqualTo("savewpar -f /backup/wpr00.save -i wpr00");
        // a WPAR name may legally contain $ # ? % @ - it is quoted, never interpreted
        AixCommand d = AixCommand.of("startwpar").arg(WparName.of("a$b#c?")).build();
        assertThat(d.commandLine()).isEqualTo("startwpar 'a$b#c?'");
        assertThat(posixSplit(d.commandLine())).containsExactly("startwpar", "a$b#c?");
    }

    @Test
    void theBuilderRefusesMalformedFlagsProgramsAndKeywords() {
        assertThatThrownBy(() -> AixCommand.of("lswpar; reboot")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("program");
        assertThatThrownBy(() -> AixCommand.of("lswpar").flag("-c; reboot"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("flag");
        assertThatThrownBy(() -> AixCommand.of("lswpar").option("-a", "name state"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("keyword");
        assertThatThrownBy(() -> AixCommand.of("lswpar").keyword("-rf"))
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> AttributeList.builder().keyword("vfs", "nfs;reboot"))
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> AttributeList.builder().put("bad-key", WparName.of("x")))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void argvIsImmutable() {
        AixCommand c = AixCommand.of("lswpar").build();
        assertThatThrownBy(() -> c.argv().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
