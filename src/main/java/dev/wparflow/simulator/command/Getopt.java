package dev.wparflow.simulator.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * getopt(3)-style flag parsing: {@code spec} lists flag letters, a letter followed by ':' takes an
 * argument ("n:h:cF"). Flags may be grouped ({@code -imX}); parsing stops at {@code --} or the first
 * operand. Repeated flags keep every value ({@code -M} is repeatable).
 */
public final class Getopt {
    /** A flag that is not in the spec or lacks its argument. */
    public static final class BadFlag extends Exception {
        public final char flag;
        public final boolean missingArgument;

        BadFlag(char flag, boolean missingArgument) {
            super((missingArgument ? "flag requires an argument: " : "Not a recognized flag: ") + flag);
            this.flag = flag;
            this.missingArgument = missingArgument;
        }
    }

    private final Map<Character, List<String>> flags = new LinkedHashMap<>();
    private final List<String> operands = new ArrayList<>();

    public Getopt(List<String> args, String spec) throws BadFlag {
        this(args, spec, "");
    }

    /**
     * @param multi flags of the AIX {@code -M attribute=value ...} kind: the words after the flag's
     *              argument that look like {@code attribute=value} belong to it too (joined by a space)
     */
    public Getopt(List<String> args, String spec, String multi) throws BadFlag {
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i);
            if ("--".equals(a)) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.length() < 2) {
                break;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                int at = spec.indexOf(c);
                if (at < 0 || c == ':') {
                    throw new BadFlag(c, false);
                }
                boolean takesArg = at + 1 < spec.length() && spec.charAt(at + 1) == ':';
                if (takesArg) {
                    String value;
                    if (j + 1 < a.length()) {
                        value = a.substring(j + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new BadFlag(c, true);
                    }
                    if (multi.indexOf(c) >= 0) {
                        StringBuilder sb = new StringBuilder(value);
                        while (i + 1 < args.size() && !args.get(i + 1).startsWith("-") && args.get(i + 1).contains("=")) {
                            sb.append(' ').append(args.get(++i));
                        }
                        value = sb.toString();
                    }
                    flags.computeIfAbsent(c, k -> new ArrayList<>()).add(value);
                    break;
                }
                flags.computeIfAbsent(c, k -> new ArrayList<>()).add("");
            }
            i++;
        }
        while (i < args.size()) {
            operands.add(args.get(i++));
        }
    }

    public boolean has(char c) {
        return flags.containsKey(c);
    }

    public String get(char c) {
        List<String> v = flags.get(c);
        return v == null ? null : v.get(v.size() - 1);
    }

    public List<String> all(char c) {
        return flags.getOrDefault(c, List.of());
    }

    public List<String> operands() {
        return operands;
    }
}
