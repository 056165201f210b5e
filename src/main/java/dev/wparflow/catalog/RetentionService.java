package dev.wparflow.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.AixOutcomes;
import dev.wparflow.aix.AixResult;
import dev.wparflow.aix.AixShell;
import dev.wparflow.aix.Origin;

/**
 * Applies a {@link RetentionPolicy} to one WPAR's images: removes each image (and the spec and image.data kept
 * beside it) from the repository through a host that mounts it, then marks it DELETED in the catalog. {@code rm -f}
 * makes a repeated step harmless; a failed rm leaves the catalog row GOOD (it is tried again next time).
 */
@Service
public class RetentionService {

    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    private final ImageCatalog catalog;
    private final AixShell shell;
    private final Clock clock;

    public RetentionService(ImageCatalog catalog, AixShell shell, Clock clock) {
        this.catalog = catalog;
        this.shell = shell;
        this.clock = clock;
    }

    /** Deletes what the policy says for one WPAR; returns the deleted images. */
    public List<CatalogImage> apply(String lpar, String wpar, RetentionPolicy policy, Origin origin) {
        return delete(lpar, wpar, policy.toDelete(catalog.forWpar(lpar, wpar, false), clock.instant()), policy, origin);
    }

    /**
     * Deletes what the policy says for a global environment's images of one kind (mksysb; savevg per volume group):
     * the same rules, the newest GOOD image of each kind (and volume group) always kept.
     */
    public List<CatalogImage> applyGlobal(String lpar, String kind, String volumeGroup, RetentionPolicy policy,
            Origin origin) {
        return delete(lpar, kind + (volumeGroup == null ? "" : " " + volumeGroup),
                policy.toDelete(catalog.forGlobal(lpar, kind, volumeGroup, false), clock.instant()), policy, origin);
    }

    private List<CatalogImage> delete(String lpar, String what, List<CatalogImage> doomed, RetentionPolicy policy,
            Origin origin) {
        String wpar = what;
        List<CatalogImage> deleted = new ArrayList<>();
        for (CatalogImage image : doomed) {
            List<AbsolutePath> files = new ArrayList<>();
            files.add(AbsolutePath.of(image.path()));
            if (image.imageDataPath() != null) {
                files.add(AbsolutePath.of(image.imageDataPath()));
            }
            if (image.specPath() != null) {
                files.add(AbsolutePath.of(image.specPath()));
            }
            AixResult<Void> removed = AixOutcomes.interpret(shell.run(image.lpar(), RepositoryCommands.remove(files), origin));
            if (removed instanceof AixResult.Failed<Void> failed) {
                throw new IllegalStateException("retention could not remove " + image.path() + ": "
                        + failed.failure().describe());
            }
            catalog.markDeleted(image.id(), "retention " + policy);
            log.info("retention deleted image {} of {}/{} ({})", image.path(), lpar, wpar, image.createdAt());
            deleted.add(image);
        }
        return deleted;
    }
}
