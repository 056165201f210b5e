package dev.wparflow.process.software;

/**
 * How a system WPAR gets its software: SHARED uses the global environment's /usr read-only and keeps its own root part
 * (syncwpar); DETACHED has a private, writable /usr (mkwpar -l) and gets software with inuwpar.
 */
public enum WparKind {
    SHARED, DETACHED;

    /** From {@code lswpar -a privateusr}'s yes/no. */
    public static WparKind ofPrivateUsr(String privateUsr) {
        return "yes".equalsIgnoreCase(privateUsr == null ? "" : privateUsr.strip()) ? DETACHED : SHARED;
    }
}
