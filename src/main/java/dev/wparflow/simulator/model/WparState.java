package dev.wparflow.simulator.model;

/** The eight WPAR states of Redbook Table 4-1 (4.1.2), with the letter lswpar prints and the word of -L. */
public enum WparState {
    DEFINED('D', "Defined"),
    ACTIVE('A', "Active"),
    BROKEN('B', "Broken"),
    TRANSITIONAL('T', "Transitional"),
    PAUSED('P', "Paused"),
    FROZEN('F', "Frozen"),
    LOADED('L', "Loaded"),
    MOVING('M', "Moving");

    private final char letter;
    private final String word;

    WparState(char letter, String word) {
        this.letter = letter;
        this.word = word;
    }

    public char letter() {
        return letter;
    }

    public String word() {
        return word;
    }

    /** Accepts a letter (D), a word (Defined) or the enum name (DEFINED), case-insensitive. */
    public static WparState parse(String s) {
        for (WparState st : values()) {
            if (s.equalsIgnoreCase(st.word) || s.equalsIgnoreCase(st.name())
                    || (s.length() == 1 && Character.toUpperCase(s.charAt(0)) == st.letter)) {
                return st;
            }
        }
        throw new IllegalArgumentException("unknown WPAR state: " + s);
    }
}
