package dev.wparflow.aix;

/** WPAR type as lswpar displays it: {@code S} system, {@code A} application (digest §1.3). */
public enum WparType {
    SYSTEM('S'),
    APPLICATION('A'),
    UNKNOWN('?');

    private final char code;

    WparType(char code) {
        this.code = code;
    }

    public String code() {
        return String.valueOf(code);
    }

    public static WparType parse(String s) {
        if (s == null) {
            return UNKNOWN;
        }
        String t = s.strip();
        if (t.equals("S") || t.equalsIgnoreCase("system")) {
            return SYSTEM;
        }
        if (t.equals("A") || t.equalsIgnoreCase("application")) {
            return APPLICATION;
        }
        return UNKNOWN;
    }
}
