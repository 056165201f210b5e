package dev.wparflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    static final Instant NOW = Instant.parse("2026-01-31T02:00:00Z");

    static CatalogImage image(String id, int daysAgo, CatalogImage.State state, boolean golden) {
        return new CatalogImage(id, "lpar00", "wpr00", NOW.minus(Duration.ofDays(daysAgo)), "/images/" + id + ".save",
                null, null, 1L, 1L, "sha1:x", "6100-02-01-0847", null, null, state, golden, null, null, null, null, null, null, null);
    }

    /** Ten nightly images, newest first: i0 (today) … i9 (9 days ago). */
    static List<CatalogImage> nightly() {
        List<CatalogImage> images = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            images.add(image("i" + d, d, CatalogImage.State.GOOD, false));
        }
        return images;
    }

    static List<String> ids(List<CatalogImage> images) {
        return images.stream().map(CatalogImage::id).sorted().toList();
    }

    @Test
    void keepsTheNewestN() {
        assertThat(ids(new RetentionPolicy(3, null).toDelete(nightly(), NOW)))
                .containsExactly("i3", "i4", "i5", "i6", "i7", "i8", "i9");
    }

    @Test
    void keepsDImagesYoungerThanDDays() {
        assertThat(ids(new RetentionPolicy(0, Duration.ofDays(5)).toDelete(nightly(), NOW)))
                .containsExactly("i5", "i6", "i7", "i8", "i9");
    }

    @Test
    void withBothRulesAnImageEitherRuleKeepsStays() {
        assertThat(ids(new RetentionPolicy(7, Duration.ofDays(2)).toDelete(nightly(), NOW)))
                .containsExactly("i7", "i8", "i9");
        assertThat(ids(new RetentionPolicy(2, Duration.ofDays(4)).toDelete(nightly(), NOW)))
                .containsExactly("i4", "i5", "i6", "i7", "i8", "i9");
    }

    @Test
    void neverDeletesTheLastGoodImageEvenWhenEveryRuleWouldDropIt() {
        List<CatalogImage> old = List.of(image("old1", 40, CatalogImage.State.GOOD, false),
                image("old2", 50, CatalogImage.State.GOOD, false), image("gone", 30, CatalogImage.State.DELETED, false));
        assertThat(ids(new RetentionPolicy(0, Duration.ofDays(7)).toDelete(old, NOW))).containsExactly("old2");
        assertThat(new RetentionPolicy(1, Duration.ofDays(1)).toDelete(List.of(old.get(0)), NOW)).isEmpty();
    }

    @Test
    void deletedImagesDoNotCountAndGoldenImagesStay() {
        List<CatalogImage> images = new ArrayList<>(nightly());
        images.set(0, image("i0", 0, CatalogImage.State.DELETED, false)); // newest removed by hand: i1 is the last good
        images.set(8, image("i8", 8, CatalogImage.State.GOOD, true));
        assertThat(ids(new RetentionPolicy(2, null).toDelete(images, NOW)))
                .containsExactly("i3", "i4", "i5", "i6", "i7", "i9");
    }

    @Test
    void noRuleKeepsEverything() {
        assertThat(new RetentionPolicy(0, null).toDelete(nightly(), NOW)).isEmpty();
    }
}
