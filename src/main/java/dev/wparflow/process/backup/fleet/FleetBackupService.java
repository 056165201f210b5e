package dev.wparflow.process.backup.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockResource;
import dev.wparflow.engine.database.RuntimeTableStatistics;
import dev.wparflow.aix.HostUnreachable;
import dev.wparflow.process.backup.BackupRefusal;
import dev.wparflow.catalog.BackupRunRepository;
import dev.wparflow.process.backup.BackupSettings;
import dev.wparflow.process.backup.global.GlobalBackupSettings;
import dev.wparflow.process.backup.BackupTargets;

/**
 * The steps of FleetBackupProcess: resolve the scope to hosts, list each host's system WPARs into the run's items,
 * let the lanes of a host (as many as wparflow.backup.per-host) claim items one by one, hand out global slots
 * (lease locks {@code slot:backup-global/N}) and write the summary.
 */
@Service
public class FleetBackupService {

    private static final Logger log = LoggerFactory.getLogger(FleetBackupService.class);
    static final String GLOBAL_POOL = "backup-global";

    public record Planned(String runId, List<String> hosts, int perHost, int globalLimit, String globalOrder) {
    }

    /** WPARs done, failed, skipped; global environments backed up and not; the text. */
    public record Summary(int done, int failed, int skipped, int globalDone, int globalFailed, String text) {
    }

    private final BackupSettings settings;
    private final BackupTargets targets;
    private final BackupRunRepository runs;
    private final LeaseLockService locks;
    private final RuntimeTableStatistics statistics;
    private final GlobalBackupSettings global;
    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

    public FleetBackupService(BackupSettings settings, BackupTargets targets, BackupRunRepository runs,
            LeaseLockService locks, org.springframework.transaction.PlatformTransactionManager transactions,
            RuntimeTableStatistics statistics, GlobalBackupSettings global) {
        this.statistics = statistics;
        this.global = global;
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.settings = settings;
        this.targets = targets;
        this.runs = runs;
        this.locks = locks;
    }

    /** {@code all}, {@code host:NAME[,NAME…]} or {@code group:NAME} (wparflow.backup.groups). */
    public Planned plan(String processInstanceId, String scope, String trigger, Integer perHostOverride,
            Integer globalOverride) {
        String s = scope == null || scope.isBlank() ? "all" : scope.strip();
        List<String> hosts;
        if (s.equals("all")) {
            hosts = targets.hosts();
        } else if (s.startsWith("host:")) {
            hosts = List.of(s.substring(5).split(",")).stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
        } else if (s.startsWith("group:")) {
            hosts = settings.groups().get(s.substring(6));
            if (hosts == null) {
                throw new BackupRefusal("UNKNOWN_SCOPE", "no backup group " + s.substring(6) + " in wparflow.backup.groups");
            }
        } else {
            throw new BackupRefusal("UNKNOWN_SCOPE", "scope must be all, host:NAME or group:NAME, not " + s);
        }
        int perHost = perHostOverride != null && perHostOverride > 0 ? perHostOverride : settings.perHost();
        int global = globalOverride != null && globalOverride >= 0 ? globalOverride : settings.globalLimit();
        BackupRunRepository.Run run = runs.createRun(processInstanceId, s, trigger, perHost, global);
        statistics.refreshSoon(); // the run is about to fill Camunda's runtime tables from empty
        return new Planned(run.id(), hosts, perHost, global, this.global.order());
    }

    /** Lists the host's system WPARs as items; returns the lanes to start (0 when the host is down or empty). */
    public int listHost(String runId, String host, int perHost) {
        List<String> wpars;
        try {
            wpars = targets.systemWpars(host);
        } catch (RuntimeException unreachable) {
            if (!(unreachable instanceof IllegalStateException) && !HostUnreachable.isTransportFailure(unreachable)) {
                throw unreachable;
            }
            log.warn("fleet backup {}: host {} not listed: {}", runId, host, unreachable.getMessage());
            runs.hostFailed(runId, host, "HOST_UNREACHABLE: lswpar on " + host + " failed: " + unreachable.getMessage());
            return 0;
        }
        int open = runs.addItems(runId, host, wpars);
        return Math.min(perHost, open);
    }

    public Optional<BackupRunRepository.Item> claimNext(String runId, String host, String lane, int laneIndex) {
        return runs.claimNext(runId, host, lane, laneIndex);
    }

    /** A free global slot for this lane, or null; with no global limit every lane has one. */
    public String acquireGlobalSlot(int globalLimit, String lane) {
        if (globalLimit <= 0) {
            return "unlimited";
        }
        for (int n = 1; n <= globalLimit; n++) {
            LockResource slot = LockResource.slot(GLOBAL_POOL, n);
            // outside the job transaction: a lost INSERT race would abort it on PostgreSQL (see WparBackupService.lock)
            if (Boolean.TRUE.equals(ownTransaction.execute(
                    status -> locks.acquire(slot, lane, "fleet backup lane", settings.lease()).acquired()))) {
                return slot.name();
            }
        }
        return null;
    }

    public void releaseGlobalSlot(String lane) {
        locks.releaseAll(lane);
    }

    public Summary summarize(String runId) {
        int done = 0;
        int failed = 0;
        int skipped = 0;
        int globalDone = 0;
        int globalFailed = 0;
        List<String> lines = new ArrayList<>();
        List<String> globalLines = new ArrayList<>();
        for (BackupRunRepository.Item item : runs.items(runId)) {
            if (BackupRunRepository.GLOBAL.equals(item.wpar())) {
                if (item.state() == BackupRunRepository.ItemState.DONE) {
                    globalDone++;
                } else {
                    globalFailed++;
                    globalLines.add("global environment " + item.lpar() + " FAILED: " + item.reason());
                }
                continue;
            }
            String what = item.lpar() + (item.wpar() == null ? "" : "/" + item.wpar());
            switch (item.state()) {
                case DONE -> done++;
                case FAILED -> {
                    failed++;
                    lines.add("FAILED " + what + ": " + item.reason());
                }
                case SKIPPED -> {
                    skipped++;
                    lines.add("SKIPPED " + what + ": " + item.reason());
                }
                default -> {
                    skipped++;
                    lines.add("SKIPPED " + what + ": not reached (" + item.state() + ")");
                }
            }
        }
        lines.addAll(globalLines);
        String text = "done " + done + ", failed " + failed + ", skipped " + skipped
                + (globalDone + globalFailed == 0 ? "" : "; global environments: backed up " + globalDone
                        + ", failed " + globalFailed)
                + (lines.isEmpty() ? "" : "\n" + String.join("\n", lines));
        runs.finishRun(runId, done, failed, skipped, text);
        return new Summary(done, failed, skipped, globalDone, globalFailed, text);
    }
}
