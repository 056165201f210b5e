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
import dev.wparflow.aix.HostName;
import dev.wparflow.aix.IpAddress;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Lvm;
import dev.wparflow.aix.MkwparOptions;
import dev.wparflow.aix.NetworkSpec;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.VolumeGroupName;
import dev.wparflow.aix.WparBackup;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparLifecycle.Remove;
import dev.wparflow.aix.WparLifecycle.Stop;
import dev.wparflow.aix.WparMount;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparNetwork;
import dev.wparflow.aix.WparState;
import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.catalog.ImageDataEditor;
import dev.wparflow.catalog.RepositoryCommands;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockAcquisition;
import dev.wparflow.lock.LockResource;
import dev.wparflow.process.backup.BackupRefusal;
import dev.wparflow.process.backup.BackupSettings;
import dev.wparflow.run.RemoteRun;
import dev.wparflow.run.RemoteRunService;

/**
 * The steps of WparRestoreProcess, WparCloneProcess and RestoreDrillProcess (Redbook 4.4.4, 4.4.5): an image from the
 * catalog, checked on the target host (lssavewpar, SHA-1 against the catalog) and restored with restwpar as a
 * detached run. Every check that can refuse runs before anything changes; business refusals are
 * {@link BackupRefusal}s (codes IMAGE_NOT_FOUND, IMAGE_CORRUPT, IMAGE_NOT_GOLDEN, NAME_TAKEN, HOSTNAME_TAKEN,
 * ADDRESS_TAKEN, DIRECTORY_TAKEN, VOLUME_GROUP_NOT_FOUND, WPAR_LOCKED, RESTORE_FAILED, RESTORE_TIMEOUT, VERIFY_FAILED).
 * The rollback steps of a failed restore or clone throw no refusal: they retry and end as incidents.
 */
@Service
public class WparRestoreService {

    private static final Logger log = LoggerFactory.getLogger(WparRestoreService.class);
    static final List<LswparField> FIELDS = List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE,
            LswparField.HOSTNAME, LswparField.DIRECTORY);

    /** What to do with a WPAR of the same name that exists on the host. */
    public enum Existing { REFUSE, REMOVE, RENAME;

        public static Existing of(String s) {
            try {
                return valueOf(s == null || s.isBlank() ? "REFUSE" : s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BackupRefusal("INVALID_REQUEST", "existing must be refuse, remove or rename: " + s);
            }
        }
    }

    /** The identity a restored WPAR will have: from the image's spec unless overridden (clone). */
    public record Identity(String name, String hostname, String address) {
    }

    private final AixGateway aix;
    private final LeaseLockService locks;
    private final RemoteRunService runs;
    private final ImageCatalog catalog;
    private final BackupSettings settings;
    private final TransactionTemplate ownTransaction;

    public WparRestoreService(AixGateway aix, LeaseLockService locks, RemoteRunService runs, ImageCatalog catalog,
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

    /** The name, hostname and address in the image's spec (general: name/hostname, network: address). */
    public static Identity specIdentity(String spec) {
        String stanza = null;
        String name = null;
        String hostname = null;
        String address = null;
        for (String line : spec == null ? List.<String>of() : spec.lines().toList()) {
            if (line.matches("^\\S[^=]*:\\s*$")) {
                stanza = line.strip().replace(":", "");
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip().replaceAll("^\"|\"$", "");
            if ("general".equals(stanza) && key.equals("name")) {
                name = value;
            } else if ("general".equals(stanza) && key.equals("hostname")) {
                hostname = value;
            } else if ("network".equals(stanza) && key.equals("address") && address == null && !value.isEmpty()) {
                address = value;
            }
        }
        return new Identity(name, hostname == null || hostname.isEmpty() ? name : hostname, address);
    }

    /**
     * The WPAR's base directory in the image's spec ({@code directory} of the general stanza; mount stanzas have
     * their own), default {@code /wpars/NAME} as mkwpar's.
     */
    public static String specDirectory(String spec, String name) {
        String stanza = null;
        for (String line : spec == null ? List.<String>of() : spec.lines().toList()) {
            if (line.matches("^\\S[^=]*:\\s*$")) {
                stanza = line.strip().replace(":", "");
                continue;
            }
            int eq = line.indexOf('=');
            if ("general".equals(stanza) && eq > 0 && line.substring(0, eq).strip().equals("directory")) {
                String value = line.substring(eq + 1).strip().replaceAll("^\"|\"$", "");
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        return "/wpars/" + name;
    }

    /** A restore decided before approval; checked again after the lock. */
    public record RestorePlan(CatalogImage image, Identity identity, String directory, WparInfo existing,
            Existing mode, String renameTo) {

        public String describe(String host, boolean start) {
            StringBuilder b = new StringBuilder();
            b.append("Image ").append(image.id()).append(": ").append(image.path()).append(" (").append(image.createdAt())
                    .append(", ").append(image.checksum()).append(")\n");
            if (existing == null) {
                b.append(host).append('/').append(identity.name()).append(" does not exist\n");
            } else {
                b.append(host).append('/').append(identity.name()).append(" is ").append(existing.state()).append(": ")
                        .append(mode == Existing.REMOVE ? "stopwpar -F, rmwpar" : "stopwpar -F, chwpar -n " + renameTo)
                        .append('\n');
            }
            b.append("restwpar -f ").append(image.path()).append(start ? ", then startwpar" : "").append('\n');
            b.append("hostname ").append(identity.hostname()).append(", address ").append(identity.address())
                    .append(", directory ").append(directory);
            return b.toString();
        }
    }

    /**
     * Everything a restore checks before it may change anything: the image (catalog, on the host, checksum), the
     * image is of this WPAR, what to do with a WPAR of that name, and that no other WPAR has its hostname or address.
     */
    public RestorePlan planRestore(Origin origin, String host, String wpar, String imageId, String sourceLpar,
            Existing mode, String renameTo) {
        WparName.of(wpar);
        CatalogImage img = chooseImage(imageId, sourceLpar != null ? sourceLpar : host, wpar);
        checkImage(origin, host, img);
        Identity id = specIdentity(img.specText());
        if (id.name() != null && !id.name().equals(wpar)) {
            throw new BackupRefusal("INVALID_REQUEST", "image " + img.id() + " is of WPAR " + id.name() + ", not " + wpar
                    + " (WparCloneProcess restores under another name)");
        }
        id = new Identity(wpar, id.hostname(), id.address());
        WparInfo existing = look(origin, host, wpar).orElse(null);
        if (existing != null && mode == Existing.REFUSE) {
            throw new BackupRefusal("NAME_TAKEN", "WPAR " + wpar + " exists on " + host + " (" + existing.state()
                    + "); ask for existing=remove or existing=rename");
        }
        String replacing = null;
        if (existing != null && mode == Existing.RENAME) {
            if (renameTo == null) {
                throw new BackupRefusal("INVALID_REQUEST", "existing=rename needs renameTo");
            }
            WparName.of(renameTo);
            if (look(origin, host, renameTo).isPresent()) {
                throw new BackupRefusal("NAME_TAKEN", "a WPAR named " + renameTo + " exists on " + host);
            }
            // the renamed WPAR keeps its hostname and address: they must differ from the image's
        } else if (existing != null) {
            replacing = wpar;
        }
        if (existing == null || mode == Existing.REMOVE) {
            checkFree(origin, host, id, replacing);
        } else {
            checkFree(origin, host, new Identity(null, id.hostname(), id.address()), null);
        }
        // restwpar creates the WPAR in the spec's directory; a renamed WPAR keeps its own (Example 4-12), so a restore
        // beside it in the same directory would fail after the set-aside (mkwpar 0960-318)
        String directory = specDirectory(img.specText(), wpar);
        for (WparInfo w : listWpars(origin, host)) {
            if (!w.name().equals(replacing) && directory.equals(w.directory())) {
                throw new BackupRefusal("DIRECTORY_TAKEN", "directory " + directory + " of image " + img.id()
                        + " is used by WPAR " + w.name() + " on " + host
                        + (mode == Existing.RENAME ? " (a renamed WPAR keeps its directory: use existing=remove)" : ""));
            }
        }
        return new RestorePlan(img, id, directory, existing, mode, renameTo);
    }

    /** A clone decided: the image, the new identity, whether image.data must be edited for another volume group. */
    public record ClonePlan(CatalogImage image, Identity identity, boolean editImageData) {
    }

    public ClonePlan planClone(Origin origin, String host, String imageId, String name, String hostname,
            String address, String volumeGroup, boolean allowNonGolden) {
        WparName.of(name);
        if (hostname != null) {
            HostName.of(hostname);
        }
        if (address != null) {
            IpAddress.of(address);
        }
        CatalogImage img = chooseImage(imageId, null, null);
        if (!img.golden() && !allowNonGolden) {
            throw new BackupRefusal("IMAGE_NOT_GOLDEN", "image " + img.id() + " (" + img.lpar() + "/" + img.wpar() + ", "
                    + img.createdAt() + ") is not golden: mark it golden (PUT /api/images/" + img.id()
                    + "/golden) or ask with allowNonGolden=true");
        }
        checkImage(origin, host, img);
        Identity id = new Identity(name, hostname != null ? hostname : name, address);
        checkFree(origin, host, id, null);
        boolean edit = false;
        if (volumeGroup != null) {
            VolumeGroupName.of(volumeGroup);
            checkVolumeGroup(origin, host, volumeGroup);
            try {
                edit = !ImageDataEditor.toVolumeGroup(img.imageDataText(), volumeGroup, null).sourceVolumeGroups()
                        .equals(java.util.Set.of(volumeGroup));
            } catch (IllegalArgumentException e) {
                throw new BackupRefusal("IMAGE_CORRUPT", "image.data of image " + img.id() + ": " + e.getMessage());
            }
        }
        return new ClonePlan(img, id, edit);
    }

    // ----------------------------------------------------------------------------------- what is free

    public Optional<WparInfo> look(Origin origin, String host, String wpar) {
        return listWpars(origin, host).stream().filter(w -> w.name().equals(wpar)).findFirst();
    }

    /**
     * Refuses when another WPAR on the host (any but {@code replacing}) has the name, hostname or address.
     */
    public void checkFree(Origin origin, String host, Identity id, String replacing) {
        List<WparInfo> wpars = listWpars(origin, host);
        for (WparInfo w : wpars) {
            if (w.name().equals(replacing)) {
                continue;
            }
            if (w.name().equals(id.name())) {
                throw new BackupRefusal("NAME_TAKEN", "a WPAR named " + id.name() + " exists on " + host + " (" + w.state() + ")");
            }
            if (id.hostname() != null && id.hostname().equalsIgnoreCase(w.hostname())) {
                throw new BackupRefusal("HOSTNAME_TAKEN", "hostname " + id.hostname() + " is used by WPAR " + w.name() + " on " + host);
            }
        }
        if (id.address() != null) {
            List<WparNetwork> nets = aix.on(host, origin).networks(List.of());
            for (WparNetwork n : nets) {
                if (!n.name().equals(replacing) && id.address().equals(n.address())) {
                    throw new BackupRefusal("ADDRESS_TAKEN", "address " + id.address() + " is used by WPAR " + n.name() + " on " + host);
                }
            }
        }
    }

    public void checkVolumeGroup(Origin origin, String host, String vg) {
        List<String> vgs = aix.on(host, origin).read(Lvm.listVolumeGroups(), Lvm::parseVolumeGroupNames);
        if (!vgs.contains(vg)) {
            throw new BackupRefusal("VOLUME_GROUP_NOT_FOUND", "no volume group " + vg + " on " + host + " (has " + vgs + ")");
        }
    }

    // -------------------------------------------------------------------------------------- locking

    /** Takes the lease wpar:host/wpar or refuses with WPAR_LOCKED naming the holder. */
    public void lock(Origin origin, String host, String wpar, String what) {
        LockAcquisition a = ownTransaction.execute(status -> locks.acquire(LockResource.wpar(host, wpar),
                origin.processInstanceId(), what + " " + host + "/" + wpar, settings.lease()));
        if (a instanceof LockAcquisition.HeldByOther other) {
            throw new BackupRefusal("WPAR_LOCKED", other.describe());
        }
    }

    public void releaseLocks(String owner) {
        locks.releaseAll(owner);
    }

    // -------------------------------------------------------------------------------------- changes

    /** Stops (force) and removes or renames the existing WPAR; nothing to do when it is gone (a retry). */
    public void setAsideExisting(Origin origin, String host, String wpar, Existing mode, String renameTo) {
        if (mode == Existing.REFUSE) {
            return;
        }
        Optional<WparInfo> w = look(origin, host, wpar);
        if (w.isEmpty()) {
            return;
        }
        WparName name = WparName.of(wpar);
        AixHost on = aix.on(host, origin);
        if (w.get().state() != WparState.DEFINED) {
            on.stop(name, Stop.FORCE);
        }
        if (mode == Existing.REMOVE) {
            on.remove(name);
            log.info("removed {}/{} before its restore", host, wpar);
        } else {
            on.rename(name, WparName.of(renameTo));
            log.info("renamed {}/{} to {} before its restore", host, wpar, renameTo);
        }
    }

    /**
     * Writes the edited image.data (rootvg → target VG, disks) to {@code /tmp/wpardata/NAME/image.data.VG} on the
     * host with {@code tee} and the text on stdin. Returns the file's path.
     */
    public String writeEditedImageData(Origin origin, String host, CatalogImage img, String newName, String vg,
            List<String> disks) {
        ImageDataEditor.Edited edited;
        try {
            edited = ImageDataEditor.toVolumeGroup(img.imageDataText(), vg, disks);
        } catch (IllegalArgumentException e) {
            throw new BackupRefusal("IMAGE_CORRUPT", "image.data of image " + img.id() + ": " + e.getMessage());
        }
        String path = "/tmp/wpardata/" + newName + "/image.data." + vg;
        aix.on(host, origin).writeFile(AbsolutePath.of(path), edited.text());
        log.info("image.data for {} on {}: {} logical volume(s) {} -> {}", newName, host, edited.logicalVolumes(),
                edited.sourceVolumeGroups(), vg);
        return path;
    }

    /** restwpar as a detached run; flags as the book's clone when anything is overridden (RB:3889, RB:3975). */
    public String startRestore(Origin origin, String host, CatalogImage img, String newName, String hostname,
            String address, String baseDirectory, String imageDataFile) {
        boolean clone = newName != null || hostname != null || address != null || baseDirectory != null;
        MkwparOptions mk = address == null ? null
                : MkwparOptions.builder().flag("-N", NetworkSpec.address(IpAddress.of(address)).attributes()).build();
        return runs.start(origin, host, WparBackup.restwpar(new WparBackup.RestwparRequest(AbsolutePath.of(img.path()),
                newName == null ? null : WparName.of(newName), hostname == null ? null : HostName.of(hostname),
                baseDirectory == null ? null : AbsolutePath.of(baseDirectory),
                imageDataFile == null ? null : AbsolutePath.of(imageDataFile), mk, clone)), null);
    }

    /** The run exited 0 with "created successfully". */
    public void checkRestored(String host, String wpar, String runId) {
        RemoteRun run = runs.find(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
        if (run.state() != RemoteRun.State.EXITED || run.exitCode() == null || run.exitCode() != 0) {
            String out = run.output() != null ? run.output() : run.note();
            throw new BackupRefusal("RESTORE_FAILED", "restwpar of " + host + "/" + wpar + " "
                    + (run.state() == RemoteRun.State.EXITED ? "exited " + run.exitCode() : run.state().name().toLowerCase(Locale.ROOT))
                    + ": " + lastLine(out));
        }
        try {
            WparBackup.parseRestored(run.output());
        } catch (RuntimeException e) {
            throw new BackupRefusal("RESTORE_FAILED", "restwpar of " + host + "/" + wpar + ": " + e.getMessage());
        }
    }

    public void start(Origin origin, String host, String wpar) {
        WparInfo w = look(origin, host, wpar).orElseThrow(() -> new BackupRefusal("VERIFY_FAILED",
                "restored WPAR " + wpar + " is missing on " + host));
        if (w.state() != WparState.ACTIVE) {
            aix.on(host, origin).start(WparName.of(wpar));
        }
    }

    /**
     * The WPAR exists in the expected state (Active when started, else Defined), with the expected hostname and
     * address, and, when a volume group is given, every jfs2 logical volume of it in that group. Returns its state.
     */
    public String verify(Origin origin, String host, Identity expected, boolean started, String volumeGroup) {
        WparInfo w = look(origin, host, expected.name()).orElseThrow(() -> new BackupRefusal("VERIFY_FAILED",
                "restored WPAR " + expected.name() + " is missing on " + host));
        WparState want = started ? WparState.ACTIVE : WparState.DEFINED;
        if (w.state() != want) {
            throw new BackupRefusal("VERIFY_FAILED", host + "/" + expected.name() + " is " + w.state() + ", expected " + want);
        }
        if (expected.hostname() != null && !expected.hostname().equalsIgnoreCase(w.hostname())) {
            throw new BackupRefusal("VERIFY_FAILED", host + "/" + expected.name() + " has hostname " + w.hostname()
                    + ", expected " + expected.hostname());
        }
        if (expected.address() != null) {
            List<WparNetwork> nets = aix.on(host, origin).networks(List.of(WparName.of(expected.name())));
            if (nets.stream().noneMatch(n -> expected.address().equals(n.address()))) {
                throw new BackupRefusal("VERIFY_FAILED", host + "/" + expected.name() + " lacks address " + expected.address());
            }
        }
        if (volumeGroup != null) {
            List<String> inVg = aix.on(host, origin).read(Lvm.logicalVolumes(VolumeGroupName.of(volumeGroup)),
                    Lvm::parseLogicalVolumes).stream().map(Lvm.LogicalVolume::name).toList();
            List<String> outside = new ArrayList<>();
            for (WparMount m : aix.on(host, origin).mounts(WparName.of(expected.name()))) {
                if ("jfs2".equalsIgnoreCase(m.vfs()) && m.device() != null && m.device().startsWith("/dev/")
                        && !inVg.contains(m.device().substring(5))) {
                    outside.add(m.device());
                }
            }
            if (!outside.isEmpty()) {
                throw new BackupRefusal("VERIFY_FAILED", host + "/" + expected.name() + ": " + outside + " not in " + volumeGroup);
            }
        }
        return w.state().name();
    }

    /** Removes a (scratch) WPAR: stop -F if not Defined, rmwpar. Gone already: nothing. */
    public void remove(Origin origin, String host, String wpar) {
        Optional<WparInfo> w = look(origin, host, wpar);
        if (w.isEmpty()) {
            return;
        }
        if (w.get().state() != WparState.DEFINED) {
            aix.on(host, origin).stop(WparName.of(wpar), Stop.FORCE);
        }
        aix.on(host, origin).remove(WparName.of(wpar));
    }

    /**
     * restwpar outlived its timeout: the run is cancelled on its host and the restore (or clone) fails with
     * RESTORE_TIMEOUT. A run the poller saw exit in the meantime (the timer won the race against the correlation) is
     * not cancelled: it returns, and the model checks it as usual.
     */
    public void cancelTimedOut(Origin origin, String host, String wpar, String runId, Duration timeout) {
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

    // -------------------------------------------------------------------------------------- rollback

    /** What a failed restore does once what restwpar left is gone. */
    public enum Rollback {
        /** the original was renamed aside: rename it back (and restart it if it was Active) */
        RENAME_BACK,
        /** the original was removed (or there was none): the WPAR is absent, the outcome says which image to use */
        ABSENT
    }

    /** The next rollback step and a sentence for the outcome. */
    public record PartialRemoval(Rollback next, String note) {
    }

    /**
     * After a restore failed past the set-aside (restwpar failed or timed out, start or verify failed): removes what
     * restwpar left under the WPAR's name ({@code rmwpar -F}: stops it first; Broken or Transitional leftovers of a
     * cancelled run included). With {@code existing=rename} the renamed original must still be there, else the WPAR of
     * that name might be the original renamed back by hand and is not touched (incident). Never throws a business
     * error: a failure here is an incident whose message says where the original is.
     */
    public PartialRemoval removePartialRestore(Origin origin, String host, String wpar, Existing mode, String renameTo,
            String existingState, String directory, String imageId, String imagePath) {
        boolean renamedAside = mode == Existing.RENAME && existingState != null && renameTo != null;
        String whereOriginal = renamedAside ? "the original is " + host + "/" + renameTo + " (renamed, Defined)"
                : absent(host, wpar, mode, existingState, imageId, imagePath);
        try {
            if (renamedAside && look(origin, host, renameTo).isEmpty()) {
                throw new IllegalStateException("the renamed original " + host + "/" + renameTo + " is not there; "
                        + host + "/" + wpar + " is left as it is (it may be the original renamed back by hand)");
            }
            Optional<WparInfo> partial = look(origin, host, wpar);
            String removed;
            if (partial.isPresent()) {
                requireMadeByRestwpar(host, partial.get(), directory);
                aix.on(host, origin).remove(WparName.of(wpar), Remove.FORCE);
                removed = "what restwpar left of " + host + "/" + wpar + " (" + partial.get().state() + ") was removed";
                log.info("rollback of the restore of {}/{}: partial WPAR ({}) removed", host, wpar, partial.get().state());
            } else {
                removed = "restwpar left no WPAR " + host + "/" + wpar;
            }
            return renamedAside ? new PartialRemoval(Rollback.RENAME_BACK, removed)
                    : new PartialRemoval(Rollback.ABSENT, removed + "; " + whereOriginal);
        } catch (RuntimeException e) {
            throw new IllegalStateException("rolling back the restore of " + host + "/" + wpar + ": " + e.getMessage()
                    + "; " + whereOriginal, e);
        }
    }

    /** Renames the original back ({@code chwpar -n WPAR RENAMED}); done already (a retry): nothing. */
    public String renameBack(Origin origin, String host, String wpar, String renameTo) {
        try {
            boolean original = look(origin, host, renameTo).isPresent();
            boolean named = look(origin, host, wpar).isPresent();
            if (original && !named) {
                aix.on(host, origin).rename(WparName.of(renameTo), WparName.of(wpar));
                log.info("rollback of the restore of {}/{}: {} renamed back", host, wpar, renameTo);
                return "the original " + host + "/" + renameTo + " was renamed back to " + wpar;
            }
            if (!original && named) {
                return "the original is back as " + host + "/" + wpar;
            }
            throw new IllegalStateException(original ? host + "/" + wpar + " exists beside the renamed original "
                    + renameTo : "neither " + host + "/" + renameTo + " nor " + host + "/" + wpar + " exists");
        } catch (RuntimeException e) {
            throw new IllegalStateException("rolling back the restore of " + host + "/" + wpar + ": renaming "
                    + renameTo + " back: " + e.getMessage(), e);
        }
    }

    /** Starts the original again after it was renamed back (it was Active before the restore). */
    public String restartOriginal(Origin origin, String host, String wpar) {
        try {
            WparInfo w = look(origin, host, wpar).orElseThrow(() -> new IllegalStateException(host + "/" + wpar
                    + " is not there"));
            if (w.state() != WparState.ACTIVE) {
                aix.on(host, origin).start(WparName.of(wpar));
            }
            return "and restarted (Active, as before the restore)";
        } catch (RuntimeException e) {
            throw new IllegalStateException("rolling back the restore of " + host + "/" + wpar
                    + ": the original is back under its name but did not start again: " + e.getMessage(), e);
        }
    }

    /** A failed clone leaves nothing half-made: removes the new WPAR restwpar created ({@code rmwpar -F}), if any. */
    public String removePartialClone(Origin origin, String host, String name, String directory) {
        try {
            Optional<WparInfo> partial = look(origin, host, name);
            if (partial.isEmpty()) {
                return "restwpar left no WPAR " + host + "/" + name;
            }
            requireMadeByRestwpar(host, partial.get(), directory);
            aix.on(host, origin).remove(WparName.of(name), Remove.FORCE);
            log.info("failed clone {}/{} ({}) removed", host, name, partial.get().state());
            return "what restwpar left of " + host + "/" + name + " (" + partial.get().state() + ") was removed";
        } catch (RuntimeException e) {
            throw new IllegalStateException("removing the failed clone " + host + "/" + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The name was free and leased before restwpar started, so a WPAR of that name is what restwpar made; its
     * directory must say so too, else it is left alone (incident): somebody made it by hand meanwhile.
     */
    private static void requireMadeByRestwpar(String host, WparInfo w, String directory) {
        if (directory != null && w.directory() != null && !directory.equals(w.directory())) {
            throw new IllegalStateException(host + "/" + w.name() + " is in " + w.directory() + ", restwpar was creating "
                    + directory + ": not removed, it is not what restwpar left");
        }
    }

    private static String absent(String host, String wpar, Existing mode, String existingState, String imageId,
            String imagePath) {
        String why = existingState == null ? "as it was before the restore"
                : "it was removed before the restore (existing=" + mode.name().toLowerCase(Locale.ROOT) + ")";
        return host + "/" + wpar + " is ABSENT, " + why + ": restore it from image " + imageId + " (" + imagePath
                + ") once the cause is fixed, or pick another image of it in GET /api/images?lpar=" + host + "&wpar="
                + wpar;
    }

    public ImageCatalog catalog() {
        return catalog;
    }

    // ------------------------------------------------------------------------------------------------

    private List<WparInfo> listWpars(Origin origin, String host) {
        return aix.on(host, origin).wpars(FIELDS);
    }

    static String lastLine(String text) {
        if (text == null) {
            return "";
        }
        List<String> lines = text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
