package dev.wparflow.process.software.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.SoftwareSource;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparType;
import dev.wparflow.inventory.WparSoftwareRepository;
import dev.wparflow.inventory.WparSoftwareStatus;
import dev.wparflow.lock.HeldLock;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockAcquisition;
import dev.wparflow.lock.LockResource;
import dev.wparflow.process.software.FilesetDrift;
import dev.wparflow.process.software.LparSoftware;
import dev.wparflow.process.software.SoftwareDrift;
import dev.wparflow.process.software.WparKind;
import dev.wparflow.process.software.WparSoftwareSync;
import dev.wparflow.process.software.WparSyncResult;

/**
 * The work of WparSyncProcess: measure on the host which WPARs of the LPAR drift from the global environment's
 * software levels ({@link SoftwareDrift}: never from the inventory alone), decide the approval policy, write the
 * plan; then per drifting WPAR, under its lease, one attempt of {@link WparSoftwareSync} (syncwpar for a shared WPAR,
 * inuwpar from the software source for a detached one, then its levels read again), recorded with the WPAR; finally
 * the inventory's software rows of the LPAR measured again, and the outcome.
 */
@Service
public class WparSyncService {

    private static final Logger log = LoggerFactory.getLogger(WparSyncService.class);
    static final int MAX_TEXT = 3900;
    /** Codes of a request that could not be done as asked: nothing was changed. */
    static final Set<String> REFUSALS = Set.of("INVALID_REQUEST", "WPARS_NOT_FOUND", "NOT_A_SYSTEM_WPAR",
            "WPAR_LOCKED", "SOURCE_NEEDED", "CHANGE_NOT_APPROVED");

    /** What the measurement decided: the WPARs to sync in order, whether approval is needed, the texts. */
    public record Measured(List<String> wpars, boolean approvalRequired, String summary, String plan) {
    }

    /** What one attempt gave: in sync (verified), or whether another attempt follows. */
    public record Attempt(boolean synced, boolean retry) {
    }

    /** How it ended, why, and the counts. */
    public record Outcome(String outcome, String reason, int synced, int failed) {
    }

    private final AixGateway aix;
    private final SoftwareDrift drift;
    private final WparSoftwareSync sync;
    private final WparSyncItems items;
    private final WparSyncSettings settings;
    private final LeaseLockService leases;
    private final WparSoftwareRepository inventory;
    private final java.time.Clock clock;

    public WparSyncService(AixGateway aix, SoftwareDrift drift, WparSoftwareSync sync, WparSyncItems items,
            WparSyncSettings settings, LeaseLockService leases, WparSoftwareRepository inventory,
            java.time.Clock clock) {
        this.clock = clock;
        this.aix = aix;
        this.drift = drift;
        this.sync = sync;
        this.items = items;
        this.settings = settings;
        this.leases = leases;
        this.inventory = inventory;
    }

    /** The software source a detached WPAR needs: the request's, else the setting's; null when neither. */
    public SoftwareSource source(String asked) {
        String s = asked != null && !asked.isBlank() ? asked.strip() : settings.source();
        return s == null ? null : SoftwareSource.of(s);
    }

    // ------------------------------------------------------------------------------------------ measure

    /**
     * Measures the LPAR's system WPARs (those named, else all) against the global environment on the host; refuses
     * what is certain wrong before any change (a WPAR named that is not there or is an application WPAR, a drifting
     * WPAR held by another operation, a drifting detached WPAR without a software source); records the drifting
     * WPARs PENDING with the policy's answer.
     */
    public Measured measure(Origin origin, String owner, String lpar, String wparList, String sourceAsked,
            String reason) {
        List<String> asked = WparName.commaList(wparList);
        if (!asked.isEmpty()) {
            Map<String, WparInfo> listed = aix.on(lpar, origin).wpars(List.of(LswparField.NAME, LswparField.STATE,
                    LswparField.TYPE)).stream().collect(Collectors.toMap(WparInfo::name, w -> w, (a, b) -> a));
            List<String> unknown = asked.stream().filter(n -> !listed.containsKey(n)).toList();
            if (!unknown.isEmpty()) {
                throw new WparSyncRefusal("WPARS_NOT_FOUND", "not on " + lpar + ": " + String.join(", ", unknown)
                        + " (lswpar: " + (listed.isEmpty() ? "no WPAR" : String.join(", ", listed.keySet())) + ")");
            }
            List<String> application = asked.stream().filter(n -> listed.get(n).type() == WparType.APPLICATION)
                    .toList();
            if (!application.isEmpty()) {
                throw new WparSyncRefusal("NOT_A_SYSTEM_WPAR", "application WPARs run on the global environment's"
                        + " software and have none of their own to sync: " + String.join(", ", application));
            }
        }
        LparSoftware measured = drift.measure(lpar, asked, origin);
        saveInventory(measured);
        List<LparSoftware.WparSoftware> drifting = measured.drifting();
        for (LparSoftware.WparSoftware w : drifting) {
            HeldLock held = leases.find(LockResource.wpar(lpar, w.wpar()));
            if (held != null && held.owner() != null && !held.expired() && !held.owner().equals(owner)) {
                throw new WparSyncRefusal("WPAR_LOCKED", "another operation works on " + lpar + "/" + w.wpar() + ": "
                        + LockResource.wpar(lpar, w.wpar()) + " is held by " + held.owner() + " until "
                        + held.expiresAt());
            }
        }
        SoftwareSource source = source(sourceAsked);
        List<String> detached = drifting.stream().filter(w -> w.kind() == WparKind.DETACHED)
                .map(LparSoftware.WparSoftware::wpar).toList();
        if (!detached.isEmpty() && source == null) {
            throw new WparSyncRefusal("SOURCE_NEEDED", "detached WPARs (private /usr) get software with inuwpar from"
                    + " a software source: name one (softwareSource) or set wparflow.software.sync.source; drifting: "
                    + String.join(", ", detached));
        }
        List<String> wpars = drifting.stream().map(LparSoftware.WparSoftware::wpar).toList();
        boolean required = !wpars.stream().allMatch(w -> settings.exempt(lpar, w));
        int seq = 0;
        for (LparSoftware.WparSoftware w : drifting) {
            items.add(owner, lpar, w.wpar(), seq++, w.kind().name(), driftText(w.drift()), required);
        }
        return new Measured(wpars, required, summary(lpar, wpars), plan(lpar, measured, source, reason));
    }

    static String summary(String lpar, List<String> wpars) {
        return clip(wpars.isEmpty() ? "No WPAR of " + lpar + " drifts from its global environment"
                : "Sync " + (wpars.size() == 1 ? wpars.get(0) : wpars.size() + " WPARs") + " on " + lpar
                        + " to the global environment's software levels");
    }

    /** What the approvers read: the global level, each WPAR with its drift and the commands it gets. */
    static String plan(String lpar, LparSoftware measured, SoftwareSource source, String reason) {
        StringBuilder p = new StringBuilder();
        p.append("Global environment ").append(lpar).append(": oslevel ").append(measured.oslevel()).append('\n');
        if (reason != null && !reason.isBlank()) {
            p.append("Reason: ").append(reason).append('\n');
        }
        p.append("Each drifting WPAR under its lease (wpar:").append(lpar)
                .append("/NAME); a failing one is retried, then reported, and does not stop the others.\n");
        for (LparSoftware.WparSoftware w : measured.wpars()) {
            p.append("  ").append(w.wpar()).append(" (").append(w.kind()).append(", ").append(w.state()).append("): ");
            if (w.inSync() == null) {
                p.append(w.notChecked()).append(" — not synced");
            } else if (w.inSync()) {
                p.append("in sync — nothing to do");
            } else {
                p.append(w.kind() == WparKind.SHARED ? "syncwpar " + w.wpar()
                        : "inuwpar -d " + source + " -w " + w.wpar() + " installp -acXY " + w.drift().stream()
                                .filter(d -> d.globalLevel() != null).map(d -> d.fileset() + " " + d.globalLevel())
                                .collect(Collectors.joining(" ")));
                p.append("; drift: ").append(w.drift().stream().map(WparSyncService::driftLine)
                        .collect(Collectors.joining(", ")));
            }
            p.append('\n');
        }
        return clip(p.toString());
    }

    static String driftLine(FilesetDrift d) {
        return d.fileset() + " " + (d.wparLevel() == null ? "missing" : d.wparLevel()) + " → "
                + (d.globalLevel() == null ? "(not in the global environment)" : d.globalLevel());
    }

    static String driftText(List<FilesetDrift> drift) {
        return drift.stream().map(d -> d.fileset() + " " + orDash(d.globalLevel()) + " " + orDash(d.wparLevel()))
                .collect(Collectors.joining("\n"));
    }

    // --------------------------------------------------------------------------------------------- sync

    /** What the measurement recorded: no approval needed for this operation. */
    public boolean approvalNotRequired(String owner) {
        return items.approvalNotRequired(owner);
    }

    /**
     * One attempt for one WPAR, under its lease: the sync and its verification, recorded with the WPAR (SYNCED, FAILED
     * when no attempt is left, else still PENDING). A WPAR held by another operation fails at once. A host that
     * cannot be reached propagates (the step's job retry, then an incident).
     */
    public Attempt sync(Origin origin, String owner, String wpar, String sourceAsked, Integer attemptsAsked) {
        WparSyncItems.Item item = items.item(owner, wpar).orElseThrow(() -> new IllegalStateException(
                "operation " + owner + " has no WPAR " + wpar + " to sync"));
        if (item.finished()) {
            return new Attempt("SYNCED".equals(item.state()), false);
        }
        int max = attemptsAsked == null ? settings.attempts() : attemptsAsked;
        LockResource resource = LockResource.wpar(item.lpar(), wpar);
        LockAcquisition got = leases.acquire(resource, owner, "software sync " + owner + " of " + item.lpar() + "/"
                + wpar, settings.lease());
        if (got instanceof LockAcquisition.HeldByOther other) {
            items.attempted(owner, wpar, "FAILED", null, null, null, "WPAR_LOCKED: " + other.describe());
            return new Attempt(false, false);
        }
        WparSyncResult r;
        try {
            r = sync.sync(item.lpar(), wpar, source(sourceAsked), origin);
        } finally {
            leases.release(resource, owner);
        }
        int attempt = item.attempts() + 1;
        String state = r.succeeded() ? "SYNCED" : attempt >= max ? "FAILED" : "PENDING";
        String levels = r.levelsAfter().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("\n"));
        items.attempted(owner, wpar, state, String.join("\n", r.commands()), levels, r.inSync(), r.error());
        log.info("software sync {} {}/{} attempt {} of {}: {}{}", owner, item.lpar(), wpar, attempt, max, state,
                r.error() == null ? "" : " (" + r.error() + ")");
        return new Attempt(r.succeeded(), "PENDING".equals(state));
    }

    /** The LPAR's WPARs measured again and their rows of the inventory replaced. */
    public void refresh(Origin origin, String lpar) {
        saveInventory(drift.measure(lpar, origin));
    }

    private void saveInventory(LparSoftware measured) {
        java.time.Instant at = clock.instant();
        List<WparSoftwareStatus> rows = new ArrayList<>();
        for (LparSoftware.WparSoftware w : measured.wpars()) {
            rows.add(new WparSoftwareStatus(measured.lpar(), w.wpar(), w.kind().name(), w.inSync(), w.notChecked(), at,
                    w.drift().stream().map(d -> new WparSoftwareStatus.Drifting(d.fileset(), d.globalLevel(),
                            d.wparLevel(), d.part())).toList()));
        }
        rows.forEach(inventory::save);
    }

    /** The instance's leases go however it ends. */
    public void releaseLeases(String owner) {
        leases.releaseAll(owner);
    }

    // ------------------------------------------------------------------------------------------ outcome

    /** The outcome from the WPARs' rows and how the operation went. */
    public Outcome outcome(String owner, String lpar, String failureCode, String failureReason, boolean approvalAsked,
            String approvers, String approvalReason, String plan) {
        List<WparSyncItems.Item> all = items.items(owner);
        List<WparSyncItems.Item> finished = all.stream().filter(WparSyncItems.Item::finished).toList();
        int failed = (int) finished.stream().filter(i -> "FAILED".equals(i.state())).count();
        int ok = finished.size() - failed;
        if (failureCode != null) {
            String failure = failureCode + ": " + failureReason;
            if (finished.isEmpty() && REFUSALS.contains(failureCode)) {
                return new Outcome("REFUSED", clip(failure + "; nothing was changed"), 0, 0);
            }
            return new Outcome("FAILED", clip(failure + ". " + lines(all)), ok, failed);
        }
        if (all.isEmpty()) {
            return new Outcome("NOTHING_TO_SYNC", clip("no WPAR of " + lpar + " drifts from its global environment. "
                    + (plan == null ? "" : plan.replace('\n', ' ').strip())), 0, 0);
        }
        if (finished.isEmpty() && approvalAsked) {
            return new Outcome("REJECTED", clip("rejected" + (approvers == null ? "" : " by " + approvers) + ": "
                    + approvalReason + "; nothing was changed"), 0, 0);
        }
        String what = "software sync on " + lpar + ": " + ok + " of " + all.size() + " WPAR(s) in sync"
                + (failed == 0 ? "" : ", " + failed + " failed")
                + (approvalAsked && approvers != null ? " (approved by " + approvers + ")" : "") + ". ";
        String outcome = failed == 0 && ok == all.size() ? "COMPLETED" : ok == 0 ? "FAILED" : "PARTIAL";
        return new Outcome(outcome, clip(what + lines(all)), ok, failed);
    }

    private static String lines(List<WparSyncItems.Item> items) {
        return items.stream().map(WparSyncService::line).collect(Collectors.joining(" | "));
    }

    static String line(WparSyncItems.Item i) {
        StringBuilder s = new StringBuilder(i.wpar()).append(" (").append(orDash(i.kind())).append("): ")
                .append(i.state()).append(" after ").append(i.attempts()).append(" attempt(s)");
        if (i.commands() != null && !i.commands().isBlank()) {
            s.append(" (ran: ").append(i.commands().lines().collect(Collectors.joining("; "))).append(')');
        }
        if (i.error() != null) {
            s.append(": ").append(i.error());
        }
        return s.toString();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    static String clip(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }
}
