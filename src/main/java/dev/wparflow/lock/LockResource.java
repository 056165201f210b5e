package dev.wparflow.lock;

import java.util.regex.Pattern;

/**
 * What a lease lock protects, by name: {@code wpar:lpar00/wpr00}, {@code host:lpar00}, {@code nim:nim01}.
 * A WPAR is named by the global environment it lives in, so a WPAR and its copy on the arriving
 * system are two resources (relocation locks both hosts as well).
 */
public record LockResource(String name) {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");

    public LockResource {
        if (name == null || !name.matches("(wpar|host|nim|system|poller|slot|startup):[A-Za-z0-9_./-]{1,190}")) {
            throw new IllegalArgumentException("not a lock resource name: " + name);
        }
    }

    public static LockResource wpar(String lpar, String wpar) {
        return new LockResource("wpar:" + part("LPAR", lpar) + "/" + part("WPAR", wpar));
    }

    public static LockResource host(String lpar) {
        return new LockResource("host:" + part("LPAR", lpar));
    }

    public static LockResource nim(String nimMaster) {
        return new LockResource("nim:" + part("NIM master", nimMaster));
    }

    public static LockResource managedSystem(String system) {
        return new LockResource("system:" + part("managed system", system));
    }

    /** The right to poll a host's detached runs: one engine node at a time. */
    public static LockResource poller(String host) {
        return new LockResource("poller:" + part("host", host));
    }

    /** Slot {@code number} of a concurrency pool (fleet backup: {@code slot:backup-global/3}). */
    public static LockResource slot(String pool, int number) {
        if (number < 1) {
            throw new IllegalArgumentException("slot numbers start at 1: " + number);
        }
        return new LockResource("slot:" + part("slot pool", pool) + "/" + number);
    }

    /** A start-up step that one engine node at a time may run ({@code startup:identity}). */
    public static LockResource startup(String step) {
        return new LockResource("startup:" + part("start-up step", step));
    }

    private static String part(String what, String value) {
        if (value == null || !PART.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid " + what + " name for a lock: " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return name;
    }
}
