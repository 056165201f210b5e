package dev.wparflow.aix;

import java.util.Locale;

/**
 * WPAR states as lswpar displays them. The eight of Table 4-1 (RB:2894-3031) plus Maintenance, which the
 * Redbook (AIX 6.1 TL2) does not have and IBM's AIX 7.1/7.2 lswpar reference adds ("put into maintenance mode
 * with the startwpar command"). Its one-letter code is not printed in that reference excerpt; {@code N} is
 * assumed and marked so. Codes that are none of these parse to {@link #UNKNOWN}.
 */
public enum WparState {
    DEFINED('D', "Defined"),
    ACTIVE('A', "Active"),
    BROKEN('B', "Broken"),
    TRANSITIONAL('T', "Transitional"),
    PAUSED('P', "Paused"),
    FROZEN('F', "Frozen"),
    LOADED('L', "Loaded"),
    MOVING('M', "Moving"),
    /** IBM AIX 7.x lswpar reference, not in the Redbook; letter {@code N} assumed. */
    MAINTENANCE('N', "Maintenance"),
    UNKNOWN('?', "Unknown");

    private final char code;
    private final String word;

    WparState(char code, String word) {
        this.code = code;
        this.word = word;
    }

    /** The one-letter code shown in the lswpar table and taken by {@code lswpar -s}. */
    public String code() {
        return String.valueOf(code);
    }

    /** The word shown in {@code lswpar -L} banners, e.g. {@code wpr03 - Active} (RB:8535). */
    public String word() {
        return word;
    }

    /** From a one-letter code ({@code A}) or a word ({@code Active}); {@link #UNKNOWN} otherwise. */
    public static WparState parse(String s) {
        if (s == null) {
            return UNKNOWN;
        }
        String t = s.strip();
        for (WparState st : values()) {
            if (st != UNKNOWN && (t.equals(st.code()) || t.equalsIgnoreCase(st.word))) {
                return st;
            }
        }
        return UNKNOWN;
    }

    @Override
    public String toString() {
        return word.toUpperCase(Locale.ROOT);
    }
}
