package dev.wparflow.process.backup.global;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.AixResult;
import dev.wparflow.aix.GlobalBackup;
import dev.wparflow.aix.GlobalBackup.Kind;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.VolumeGroupName;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparState;
import dev.wparflow.catalog.BackupRunRepository;
import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.catalog.RepositoryCommands;
import dev.wparflow.catalog.RetentionService;
import dev.wparflow.lock.HeldLock;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockAcquisition;
import dev.wparflow.lock.LockResource;
import dev.wparflow.process.backup.BackupRefusal;
import dev.wparflow.process.backup.BackupSettings;
import dev.wparflow.run.RemoteRun;
import dev.wparflow.run.RemoteRunService;

/**
 * The steps of GlobalBackupProcess (Redbook 4.4.1, 4.4.3, RB:3662–3718): mksysb -N of rootvg and savevg of every other
 * volume group holding WPAR file systems, with the file systems of the inactive WPARs mounted first and unmounted
 * after. Each step looks before it acts, so a retried job reaches the same end. Business failures (the LPAR held by
 * another operation, a failed mksysb or savevg, an image that does not verify) are {@link BackupRefusal}s; anything
 * technical is an exception (job retry, then incident).
 */
@Service
public class GlobalBackupService {

    private static final Logger log = LoggerFactory.getLogger(GlobalBackupService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final List<LswparField> FIELDS = List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE,
            LswparField.DIRECTORY);
    static final String ROOTVG = "rootvg";
    /** The activity whose runs are the savevgs (one per volume group: the group is the run id's suffix). */
    static final String SAVEVG_ACTIVITY = GlobalBackupModel.TASK_START_SAVEVG;

    private final AixGateway aix;
    private final LeaseLockService locks;
    private final RemoteRunService runs;
    private final ImageCatalog catalog;
    private final RetentionService retention;
    private final BackupSettings backups;
    private final GlobalBackupSettings settings;
    private final BackupRunRepository fleetRuns;
    private final Clock clock;

    public GlobalBackupService(AixGateway aix, LeaseLockService locks, RemoteRunService runs, ImageCatalog catalog,
            RetentionService retention, BackupSettings backups, GlobalBackupSettings settings,
            BackupRunRepository fleetRuns, Clock clock) {
        this.fleetRuns = fleetRuns;
        this.aix = aix;
        this.locks = locks;
        this.runs = runs;
        this.catalog = catalog;
        this.retention = retention;
        this.backups = backups;
        this.settings = settings;
        this.clock = clock;
    }

    /** What the backup will do, decided before anything changes. */
    public record Plan(String oslevel, String imageBase, List<String> toMount, List<String> volumeGroups) {
    }

    /** How the backup ended, in the words the operator reads. */
    public record Outcome(String outcome, String reason) {
    }

    /**
     * Takes {@code host:LPAR} for this instance, unless a process that called it (directly or further up: a maintenance
     * of that LPAR, a rollout) holds it: then the caller keeps it and releases it itself. Returns whether this backup
     * holds it (and so releases it); held by another operation: LPAR_LOCKED.
     *
     * @param callers the process instances above this one, nearest first (empty when nobody called it)
     */
    public boolean lease(String instanceId, List<String> callers, String lpar) {
        LockResource resource = LockResource.host(lpar);
        HeldLock held = locks.find(resource);
        if (held != null && callers.contains(held.owner()) && held.expiresAt() != null
                && held.expiresAt().isAfter(clock.instant())) {
            return false;
        }
        LockAcquisition a = locks.acquire(resource, instanceId, "GlobalBackupProcess " + lpar, settings.lease());
        if (a instanceof LockAcquisition.HeldByOther other) {
            throw new BackupRefusal("LPAR_LOCKED", other.describe());
        }
        return true;
    }

    /**
     * Reads the host: the jfs2 file systems of its system WPARs and the volume group of each
     * ({@link AixHost#wparFileSystems}: lswpar, lswpar -M, lsvg, lsvg -l), the mounted file systems ({@code df}) and
     * {@code oslevel -s}. The file systems of the Defined WPARs that are not mounted now are the ones to mount (and
     * only those are unmounted after); the volume groups other than rootvg holding a WPAR file system each get a
     * savevg.
     */
    public Plan plan(Origin origin, String lpar, Instant requestedAt) {
        AixHost on = aix.on(lpar, origin);
        Set<String> mounted = on.mountedFileSystems();
        List<GlobalBackup.WparFileSystem> fileSystems = on.wparFileSystems();
        List<String> toMount = new ArrayList<>();
        for (GlobalBackup.WparFileSystem fs : fileSystems) {
            if (fs.state() == WparState.DEFINED && !mounted.contains(fs.mountPoint())) {
                toMount.add(fs.mountPoint());
            }
        }
        toMount.sort(String::compareTo); // a WPAR's / before the file systems mounted in it
        List<String> groups = new ArrayList<>(byVolumeGroup(fileSystems).keySet());
        groups.remove(ROOTVG);
        String base = backups.repository() + "/" + lpar + "_global_"
                + STAMP.format(requestedAt != null ? requestedAt : clock.instant());
        return new Plan(on.oslevel(), base, toMount, groups);
    }

    /** {@code mount PATH} for each planned file system not mounted yet (a retry finds the ones it mounted). */
    public List<String> mount(Origin origin, String lpar, List<String> toMount) {
        AixHost on = aix.on(lpar, origin);
        Set<String> mounted = on.mountedFileSystems();
        List<String> done = new ArrayList<>();
        for (String path : toMount) {
            if (!mounted.contains(path)) {
                AbsolutePath p = AbsolutePath.of(path);
                on.mountFileSystem(p);
                done.add(lpar + ": " + GlobalBackup.mount(p).commandLine());
            }
        }
        return done;
    }

    /**
     * {@code umount PATH} for each planned file system still mounted, the deepest first; a WPAR started meanwhile owns
     * its file systems again and is left alone.
     */
    public List<String> unmount(Origin origin, String lpar, List<String> toMount) {
        if (toMount.isEmpty()) {
            return List.of();
        }
        AixHost on = aix.on(lpar, origin);
        Set<String> active = new LinkedHashSet<>();
        for (WparInfo w : on.wpars(FIELDS)) {
            if (w.state() != WparState.DEFINED && w.directory() != null) {
                active.add(w.directory());
            }
        }
        Set<String> mounted = on.mountedFileSystems();
        List<String> reverse = new ArrayList<>(toMount);
        reverse.sort(java.util.Comparator.reverseOrder());
        List<String> done = new ArrayList<>();
        for (String path : reverse) {
            boolean startedMeanwhile = active.stream().anyMatch(d -> path.equals(d) || path.startsWith(d + "/"));
            if (mounted.contains(path) && !startedMeanwhile) {
                AbsolutePath p = AbsolutePath.of(path);
                on.unmountFileSystem(p);
                done.add(lpar + ": " + GlobalBackup.unmount(p).commandLine());
            }
        }
        return done;
    }

    public static String mksysbPath(String imageBase) {
        return imageBase + ".mksysb";
    }

    public static String savevgPath(String imageBase, String volumeGroup) {
        return imageBase + "_" + volumeGroup + ".savevg";
    }

    /** mksysb -i -N IMAGE detached; the model waits at a timer the run watcher makes due when it ends. */
    public String startMksysb(Origin origin, String lpar, String imageBase) {
        return runs.start(origin, lpar, GlobalBackup.mksysb(AbsolutePath.of(mksysbPath(imageBase))), null);
    }

    /** savevg -i -f IMAGE VG detached (one run per volume group). */
    public String startSavevg(Origin origin, String lpar, String volumeGroup, String imageBase) {
        return runs.start(origin, lpar, GlobalBackup.savevg(VolumeGroupName.of(volumeGroup),
                AbsolutePath.of(savevgPath(imageBase, volumeGroup))), volumeGroup);
    }

    /** Cancels a run that reached its timeout (a finished or unknown run: nothing). */
    public void cancel(Origin origin, String runId) {
        if (runId != null && runs.find(runId).filter(r -> !r.finished()).isPresent()) {
            runs.cancel(runId, origin);
        }
    }

    /** The run ended with exit 0 and 0512-038, else MKSYSB_FAILED / SAVEVG_FAILED (or _TIMEOUT when cancelled). */
    public void checkRun(Kind kind, String lpar, String what, String runId) {
        RemoteRun run = runs.find(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
        String code = kind.command().toUpperCase(Locale.ROOT);
        if (run.state() == RemoteRun.State.CANCELLED) {
            throw new BackupRefusal(code + "_TIMEOUT", kind.command() + " of " + what + " on " + lpar
                    + " ran longer than wparflow.backup.global.timeout (" + settings.timeout() + ") and was cancelled");
        }
        if (!run.succeeded()) {
            throw new BackupRefusal(code + "_FAILED", kind.command() + " of " + what + " on " + lpar + " "
                    + (run.state() == RemoteRun.State.EXITED ? "exited " + run.exitCode()
                            : run.state().name().toLowerCase(Locale.ROOT)) + ": " + run.lastLine());
        }
        try {
            GlobalBackup.parseCompleted(kind, run.output());
        } catch (RuntimeException e) {
            throw new BackupRefusal(code + "_FAILED", kind.command() + " of " + what + " on " + lpar + ": "
                    + e.getMessage());
        }
    }

    /**
     * Verifies each image and records it: {@code lsmksysb -l} / {@code lssavevg -l} must read it, name its volume
     * group and list every WPAR file system of that group (the point of -N and of the mounts); {@code csum -h SHA1}
     * and {@code wc -c} (not empty). Returns the catalog ids, mksysb first. A retry finds recorded images by path.
     */
    public List<String> verifyAndCatalog(Origin origin, String lpar, String imageBase, String oslevel,
            List<String> volumeGroups, String processInstanceId, String backupRunId) {
        AixHost on = aix.on(lpar, origin);
        Map<String, List<String>> expected = byVolumeGroup(on.wparFileSystems());
        List<String> ids = new ArrayList<>();
        ids.add(verifyAndRecord(on, lpar, Kind.MKSYSB, ROOTVG, mksysbPath(imageBase), expected.get(ROOTVG),
                runIdOf(processInstanceId, GlobalBackupModel.TASK_START_MKSYSB, null), oslevel, processInstanceId,
                backupRunId));
        for (String vg : volumeGroups) {
            ids.add(verifyAndRecord(on, lpar, Kind.SAVEVG, vg, savevgPath(imageBase, vg), expected.get(vg),
                    runIdOf(processInstanceId, SAVEVG_ACTIVITY, vg), oslevel, processInstanceId, backupRunId));
        }
        return ids;
    }

    private String verifyAndRecord(AixHost on, String lpar, Kind kind, String vg, String path,
            List<String> expectedFileSystems, String runId, String oslevel, String processInstanceId,
            String backupRunId) {
        Optional<CatalogImage> recorded = catalog.findByPath(path);
        if (recorded.isPresent()) {
            return recorded.get().id();
        }
        AbsolutePath image = AbsolutePath.of(path);
        AixResult<GlobalBackup.BackupInfo> listed = on.backupInfo(kind, image);
        if (listed instanceof AixResult.Failed<GlobalBackup.BackupInfo> failed) {
            throw new BackupRefusal("IMAGE_CORRUPT", kind.listing() + " cannot read " + path + ": "
                    + failed.failure().describe());
        }
        GlobalBackup.BackupInfo info = listed.value();
        if (!vg.equals(info.volumeGroup())) {
            throw new BackupRefusal("IMAGE_CORRUPT", path + " holds " + info.volumeGroup() + ", not " + vg);
        }
        List<String> missing = new ArrayList<>(expectedFileSystems == null ? List.of() : expectedFileSystems);
        missing.removeAll(info.mountPoints());
        if (!missing.isEmpty()) {
            throw new BackupRefusal("IMAGE_INCOMPLETE", path + " lacks the WPAR file systems " + String.join(", ",
                    missing));
        }
        String checksum = on.read(RepositoryCommands.sha1(image), RepositoryCommands::parseSha1);
        long size = on.read(RepositoryCommands.byteCount(image), RepositoryCommands::parseByteCount);
        if (size <= 0) {
            throw new BackupRefusal("IMAGE_CORRUPT", path + " is empty");
        }
        long files = runs.find(runId).map(r -> {
            try {
                return GlobalBackup.parseCompleted(kind, r.output()).filesBackedUp();
            } catch (RuntimeException e) {
                return -1L;
            }
        }).orElse(-1L);
        CatalogImage row = catalog.record(new ImageCatalog.NewGlobalImage(lpar, kind.command(),
                Kind.SAVEVG == kind ? vg : null, clock.instant(), path, size, files, checksum, oslevel,
                processInstanceId, backupRunId));
        log.info("{} image {} of {} recorded ({} bytes, {})", kind.command(), path, lpar, size, checksum);
        return row.id();
    }

    /** Retention for the kinds just taken: mksysb per LPAR, savevg per LPAR and volume group. */
    public int applyRetention(Origin origin, String lpar, List<String> volumeGroups) {
        int deleted = retention.applyGlobal(lpar, CatalogImage.MKSYSB, null,
                settings.retention(CatalogImage.MKSYSB), origin).size();
        for (String vg : volumeGroups) {
            deleted += retention.applyGlobal(lpar, CatalogImage.SAVEVG, vg, settings.retention(CatalogImage.SAVEVG),
                    origin).size();
        }
        return deleted;
    }

    /** Releases the LPAR's lease if this backup holds it (a caller's stays the caller's). */
    public void release(String instanceId, String lpar, boolean taken) {
        if (taken && lpar != null) {
            locks.release(LockResource.host(lpar), instanceId);
        }
    }

    /** BACKED_UP with the images, or FAILED with the failure; both with what was mounted and the commands run. */
    public Outcome outcome(String lpar, String failureCode, String failureReason, List<String> imageIds,
            String done) {
        StringBuilder text = new StringBuilder();
        boolean ok = failureCode == null && failureReason == null && !imageIds.isEmpty();
        if (ok) {
            text.append("global environment ").append(lpar).append(" backed up:");
            for (String id : imageIds) {
                catalog.find(id).ifPresent(i -> text.append("\n  ").append(i.kind())
                        .append(i.volumeGroup() == null ? "" : " " + i.volumeGroup()).append(' ').append(i.path())
                        .append(" (").append(i.sizeBytes()).append(" bytes, ").append(i.checksum()).append(", image ")
                        .append(i.id()).append(')'));
            }
        } else {
            text.append("global environment ").append(lpar).append(" not backed up: ")
                    .append(failureCode == null ? "" : failureCode + ": ")
                    .append(failureReason == null ? "no image" : failureReason);
        }
        if (done != null && !done.isBlank()) {
            text.append("\ncommands:\n").append(done);
        }
        String reason = text.length() > 3900 ? text.substring(0, 3900) : text.toString();
        return new Outcome(ok ? GlobalBackupVariables.BACKED_UP : GlobalBackupVariables.FAILED, reason);
    }

    /** The outcome on the fleet run this backup belongs to (an item with wpar '-'), if any. */
    public void recordOnRun(String backupRunId, String lpar, Outcome outcome, String failureCode,
            String failureReason, List<String> imageIds, String processInstanceId) {
        if (backupRunId == null) {
            return;
        }
        boolean ok = GlobalBackupVariables.BACKED_UP.equals(outcome.outcome());
        fleetRuns.recordGlobal(backupRunId, lpar, ok, (failureCode == null ? "" : failureCode + ": ")
                + (failureReason == null ? "no image" : failureReason), imageIds.isEmpty() ? null : imageIds.get(0),
                processInstanceId);
    }

    // ------------------------------------------------------------------------------------------------

    static String runIdOf(String processInstanceId, String activityId, String suffix) {
        return RemoteRunService.runIdFor(new Origin(processInstanceId, activityId), suffix).value();
    }

    /** Volume group to the mount points of the WPAR file systems on its logical volumes. */
    private static Map<String, List<String>> byVolumeGroup(List<GlobalBackup.WparFileSystem> fileSystems) {
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        for (GlobalBackup.WparFileSystem fs : fileSystems) {
            if (fs.volumeGroup() != null) {
                byGroup.computeIfAbsent(fs.volumeGroup(), g -> new ArrayList<>()).add(fs.mountPoint());
            }
        }
        return byGroup;
    }
}
