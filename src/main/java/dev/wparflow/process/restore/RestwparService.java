package dev.wparflow.process.restore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.AixCommandException;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.AixOutcome;
import dev.wparflow.aix.IdentityClash;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Lvm;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.VolumeGroupName;
import dev.wparflow.aix.WparBackup;
import dev.wparflow.aix.WparBackup.RestwparRequest;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparLifecycle.Remove;
import dev.wparflow.aix.WparMount;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparState;
import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.catalog.RepositoryCommands;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockAcquisition;
import dev.wparflow.lock.LockResource;
import dev.wparflow.process.backup.BackupRefusal;
import dev.wparflow.process.backup.BackupSettings;
import dev.wparflow.run.RemoteRun;
import dev.wparflow.run.RemoteRunService;

/**
 * What WparRestoreProcess and WparCloneProcess share (Redbook 4.4.4, 4.4.5): the image from the catalog checked on
 * the target host (lssavewpar, SHA-1 against the catalog), the WPARs on the host and whether a name, hostname or
 * address is free, the lease of a WPAR name, and the restwpar run with the steps after it: check, start, verify,
 * cancel at the timeout, remove what a failed run left. Business refusals are {@link BackupRefusal}s (codes
 * IMAGE_NOT_FOUND, IMAGE_CORRUPT, NAME_TAKEN, HOSTNAME_TAKEN, ADDRESS_TAKEN, WPAR_LOCKED, RESTORE_FAILED,
 * RESTORE_TIMEOUT, VERIFY_FAILED).
 */
@Service
public class RestwparService {

    private static final Logger log = LoggerFactory.getLogger(RestwparService.class);
    private static final List<LswparField> FIELDS = List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE,
            LswparField.HOSTNAME, LswparField.DIRECTORY);

    /** The identity a restored WPAR will have: from the image's spec unless overridden (clone). */
    public record Identity(WparName name, String hostname, String address) {
    }

    private final AixGateway aix;
    private final LeaseLockService locks;
    private final RemoteRunService runs;
    private final ImageCatalog catalog;
    private final BackupSettings settings;
    private final TransactionTemplate ownTransaction;

    public RestwparService(AixGateway aix, LeaseLockService locks, RemoteRunService runs, ImageCatalog catalog,
            BackupSettings settings, PlatformTransactionManager transactions) {
        this.aix = aix;
        this.locks = locks;
        this.runs = runs;
        this.catalog = catalog;
        this.settings = settings;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    // ------------------------------------------------------------------------------------------- image

    /** The image by id, or the newest GOOD image of lpar/wpar. */
    public CatalogImage chooseImage(String imageId, String lpar, String wpar) {
        if (imageId != null && !imageId.isBlank()) {
            CatalogImage img = catalog.find(imageId.strip()).orElseThrow(() -> new BackupRefusal("IMAGE_NOT_FOUND",
                    "no image " + imageId + " in the catalog"));
            if (img.state() != CatalogImage.State.GOOD) {
                throw new BackupRefusal("IMAGE_NOT_FOUND", "image " + imageId + " is " + img.state() + " (" + img.path() + ")");
            }
            return img;
        }
        return catalog.forWpar(lpar, wpar, false).stream().filter(i -> i.state() == CatalogImage.State.GOOD)
                .findFirst().flatMap(i -> catalog.find(i.id()))
                .orElseThrow(() -> new BackupRefusal("IMAGE_NOT_FOUND", "no GOOD image of " + lpar + "/" + wpar + " in the catalog"));
    }

    /** The GOOD image {@code imageId}. */
    public CatalogImage image(String imageId) {
        return chooseImage(imageId, null, null);
    }

    /** lssavewpar on the target host (the repository is NFS-shared) and the SHA-1 against the catalog's. */
    public void checkImage(Origin origin, String host, CatalogImage img) {
        AbsolutePath image = AbsolutePath.of(img.path());
        AixHost on = aix.on(host, origin);
        List<String> members;
        try {
            members = on.imageMembers(image);
        } catch (AixCommandException failed) {
            AixOutcome o = failed.outcome();
            if (o == AixOutcome.IMAGE_NOT_FOUND || o == AixOutcome.IMAGE_CORRUPT) {
                throw new BackupRefusal(o.errorCode(), "image " + img.path() + " on " + host + ": " + failed.getMessage());
            }
            throw failed;
        }
        if (!members.contains("./.savewpar_dir/wpar.spec") || !members.contains("./.savewpar_dir/image.data")) {
            throw new BackupRefusal("IMAGE_CORRUPT", img.path() + " lacks ./.savewpar_dir/wpar.spec or image.data");
        }
        String sha1 = on.read(RepositoryCommands.sha1(image), RepositoryCommands::parseSha1);
        if (img.checksum() != null && !img.checksum().equalsIgnoreCase(sha1)) {
            throw new BackupRefusal("IMAGE_CORRUPT", img.path() + " on " + host + " has " + sha1
                    + ", the catalog recorded " + img.checksum());
        }
    }

    // ----------------------------------------------------------------------------------- what is free

    /** Every WPAR on the host (lswpar -c: name, state, type, hostname, directory). */
    public List<WparInfo> wpars(Origin origin, String host) {
        return aix.on(host, origin).wpars(FIELDS);
    }

    public Optional<WparInfo> look(Origin origin, String host, WparName wpar) {
        return wpars(origin, host).stream().filter(w -> w.name().equals(wpar.value())).findFirst();
    }

    /**
     * Refuses when another WPAR on the host (any but {@code replacing}) has the name, hostname or address.
     */
    public void checkFree(Origin origin, String host, Identity id, WparName replacing) {
        AixHost global = aix.on(host, origin);
        IdentityClash.find(host, wpars(origin, host), () -> global.networks(List.of()),
                id.name() == null ? null : id.name().value(), id.hostname(), id.address(),
                replacing == null ? null : replacing.value()).ifPresent(clash -> {
                    throw new BackupRefusal(clash.code(), clash.message());
                });
    }

    // -------------------------------------------------------------------------------------- locking

    /** Takes the lease wpar:host/wpar or refuses with WPAR_LOCKED naming the holder. */
    public void lock(Origin origin, String host, WparName wpar, String what) {
        LockAcquisition a = ownTransaction.execute(status -> locks.acquire(LockResource.wpar(host, wpar.value()),
                origin.processInstanceId(), what + " " + host + "/" + wpar, settings.lease()));
        if (a instanceof LockAcquisition.HeldByOther other) {
            throw new BackupRefusal("WPAR_LOCKED", other.describe());
        }
    }

    public void releaseLocks(String owner) {
        locks.releaseAll(owner);
    }

    // -------------------------------------------------------------------------------------- restwpar

    /** restwpar as a detached run; returns the run's id. */
    public String startRestwpar(Origin origin, String host, RestwparRequest request) {
        return runs.start(origin, host, WparBackup.restwpar(request), null);
    }

    /** The run exited 0 with "created successfully". */
    public void checkRestored(String host, WparName wpar, String runId) {
        RemoteRun run = runs.find(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
        if (!run.succeeded()) {
            throw new BackupRefusal("RESTORE_FAILED", "restwpar of " + host + "/" + wpar + " "
                    + (run.state() == RemoteRun.State.EXITED ? "exited " + run.exitCode() : run.state().name().toLowerCase(Locale.ROOT))
                    + ": " + run.lastLine());
        }
        try {
            WparBackup.parseRestored(run.output());
        } catch (RuntimeException e) {
            throw new BackupRefusal("RESTORE_FAILED", "restwpar of " + host + "/" + wpar + ": " + e.getMessage());
        }
    }

    /**
     * restwpar outlived its timeout: the run is cancelled on its host and the restore (or clone) fails with
     * RESTORE_TIMEOUT. A run the poller saw exit in the meantime (the timer won the race against the correlation) is
     * not cancelled: it returns, and the model checks it as usual.
     */
    public void cancelTimedOut(Origin origin, String host, WparName wpar, String runId, Duration timeout) {
        Optional<RemoteRun> run = runId == null ? Optional.empty() : runs.find(runId);
        if (run.isPresent() && run.get().state() == RemoteRun.State.EXITED) {
            log.info("restwpar run {} of {}/{} exited as its timeout fired: checked as usual", runId, host, wpar);
            return;
        }
        if (run.isPresent()) {
            runs.cancel(runId, origin);
        }
        log.warn("restwpar of {}/{} ran longer than {}: run {} cancelled", host, wpar, timeout, runId);
        throw new BackupRefusal("RESTORE_TIMEOUT", "restwpar of " + host + "/" + wpar + " ran longer than " + timeout
                + " and was cancelled (run " + runId + ")");
    }

    /** startwpar, unless Active already (a retry). */
    public void start(Origin origin, String host, WparName wpar) {
        WparInfo w = look(origin, host, wpar).orElseThrow(() -> new BackupRefusal("VERIFY_FAILED",
                "restored WPAR " + wpar + " is missing on " + host));
        if (w.state() != WparState.ACTIVE) {
            aix.on(host, origin).start(wpar);
        }
    }

    /**
     * The WPAR exists in the expected state (Active when started, else Defined), with the expected hostname and
     * address, and, when a volume group is given, every jfs2 logical volume of it in that group. Returns its state.
     */
    public String verify(Origin origin, String host, Identity expected, boolean started, String volumeGroup) {
        WparName name = expected.name();
        WparInfo w = look(origin, host, name).orElseThrow(() -> new BackupRefusal("VERIFY_FAILED",
                "restored WPAR " + name + " is missing on " + host));
        WparState want = started ? WparState.ACTIVE : WparState.DEFINED;
        if (w.state() != want) {
            throw new BackupRefusal("VERIFY_FAILED", host + "/" + name + " is " + w.state() + ", expected " + want);
        }
        if (expected.hostname() != null && !expected.hostname().equalsIgnoreCase(w.hostname())) {
            throw new BackupRefusal("VERIFY_FAILED", host + "/" + name + " has hostname " + w.hostname()
                    + ", expected " + expected.hostname());
        }
        AixHost on = aix.on(host, origin);
        if (expected.address() != null
                && on.networks(List.of(name)).stream().noneMatch(n -> expected.address().equals(n.address()))) {
            throw new BackupRefusal("VERIFY_FAILED", host + "/" + name + " lacks address " + expected.address());
        }
        if (volumeGroup != null) {
            List<String> inVg = on.read(Lvm.logicalVolumes(VolumeGroupName.of(volumeGroup)), Lvm::parseLogicalVolumes)
                    .stream().map(Lvm.LogicalVolume::name).toList();
            List<String> outside = new ArrayList<>();
            for (WparMount m : on.mounts(name)) {
                if ("jfs2".equalsIgnoreCase(m.vfs()) && m.device() != null && m.device().startsWith("/dev/")
                        && !inVg.contains(m.device().substring(5))) {
                    outside.add(m.device());
                }
            }
            if (!outside.isEmpty()) {
                throw new BackupRefusal("VERIFY_FAILED", host + "/" + name + ": " + outside + " not in " + volumeGroup);
            }
        }
        return w.state().name();
    }

    /**
     * After a failed restwpar run (or a failed start or verification): removes the WPAR it made ({@code rmwpar -F}:
     * stops it first; Broken or Transitional leftovers of a cancelled run included). Returns the state it had, or
     * empty when there was none. The name was free and leased before restwpar started, so a WPAR of that name is what
     * restwpar made; its directory must say so too, else it is left alone (an exception): somebody made it by hand
     * meanwhile.
     */
    public Optional<WparState> removeWhatRestwparLeft(Origin origin, String host, WparName wpar, String directory) {
        Optional<WparInfo> partial = look(origin, host, wpar);
        if (partial.isEmpty()) {
            return Optional.empty();
        }
        WparInfo w = partial.get();
        if (directory != null && w.directory() != null && !directory.equals(w.directory())) {
            throw new IllegalStateException(host + "/" + w.name() + " is in " + w.directory() + ", restwpar was creating "
                    + directory + ": not removed, it is not what restwpar left");
        }
        aix.on(host, origin).remove(wpar, Remove.FORCE);
        return Optional.of(w.state());
    }

}
