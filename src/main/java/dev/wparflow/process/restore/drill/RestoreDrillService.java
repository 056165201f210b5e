package dev.wparflow.process.restore.drill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.AixResult;
import dev.wparflow.aix.GlobalBackup;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparLifecycle.Stop;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparState;
import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.catalog.RepositoryCommands;
import dev.wparflow.process.backup.BackupRefusal;
import dev.wparflow.process.restore.RestwparService;

/**
 * The restore drill: which images to drill (the newest GOOD image of a sample of WPARs), removing the scratch WPAR,
 * marking an image restore-tested. The restore itself is a WparCloneProcess to the scratch name.
 */
@Service
public class RestoreDrillService {

    /** Failures of a clone that happen before it changed anything: the scratch WPAR, if any, is not ours to remove. */
    static final Set<String> REFUSED_BEFORE_CHANGE = Set.of("INVALID_REQUEST", "IMAGE_NOT_FOUND", "IMAGE_CORRUPT",
            "IMAGE_NOT_GOLDEN", "NAME_TAKEN", "HOSTNAME_TAKEN", "ADDRESS_TAKEN", "VOLUME_GROUP_NOT_FOUND", "WPAR_LOCKED");

    private final ImageCatalog catalog;
    private final RestwparService restwpar;
    private final AixGateway aix;
    private final DrillSettings settings;

    public RestoreDrillService(ImageCatalog catalog, RestwparService restwpar, AixGateway aix, DrillSettings settings) {
        this.catalog = catalog;
        this.restwpar = restwpar;
        this.aix = aix;
        this.settings = settings;
    }

    public DrillSettings getSettings() {
        return settings;
    }

    /** Image ids: the newest GOOD image per WPAR; never drilled first, then drilled longest ago; at most sample. */
    public List<String> pickSample(int sample) {
        Map<String, CatalogImage> newest = new LinkedHashMap<>();
        for (CatalogImage i : catalog.list(null, null, CatalogImage.SAVEWPAR, CatalogImage.State.GOOD, null, 100_000)) {
            newest.putIfAbsent(i.lpar() + "/" + i.wpar(), i);
        }
        List<CatalogImage> candidates = new ArrayList<>(newest.values());
        candidates.sort(Comparator.comparing((CatalogImage i) -> lastDrilled(i)).thenComparing(CatalogImage::lpar)
                .thenComparing(CatalogImage::wpar));
        return candidates.stream().limit(Math.max(0, sample)).map(CatalogImage::id).toList();
    }

    /** When this WPAR was last drilled (any of its images), EPOCH if never. */
    private Instant lastDrilled(CatalogImage newest) {
        return catalog.forWpar(newest.lpar(), newest.wpar(), true).stream().map(CatalogImage::restoreTestedAt)
                .filter(t -> t != null).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    /**
     * Removes the scratch WPAR (stop -F if not Defined, rmwpar) unless the clone refused before changing anything.
     * Gone already: nothing.
     */
    public void removeScratch(Origin origin, String host, String scratchName, String cloneFailureCode) {
        if (cloneFailureCode != null && REFUSED_BEFORE_CHANGE.contains(cloneFailureCode)) {
            return;
        }
        WparName scratch = WparName.of(scratchName);
        Optional<WparInfo> w = restwpar.look(origin, host, scratch);
        if (w.isEmpty()) {
            return;
        }
        AixHost on = aix.on(host, origin);
        if (w.get().state() != WparState.DEFINED) {
            on.stop(scratch, Stop.FORCE);
        }
        on.remove(scratch);
    }

    /**
     * The newest GOOD mksysb image of each LPAR; never tested first, then tested longest ago; at most {@code sample}.
     */
    public List<String> pickGlobalSample(int sample) {
        Map<String, CatalogImage> newest = new LinkedHashMap<>();
        for (CatalogImage i : catalog.list(null, null, CatalogImage.MKSYSB, CatalogImage.State.GOOD, null, 100_000)) {
            newest.putIfAbsent(i.lpar(), i);
        }
        return newest.values().stream().sorted(Comparator.comparing((CatalogImage i) -> i.restoreTestedAt() == null
                ? Instant.EPOCH : i.restoreTestedAt()).thenComparing(CatalogImage::lpar)).limit(Math.max(0, sample))
                .map(CatalogImage::id).toList();
    }

    /**
     * Verifies a mksysb image where it lies, through its LPAR (which mounts the repository): {@code csum -h SHA1} must
     * give the checksum the catalog recorded when it was taken, and {@code lsmksysb -l -f} must read it; then it is
     * marked restore-tested. Returns the summary line; a failure is a {@link BackupRefusal} (IMAGE_NOT_FOUND,
     * IMAGE_CORRUPT) with what was found.
     */
    public String verifyGlobal(Origin origin, String imageId) {
        CatalogImage image = catalog.find(imageId)
                .orElseThrow(() -> new BackupRefusal("IMAGE_NOT_FOUND", "no image " + imageId + " in the catalog"));
        AixHost on = aix.on(image.lpar(), origin);
        AbsolutePath path = AbsolutePath.of(image.path());
        AixResult<String> sum = on.attemptRead(RepositoryCommands.sha1(path), RepositoryCommands::parseSha1);
        if (sum instanceof AixResult.Failed<String> failed) {
            throw new BackupRefusal("IMAGE_NOT_FOUND", image.path() + " cannot be read on " + image.lpar() + ": "
                    + failed.failure().describe());
        }
        if (!sum.value().equals(image.checksum())) {
            throw new BackupRefusal("IMAGE_CORRUPT", image.path() + " has checksum " + sum.value()
                    + " on the repository, the catalog recorded " + image.checksum());
        }
        GlobalBackup.Kind kind = CatalogImage.SAVEVG.equals(image.kind()) ? GlobalBackup.Kind.SAVEVG
                : GlobalBackup.Kind.MKSYSB;
        AixResult<GlobalBackup.BackupInfo> listed = on.backupInfo(kind, path);
        if (listed instanceof AixResult.Failed<GlobalBackup.BackupInfo> failed) {
            throw new BackupRefusal("IMAGE_CORRUPT", kind.listing() + " cannot read " + image.path() + ": "
                    + failed.failure().describe());
        }
        catalog.markRestoreTested(imageId);
        return "OK " + describe(imageId) + ": checksum " + sum.value() + " as catalogued, " + kind.listing()
                + " -l lists " + listed.value().logicalVolumes().size() + " logical volumes of "
                + listed.value().volumeGroup();
    }

    public void markTested(String imageId) {
        catalog.markRestoreTested(imageId);
    }

    public String describe(String imageId) {
        return catalog.find(imageId).map(i -> i.global() ? i.kind() + " of " + i.lpar() + " " + i.path()
                : i.lpar() + "/" + i.wpar() + " " + i.path()).orElse(imageId);
    }
}
