package dev.wparflow.aix;

import java.util.regex.Pattern;

/**
 * A fileset at a level, such as {@code bos.rte 6.1.2.3} (version.release.modification.fix, IBM's installp reference).
 * Levels compare numerically field by field: 6.1.2.10 is after 6.1.2.9.
 */
public record FilesetLevel(FilesetName fileset, String level) implements Comparable<FilesetLevel> {

    private static final Pattern LEVEL = Pattern.compile("\\d{1,9}(\\.\\d{1,9}){0,3}");

    public FilesetLevel {
        if (fileset == null) {
            throw new InvalidArgumentException("fileset", null, "must not be null");
        }
        if (level == null || !LEVEL.matcher(level).matches()) {
            throw new InvalidArgumentException("level", level, "must be a fileset level such as 6.1.2.3");
        }
    }

    public static FilesetLevel of(String fileset, String level) {
        return new FilesetLevel(FilesetName.of(fileset), level);
    }

    public String name() {
        return fileset.value();
    }

    /** Whether {@code level} is a fileset level (digits and dots, at most four fields). */
    public static boolean isLevel(String level) {
        return level != null && LEVEL.matcher(level).matches();
    }

    /** Compares two levels numerically, field by field (a missing field counts as 0). */
    public static int compareLevels(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    /** By fileset name, then by level. */
    @Override
    public int compareTo(FilesetLevel o) {
        int c = name().compareTo(o.name());
        return c != 0 ? c : compareLevels(level, o.level);
    }

    @Override
    public String toString() {
        return name() + " " + level;
    }
}
