package dev.wparflow.simulator.fault;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fault: which host ("*" for any) and command base name ("*" for any; ignored by
 * connection-level faults), optionally an argument substring, and how many times it may still fire
 * ({@code -1}: always). With {@code every} N &gt; 1 it fires on the Nth, 2Nth, … matching command only, so which
 * commands it hits follows from their order, never from chance.
 */
public final class FaultRule {
    private final String host;
    private final String command;
    private final String argContains;
    private final FaultType type;
    private final long latencyMillis;
    private final int exitStatus;
    private final String message;
    private final AtomicInteger remaining;
    private final AtomicInteger fired = new AtomicInteger();
    private final int every;
    private final AtomicInteger matched = new AtomicInteger();

    public FaultRule(String host, String command, String argContains, FaultType type, long latencyMillis,
                     int exitStatus, String message, int times) {
        this(host, command, argContains, type, latencyMillis, exitStatus, message, times, 1);
    }

    public FaultRule(String host, String command, String argContains, FaultType type, long latencyMillis,
                     int exitStatus, String message, int times, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1, not " + every);
        }
        this.every = every;
        this.host = host == null ? "*" : host;
        this.command = command == null ? "*" : command;
        this.argContains = argContains;
        this.type = type;
        this.latencyMillis = latencyMillis;
        this.exitStatus = exitStatus;
        this.message = message;
        this.remaining = new AtomicInteger(times);
    }

    public static Builder on(String host) {
        return new Builder(host);
    }

    public boolean matches(String hostName, List<String> argv) {
        if (!"*".equals(host) && !host.equals(hostName)) {
            return false;
        }
        if (type.connectionLevel()) {
            return true;
        }
        if (argv.isEmpty()) {
            return false;
        }
        String base = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        if (!"*".equals(command) && !command.equals(base)) {
            return false;
        }
        return argContains == null || String.join(" ", argv).contains(argContains);
    }

    /** Takes one firing; false when used up, or when this matching command is not an Nth one. */
    public boolean consume() {
        if (remaining.get() == 0) {
            return false;
        }
        if (every > 1 && matched.incrementAndGet() % every != 0) {
            return false;
        }
        while (true) {
            int r = remaining.get();
            if (r == 0) {
                return false;
            }
            if (r < 0 || remaining.compareAndSet(r, r - 1)) {
                fired.incrementAndGet();
                return true;
            }
        }
    }

    public FaultType type() {
        return type;
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    public int exitStatus() {
        return exitStatus;
    }

    public String message() {
        return message;
    }

    public String host() {
        return host;
    }

    public String command() {
        return command;
    }

    /** The argument substring the rule asks for (the fileset of a {@link FaultType#FILESET_FAILURE}), or null. */
    public String argContains() {
        return argContains;
    }

    public int remaining() {
        return remaining.get();
    }

    public int fired() {
        return fired.get();
    }

    public int every() {
        return every;
    }

    @Override
    public String toString() {
        return type + " on " + host + "/" + command + (argContains == null ? "" : " [" + argContains + "]")
                + (every > 1 ? " every " + every : "") + " remaining " + remaining;
    }

    /** Fluent construction for tests: {@code FaultRule.on("lpar00").command("savewpar").fail(1, "...").times(1)}. */
    public static final class Builder {
        private final String host;
        private String command = "*";
        private String argContains;
        private FaultType type = FaultType.FAIL;
        private long latency;
        private int exit = 1;
        private String message;
        private int times = -1;
        private int every = 1;

        Builder(String host) {
            this.host = host;
        }

        public Builder command(String c) {
            this.command = c;
            return this;
        }

        public Builder argContains(String s) {
            this.argContains = s;
            return this;
        }

        public Builder latency(long ms) {
            this.type = FaultType.LATENCY;
            this.latency = ms;
            return this;
        }

        /** {@link FaultType#ABANDON}: the connection closes {@code afterMs} after the command has started. */
        public Builder abandon(long afterMs) {
            this.type = FaultType.ABANDON;
            this.latency = afterMs;
            return this;
        }

        public Builder fail(int exitStatus, String msg) {
            this.type = FaultType.FAIL;
            this.exit = exitStatus;
            this.message = msg;
            return this;
        }

        /**
         * {@link FaultType#FILESET_FAILURE}: {@code fileset} fails to apply when {@code installp} (or {@code syncroot},
         * see {@link #command}) installs it; set the command after this call to narrow it.
         */
        public Builder filesetFails(String fileset) {
            this.type = FaultType.FILESET_FAILURE;
            this.argContains = fileset;
            if ("*".equals(command)) {
                this.command = "installp";
            }
            return this;
        }

        /** {@link FaultType#CORRUPT}: one byte of the file the command's last argument names is changed first. */
        public Builder corrupt() {
            this.type = FaultType.CORRUPT;
            return this;
        }

        /** {@link FaultType#IGNORE}: the command is not run and exits 0 with no output. */
        public Builder ignore() {
            this.type = FaultType.IGNORE;
            return this;
        }

        public Builder type(FaultType t) {
            this.type = t;
            return this;
        }

        public Builder times(int n) {
            this.times = n;
            return this;
        }

        public Builder once() {
            return times(1);
        }

        /** Fire on every Nth matching command only (the Nth, 2Nth, …), each counting against {@code times}. */
        public Builder everyNth(int n) {
            this.every = n;
            return this;
        }

        public FaultRule build() {
            return new FaultRule(host, command, argContains, type, latency, exit, message, times, every);
        }
    }
}
