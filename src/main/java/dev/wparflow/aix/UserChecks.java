package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.List;

/**
 * User-defined compatibility checks (Redbook 5.5.2, "Additional user-selected tests ... User-written scripts"): a
 * program given by its absolute path with fixed arguments, run on a global environment; exit status 0 passes. The
 * arguments are bare words ({@code [A-Za-z0-9_@%+=:,./-]}, not starting with '-' unless a flag) or the WPAR's and
 * systems' names, each one argv word: the command line is built here like every other, never concatenated.
 */
public final class UserChecks {

    private UserChecks() {
    }

    /** What a user-defined check gave: the command line, its exit status and output. */
    public record Run(String commandLine, int exitStatus, String stdout, String stderr) {

        public boolean passed() {
            return exitStatus == 0;
        }

        /** stdout and stderr, stripped, on one line each joined by " / " (at most 300 characters). */
        public String output() {
            String all = (stdout.strip() + "\n" + stderr.strip()).strip().lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).reduce((a, b) -> a + " / " + b).orElse("");
            return all.length() > 300 ? all.substring(0, 297) + "..." : all;
        }
    }

    /** One word of a user check's command line: a literal bare word, or a validated name. */
    public sealed interface Word permits Literal, Name {
    }

    /** A literal word from the configuration. */
    public record Literal(String text) implements Word {
        public Literal {
            if (text == null || text.isEmpty() || !ShellQuote.isBareSafe(text)) {
                throw new InvalidArgumentException("argument", text,
                        "must be a non-empty word of [A-Za-z0-9_@%+=:,./-] (no white space or shell metacharacters)");
            }
        }
    }

    /** A validated value (the WPAR's name, a host name). */
    public record Name(ShellArg value) implements Word {
    }

    /** {@code PROGRAM WORD…}. */
    public static AixCommand command(AbsolutePath program, List<Word> words) {
        AixCommand.Builder b = AixCommand.of(program.value());
        List<ShellArg> args = new ArrayList<>();
        for (Word w : words) {
            if (w instanceof Literal l) {
                args.add(() -> l.text());
            } else if (w instanceof Name n) {
                args.add(n.value());
            }
        }
        return b.args(args).build();
    }
}
