package dev.wparflow.simulator.command;

import java.util.ArrayList;
import java.util.List;

/**
 * AIX WPAR-command tables as the Redbook prints them: every column but the last is
 * {@code max(width of header, widest value) + 2} wide, and the dashed rule is one character longer
 * than the longest line (43 dashes for the wpr00 rows of Example 4-5, 47 for mynewname, 57 for
 * lswpar -N gordon). lswpar's default table additionally pads State to 7, Type to 6 and
 * Hostname to at least 10 (the book's columns).
 */
public final class Tables {
    private Tables() {
    }

    public static List<String> render(List<String> headers, List<List<String>> rows, int[] minWidths, boolean header) {
        int cols = headers.size();
        int[] w = new int[cols];
        for (int c = 0; c < cols; c++) {
            int max = headers.get(c).length();
            for (List<String> r : rows) {
                max = Math.max(max, r.get(c).length());
            }
            w[c] = Math.max(max + 2, minWidths == null ? 0 : minWidths[c]);
        }
        List<String> lines = new ArrayList<>();
        String head = line(headers, w);
        List<String> body = new ArrayList<>();
        int longest = head.length();
        for (List<String> r : rows) {
            String l = line(r, w);
            body.add(l);
            longest = Math.max(longest, l.length());
        }
        if (header) {
            lines.add(head);
            lines.add("-".repeat(longest + 1));
        }
        lines.addAll(body);
        return lines;
    }

    private static String line(List<String> cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String v = cells.get(c);
            if (c == cells.size() - 1) {
                sb.append(v);
            } else {
                sb.append(v).append(" ".repeat(w[c] - v.length()));
            }
        }
        return sb.toString().stripTrailing();
    }
}
