package dev.wparflow.run;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.wparflow.NodeIdentity;
import dev.wparflow.aix.AixShell;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.RunId;
import dev.wparflow.aix.WparflowRun;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockResource;

/**
 * Learns when detached runs end without asking every host every few seconds: per host, a {@code wparflow-run wait}
 * call that the host answers as soon as one of the listed runs ends (or after {@code wparflow.runs.wait}). The
 * answer is recorded and handed to the waiting process at once. A run started after a wait was sent is not in its
 * list, so it gets a wait of its own: started on this node, once the starting step has committed
 * ({@link RemoteRunService.RunStarted}); started on another, at the next round. The per-host poller lease keeps the
 * nodes of a cluster from all waiting on the same host.
 */
@Component
@ConditionalOnProperty(name = "wparflow.runs.poller.enabled", havingValue = "true", matchIfMissing = true)
public class RunWatcher {

    private static final Logger log = LoggerFactory.getLogger(RunWatcher.class);

    private final RemoteRunRepository runs;
    private final RemoteRunService service;
    private final AixShell shell;
    private final LeaseLockService locks;
    private final NodeIdentity node;
    private final Duration waitTime;
    private final Duration pollLease;
    private final ExecutorService waits;
    /** Per host: the run ids some wait in flight covers, and how many waits are in flight. */
    private final Map<String, Set<String>> covered = new HashMap<>();
    private final Map<String, Integer> inFlight = new HashMap<>();
    private volatile boolean stopping;
    /** Per host whose last wait failed: how long it is left alone, and until when (nanoTime). */
    private final Map<String, Backoff> backoffs = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per host whose poller lease this node holds: when it ends (nanoTime). */
    private final Map<String, Long> leaseDeadlines = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);
    private final LongSupplier nanoTime;

    @Autowired
    public RunWatcher(RemoteRunRepository runs, RemoteRunService service, AixShell shell, LeaseLockService locks,
            NodeIdentity node, @Value("${wparflow.runs.wait:PT20S}") Duration waitTime,
            @Value("${wparflow.runs.poll-lease:PT40S}") Duration pollLease) {
        this(runs, service, shell, locks, node, waitTime, pollLease, System::nanoTime);
    }

    /** With the monotonic time source the back-offs and lease deadlines are measured on (tests move it by hand). */
    RunWatcher(RemoteRunRepository runs, RemoteRunService service, AixShell shell, LeaseLockService locks,
            NodeIdentity node, Duration waitTime, Duration pollLease, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.runs = runs;
        this.service = service;
        this.shell = shell;
        this.locks = locks;
        this.node = node;
        this.waitTime = waitTime.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : waitTime;
        this.pollLease = pollLease.compareTo(this.waitTime.multipliedBy(2)) < 0 ? this.waitTime.multipliedBy(3) : pollLease;
        AtomicInteger n = new AtomicInteger();
        this.waits = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "run-watcher-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * One round (the scheduler's, every {@code wparflow.runs.poll-interval}): hands over finished runs whose process
     * had not reached its wait before, and sends a wait for every host with running runs no wait covers.
     */
    public void round() {
        List<RemoteRun> open = runs.openRuns();
        Map<String, List<RemoteRun>> byHost = open.stream().collect(Collectors.groupingBy(RemoteRun::host));
        byHost.forEach((host, hostRuns) -> {
            List<RemoteRun> finished = hostRuns.stream().filter(RemoteRun::finished).toList();
            if (!finished.isEmpty()) {
                try {
                    service.handOverAndForget(host, finished);
                } catch (RuntimeException failure) {
                    log.warn("handing over runs of {} failed, next round retries: {}", host, failure.getMessage());
                }
            }
            watch(host, hostRuns);
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void onRunStarted(RemoteRunService.RunStarted started) {
        watch(started.host(), runs.openRuns(started.host()));
    }

    /** Sends a wait for those of the host's running runs that no wait in flight covers. */
    private void watch(String host, List<RemoteRun> hostRuns) {
        if (stopping) {
            return;
        }
        Backoff backoff = backoffs.get(host);
        if (backoff != null && nanoTime.getAsLong() < backoff.until()) {
            return;
        }
        List<String> running;
        synchronized (this) {
            // RUNNING only: a STARTING run may not exist on the host yet, and "unknown" would then read as lost;
            // and only runs no wait in flight covers: each run is in one wait, so its end is fetched and recorded once
            Set<String> waitedFor = covered.getOrDefault(host, Set.of());
            running = hostRuns.stream().filter(r -> r.state() == RemoteRun.State.RUNNING)
                    .map(RemoteRun::runId).filter(id -> !waitedFor.contains(id)).toList();
            if (running.isEmpty()) {
                return;
            }
            covered.computeIfAbsent(host, h -> new HashSet<>()).addAll(running);
            inFlight.merge(host, 1, Integer::sum);
        }
        try {
            waits.execute(() -> waitOnce(host, running));
        } catch (RejectedExecutionException shuttingDown) {
            done(host, running);
        }
    }

    private void waitOnce(String host, List<String> running) {
        List<RemoteRun> open = null;
        try {
            if (!holdLease(host)) {
                return; // another node watches this host
            }
            Origin origin = Origin.background("wait for runs");
            Map<String, WparflowRun.RunStatus> statuses = WparflowRun.parseStatus(shell.read(host,
                    WparflowRun.await((int) waitTime.toSeconds(), running.stream().map(RunId::of).toList()), origin));
            // every listed run was RUNNING when the wait was sent, and only the first report of its end counts
            for (String runId : running) {
                service.record(host, runId, statuses.get(runId), origin);
            }
            open = runs.openRuns(host);
            service.handOverAndForget(host, open.stream().filter(RemoteRun::finished).toList());
            backoffs.remove(host);
        } catch (RuntimeException failure) {
            Duration pause = backOff(host);
            log.warn("waiting for runs on {} failed, asking again in {} s: {}", host, pause.toMillis() / 1000.0,
                    failure.getMessage());
            giveBackLease(host);
        } finally {
            done(host, running);
        }
        if (open != null) {
            // at once for runs that started meanwhile on another node (this node's own get a wait as they start);
            // after a failure only the next round asks the host again
            watch(host, open);
        }
    }

    /**
     * Takes or renews the host's poller lease, unless this node holds it for longer than a wait still needs. The lease
     * is kept between waits, not given back after each (that cost two transactions per run): a node keeps the hosts
     * it watches until it stops or a wait fails (then it gives them back) or dies (then they expire after
     * {@code wparflow.runs.poll-lease}); runs that other nodes start there are waited for from its next round.
     */
    private boolean holdLease(String host) {
        long now = nanoTime.getAsLong();
        Long deadline = leaseDeadlines.get(host);
        if (deadline != null && deadline - now > waitTime.plus(LEASE_MARGIN).toNanos()) {
            return true;
        }
        boolean acquired = locks.acquire(LockResource.poller(host), node.id(), "run watcher", pollLease).acquired();
        if (acquired) {
            leaseDeadlines.put(host, now + pollLease.toNanos());
            if (stopping) {
                // stop() may have given back the leases before this one was recorded: it must not outlive the node
                giveBackLease(host);
                return false;
            }
        } else {
            leaseDeadlines.remove(host);
        }
        return acquired;
    }

    /**
     * Gives the host's poller lease back: on shutdown, and after a failed wait, so that while this node backs off
     * another one (one that reaches the host, say) takes the host over instead of nobody watching it until the lease
     * expires.
     */
    private void giveBackLease(String host) {
        if (leaseDeadlines.remove(host) == null) {
            return;
        }
        try {
            locks.release(LockResource.poller(host), node.id());
        } catch (RuntimeException failure) {
            log.debug("poller lease of {} not given back: {}", host, failure.getMessage());
        }
    }

    /**
     * After a failed wait the host is left alone for a while, doubling from one second up to a wait's length: a host
     * that drops the connection would otherwise be asked every round, and each drop also cuts the commands the
     * process steps send it (a cancel, say). Its runs are still found when it answers again.
     */
    private Duration backOff(String host) {
        Backoff previous = backoffs.get(host);
        Duration pause = previous == null ? Duration.ofSeconds(1) : previous.pause().multipliedBy(2);
        if (pause.compareTo(waitTime) > 0) {
            pause = waitTime;
        }
        backoffs.put(host, new Backoff(pause, nanoTime.getAsLong() + pause.toNanos()));
        return pause;
    }

    private record Backoff(Duration pause, long until) {
    }

    /** Whether a wait to the host is in flight: one is counted from the moment {@link #watch} decides to send it. */
    synchronized boolean waitInFlight(String host) {
        return inFlight.containsKey(host);
    }

    /** A wait of the host's has ended: its runs are no longer covered. */
    private synchronized void done(String host, List<String> running) {
        Set<String> ids = covered.get(host);
        if (ids != null) {
            running.forEach(ids::remove);
        }
        if (inFlight.merge(host, -1, Integer::sum) <= 0) {
            inFlight.remove(host);
            covered.remove(host);
        }
    }

    /**
     * On shutdown the leases of the hosts this node watches are given back at once, so another node (or this one
     * restarted) takes over without waiting for them to expire; a node that dies keeps them until they expire.
     */
    @jakarta.annotation.PreDestroy
    void stop() {
        stopping = true;
        waits.shutdownNow();
        for (String host : new HashSet<>(leaseDeadlines.keySet())) {
            giveBackLease(host);
        }
    }
}
