package dev.wparflow.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.wparflow.lock.HeldLock;
import dev.wparflow.catalog.BackupRunRepository;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.HostRuntime;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.simulator.fault.FaultType;
import dev.wparflow.simulator.model.Wpar;

/**
 * {@code bench backup --faults KEY=VALUE,…}: faults of the simulator's fault injection for a fleet backup, all
 * deterministic (which commands and which WPARs they hit follows from the order of commands and from a rule, never
 * from chance), and the leak check after the run.
 * <ul>
 * <li>{@code drop-every=N} (7): on every host every Nth command loses its SSH connection after it ran;
 * {@code drops-per-host=K} (3) of them per host ({@code -1}: no limit; at most 3 keeps a step within its retries)</li>
 * <li>{@code fail-pct=P} (10): P % of each host's savewpars fail (0512-008); on host h the WPARs numbered
 * (3h+1+k) mod M for k below ceil(M x P / 100)</li>
 * <li>{@code down-host=I} (two thirds into the fleet), {@code down-at=S} (the host's first savewpar; or seconds after
 * the run's message), {@code down-for=S} (40; 0: no outage): that host refuses connections, open sessions cut, for S seconds</li>
 * <li>{@code stop-wpars=K} (2): the first K WPARs of each host are Active with the stop policy (stopped for savewpar,
 * restarted after), and {@code active-wpars=A} (5) are Active at all: what can be left stopped</li>
 * </ul>
 * {@code --faults default} takes every default.
 */
final class BackupFaults {

    static final String USAGE = "[--faults default|drop-every=N,drops-per-host=K,fail-pct=P,down-host=I,"
            + "down-at=first-save|S,down-for=S,stop-wpars=K,active-wpars=A]";

    int dropEvery = 7;
    int dropsPerHost = 3;
    int failPercent = 10;
    int downHost = -1;
    Double downAtSeconds; // null: at the host's first savewpar
    int downForSeconds = 40;
    int stopWpars = 2;
    int activeWpars = 5;
    private final List<FaultRule> drops = new ArrayList<>();

    static BackupFaults parse(String spec) {
        BackupFaults f = new BackupFaults();
        if (spec.equals("default")) {
            return f;
        }
        for (String pair : spec.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("--faults: KEY=VALUE expected, not " + pair);
            }
            String v = kv[1].strip();
            switch (kv[0].strip()) {
                case "drop-every" -> f.dropEvery = Integer.parseInt(v);
                case "drops-per-host" -> f.dropsPerHost = Integer.parseInt(v);
                case "fail-pct" -> f.failPercent = Integer.parseInt(v);
                case "down-host" -> f.downHost = Integer.parseInt(v);
                case "down-at" -> f.downAtSeconds = v.equals("first-save") ? null : Double.valueOf(v);
                case "down-for" -> f.downForSeconds = Integer.parseInt(v);
                case "stop-wpars" -> f.stopWpars = Integer.parseInt(v);
                case "active-wpars" -> f.activeWpars = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("--faults: unknown key " + kv[0]);
            }
        }
        return f;
    }

    int downHost(int hosts) {
        return downHost >= 0 ? downHost : hosts * 2 / 3;
    }

    boolean active(int w) {
        return w < Math.max(activeWpars, stopWpars);
    }

    /** Whether the savewpar of WPAR w on host h fails (of M WPARs per host). */
    boolean savewparFails(int h, int w, int wpars) {
        int count = (int) Math.ceil(wpars * failPercent / 100.0);
        int first = (3 * h + 1) % wpars;
        return Math.floorMod(w - first, wpars) < count;
    }

    String describe(int hosts, int wpars) {
        String outage = downForSeconds <= 0 ? "no host outage"
                : String.format(Locale.ROOT, "%s down %s for %d s", BackupBench.hostName(downHost(hosts)),
                        downAtSeconds == null ? "from its first savewpar"
                                : String.format(Locale.ROOT, "%.1f s after the message", downAtSeconds),
                        downForSeconds);
        return String.format(Locale.ROOT, "faults: connection dropped on every %dth command of each host (%s per host);"
                + " %d %% of savewpars fail; %s; %d WPARs per host Active, %d of them stopped for savewpar", dropEvery,
                dropsPerHost < 0 ? "no limit" : String.valueOf(dropsPerHost), failPercent, outage,
                Math.max(activeWpars, stopWpars), stopWpars);
    }

    /** The drops and failing savewpars, before the run. */
    void install(Fleet fleet, List<String> hosts, int wpars) {
        for (int h = 0; h < hosts.size(); h++) {
            for (int w = 0; w < wpars; w++) {
                if (savewparFails(h, w, wpars)) {
                    fleet.faults().add(FaultRule.on(hosts.get(h)).command("savewpar").argContains(" " + BackupBench.wparName(w))
                            .fail(1, "savewpar: 0512-008 simulated write error on the image repository").build());
                }
            }
            if (dropEvery > 0) {
                drops.add(fleet.faults().add(FaultRule.on(hosts.get(h)).type(FaultType.DROP_CONNECTION)
                        .everyNth(dropEvery).times(dropsPerHost).build()));
            }
        }
    }

    /** Starts the outage: at once if it is due at a time, else when the host's first savewpar has begun. */
    void startOutage(Fleet fleet, String host) {
        if (downForSeconds <= 0) {
            return;
        }
        HostRuntime runtime = fleet.host(host);
        int seenBefore = fleet.log().entries(host).size(); // the warm-up runs' commands
        if (downAtSeconds != null) {
            runtime.downBetween(Duration.ofMillis(Math.round(downAtSeconds * 1000)),
                    Duration.ofMillis(Math.round(downAtSeconds * 1000)).plusSeconds(downForSeconds));
            return;
        }
        Thread watcher = new Thread(() -> {
            while (fleet.log().entries(host).stream().skip(seenBefore).noneMatch(e -> e.command().equals("savewpar"))) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
            runtime.downBetween(Duration.ZERO, Duration.ofSeconds(downForSeconds));
            System.out.printf(Locale.ROOT, "%s down for %d s from %s%n", host, downForSeconds, Instant.now());
        }, "bench-outage");
        watcher.setDaemon(true);
        watcher.start();
    }

    int dropsFired() {
        return drops.stream().mapToInt(FaultRule::fired).sum();
    }

    /** Outcomes per reason code: {@code DONE}, {@code SAVEWPAR_FAILED}, {@code HOST_UNREACHABLE}, … */
    static Map<String, Integer> outcomes(List<BackupRunRepository.Item> items) {
        Map<String, Integer> byReason = new TreeMap<>();
        for (BackupRunRepository.Item item : items) {
            String key = switch (item.state()) {
                case DONE -> "DONE";
                case FAILED, SKIPPED -> item.state() + " " + (item.reason() == null ? "(no reason)"
                        : item.reason().contains(":") ? item.reason().substring(0, item.reason().indexOf(':'))
                        : item.reason());
                default -> "NOT REACHED (" + item.state() + ")";
            };
            byReason.merge(key + (item.wpar() == null ? " (a whole host)" : ""), 1, Integer::sum);
        }
        return byReason;
    }

    /** What the run left behind: WPARs not in their first state, administrative locks, leases of the run. */
    record Leaks(List<String> notInFirstState, List<String> adminLocks, List<String> leases) {
        int total() {
            return notInFirstState.size() + adminLocks.size() + leases.size();
        }
    }

    Leaks leaks(Fleet fleet, List<String> hosts, int wpars, List<HeldLock> held, Instant runStart, String nodeId) {
        List<String> moved = new ArrayList<>();
        List<String> locked = new ArrayList<>();
        for (String host : hosts) {
            for (int w = 0; w < wpars; w++) {
                Wpar wpar = fleet.host(host).wpar(BackupBench.wparName(w)).orElse(null);
                String what = host + "/" + BackupBench.wparName(w);
                char expected = active(w) ? 'A' : 'D';
                if (wpar == null || wpar.state().letter() != expected) {
                    moved.add(what + "=" + (wpar == null ? "gone" : String.valueOf(wpar.state().letter())));
                }
                if (wpar != null && wpar.lock != null) {
                    locked.add(what + " (" + wpar.lock.command() + ")");
                }
            }
        }
        List<String> leases = held.stream().filter(l -> l.acquiredAt().isAfter(runStart))
                .filter(l -> !(l.resource().startsWith("poller:") && l.owner().equals(nodeId)))
                .map(l -> l.resource() + " by " + l.owner()).toList();
        return new Leaks(moved, locked, leases);
    }
}
