package dev.wparflow.process.lifecycle;

import java.util.Locale;

/**
 * What a lifecycle operation does to each WPAR (Redbook 4.1.1-4.1.2): {@code startwpar}, {@code stopwpar},
 * {@code stopwpar -F}, {@code rebootwpar}, or the recovery of a Broken (or stuck Transitional) WPAR.
 */
public enum LifecycleAction {
    START("start"), STOP("stop"), STOP_FORCE("stop-force"), REBOOT("reboot"), RECOVER("recover");

    private final String word;

    LifecycleAction(String word) {
        this.word = word;
    }

    /** As the request spells it. */
    public String word() {
        return word;
    }

    /** Whether it takes WPARs out of service, which the approval policy asks approval for. */
    public boolean disruptive() {
        return this != START;
    }

    public static LifecycleAction parse(String word) {
        String w = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        for (LifecycleAction a : values()) {
            if (a.word.equals(w)) {
                return a;
            }
        }
        throw new LifecycleRefusal("INVALID_REQUEST", "action must be start, stop, stop-force, reboot or recover, not '"
                + word + "'");
    }

    public static String[] words() {
        return java.util.Arrays.stream(values()).map(LifecycleAction::word).toArray(String[]::new);
    }
}
