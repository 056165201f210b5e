package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * An immutable remote command: program and argv, and the one POSIX-shell-quoted command line sent over SSH.
 * This builder is the only place in wparflow where a command line is assembled; nothing else may concatenate
 * command strings (DESIGN.md §4). Everything that varies per call goes in as a validated {@link ShellArg},
 * an {@link AttributeList} or a {@link MkwparOptions}; literal flags and keywords are code constants and are
 * checked too.
 *
 * <pre>{@code AixCommand.of("savewpar").flag("-f", imagePath).flag("-i").arg(wparName).build()}</pre>
 */
public final class AixCommand {

    private static final Pattern PROGRAM = Pattern.compile("(/[A-Za-z0-9_.-]+)+|[A-Za-z][A-Za-z0-9_.-]*");
    private static final Pattern FLAG = Pattern.compile("-[A-Za-z@][A-Za-z0-9@]*|--[a-z][a-z0-9-]*");

    private final List<String> argv;

    private AixCommand(List<String> argv) {
        this.argv = Collections.unmodifiableList(new ArrayList<>(argv));
    }

    /** Starts a command for a program name ({@code lswpar}) or absolute program path ({@code /opt/mcr/bin/movewpar}). */
    public static Builder of(String program) {
        if (program == null || !PROGRAM.matcher(program).matches()) {
            throw new InvalidArgumentException("program", program, "must be a plain program name or absolute path");
        }
        return new Builder(program);
    }

    /** The program, as given to {@link #of}. */
    public String program() {
        return argv.get(0);
    }

    /** The program name without its directory ({@code movewpar} for {@code /opt/mcr/bin/movewpar}). */
    public String programName() {
        String p = argv.get(0);
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** argv[0] is the program; the rest are the arguments exactly as the program receives them. */
    public List<String> argv() {
        return argv;
    }

    /** The command line: each argv word shell-quoted by {@link ShellQuote#quote}, joined by single spaces. */
    public String commandLine() {
        StringJoiner j = new StringJoiner(" ");
        argv.forEach(w -> j.add(ShellQuote.quote(w)));
        return j.toString();
    }

    @Override
    public String toString() {
        return commandLine();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AixCommand c && c.argv.equals(argv);
    }

    @Override
    public int hashCode() {
        return argv.hashCode();
    }

    public static final class Builder {
        private final List<String> argv = new ArrayList<>();

        private Builder(String program) {
            argv.add(program);
        }

        private static String checkFlag(String flag) {
            if (flag == null || !FLAG.matcher(flag).matches()) {
                throw new InvalidArgumentException("flag", flag, "must look like -x, -xy or --long-name");
            }
            return flag;
        }

        /** A flag without a value, e.g. {@code -L}. */
        public Builder flag(String flag) {
            argv.add(checkFlag(flag));
            return this;
        }

        /** A flag followed by one validated value word, e.g. {@code -f /backup/wpr00.save}. */
        public Builder flag(String flag, ShellArg value) {
            argv.add(checkFlag(flag));
            argv.add(value.value());
            return this;
        }

        /** A flag followed by attribute words, e.g. {@code -M dev=/x directory=/ vfs=nfs}. */
        public Builder flag(String flag, AttributeList attributes) {
            if (attributes.isEmpty()) {
                throw new InvalidArgumentException(flag, "", "attribute list must not be empty");
            }
            argv.add(checkFlag(flag));
            argv.addAll(attributes.words());
            return this;
        }

        /** A flag followed by a single word holding mkwpar options, e.g. {@code -M '-N address=9.3.5.184'}. */
        public Builder flag(String flag, MkwparOptions options) {
            argv.add(checkFlag(flag));
            argv.add(options.asArgument());
            return this;
        }

        /**
         * A flag followed by a keyword from code, e.g. {@code -r sys}, {@code -o define}, {@code -F name,state}.
         * The keyword must be bare-safe ({@code [A-Za-z0-9_@%+=:,./-]}), so it never needs quoting.
         */
        public Builder option(String flag, String keyword) {
            argv.add(checkFlag(flag));
            argv.add(keywordCheck(keyword));
            return this;
        }

        /** A flag followed by a free-form value word that is only ever quoted (HMC {@code --filter} data). */
        Builder optionQuoted(String flag, String value) {
            argv.add(checkFlag(flag));
            if (value.indexOf('\0') >= 0 || value.indexOf('\n') >= 0) {
                throw new InvalidArgumentException(flag, value, "must not contain NUL or newline");
            }
            argv.add(value);
            return this;
        }

        /** A bare keyword operand from code (e.g. {@code sys0}). */
        public Builder keyword(String keyword) {
            argv.add(keywordCheck(keyword));
            return this;
        }

        private static String keywordCheck(String k) {
            if (k == null || !ShellQuote.isBareSafe(k) || k.startsWith("-")) {
                throw new InvalidArgumentException("keyword", k,
                        "must be made of [A-Za-z0-9_@%+=:,./-] and not start with '-'");
            }
            return k;
        }

        /** A validated operand. */
        public Builder arg(ShellArg value) {
            argv.add(value.value());
            return this;
        }

        /** {@code --}: what follows are operands, even if they start with '-'. */
        public Builder endOfOptions() {
            argv.add("--");
            return this;
        }

        /**
         * Another command's words as operands: wrapping a command (for example after
         * {@code wparflow-run start RUNID --}); each word was validated when that command was built.
         */
        public Builder command(AixCommand inner) {
            argv.addAll(inner.argv());
            return this;
        }

        /** Validated operands, in order. */
        public Builder args(Collection<? extends ShellArg> values) {
            values.forEach(this::arg);
            return this;
        }

        /** Attribute words as operands (no flag in front). */
        public Builder attributes(AttributeList attributes) {
            argv.addAll(attributes.words());
            return this;
        }

        public AixCommand build() {
            return new AixCommand(argv);
        }
    }
}
