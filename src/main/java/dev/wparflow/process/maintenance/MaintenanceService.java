package dev.wparflow.process.maintenance;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.wparflow.aix.Origin;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockAcquisition;
import dev.wparflow.lock.LockResource;
import dev.wparflow.run.RemoteRun;
import dev.wparflow.run.RemoteRunService;

/**
 * The work of LparMaintenanceProcess behind its steps: the plan read on the hosts, the lanes' claims, the LPAR's lease,
 * the detached update and what it meant, each WPAR's synchronisation with its attempts, the levels verified, the
 * per-LPAR result and the outcome. What the hosts are asked goes through {@link MaintenanceHosts}.
 */
@Service
public class MaintenanceService {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceService.class);

    public static final String PLANNED = "PLANNED";
    public static final String NOTHING_TO_DO = "NOTHING_TO_DO";
    public static final String REFUSED = "REFUSED";
    public static final String UPDATED = "UPDATED";
    public static final String PARTIAL = "PARTIAL";
    public static final String BACKUP_FAILED = "BACKUP_FAILED";
    public static final String APPLY_FAILED = "APPLY_FAILED";
    public static final String NOT_STARTED = "NOT_STARTED";
    public static final String SKIPPED = "SKIPPED";
    /** Another operation held the LPAR's lease when its turn came: nothing reached it (GlobalBackupProcess's code). */
    public static final String LPAR_LOCKED = "LPAR_LOCKED";

    private final MaintenanceRecords records;
    private final MaintenanceHosts hosts;
    private final MaintenanceSettings settings;
    private final LeaseLockService leases;
    private final RemoteRunService runs;
    private final InventoryRepository inventory;
    private final Clock clock;
    private final ObjectProvider<MeterRegistry> meters;

    public MaintenanceService(MaintenanceRecords records, MaintenanceHosts hosts, MaintenanceSettings settings,
            LeaseLockService leases, RemoteRunService runs, InventoryRepository inventory, Clock clock,
            ObjectProvider<MeterRegistry> meters) {
        this.records = records;
        this.hosts = hosts;
        this.settings = settings;
        this.leases = leases;
        this.runs = runs;
        this.inventory = inventory;
        this.clock = clock;
        this.meters = meters;
        // each result's series from the start (at 0), so that a scrape shows the metric before the first maintenance
        meters.ifAvailable(registry -> List.of(UPDATED, PARTIAL, BACKUP_FAILED, APPLY_FAILED, LPAR_LOCKED)
                .forEach(result -> counter(registry, result)));
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("wparflow.maintenance.lpars")
                .description("LPARs a software maintenance finished, by result")
                .tag("result", result.toLowerCase(java.util.Locale.ROOT)).register(registry);
    }

    /** {@code wparflow.maintenance.lpars{result}}: LPARs a maintenance finished, counted once the step committed. */
    private void count(String result) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry == null) {
            return;
        }
        Counter counter = counter(registry, result);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }

    /** What the request asks, as the planning step reads it from the start's variables. */
    public record Request(List<String> lpars, String managedSystem, MaintenanceUpdate update, boolean parallel,
            Integer parallelLanes, String windowStart, String windowEnd, boolean evacuate, boolean globalBackup,
            Integer syncAttempts, String changeReason) {
    }

    /** The plan's figures and the text the approvers read. */
    public record Planned(int toUpdate, int lanes, boolean backupFirst, String summary, String table) {
    }

    // ------------------------------------------------------------------ plan (read-only)

    /**
     * The plan read on the hosts and recorded. A refusal (no LPAR, a source not allowed, a window that ends before it
     * starts, a host the gate refuses) is recorded too, REFUSED with its rule, so that every started maintenance has
     * its record; then it ends the operation.
     */
    public Planned plan(String id, String requester, Request r, Origin origin) {
        try {
            return planned(id, requester, r, origin);
        } catch (dev.wparflow.process.OperationRefusal refused) {
            int attempts = r.syncAttempts() == null ? settings.syncAttempts() : r.syncAttempts();
            records.recordPlan(id, requester, r.update(), 0, null, null, r.evacuate(), r.globalBackup(), attempts,
                    List.of());
            records.finish(id, REFUSED, refused.code() + ": " + refused.getMessage());
            throw refused;
        }
    }

    private Planned planned(String id, String requester, Request r, Origin origin) {
        List<String> lpars = scope(r);
        if (lpars.isEmpty()) {
            throw new MaintenanceRefusal("NO_LPARS", "the inventory knows no LPAR on managed system "
                    + r.managedSystem());
        }
        String sourceRefusal = settings.sourceRefusal(r.update().source().value());
        if (sourceRefusal != null) {
            throw new MaintenanceRefusal("SOURCE_NOT_ALLOWED", "source " + r.update().source() + " " + sourceRefusal);
        }
        Instant start = instant(r.windowStart());
        Instant end = instant(r.windowEnd());
        if (start != null && end != null && !end.isAfter(start)) {
            throw new MaintenanceRefusal("WINDOW_INVALID", "the maintenance window ends (" + end
                    + ") before it starts (" + start + ")");
        }
        List<MaintenanceRecords.PlannedLpar> planned = new ArrayList<>();
        for (String lpar : lpars) {
            MaintenanceHosts.Preview preview = hosts.preview(origin, lpar, r.update());
            List<MaintenanceHosts.HostWpar> wpars = hosts.wpars(origin, lpar);
            String state = preview.refusal() != null ? REFUSED : preview.changes().isEmpty() ? NOTHING_TO_DO : PLANNED;
            String error = preview.refusal() != null ? preview.refusal()
                    : preview.changes().isEmpty() ? "the preview installs nothing (every fileset at that level)"
                            : null;
            planned.add(new MaintenanceRecords.PlannedLpar(lpar, state, preview.oslevel(), preview.levels(),
                    String.join("\n", preview.changes()), error, wpars));
        }
        int toUpdate = (int) planned.stream().filter(p -> PLANNED.equals(p.state())).count();
        int wanted = r.parallel() ? (r.parallelLanes() == null ? 2 : r.parallelLanes()) : 1;
        int lanes = Math.min(wanted, toUpdate);
        int attempts = r.syncAttempts() == null ? settings.syncAttempts() : r.syncAttempts();
        records.recordPlan(id, requester, r.update(), lanes, start, end, r.evacuate(), r.globalBackup(), attempts,
                planned);
        String summary = "Software maintenance: " + r.update().describe() + " on " + toUpdate + " of "
                + lpars.size() + " LPAR(s)" + (r.parallel() ? ", " + lanes + " at a time" : ", one at a time");
        return new Planned(toUpdate, lanes, r.globalBackup(), clip(summary, 480),
                planText(id, r, lanes, start, end, attempts));
    }

    List<String> scope(Request r) {
        if (r.lpars() != null && !r.lpars().isEmpty()) {
            return r.lpars().stream().distinct().toList();
        }
        return inventory.lpars().stream().filter(p -> r.managedSystem() != null
                && r.managedSystem().equals(p.managedSystem())).map(p -> p.name()).sorted().toList();
    }

    String planText(String id, Request r, int lanes, Instant start, Instant end, int attempts) {
        StringBuilder b = new StringBuilder();
        b.append("Update: ").append(r.update().describe()).append('\n');
        b.append("Rollout: ").append(lanes <= 1 ? "one LPAR at a time" : lanes + " LPARs at a time")
                .append("; a failed update stops it before the next LPAR\n");
        b.append("Window: ").append(start == null ? "right after the approval" : start.toString())
                .append(end == null ? "" : " to " + end + " (an LPAR whose turn comes later is skipped)")
                .append('\n');
        b.append("Per LPAR: ").append(r.evacuate() ? "evacuate the Active WPARs (EvacuationProcess), " : "")
                .append(r.globalBackup() ? "global backup (GlobalBackupProcess), " : "")
                .append("the update, syncwpar/inuwpar for every WPAR (").append(attempts)
                .append(" attempt(s) each), levels verified, Active WPARs started again")
                .append(r.evacuate() ? ", evacuated WPARs brought back" : "").append('\n');
        if (r.changeReason() != null) {
            b.append("Reason: ").append(r.changeReason()).append('\n');
        }
        b.append('\n');
        for (MaintenanceRecords.Lpar l : records.lpars(id)) {
            b.append(l.lpar()).append(": ").append(l.state()).append(", oslevel ").append(l.oslevelBefore());
            List<MaintenanceRecords.Wpar> ws = records.wpars(id, l.lpar());
            b.append(", WPARs ").append(ws.isEmpty() ? "none" : String.join(" ", ws.stream()
                    .map(w -> w.wpar() + (w.wasActive() ? "(Active)" : "(" + w.stateBefore() + ")")).toList()));
            b.append('\n');
            if (l.error() != null) {
                b.append("  ").append(l.error()).append('\n');
            }
            if (l.preview() != null && !l.preview().isBlank()) {
                for (String line : l.preview().split("\n")) {
                    b.append("  ").append(line).append('\n');
                }
            }
        }
        return clip(b.toString(), 3900);
    }

    // ------------------------------------------------------------------ lanes

    /**
     * The lane's next LPAR, or none: once an update failed the LPARs not started are NOT_STARTED, and once the window
     * has ended they are SKIPPED.
     */
    public Optional<String> claim(String id, String lane) {
        MaintenanceRecords.Maintenance m = records.require(id);
        if (m.stoppedBy() != null) {
            records.closePlanned(id, NOT_STARTED, "the rollout stopped: " + m.stoppedBy());
            return Optional.empty();
        }
        if (m.windowEnd() != null && clock.instant().isAfter(m.windowEnd())) {
            records.closePlanned(id, SKIPPED, "its turn came after the maintenance window ended (" + m.windowEnd()
                    + ")");
            return Optional.empty();
        }
        return records.claimNext(id, lane);
    }

    /** What preparing an LPAR found: whether its lease is ours, whether its Active WPARs leave while it is updated. */
    public record Prepared(boolean leased, boolean evacuate) {
    }

    /**
     * The LPAR's lease (owner: the operation), its Active WPARs noted; whether they leave while it is updated. Another
     * operation holding {@code host:LPAR} (a relocation, a global backup, another maintenance) is an outcome, not an
     * incident: the LPAR is LPAR_LOCKED with the holder named, nothing is asked of it, and the rollout goes on (nothing
     * was applied, so nothing says the update is bad).
     */
    public Prepared prepare(String id, String lpar, Origin origin) {
        LockAcquisition got = leases.acquire(LockResource.host(lpar), id, "software maintenance " + id + " of " + lpar,
                settings.lease());
        if (got instanceof LockAcquisition.HeldByOther other) {
            records.lparFailed(id, lpar, LPAR_LOCKED, null, "LPAR_LOCKED: another operation holds " + lpar + " ("
                    + other.describe() + "); nothing changed on it");
            return new Prepared(false, false);
        }
        List<MaintenanceHosts.HostWpar> now = hosts.wpars(origin, lpar);
        records.activeWpars(id, lpar, now);
        return new Prepared(true, records.require(id).evacuate()
                && now.stream().anyMatch(MaintenanceHosts.HostWpar::active));
    }

    /**
     * Takes (or keeps) the LPAR's lease; taken again before each step that changes the LPAR, so that a relocation of
     * the same operation that released it (evacuation) does not leave the update unguarded.
     */
    void lease(String id, String lpar) {
        LockAcquisition got = leases.acquire(LockResource.host(lpar), id, "software maintenance " + id + " of " + lpar,
                settings.lease());
        if (got instanceof LockAcquisition.HeldByOther other) {
            throw new IllegalStateException("LPAR " + lpar + " is not free for its update: " + other.describe()
                    + "; retried, then an incident until it is free");
        }
    }

    public String startApply(String id, String lpar, Origin origin) {
        lease(id, lpar);
        MaintenanceUpdate update = records.require(id).update();
        // the WPARs' levels before the update, for the report
        List<String> filesets = filesetsOf(id, lpar);
        for (MaintenanceRecords.Wpar w : records.wpars(id, lpar)) {
            if (!"EVACUATED".equals(w.syncState()) && "A".equals(shortState(w.stateBefore()))) {
                try {
                    MaintenanceHosts.Levels before = hosts.levels(origin, lpar, w.wpar(), filesets);
                    if (before != null) {
                        records.wparLevelsBefore(id, lpar, w.wpar(), before);
                    }
                } catch (dev.wparflow.aix.AixCommandException unreadable) {
                    log.info("levels of {}/{} before the update not read: {}", lpar, w.wpar(),
                            unreadable.getMessage());
                }
            }
        }
        String runId = runs.start(origin, lpar, hosts.applyCommand(update), lpar);
        records.applyStarted(id, lpar, runId);
        return runId;
    }

    public void cancelApply(String runId, Origin origin) {
        if (runId != null && runs.find(runId).isPresent()) {
            runs.cancel(runId, origin);
        }
    }

    /** Whether the update succeeded; a failure stops the rollout, naming the LPAR and the fileset. */
    public boolean checkApply(String id, String lpar, String runId) {
        RemoteRun run = runs.find(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
        MaintenanceHosts.Applied applied;
        if (!run.finished()) {
            applied = new MaintenanceHosts.Applied(false, null, "the update did not end within "
                    + settings.applyTimeout() + " and was cancelled");
        } else if (run.state() == RemoteRun.State.CANCELLED) {
            applied = new MaintenanceHosts.Applied(false, null, "the update did not end within "
                    + settings.applyTimeout() + " and was cancelled");
        } else {
            applied = hosts.applied(records.require(id).update(), run.exitCode(), run.output(), run.output());
        }
        if (applied.ok()) {
            return true;
        }
        String why = "update failed on " + lpar + (applied.failedFileset() == null ? ""
                : " (fileset " + applied.failedFileset() + ")") + ": " + applied.error();
        records.lparFailed(id, lpar, APPLY_FAILED, applied.failedFileset(), why);
        records.stop(id, why);
        return false;
    }

    /**
     * One WPAR synchronised with the global environment (syncwpar or inuwpar, then its levels through clogin), tried up
     * to the request's attempts. A WPAR that is not Active is synchronised but its levels cannot be read: NOT_CHECKED.
     */
    public void syncWpar(String id, String lpar, String wpar, Origin origin) {
        lease(id, lpar);
        MaintenanceRecords.Wpar row = records.wpars(id, lpar).stream().filter(w -> w.wpar().equals(wpar)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no WPAR " + wpar + " of " + lpar + " in " + id));
        if (!"PENDING".equals(row.syncState())) {
            return; // a retried job: recorded already
        }
        MaintenanceRecords.Maintenance m = records.require(id);
        int attempts = m.syncAttempts();
        List<String> commands = new ArrayList<>();
        String error = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            MaintenanceHosts.Synced synced;
            try {
                synced = hosts.sync(origin, lpar, wpar, m.update());
            } catch (dev.wparflow.aix.AixCommandException failed) {
                synced = new MaintenanceHosts.Synced(false, false, null, failed.getMessage());
            }
            if (synced.commands() != null && !synced.commands().isBlank()) {
                commands.add(synced.commands());
            }
            if (synced.ok() || synced.notChecked()) {
                records.synced(id, lpar, wpar, synced.ok() ? "SYNCED" : "NOT_CHECKED", attempt,
                        String.join("\n", commands), synced.ok() ? null : synced.error());
                return;
            }
            error = "attempt " + attempt + ": " + synced.error();
            log.info("maintenance {}: {}/{} not synchronised, {}", id, lpar, wpar, error);
        }
        records.synced(id, lpar, wpar, "FAILED", attempts, String.join("\n", commands), error);
    }

    /**
     * oslevel -s and the levels in the global environment and in each WPAR on the LPAR (clogin lslpp -l, oslevel -s);
     * a WPAR that was Active and is not is started, then measured. A WPAR whose levels differ from the global
     * environment's after its sync is recorded FAILED with the filesets.
     */
    public void verify(String id, String lpar, Origin origin) {
        lease(id, lpar);
        List<String> filesets = filesetsOf(id, lpar);
        Map<String, MaintenanceHosts.HostWpar> now = new LinkedHashMap<>();
        hosts.wpars(origin, lpar).forEach(w -> now.put(w.name(), w));
        Map<String, String> startErrors = new LinkedHashMap<>();
        for (MaintenanceRecords.Wpar w : records.wpars(id, lpar)) {
            MaintenanceHosts.HostWpar there = now.get(w.wpar());
            if (there != null && w.wasActive() && !there.active()) {
                try {
                    hosts.startWpar(origin, lpar, w.wpar());
                } catch (dev.wparflow.aix.AixCommandException failed) {
                    startErrors.put(w.wpar(), "was Active, could not be started again: " + failed.getMessage());
                }
            }
        }
        MaintenanceHosts.Measured measured = hosts.measure(origin, lpar, filesets);
        records.lparAfter(id, lpar, measured.global());
        Map<String, MaintenanceHosts.MeasuredWpar> byName = new LinkedHashMap<>();
        measured.wpars().forEach(w -> byName.put(w.name(), w));
        for (MaintenanceRecords.Wpar w : records.wpars(id, lpar)) {
            MaintenanceHosts.MeasuredWpar m = byName.get(w.wpar());
            if (m == null) {
                records.wparAfter(id, lpar, w.wpar(), null, null, null);
                if (!"FAILED".equals(w.syncState())) {
                    records.wparSyncState(id, lpar, w.wpar(), "EVACUATED", null);
                }
                continue;
            }
            String error = startErrors.get(w.wpar());
            if (Boolean.FALSE.equals(m.inSync()) && !"FAILED".equals(w.syncState())) {
                error = join(error, "behind the global environment: " + String.join(", ", m.drift()));
                records.wparSyncState(id, lpar, w.wpar(), "FAILED", null);
            }
            if (Boolean.TRUE.equals(m.inSync()) && "NOT_CHECKED".equals(w.syncState())) {
                records.wparSyncState(id, lpar, w.wpar(), "SYNCED", null);
            }
            if (w.wasActive() && !"A".equals(shortState(m.state()))) {
                error = join(error, "was Active, is " + m.state());
            }
            records.wparAfter(id, lpar, w.wpar(), m.state(), m.levels(), error);
        }
    }

    /**
     * The LPAR's result, the inventory refreshed, its lease released. A backup that failed, an update that failed,
     * a WPAR not synchronised or not Active again: each says so.
     */
    public String finish(String id, String lpar, String backupOutcome, String backupReason, String backupImages,
            String evacuationId, String evacuationOutcome, String returnOutcome, Origin origin) {
        MaintenanceRecords.Lpar row = records.lpar(id, lpar).orElseThrow();
        String state;
        String error = null;
        if (LPAR_LOCKED.equals(row.state())) {
            // never ours: nothing to refresh, no lease to release
            records.wpars(id, lpar).stream().filter(w -> "PENDING".equals(w.syncState()))
                    .forEach(w -> records.wparSyncState(id, lpar, w.wpar(), "NOT_SYNCED", null));
            records.finishLpar(id, lpar, LPAR_LOCKED, null, null, row.error());
            count(LPAR_LOCKED);
            return LPAR_LOCKED;
        }
        if (APPLY_FAILED.equals(row.state())) {
            state = APPLY_FAILED;
            records.wpars(id, lpar).stream().filter(w -> "PENDING".equals(w.syncState()))
                    .forEach(w -> records.wparSyncState(id, lpar, w.wpar(), "NOT_SYNCED", null));
        } else if (backupOutcome != null && !"BACKED_UP".equals(backupOutcome)) {
            state = BACKUP_FAILED;
            error = "global backup " + backupOutcome + ": " + backupReason + "; nothing installed";
            records.wpars(id, lpar).stream().filter(w -> "PENDING".equals(w.syncState()))
                    .forEach(w -> records.wparSyncState(id, lpar, w.wpar(), "NOT_SYNCED", null));
        } else {
            List<MaintenanceRecords.Wpar> ws = records.wpars(id, lpar);
            boolean clean = ws.stream().allMatch(w -> ("SYNCED".equals(w.syncState())
                    || "NOT_CHECKED".equals(w.syncState()) || "EVACUATED".equals(w.syncState()))
                    && (w.error() == null || "NOT_CHECKED".equals(w.syncState())));
            state = clean ? UPDATED : PARTIAL;
        }
        if (evacuationId != null && (!"EVACUATED".equals(evacuationOutcome) || !"EVACUATED".equals(returnOutcome))) {
            error = join(error, "evacuation " + evacuationOutcome + ", return " + returnOutcome);
            if (UPDATED.equals(state)) {
                state = PARTIAL;
            }
        }
        try {
            hosts.refreshInventory(origin, lpar);
        } catch (RuntimeException notRefreshed) {
            error = join(error, "inventory not refreshed: " + notRefreshed.getMessage());
        }
        records.finishLpar(id, lpar, state, evacuationId, backupImages, error);
        leases.release(LockResource.host(lpar), id);
        count(state);
        return state;
    }

    public void releaseLeases(String owner) {
        leases.releaseAll(owner);
    }

    // ------------------------------------------------------------------ outcome

    public record Outcome(String outcome, String reason) {
    }

    public Outcome outcome(String id, String failureCode, String failureReason, Integer toUpdate, boolean approved) {
        Optional<MaintenanceRecords.Maintenance> head = records.find(id);
        if (failureCode != null) {
            return finish(id, head, REFUSED, failureCode + ": " + failureReason);
        }
        if (head.isEmpty()) {
            return new Outcome(REFUSED, "no plan is recorded");
        }
        if (toUpdate == null || toUpdate == 0) {
            boolean anyRefused = records.lpars(id).stream().anyMatch(l -> REFUSED.equals(l.state()));
            return finish(id, head, anyRefused ? REFUSED : NOTHING_TO_DO, report(id));
        }
        if (!approved) {
            records.closePlanned(id, NOT_STARTED, "the change was not approved");
            return finish(id, head, "REJECTED", "not approved: nothing installed\n" + report(id));
        }
        records.closePlanned(id, NOT_STARTED, "no lane took it");
        List<MaintenanceRecords.Lpar> lpars = records.lpars(id);
        long updated = lpars.stream().filter(l -> UPDATED.equals(l.state())).count();
        long touched = lpars.stream().filter(l -> UPDATED.equals(l.state()) || PARTIAL.equals(l.state())).count();
        long planned = lpars.stream().filter(l -> !NOTHING_TO_DO.equals(l.state())).count();
        boolean changedNothing = touched == 0 && lpars.stream().noneMatch(l -> BACKUP_FAILED.equals(l.state())
                || APPLY_FAILED.equals(l.state()));
        boolean locked = lpars.stream().anyMatch(l -> LPAR_LOCKED.equals(l.state()));
        // every LPAR it would have changed was held by another operation: refused, nothing changed
        String outcome = updated == planned ? "COMPLETED" : touched > 0 ? "PARTIAL"
                : changedNothing && locked ? REFUSED : "FAILED";
        String stopped = records.require(id).stoppedBy();
        return finish(id, head, outcome, (stopped == null ? "" : "rollout stopped: " + stopped + "\n") + report(id));
    }

    private Outcome finish(String id, Optional<MaintenanceRecords.Maintenance> head, String outcome, String reason) {
        head.ifPresent(h -> records.finish(id, outcome, reason));
        return new Outcome(outcome, clip(reason, 3900));
    }

    /** One line per LPAR and one per WPAR: state, levels before and after, attempts, error. */
    public String report(String id) {
        StringBuilder b = new StringBuilder();
        for (MaintenanceRecords.Lpar l : records.lpars(id)) {
            b.append(l.lpar()).append(": ").append(l.state());
            if (l.oslevelBefore() != null) {
                b.append(" oslevel ").append(l.oslevelBefore())
                        .append(l.oslevelAfter() == null ? "" : " -> " + l.oslevelAfter());
            }
            if (l.failedFileset() != null) {
                b.append(" failed fileset ").append(l.failedFileset());
            }
            if (l.error() != null) {
                b.append(" (").append(l.error()).append(')');
            }
            b.append('\n');
            for (MaintenanceRecords.Wpar w : records.wpars(id, l.lpar())) {
                b.append("  ").append(w.wpar()).append(": ").append(w.syncState());
                if (w.syncAttempts() > 0) {
                    b.append(" after ").append(w.syncAttempts()).append(" attempt(s)");
                }
                if (w.levelsAfter() != null) {
                    b.append(", ").append(w.levelsBefore() == null ? "" : w.levelsBefore() + " -> ")
                            .append(w.levelsAfter());
                }
                if (w.stateAfter() != null) {
                    b.append(", ").append(w.stateBefore()).append(" -> ").append(w.stateAfter());
                }
                if (w.error() != null) {
                    b.append(" error: ").append(w.error());
                }
                b.append('\n');
            }
        }
        return b.toString().stripTrailing();
    }

    /** The WPARs of the LPAR to synchronise (the sync step's multi-instance collection). */
    public List<String> wparsToSync(String id, String lpar) {
        return records.wpars(id, lpar).stream().filter(w -> "PENDING".equals(w.syncState())).map(w -> w.wpar())
                .toList();
    }

    /** The filesets whose levels are compared: those the update installs, else what the plan read. */
    List<String> filesetsOf(String id, String lpar) {
        MaintenanceUpdate update = records.require(id).update();
        if (!update.filesets().isEmpty()) {
            return update.filesets().stream().map(f -> f.value()).toList();
        }
        return records.lpar(id, lpar).map(l -> List.copyOf(MaintenanceRecords.levelsOf(l.levelsBefore()).keySet()))
                .orElse(List.of());
    }

    static String shortState(String state) {
        return state == null || state.isEmpty() ? "" : state.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            return Instant.parse(text);
        }
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    private static String clip(String s, int max) {
        return MaintenanceRecords.clip(s, max);
    }
}
