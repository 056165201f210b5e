package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.wparflow.simulator.command.ShellParser;

class ShellParserTest {
    @Test
    void splitsWordsWithPosixQuoting() {
        assertThat(ShellParser.parse("restwpar -M '-N address=9.3.5.184' -f /backup/wpr00.save").argv())
                .containsExactly("restwpar", "-M", "-N address=9.3.5.184", "-f", "/backup/wpr00.save");
        assertThat(ShellParser.parse("echo \"a b\" c\\ d 'it'\\''s' \"q\\\"x\"").argv())
                .containsExactly("echo", "a b", "c d", "it's", "q\"x");
        assertThat(ShellParser.parse("  lswpar   -c  ").argv()).containsExactly("lswpar", "-c");
        assertThat(ShellParser.parse("echo ';' '|' '$HOME' '>'").refused()).isFalse();
        assertThat(ShellParser.parse("echo a#b").refused()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lswpar; rm -rf /", "lswpar | grep x", "lswpar && reboot", "lswpar &", "echo $HOME",
            "echo `id`", "lswpar > /tmp/x", "cat < /etc/passwd", "echo $(id)", "echo \"$HOME\"", "echo \"`id`\"",
            "ls *", "echo ~root", "lswpar # comment", "echo 'unterminated", "a\nb", "echo {a,b}"})
    void refusesUnquotedMetacharacters(String line) {
        ShellParser.Parsed p = ShellParser.parse(line);
        assertThat(p.refused()).as(line).isTrue();
        assertThat(p.argv()).isEmpty();
    }

    @Test
    void quoteRoundTrips() {
        for (String w : List.of("plain", "a b", "it's", "$x;y", "", "-N address=1.2.3.4")) {
            assertThat(ShellParser.parse("echo " + ShellParser.quote(w)).argv()).containsExactly("echo", w);
        }
    }
}
