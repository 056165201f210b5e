package dev.wparflow.process.backup.wpar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.AixCommandException;
import dev.wparflow.aix.AixFailure;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.AixOutcome;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.WparBackup;
import dev.wparflow.aix.WparBackup.Save;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparLifecycle.Stop;
import dev.wparflow.aix.WparMount;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparState;
import dev.wparflow.aix.WparType;
import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.catalog.RepositoryCommands;
import dev.wparflow.catalog.RetentionService;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockAcquisition;
import dev.wparflow.lock.LockResource;
import dev.wparflow.run.RemoteRun;
import dev.wparflow.run.RemoteRunService;
import dev.wparflow.process.backup.BackupRefusal;
import dev.wparflow.catalog.BackupRunRepository;
import dev.wparflow.process.backup.BackupSettings;

/**
 * The steps of WparBackupProcess (Redbook 4.4.2, 7.5): each looks before it acts, so a retried job reaches the
 * same end state. Business failures are {@link BackupRefusal}s; anything technical is an exception (job retry,
 * then incident).
 */
@Service
public class WparBackupService {

    private static final Logger log = LoggerFactory.getLogger(WparBackupService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final List<LswparField> FIELDS = List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE,
            LswparField.DIRECTORY);

    public enum Mode { NONE, STOP, QUIESCE;

        public static Mode of(String s) {
            try {
                return valueOf(s == null ? "NONE" : s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BackupRefusal("INVALID_CONSISTENCY", "consistency must be none, stop or quiesce: " + s);
            }
        }
    }

    /** What the backup of a WPAR will do, decided once before anything changes. */
    public record Plan(boolean wasActive, Mode mode, boolean includeNfs, String imagePath, String oslevel) {
    }

    private final AixGateway aix;
    private final LeaseLockService locks;
    private final RemoteRunService runs;
    private final ImageCatalog catalog;
    private final RetentionService retention;
    private final BackupSettings settings;
    private final BackupRunRepository fleetRuns;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

    public WparBackupService(AixGateway aix, LeaseLockService locks, RemoteRunService runs, ImageCatalog catalog,
            RetentionService retention, BackupSettings settings, BackupRunRepository fleetRuns, Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.aix = aix;
        this.locks = locks;
        this.runs = runs;
        this.catalog = catalog;
        this.retention = retention;
        this.settings = settings;
        this.fleetRuns = fleetRuns;
        this.clock = clock;
    }

    /** Null if acquired, else who holds it. */
    public String lock(Origin origin, String host, String wpar) {
        // outside the job transaction (statement by statement, as the run poller does): on PostgreSQL a lost INSERT
        // race inside a transaction aborts it, and LeaseLockService then reads the holder in that aborted transaction
        LockAcquisition a = ownTransaction.execute(status -> locks.acquire(LockResource.wpar(host, wpar),
                origin.processInstanceId(), "WparBackupProcess " + host + "/" + wpar, settings.lease()));
        return a instanceof LockAcquisition.HeldByOther other ? other.describe() : null;
    }

    /**
     * Decides the backup from what the host says now: {@code lswpar} for the state, {@code lswpar -M} for NFS
     * mounts ({@code -N}); {@code knownOslevel} is the host's oslevel when the caller read it already (once per host
     * in a fleet backup), else it is read here. The image is named after {@code requestedAt} (when the backup was
     * requested; now if unknown), so planning again names the same image.
     */
    public Plan plan(Origin origin, String host, String wpar, String consistencyOverride, String knownOslevel,
            Instant requestedAt) {
        WparName name = WparName.of(wpar);
        WparInfo info = status(origin, host, name);
        if (info.type() != WparType.SYSTEM) {
            throw new BackupRefusal("NOT_A_SYSTEM_WPAR", host + "/" + wpar + " is not a system WPAR (savewpar backs up system WPARs only)");
        }
        if (info.state() != WparState.ACTIVE && info.state() != WparState.DEFINED) {
            throw new BackupRefusal("WRONG_STATE", host + "/" + wpar + " is " + info.state() + ", not Active or Defined");
        }
        BackupSettings.Policy policy = settings.policyFor(host, wpar);
        Mode mode = Mode.of(consistencyOverride != null ? consistencyOverride : policy.mode());
        boolean nfs = mounts(origin, host, name).stream().anyMatch(m -> "nfs".equalsIgnoreCase(m.vfs()));
        String oslevel = knownOslevel != null && !knownOslevel.isBlank() ? knownOslevel : oslevel(origin, host);
        String base = settings.repository() + "/" + host + "_" + wpar + "_" + STAMP.format(requestedAt != null ? requestedAt : clock.instant());
        return new Plan(info.state() == WparState.ACTIVE, mode, nfs, base + ".save", oslevel);
    }

    /** {@code oslevel -s} of the global environment, recorded with every image. */
    public String oslevel(Origin origin, String host) {
        return aix.on(host, origin).oslevel();
    }

    /** Stops the WPAR or runs its quiesce command, if the policy says so and it was Active. */
    public void applyConsistency(Origin origin, String host, String wpar, Mode mode, boolean wasActive) {
        WparName name = WparName.of(wpar);
        if (!wasActive || mode == Mode.NONE) {
            return;
        }
        if (mode == Mode.STOP) {
            WparState state = status(origin, host, name).state();
            if (state == WparState.ACTIVE) {
                aix.on(host, origin).stop(name);
            } else if (state == WparState.BROKEN) {
                // the plan saw it Active: a stopwpar of ours cut off by a lost connection (this is the step's retry)
                // leaves it Broken, and savewpar refuses a Broken WPAR (0960-401); finish the stop the way the
                // Redbook recovers a Broken WPAR, and the restart after savewpar starts it again
                aix.on(host, origin).stop(name, Stop.FORCE);
            }
            return;
        }
        List<String> quiesce = settings.policyFor(host, wpar).quiesceCommand();
        if (quiesce == null || quiesce.isEmpty()) {
            throw new BackupRefusal("INVALID_CONSISTENCY", "quiesce policy of " + host + "/" + wpar + " has no quiesce-command");
        }
        AixHost.Inside r = aix.on(host, origin).runInside(name, quiesce);
        if (!r.succeeded()) {
            throw new BackupRefusal("QUIESCE_FAILED", "quiesce command in " + host + "/" + wpar + " exited "
                    + r.exitStatus() + ": " + r.lastErrorLine());
        }
    }

    /** Puts back what {@link #applyConsistency} changed: restarts a stopped WPAR, resumes a quiesced one. */
    public void restoreConsistency(Origin origin, String host, String wpar, Mode mode, boolean wasActive) {
        WparName name = WparName.of(wpar);
        if (!wasActive || mode == Mode.NONE) {
            return;
        }
        if (mode == Mode.STOP) {
            WparInfo info = statusOrNull(origin, host, name);
            if (info != null && info.state() != WparState.ACTIVE) {
                if (info.state() == WparState.BROKEN) {
                    aix.on(host, origin).stop(name, Stop.FORCE);
                }
                aix.on(host, origin).start(name);
                log.info("restarted {}/{} after its backup", host, wpar);
            }
            return;
        }
        List<String> resume = settings.policyFor(host, wpar).resumeCommand();
        if (resume != null && !resume.isEmpty()) {
            AixHost.Inside r = aix.on(host, origin).runInside(name, resume);
            if (!r.succeeded()) {
                throw new IllegalStateException("resume command in " + host + "/" + wpar + " exited " + r.exitStatus()
                        + ": " + r.lastErrorLine());
            }
        }
    }

    /**
     * Redbook 4.4.2: "ensure that all filesystems for a given WPAR are mounted". For an Active WPAR every jfs2 and
     * NFS file system of {@code lswpar -M} must appear in {@code df}. A Defined WPAR's file systems are not mounted by
     * design; savewpar reads them from the WPAR's logical volumes (IBM's savewpar reference is silent on mounting; see
     * docs/backups.md). Whether it is Active now follows from the plan, read under our lock: Active before and not
     * stopped by the policy.
     */
    public void ensureFileSystemsMounted(Origin origin, String host, String wpar, Plan plan) {
        WparName name = WparName.of(wpar);
        if (!plan.wasActive() || plan.mode() == Mode.STOP) {
            return;
        }
        Set<String> mounted = aix.on(host, origin).mountedFileSystems();
        List<String> missing = mounts(origin, host, name).stream()
                .filter(m -> "jfs2".equalsIgnoreCase(m.vfs()) || "nfs".equalsIgnoreCase(m.vfs()))
                .map(WparMount::mountPoint).filter(p -> !mounted.contains(p)).toList();
        if (!missing.isEmpty()) {
            throw new BackupRefusal("FILESYSTEMS_NOT_MOUNTED", host + "/" + wpar + ": not mounted: " + String.join(", ", missing));
        }
    }

    public String startSave(Origin origin, String host, String wpar, String imagePath, boolean includeNfs) {
        WparBackup.Save[] options = includeNfs ? new Save[] {Save.IMAGE_DATA, Save.MAPS, Save.INCLUDE_NFS}
                : new Save[] {Save.IMAGE_DATA, Save.MAPS};
        return runs.start(origin, host, WparBackup.savewpar(WparName.of(wpar), AbsolutePath.of(imagePath), options),
                null);
    }

    public void cancelSave(Origin origin, String runId) {
        if (runId != null && runs.find(runId).isPresent()) {
            runs.cancel(runId, origin);
        }
    }

    /**
     * Checks the run's exit, lists the image with lssavewpar (spec and image.data members present), checksums and
     * measures it, keeps image.data and the spec beside it and records it in the catalog. Returns the image id.
     */
    public String verifyAndRecord(Origin origin, String host, String wpar, Plan plan, String runId, String backupRunId) {
        Optional<CatalogImage> recorded = catalog.findByPath(plan.imagePath());
        if (recorded.isPresent()) {
            return recorded.get().id();
        }
        RemoteRun run = runs.find(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
        if (!run.succeeded()) {
            throw new BackupRefusal("SAVEWPAR_FAILED", "savewpar of " + host + "/" + wpar + " "
                    + (run.state() == RemoteRun.State.EXITED ? "exited " + run.exitCode() : run.state().name().toLowerCase(Locale.ROOT))
                    + ": " + run.lastLine());
        }
        WparBackup.Saved saved;
        try {
            saved = WparBackup.parseSaved(run.output());
        } catch (RuntimeException e) {
            throw new BackupRefusal("SAVEWPAR_FAILED", "savewpar of " + host + "/" + wpar + ": " + e.getMessage());
        }
        AbsolutePath image = AbsolutePath.of(plan.imagePath());
        AixHost on = aix.on(host, origin);
        List<String> members;
        try {
            members = on.imageMembers(image);
        } catch (AixCommandException failed) {
            throw refusalOrFailure(failed.failure(), "IMAGE_CORRUPT");
        }
        if (!members.contains("./.savewpar_dir/wpar.spec") || !members.contains("./.savewpar_dir/image.data")) {
            throw new BackupRefusal("IMAGE_CORRUPT", plan.imagePath() + " lacks ./.savewpar_dir/wpar.spec or image.data");
        }
        String checksum = on.read(RepositoryCommands.sha1(image), RepositoryCommands::parseSha1);
        long size = on.read(RepositoryCommands.byteCount(image), RepositoryCommands::parseByteCount);
        String base = plan.imagePath().substring(0, plan.imagePath().length() - ".save".length());
        AbsolutePath imageData = AbsolutePath.of(base + ".image.data");
        AbsolutePath spec = AbsolutePath.of(base + ".spec");
        on.run(RepositoryCommands.copy(AbsolutePath.of("/tmp/wpardata/" + wpar + "/image.data"), imageData));
        on.writeSpec(WparName.of(wpar), spec);
        String imageDataText = on.read(RepositoryCommands.cat(imageData), out -> out);
        String specText = on.read(RepositoryCommands.cat(spec), out -> out);
        CatalogImage recordedImage = catalog.record(new ImageCatalog.NewImage(host, wpar, clock.instant(),
                plan.imagePath(), imageData.value(), spec.value(), size,
                saved.filesBackedUp() >= 0 ? saved.filesBackedUp() : members.size(), checksum, plan.oslevel(), specText,
                imageDataText, origin.processInstanceId(), backupRunId));
        log.info("image {} of {}/{} recorded ({} bytes, {} files, {})", plan.imagePath(), host, wpar, size,
                recordedImage.fileCount(), checksum);
        return recordedImage.id();
    }

    public int applyRetention(Origin origin, String host, String wpar) {
        return retention.apply(host, wpar, settings.retention(), origin).size();
    }

    public void releaseLocks(String owner) {
        locks.releaseAll(owner);
    }

    /** The fleet item's outcome, when this backup belongs to a fleet run. */
    public void recordOutcome(String itemId, String imageId, String failureCode, String failureReason,
            String processInstanceId) {
        if (itemId == null) {
            return;
        }
        if (imageId != null && failureReason == null) {
            fleetRuns.finishItem(itemId, BackupRunRepository.ItemState.DONE, null, imageId, processInstanceId);
        } else if ("WPAR_LOCKED".equals(failureCode) || "NOT_A_SYSTEM_WPAR".equals(failureCode)) {
            fleetRuns.finishItem(itemId, BackupRunRepository.ItemState.SKIPPED, failureCode + ": " + failureReason,
                    null, processInstanceId);
        } else {
            fleetRuns.finishItem(itemId, BackupRunRepository.ItemState.FAILED,
                    (failureCode == null ? "" : failureCode + ": ") + failureReason, imageId, processInstanceId);
        }
    }

    // ------------------------------------------------------------------------------------------------

    private WparInfo status(Origin origin, String host, WparName name) {
        WparInfo info = statusOrNull(origin, host, name);
        if (info == null) {
            throw new BackupRefusal("WPAR_NOT_FOUND", "no WPAR " + name.value() + " on " + host);
        }
        return info;
    }

    private WparInfo statusOrNull(Origin origin, String host, WparName name) {
        return aix.on(host, origin).wpar(name, FIELDS).orElse(null);
    }

    private List<WparMount> mounts(Origin origin, String host, WparName name) {
        return aix.on(host, origin).mounts(name);
    }

    static RuntimeException refusalOrFailure(AixFailure failure, String fallbackCode) {
        if (failure.outcome() == AixOutcome.IMAGE_NOT_FOUND || failure.outcome() == AixOutcome.IMAGE_CORRUPT) {
            return new BackupRefusal(failure.outcome().errorCode(), failure.describe());
        }
        if (failure.outcome().isBusiness()) {
            return new BackupRefusal(failure.outcome().errorCode(), failure.describe());
        }
        return new IllegalStateException(failure.describe());
    }


    Instant now() {
        return clock.instant();
    }
}
