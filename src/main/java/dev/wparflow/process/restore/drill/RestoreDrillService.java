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

import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparLifecycle.Stop;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparState;
import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
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
        for (CatalogImage i : catalog.list(null, null, CatalogImage.State.GOOD, 100_000)) {
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

    public void markTested(String imageId) {
        catalog.markRestoreTested(imageId);
    }

    public String describe(String imageId) {
        return catalog.find(imageId).map(i -> i.lpar() + "/" + i.wpar() + " " + i.path()).orElse(imageId);
    }
}
