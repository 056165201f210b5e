package dev.wparflow.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A table in lswpar's default layout: each column as wide as its widest cell plus two, a rule of dashes one longer
 * than the longest line under the heading.
 */
final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    Table(String... heading) {
        rows.add(heading);
        columns = heading.length;
    }

    Table row(Object... cells) {
        String[] r = new String[columns];
        for (int i = 0; i < columns; i++) {
            Object c = i < cells.length ? cells[i] : null;
            r[i] = c == null ? "-" : c.toString();
        }
        rows.add(r);
        return this;
    }

    /** Lines ending in a newline each. */
    String render() {
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], r[i].length() + 2);
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? r[i] : pad(r[i], width[i]));
            }
            lines.add(line.toString().stripTrailing());
        }
        int longest = lines.stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder(lines.get(0)).append('\n').append("-".repeat(longest + 1)).append('\n');
        for (int i = 1; i < lines.size(); i++) {
            out.append(lines.get(i)).append('\n');
        }
        return out.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
