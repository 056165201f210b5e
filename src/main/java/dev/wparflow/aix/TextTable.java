package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Column tables as AIX prints them: a header line, optionally a line of dashes, then rows. A row whose
 * white-space-separated tokens match the header count is split on white space (robust against the book's
 * misaligned columns, RB:11011); otherwise it is cut at the header's column starts (needed when a column is
 * empty, e.g. the PID of an inoperative subsystem, or the last column holds spaces).
 */
final class TextTable {

    private TextTable() {
    }

    static List<Map<String, String>> parse(List<String> lines) {
        List<Map<String, String>> rows = new ArrayList<>();
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        if (i >= lines.size()) {
            return rows;
        }
        String header = lines.get(i++);
        List<String> names = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int p = 0;
        while (p < header.length()) {
            while (p < header.length() && header.charAt(p) == ' ') {
                p++;
            }
            if (p >= header.length()) {
                break;
            }
            int s = p;
            while (p < header.length() && header.charAt(p) != ' ') {
                p++;
            }
            names.add(header.substring(s, p));
            starts.add(s);
        }
        if (i < lines.size() && lines.get(i).strip().matches("-{3,}")) {
            i++;
        }
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                break;
            }
            String[] tok = line.strip().split("\\s+");
            Map<String, String> row = new LinkedHashMap<>();
            if (tok.length == names.size()) {
                for (int c = 0; c < names.size(); c++) {
                    row.put(names.get(c), tok[c]);
                }
            } else if (tok.length > names.size() && names.size() > 0) {
                // the last column holds spaces (lsvg -l mount points, lssrc descriptions)
                for (int c = 0; c < names.size() - 1; c++) {
                    row.put(names.get(c), tok[c]);
                }
                StringBuilder rest = new StringBuilder();
                for (int c = names.size() - 1; c < tok.length; c++) {
                    rest.append(c > names.size() - 1 ? " " : "").append(tok[c]);
                }
                row.put(names.get(names.size() - 1), rest.toString());
            } else {
                int[] cuts = new int[names.size() + 1];
                for (int c = 0; c < names.size(); c++) {
                    cuts[c] = snap(line, starts.get(c));
                }
                cuts[names.size()] = line.length();
                for (int c = 0; c < names.size(); c++) {
                    int s = Math.min(cuts[c], line.length());
                    int e = Math.max(s, Math.min(cuts[c + 1], line.length()));
                    row.put(names.get(c), line.substring(s, e).strip());
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** Moves a cut that falls inside a token back to the token's start (rows shifted by a column or two). */
    private static int snap(String line, int cut) {
        int b = Math.min(cut, line.length());
        while (b > 0 && b < line.length() && line.charAt(b - 1) != ' ' && line.charAt(b) != ' ') {
            b--;
        }
        return b;
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String l : text.split("\\R", -1)) {
            out.add(l.replace('\u00a0', ' ').stripTrailing());
        }
        return out;
    }

    /** Splits a delimited line on {@code sep}, honouring a backslash before the separator as an escape. */
    static List<String> splitEscaped(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == sep) {
                cur.append(sep);
                i++;
            } else if (c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
