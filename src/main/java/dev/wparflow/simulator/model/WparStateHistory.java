package dev.wparflow.simulator.model;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every state change of every WPAR on every host of a fleet, in the order they happened, each with a fleet-wide
 * sequence number and the simulator's time. A WPAR appearing on a host (created, received, loaded with the fleet)
 * is a change from no state, one leaving it (removed, renamed, moved away) a change to no state. Tests assert on
 * this record instead of sampling {@code lswpar}, which can miss a short state or see a command before it began.
 * Keeps the latest {@link #DEFAULT_LIMIT} changes (a long-running demo fleet must not grow without bound); a test's
 * mark is far younger than that.
 */
public final class WparStateHistory {

    /** One change: {@code from} or {@code to} is null when the WPAR was not on the host before or after it. */
    public record Transition(long seq, Instant at, String host, String wpar, WparState from, WparState to) {
        @Override
        public String toString() {
            return "#" + seq + " " + host + " " + wpar + " " + letter(from) + "->" + letter(to);
        }
    }

    /** About 7 MiB of changes: hours of a busy simulated fleet, days of the demo. */
    public static final int DEFAULT_LIMIT = 50_000;

    private final Clock clock;
    private final int limit;
    private final ArrayDeque<Transition> transitions = new ArrayDeque<>();
    private long seq;

    public WparStateHistory() {
        this(Clock.systemUTC());
    }

    public WparStateHistory(Clock clock) {
        this(clock, DEFAULT_LIMIT);
    }

    /** Keeps the latest {@code limit} changes; older ones are forgotten as new ones come. */
    public WparStateHistory(Clock clock, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, not " + limit);
        }
        this.clock = clock;
        this.limit = limit;
    }

    /** Records one change and returns it; no-op changes (same state) are not changes and are not recorded. */
    public synchronized Transition record(String host, String wpar, WparState from, WparState to) {
        if (from == to) {
            return null;
        }
        Transition t = new Transition(++seq, clock.instant(), host, wpar, from, to);
        if (transitions.size() == limit) {
            transitions.removeFirst();
        }
        transitions.addLast(t);
        return t;
    }

    /** The sequence number of the latest change (0 before any): a mark for {@link #since}. */
    public synchronized long lastSeq() {
        return seq;
    }

    /** Every change, oldest first. */
    public synchronized List<Transition> transitions() {
        return List.copyOf(transitions);
    }

    /** The changes after the one numbered {@code mark}, oldest first. */
    public synchronized List<Transition> since(long mark) {
        return transitions.stream().filter(t -> t.seq() > mark).toList();
    }

    /** The changes of one WPAR on one host after {@code mark}, oldest first. */
    public List<Transition> of(String host, String wpar, long mark) {
        return since(mark).stream().filter(t -> t.host().equals(host) && t.wpar().equals(wpar)).toList();
    }

    /**
     * The states one WPAR went through on one host after {@code mark}, as lswpar letters: the state it left first,
     * then each state it entered; '-' where it was not on the host. "DTA" is Defined, then Transitional, then Active;
     * "" when it did not change.
     */
    public String path(String host, String wpar, long mark) {
        List<Transition> l = of(host, wpar, mark);
        if (l.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder().append(letter(l.get(0).from()));
        l.forEach(t -> sb.append(letter(t.to())));
        return sb.toString();
    }

    /** {@link #path(String, String, long)} over the whole history. */
    public String path(String host, String wpar) {
        return path(host, wpar, 0);
    }

    /** The largest number of WPARs, across all hosts, that were in {@code state} at the same moment. */
    public int maxSimultaneous(WparState state) {
        return maxSimultaneous(transitions(), state);
    }

    /**
     * The largest number of WPARs in {@code state} at the same moment over these changes, replayed in order; a WPAR
     * counts once it is seen entering the state (the history starts with every WPAR the fleet was loaded with).
     */
    public static int maxSimultaneous(List<Transition> changes, WparState state) {
        Objects.requireNonNull(state, "state");
        Map<String, WparState> current = new HashMap<>();
        int now = 0;
        int max = 0;
        for (Transition t : changes) {
            String key = t.host() + '\u0000' + t.wpar();
            if (current.get(key) == state) {
                now--;
            }
            if (t.to() == null) {
                current.remove(key);
            } else {
                current.put(key, t.to());
            }
            if (t.to() == state) {
                now++;
                max = Math.max(max, now);
            }
        }
        return max;
    }

    /** Forgets every change (the fleet is being reset); sequence numbers go on. */
    public synchronized void clear() {
        transitions.clear();
    }

    static char letter(WparState s) {
        return s == null ? '-' : s.letter();
    }
}
