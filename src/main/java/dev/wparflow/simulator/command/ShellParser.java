package dev.wparflow.simulator.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell does for quoting (single quotes, double
 * quotes, backslash), and refuses any line that would make a real shell do more than run one
 * simple command: unquoted {@code ; | & $ ` > < ( ) { } * ? [ ]}, newline, {@code #} or {@code ~}
 * at the start of a word, and {@code $} or a back-quote inside double quotes (expansions).
 * wparflow must quote every argument it sends; a refusal here proves it did not.
 */
public final class ShellParser {

    /** Result: the words, or the reason the line was refused. */
    public record Parsed(List<String> argv, String refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    private static final String UNQUOTED_META = ";|&$`<>(){}*?[]\n\r";

    private ShellParser() {
    }

    public static Parsed parse(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    return refuse("unterminated single quote at offset " + i);
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
                continue;
            }
            if (c == '"') {
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    char d = line.charAt(j);
                    if (d == '"') {
                        closed = true;
                        break;
                    }
                    if (d == '$' || d == '`') {
                        return refuse("expansion '" + d + "' inside double quotes at offset " + j);
                    }
                    if (d == '\\' && j + 1 < n) {
                        char e = line.charAt(j + 1);
                        if (e == '"' || e == '\\' || e == '$' || e == '`') {
                            word.append(e);
                            j += 2;
                            continue;
                        }
                        if (e == '\n') {
                            j += 2;
                            continue;
                        }
                    }
                    word.append(d);
                    j++;
                }
                if (!closed) {
                    return refuse("unterminated double quote at offset " + i);
                }
                inWord = true;
                i = j + 1;
                continue;
            }
            if (c == '\\') {
                if (i + 1 >= n) {
                    return refuse("trailing backslash");
                }
                char e = line.charAt(i + 1);
                if (e != '\n') {
                    word.append(e);
                    inWord = true;
                }
                i += 2;
                continue;
            }
            if (UNQUOTED_META.indexOf(c) >= 0) {
                return refuse("unquoted shell metacharacter '" + printable(c) + "' at offset " + i);
            }
            if (!inWord && (c == '#' || c == '~')) {
                return refuse("unquoted shell metacharacter '" + c + "' at offset " + i);
            }
            word.append(c);
            inWord = true;
            i++;
        }
        if (inWord) {
            words.add(word.toString());
        }
        return new Parsed(List.copyOf(words), null);
    }

    private static String printable(char c) {
        return c == '\n' ? "\\n" : c == '\r' ? "\\r" : String.valueOf(c);
    }

    private static Parsed refuse(String why) {
        return new Parsed(List.of(), why);
    }

    /** Quotes one word for a POSIX shell (used by the simulator's own tests and tools). */
    public static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || "-_./=,:@%+".indexOf(ch) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
