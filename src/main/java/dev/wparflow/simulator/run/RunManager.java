package dev.wparflow.simulator.run;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Detached runs of one host (the wparflow-run protocol): each run executes on an executor that does
 * not belong to any SSH session, so it survives the session that started it. A RUNID is started
 * at most once; its combined output, start, end and exit status are kept until forgotten.
 */
public final class RunManager {
    /** Executes the command of a run (argv after "--"), writing stdout and stderr to {@code out}. */
    @FunctionalInterface
    public interface RunExecutor {
        int execute(String runId, List<String> argv, OutputStream out) throws InterruptedException;
    }

    /** Exit status recorded for a cancelled run (128 + SIGTERM). */
    public static final int CANCELLED = 143;

    /** One run. */
    public static final class Run {
        public final String id;
        public final List<String> argv;
        public final Instant started;
        private final ByteArrayOutputStream output = new ByteArrayOutputStream();
        private volatile Instant ended;
        private volatile Integer exitStatus;
        private volatile Future<?> future;

        Run(String id, List<String> argv) {
            this.id = id;
            this.argv = List.copyOf(argv);
            this.started = Instant.now();
        }

        /** A finished run as a saved fleet state has it. */
        public Run(String id, List<String> argv, Instant started, Instant ended, int exitStatus, String output) {
            this.id = id;
            this.argv = List.copyOf(argv);
            this.started = started;
            this.ended = ended;
            this.exitStatus = exitStatus;
            byte[] b = output.getBytes(StandardCharsets.UTF_8);
            this.output.write(b, 0, b.length);
        }

        public boolean running() {
            return exitStatus == null;
        }

        public Integer exitStatus() {
            return exitStatus;
        }

        public Instant ended() {
            return ended;
        }

        public String output() {
            synchronized (output) {
                return output.toString(StandardCharsets.UTF_8);
            }
        }

        public String statusLine() {
            return running() ? id + " running" : id + " exited " + exitStatus;
        }
    }

    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final ExecutorService executor;
    private final RunExecutor runExecutor;
    private volatile Runnable onEnd = () -> { };

    public RunManager(ExecutorService executor, RunExecutor runExecutor) {
        this.executor = executor;
        this.runExecutor = runExecutor;
    }

    /** Starts the run unless the RUNID exists already; returns the run either way. */
    public Run start(String id, List<String> argv) {
        Run[] created = new Run[1];
        Run run = runs.computeIfAbsent(id, k -> created[0] = new Run(k, argv));
        if (created[0] != null) {
            OutputStream sink = new OutputStream() {
                @Override
                public void write(int b) {
                    synchronized (run.output) {
                        run.output.write(b);
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    synchronized (run.output) {
                        run.output.write(b, off, len);
                    }
                }
            };
            synchronized (run) {
                run.future = executor.submit(() -> {
                    int rc;
                    try {
                        rc = runExecutor.execute(id, argv, sink);
                    } catch (InterruptedException e) {
                        rc = CANCELLED;
                    } catch (RuntimeException e) {
                        rc = 1;
                        byte[] msg = ("wparflow-run: " + e + "\n").getBytes(StandardCharsets.UTF_8);
                        synchronized (run.output) {
                            run.output.write(msg, 0, msg.length);
                        }
                    }
                    run.ended = Instant.now();
                    run.exitStatus = rc;
                    synchronized (RunManager.this) {
                        RunManager.this.notifyAll();
                    }
                    onEnd.run();
                });
            }
        }
        return run;
    }

    /**
     * Blocks until at least one of {@code ids} is not running (finished or unknown) or {@code timeout} has passed;
     * the caller then reports every listed run's status.
     */
    public void awaitAny(List<String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (ids.stream().allMatch(id -> runs.get(id) != null && runs.get(id).running())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    /** Called after every run ends (the fleet saves its state). */
    public void onRunEnded(Runnable listener) {
        this.onEnd = listener;
    }

    /** Puts back a finished run of a saved fleet state; a RUNID already known is left as it is. */
    public void restore(Run finished) {
        if (finished.running()) {
            throw new IllegalArgumentException("only a finished run can be restored: " + finished.id);
        }
        runs.putIfAbsent(finished.id, finished);
    }

    /** True when every run has ended, waiting up to {@code timeout} for those still running. */
    public boolean awaitAllEnded(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (runs.values().stream().anyMatch(Run::running)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return true;
    }

    public Run get(String id) {
        return runs.get(id);
    }

    public List<Run> all() {
        return new ArrayList<>(runs.values());
    }

    /** Interrupts a running run; it records exit status 143. Returns false for an unknown RUNID. */
    public boolean cancel(String id) {
        Run r = runs.get(id);
        if (r == null) {
            return false;
        }
        Future<?> f;
        synchronized (r) {
            f = r.future;
        }
        if (r.running() && f != null) {
            f.cancel(true);
            if (f.isCancelled() && r.exitStatus == null) {
                // cancelled before it started to run
                r.ended = Instant.now();
                r.exitStatus = CANCELLED;
                synchronized (this) {
                    notifyAll();
                }
            }
        }
        return true;
    }

    /** Forgets a finished run; a running one is kept (returns false). */
    public boolean forget(String id) {
        Run r = runs.get(id);
        if (r == null || r.running()) {
            return false;
        }
        runs.remove(id);
        return true;
    }

    public void clear() {
        runs.values().forEach(r -> {
            if (r.future != null) {
                r.future.cancel(true);
            }
        });
        runs.clear();
    }
}
