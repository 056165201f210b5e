package dev.wparflow.aix;

import dev.wparflow.ssh.CommandResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link CommandResult} into an {@link AixResult}: exit 0 runs the parser; a non-zero exit is mapped
 * to an {@link AixOutcome} by message id ({@link AixMessages}) first, then by the text patterns below for
 * failures the Redbook does not print (digest §0.1), then to {@link AixOutcome#COMMAND_FAILED} with the first
 * stderr line.
 */
public final class AixOutcomes {

    private static final Pattern LOCK = Pattern.compile(
            "Workload partition (\\S+) is currently locked by (\\S+) \\(PID = (\\d+)\\)");

    /**
     * Text patterns for failures the book does not show (digest §0.1 [SILENT]). The simulator prints these texts;
     * on real AIX they match IBM's message wording. Order matters: first match wins.
     */
    private static final List<Map.Entry<Pattern, AixOutcome>> TEXT = List.of(
            Map.entry(Pattern.compile("(?i)could not find (a )?workload partition|workload partition \\S+ (does not exist|not found)"),
                    AixOutcome.WPAR_NOT_FOUND),
            Map.entry(Pattern.compile("(?i)workload partition (name )?\\S+ already exists"), AixOutcome.WPAR_NAME_TAKEN),
            Map.entry(Pattern.compile("(?i)not enough (free )?(space|partitions)|no space left on device"),
                    AixOutcome.NOT_ENOUGH_SPACE),
            Map.entry(Pattern.compile("(?i)not checkpointable|is not a checkpointable"), AixOutcome.NOT_CHECKPOINTABLE),
            Map.entry(Pattern.compile("(?i)(is|must be) (not )?in (the )?(a )?\\w+ state|wrong state|not in (a )?valid state"
                    + "|workload partition \\S+ is not (currently )?active"),
                    AixOutcome.WRONG_STATE),
            Map.entry(Pattern.compile("(?i)not a valid (savewpar )?(backup )?(image|archive)|not in backup format"),
                    AixOutcome.IMAGE_CORRUPT),
            Map.entry(Pattern.compile("(?i)0042-\\d{3}.*(does not exist|unable to find|not found)|nim object \\S+ (does not exist|not found)"
                    + "|there is no NIM object named"),
                    AixOutcome.NIM_OBJECT_NOT_FOUND),
            Map.entry(Pattern.compile("(?i)permission denied|not owner"), AixOutcome.PERMISSION_DENIED));

    private AixOutcomes() {
    }

    /** Interprets a command that has no output worth parsing (exit 0 → {@code Ok(null)}). */
    public static AixResult<Void> interpret(CommandResult r) {
        return interpret(r, out -> null);
    }

    /**
     * Exit 0: applies {@code parser} to stdout; a parser that throws {@link UnexpectedOutputException} gives
     * {@link AixOutcome#UNEXPECTED_OUTPUT}. Non-zero: classifies the failure.
     */
    public static <T> AixResult<T> interpret(CommandResult r, Function<String, T> parser) {
        List<AixMessage> messages = new ArrayList<>(AixMessages.scan(r.stderr()));
        messages.addAll(AixMessages.scan(r.stdout()));
        if (r.exitStatus() == 0) {
            try {
                return AixResult.ok(parser.apply(r.stdout() == null ? "" : r.stdout()), messages);
            } catch (UnexpectedOutputException e) {
                return AixResult.failed(new AixFailure(AixOutcome.UNEXPECTED_OUTPUT, null, e.getMessage(), r.host(),
                        r.command(), 0, Map.of()));
            }
        }
        return AixResult.failed(classify(r, messages));
    }

    /** Classifies a non-zero exit. */
    public static AixFailure classify(CommandResult r) {
        List<AixMessage> messages = new ArrayList<>(AixMessages.scan(r.stderr()));
        messages.addAll(AixMessages.scan(r.stdout()));
        return classify(r, messages);
    }

    private static AixFailure classify(CommandResult r, List<AixMessage> messages) {
        String program = programOf(r.command());
        String stderr = r.stderr() == null ? "" : r.stderr();
        String stdout = r.stdout() == null ? "" : r.stdout();
        String all = stderr + "\n" + stdout;
        for (AixMessage m : messages) {
            AixOutcome o = m.outcome();
            if (o == AixOutcome.INFORMATIONAL || o == AixOutcome.COMMAND_FAILED) {
                continue;
            }
            if (o == AixOutcome.COMMAND_NOT_FOUND) {
                o = commandNotFound(program);
            }
            Map<String, String> details = new LinkedHashMap<>();
            if (o == AixOutcome.LOCKED_BY_OTHER_PROCESS) {
                Matcher lm = LOCK.matcher(m.text());
                if (lm.find()) {
                    details.put("wpar", lm.group(1));
                    details.put("lockCommand", lm.group(2));
                    details.put("lockPid", lm.group(3));
                }
            }
            return failure(o, m.id(), line(m), r, details);
        }
        if (r.exitStatus() == 127 || all.contains(": not found") || all.contains(":  not found")) {
            return failure(commandNotFound(program), null, firstLine(stderr, stdout), r, Map.of());
        }
        if (program.equals("setclock")) {
            return failure(AixOutcome.CLOCK_SYNC_FAILED, null, firstLine(stderr, stdout), r, Map.of());
        }
        if ((program.equals("restwpar") || program.equals("lssavewpar"))
                && Pattern.compile("(?i)no such file or directory|cannot open|unable to open the backup device").matcher(all).find()) {
            return failure(AixOutcome.IMAGE_NOT_FOUND, null, firstLine(stderr, stdout), r, Map.of());
        }
        if (program.equals("chwpar") && all.contains("**ERROR: resources.")) {
            return failure(AixOutcome.INVALID_RESOURCE_CONTROL, null, firstMatching(all, "**ERROR:"), r, Map.of());
        }
        for (Map.Entry<Pattern, AixOutcome> e : TEXT) {
            Matcher m = e.getKey().matcher(all);
            if (m.find()) {
                return failure(e.getValue(), null, lineAround(all, m.start()), r, Map.of());
            }
        }
        // an unknown id still names the failure better than the first line
        for (AixMessage m : messages) {
            if (m.outcome() == AixOutcome.COMMAND_FAILED) {
                return failure(AixOutcome.COMMAND_FAILED, m.id(), line(m), r, Map.of());
            }
        }
        return failure(AixOutcome.COMMAND_FAILED, null, firstLine(stderr, stdout), r, Map.of());
    }

    private static AixOutcome commandNotFound(String program) {
        return program.startsWith("/opt/mcr/") ? AixOutcome.MCR_NOT_INSTALLED : AixOutcome.COMMAND_NOT_FOUND;
    }

    private static AixFailure failure(AixOutcome o, String id, String msg, CommandResult r, Map<String, String> d) {
        return new AixFailure(o, id, msg, r.host(), r.command(), r.exitStatus(), d);
    }

    private static String line(AixMessage m) {
        return (m.source().isEmpty() ? "" : m.source() + ": ") + m.id() + " " + m.text();
    }

    /** The program of a command line as {@link AixCommand#commandLine()} writes it (first word, unquoted). */
    static String programOf(String commandLine) {
        if (commandLine == null) {
            return "";
        }
        String s = commandLine.strip();
        int sp = s.indexOf(' ');
        String first = sp < 0 ? s : s.substring(0, sp);
        return first.replace("'", "");
    }

    static String firstLine(String stderr, String stdout) {
        for (String src : new String[] {stderr, stdout}) {
            if (src == null) {
                continue;
            }
            for (String l : src.split("\\R")) {
                String t = l.strip();
                if (!t.isEmpty() && !t.chars().allMatch(c -> c == '*')) {
                    return t;
                }
            }
        }
        return "";
    }

    private static String firstMatching(String text, String needle) {
        for (String l : text.split("\\R")) {
            if (l.contains(needle)) {
                return l.strip();
            }
        }
        return "";
    }

    private static String lineAround(String text, int pos) {
        int s = text.lastIndexOf('\n', pos - 1) + 1;
        int e = text.indexOf('\n', pos);
        return text.substring(s, e < 0 ? text.length() : e).strip();
    }
}
