package dev.wparflow.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every command line the fleet received (over SSH) and every detached run it executed: times,
 * host, user, raw line, argv, whether it was refused (shell metacharacters), exit status.
 */
public final class CommandLog {
    /** One entry; {@code end} and {@code exitStatus} are set when the command finishes. */
    public static final class Entry {
        public final Instant start;
        public final String host;
        public final String user;
        public final String raw;
        public final List<String> argv;
        public final boolean refused;
        public final String refusal;
        /** The wparflow-run RUNID for a detached execution, else null. */
        public final String runId;
        private volatile Instant end;
        private volatile Integer exitStatus;

        Entry(String host, String user, String raw, List<String> argv, String refusal, String runId) {
            this.start = Instant.now();
            this.host = host;
            this.user = user;
            this.raw = raw;
            this.argv = List.copyOf(argv);
            this.refused = refusal != null;
            this.refusal = refusal;
            this.runId = runId;
        }

        public Instant end() {
            return end;
        }

        public Integer exitStatus() {
            return exitStatus;
        }

        public String command() {
            return argv.isEmpty() ? "" : argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        }

        @Override
        public String toString() {
            return host + " " + user + " [" + raw + "]" + (refused ? " REFUSED " + refusal : "") + " -> " + exitStatus
                    + (runId == null ? "" : " (run " + runId + ")");
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    public Entry begin(String host, String user, String raw, List<String> argv, String refusal, String runId) {
        Entry e = new Entry(host, user, raw, argv, refusal, runId);
        synchronized (entries) {
            entries.add(e);
        }
        return e;
    }

    public void end(Entry e, Integer exitStatus) {
        e.exitStatus = exitStatus;
        e.end = Instant.now();
    }

    public List<Entry> entries() {
        synchronized (entries) {
            return new ArrayList<>(entries);
        }
    }

    public List<Entry> entries(String host) {
        return entries().stream().filter(e -> e.host.equals(host)).toList();
    }

    public List<Entry> refused() {
        return entries().stream().filter(e -> e.refused).toList();
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
