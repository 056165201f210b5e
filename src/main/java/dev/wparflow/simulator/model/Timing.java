package dev.wparflow.simulator.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Nominal durations of the commands that take time (milliseconds of simulated time) and the global
 * time scale that turns them into wall-clock time: 0 runs everything at once (tests), 1 at the
 * nominal pace (demos), 0.1 ten times faster.
 */
public final class Timing {
    public static final Map<String, Long> DEFAULTS = Map.of(
            "mkwpar", 8000L, "startwpar", 4000L, "stopwpar", 3000L, "rebootwpar", 7000L,
            "rmwpar", 2000L, "savewpar", 10000L, "restwpar", 12000L, "chwpar", 500L,
            "syncwpar", 3000L, "mkwpardata", 1000L);
    /** Part 2 defaults: wparexec, the three phases of a live move (Figure 4-2), checkpoint and restart. */
    public static final Map<String, Long> PART2 = Map.of(
            "wparexec", 3000L, "movewpar-spec", 2000L, "movewpar-memory", 5000L, "movewpar-finish", 1000L,
            "chkptwpar", 3000L, "restartwpar", 3000L, "restartwpar-resume", 500L);

    /** Set while a command runs under an ABANDON fault: its timed phases never end (until it is interrupted). */
    private static final ThreadLocal<Boolean> STALLED = ThreadLocal.withInitial(() -> false);

    private final Map<String, Long> durations = new ConcurrentHashMap<>(DEFAULTS);
    /** Commands whose pauses last until {@link #release} (tests: "still running when the test looks"). */
    private final java.util.Set<String> held = ConcurrentHashMap.newKeySet();
    private volatile double scale;

    public Timing(double scale) {
        this.scale = scale;
        durations.putAll(PART2);
    }

    public Timing(double scale, Map<String, Long> overrides) {
        this(scale);
        if (overrides != null) {
            durations.putAll(overrides);
        }
    }

    public double scale() {
        return scale;
    }

    /** Also for commands already pausing: their remaining time follows the new scale (0 ends them now). */
    public void setScale(double scale) {
        synchronized (this) {
            this.scale = scale;
            notifyAll();
        }
    }

    public void setDuration(String command, long nominalMillis) {
        synchronized (this) {
            durations.put(command, nominalMillis);
            notifyAll();
        }
    }

    /** From now on, {@code command}'s pauses (those already under way too) last until {@link #release}. */
    public void hold(String command) {
        held.add(command);
    }

    /** Lets {@code command}'s held pauses end as their duration says (at once if it has passed). */
    public void release(String command) {
        synchronized (this) {
            held.remove(command);
            notifyAll();
        }
    }

    public long wallMillis(String command) {
        return Math.round(durations.getOrDefault(command, 0L) * scale);
    }

    /** Runs once at the first timed phase of the command running on this thread (a fault's moment "during" it). */
    private static final ThreadLocal<Runnable> AT_FIRST_PAUSE = new ThreadLocal<>();

    /** {@code action} runs when the command on this thread reaches its first timed phase; null clears it. */
    public static void atFirstPauseOnThisThread(Runnable action) {
        AT_FIRST_PAUSE.set(action);
    }

    /** Stalls (or no longer stalls) the timed phases of the command running on this thread. */
    public static void stallOnThisThread(boolean stalled) {
        STALLED.set(stalled);
    }

    /**
     * Waits for the scaled duration of {@code command}, measured again whenever the scale or the duration changes, and
     * for as long as the command is held: a test can keep a command in its Transitional state ({@link #hold}, or a
     * large scale) and let it finish ({@link #release}, or scale 0). Interruptible (cancel, closed channel).
     */
    public void pause(String command) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException(command + " interrupted before its timed phase");
        }
        Runnable first = AT_FIRST_PAUSE.get();
        if (first != null) {
            AT_FIRST_PAUSE.remove();
            first.run();
        }
        if (STALLED.get()) {
            Thread.sleep(Long.MAX_VALUE);
        }
        long start = System.nanoTime();
        synchronized (this) {
            while (true) {
                if (held.contains(command)) {
                    wait();
                    continue;
                }
                long left = TimeUnit.MILLISECONDS.toNanos(wallMillis(command)) - (System.nanoTime() - start);
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }
}
