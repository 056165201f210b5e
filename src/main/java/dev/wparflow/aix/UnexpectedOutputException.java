package dev.wparflow.aix;

import java.util.List;

/**
 * A parser met output it cannot understand. {@link AixOutcomes} turns it into {@link AixOutcome#UNEXPECTED_OUTPUT}.
 * Output whose format a parser does not know (a later AIX level, another locale) fails through {@link #unknownFormat}:
 * the message names the command and the line, so an administrator can report it and a developer can turn it into a
 * fixture, rather than the parser guessing.
 */
public class UnexpectedOutputException extends RuntimeException {

    /** What every {@link #unknownFormat} message starts with. */
    public static final String UNKNOWN_FORMAT = "unknown format";

    private final String command;
    private final int lineNumber;

    public UnexpectedOutputException(String message) {
        this(message, null, 0);
    }

    private UnexpectedOutputException(String message, String command, int lineNumber) {
        super(message);
        this.command = command;
        this.lineNumber = lineNumber;
    }

    /**
     * {@code unknown format: COMMAND, line N: 'TEXT': REASON}. N counts from 1; TEXT is the line with control
     * characters escaped, cut at 200 characters.
     */
    public static UnexpectedOutputException unknownFormat(String command, int lineNumber, String line, String reason) {
        String text = InvalidArgumentException.printable(line == null ? "" : line);
        if (text.length() > 200) {
            text = text.substring(0, 200) + "...";
        }
        return new UnexpectedOutputException(UNKNOWN_FORMAT + ": " + command + ", line " + lineNumber + ": '" + text
                + "': " + reason, command, lineNumber);
    }

    /**
     * The output as a whole lacks what {@code reason} names: points at its first non-blank line, or at
     * {@code line 0: ''} when the output is empty.
     */
    public static UnexpectedOutputException unknownFormat(String command, String output, String reason) {
        List<String> lines = TextTable.lines(output);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return unknownFormat(command, i + 1, lines.get(i), reason);
            }
        }
        return unknownFormat(command, 0, "", reason);
    }

    /** Whether this is an "unknown format" failure (as opposed to output that reports an error). */
    public boolean isUnknownFormat() {
        return command != null;
    }

    /** The command whose output was not understood, for {@link #unknownFormat} failures; else null. */
    public String command() {
        return command;
    }

    /** The line (from 1) that was not understood; 0 when the output was empty or for other failures. */
    public int lineNumber() {
        return lineNumber;
    }
}
