package dev.wparflow.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which images of one WPAR to delete: keep the newest {@code keepCount} (0 = no count limit) and/or those younger
 * than {@code keepAge} (null = no age limit); with both, an image is kept if either rule keeps it. The newest good
 * image is never deleted, whatever the rules say; golden images are never deleted by retention.
 */
public record RetentionPolicy(int keepCount, Duration keepAge) {

    public RetentionPolicy {
        if (keepCount < 0) {
            throw new IllegalArgumentException("keepCount must be >= 0: " + keepCount);
        }
        if (keepAge != null && (keepAge.isNegative() || keepAge.isZero())) {
            keepAge = null;
        }
    }

    public boolean keepsEverything() {
        return keepCount == 0 && keepAge == null;
    }

    /** The GOOD images (any order) to delete at {@code now}. */
    public List<CatalogImage> toDelete(List<CatalogImage> images, Instant now) {
        List<CatalogImage> good = new ArrayList<>(images.stream().filter(i -> i.state() == CatalogImage.State.GOOD)
                .sorted(Comparator.comparing(CatalogImage::createdAt).thenComparing(CatalogImage::id).reversed())
                .toList());
        List<CatalogImage> delete = new ArrayList<>();
        if (good.isEmpty() || keepsEverything()) {
            return delete;
        }
        for (int rank = 1; rank < good.size(); rank++) { // rank 0, the newest good image, is always kept
            CatalogImage image = good.get(rank);
            boolean keptByCount = keepCount > 0 && rank < keepCount;
            boolean keptByAge = keepAge != null && image.createdAt().isAfter(now.minus(keepAge));
            boolean countOnly = keepAge == null;
            boolean ageOnly = keepCount == 0;
            boolean keep = countOnly ? keptByCount : ageOnly ? keptByAge : (keptByCount || keptByAge);
            if (!keep && !image.golden()) {
                delete.add(image);
            }
        }
        return delete;
    }
}
