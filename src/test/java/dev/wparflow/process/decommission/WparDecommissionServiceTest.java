package dev.wparflow.process.decommission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparState;
import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.process.decommission.WparDecommissionService.Facts;
import dev.wparflow.process.decommission.WparDecommissionService.Outcome;

/**
 * The decommission's decisions that need no host: the commands the plan promises (as the aix layer builds them), how
 * recent an image must be, and the outcome with what was removed and what is left.
 */
class WparDecommissionServiceTest {

    static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    static final WparName WPR10 = WparName.of("wpr10");
    static final Facts DIRECT = new Facts(WparState.ACTIVE, null, null);
    static final Facts NIM = new Facts(WparState.ACTIVE, "nim01", "wpr10");

    final ImageCatalog catalog = mock(ImageCatalog.class);
    final WparDecommissionService service = new WparDecommissionService(null, null, null, catalog, null, null,
            DecommissionSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    static CatalogImage image(String id, Instant createdAt, CatalogImage.State state) {
        return new CatalogImage(id, "lpar00", "wpr10", createdAt, "/images/" + id + ".save", null, null, null, null,
                null, null, null, null, state, false, null, null, null, null, null, null, null);
    }

    @Test
    void thePlanNamesTheCommandsAsTheHostsReceiveThem() {
        assertThat(WparDecommissionService.commands("lpar00", WPR10, DIRECT)).containsExactly(
                "lpar00: stopwpar wpr10   (stopwpar -F wpr10 if it does not stop; nothing if it is Defined)",
                "lpar00: rmwpar wpr10");
        assertThat(WparDecommissionService.commands("lpar00", WPR10, NIM)).containsExactly(
                "nim01: nim -o deactivate wpr10   (on lpar00: stopwpar -F wpr10 if it does not stop; nothing if it is"
                        + " Defined)",
                "nim01: nim -o destroy wpr10", "nim01: nim -o remove wpr10");
    }

    @Test
    void aRecentImageIsTheNewestGoodOneYoungerThanTheAge() {
        when(catalog.forWpar("lpar00", "wpr10", false)).thenReturn(List.of(
                image("deleted", NOW.minusSeconds(60), CatalogImage.State.DELETED),
                image("old", NOW.minus(Duration.ofHours(30)), CatalogImage.State.GOOD)));
        assertThat(service.recentImage("lpar00", WPR10, Duration.ofHours(24))).isEmpty();
        assertThat(service.recentImage("lpar00", WPR10, Duration.ofHours(48))).get().extracting(CatalogImage::id)
                .isEqualTo("old");
        assertThat(service.maxBackupAge(null)).isEqualTo(Duration.ofHours(24));
        assertThat(service.maxBackupAge(Duration.ofDays(2))).isEqualTo(Duration.ofDays(2));
        assertThat(service.missingBackup("lpar00", WPR10, Duration.ofHours(24)).code()).isEqualTo("BACKUP_MISSING");
    }

    @Test
    void theOutcomeSaysWhatRanAndWhatIsLeft() {
        when(catalog.forWpar("lpar00", "wpr10", false)).thenReturn(List.of(image("img-1", NOW,
                CatalogImage.State.GOOD)));

        Outcome done = service.outcome("lpar00", WPR10, DIRECT, null, null, true,
                "lpar00: stopwpar wpr10\nlpar00: rmwpar wpr10\nremoved from the inventory", "bob", "ok");
        assertThat(done.outcome()).isEqualTo("DECOMMISSIONED");
        assertThat(done.reason()).isEqualTo("lpar00/wpr10 decommissioned (approved by bob). Ran: lpar00: stopwpar"
                + " wpr10; lpar00: rmwpar wpr10; removed from the inventory. The catalog keeps its 1 image(s), newest"
                + " img-1 (2026-12-05T10:00:00Z): retention decides, and never deletes the newest GOOD or a golden"
                + " image.");

        assertThat(service.outcome("lpar00", WPR10, DIRECT, null, null, false, null, "bob", "not now"))
                .isEqualTo(new Outcome("REJECTED", "rejected by bob: not now; nothing was changed"));
        assertThat(service.outcome("lpar00", WPR10, DIRECT, "WPAR_LOCKED", "held by x", false, null, null, null))
                .isEqualTo(new Outcome("REFUSED", "WPAR_LOCKED: held by x; nothing was changed"));

        Outcome stopped = service.outcome("lpar00", WPR10, DIRECT, "COMMAND_FAILED", "rmwpar failed", false,
                "lpar00: stopwpar wpr10", null, null);
        assertThat(stopped.outcome()).isEqualTo("FAILED");
        assertThat(stopped.reason()).startsWith("COMMAND_FAILED: rmwpar failed. Removed: lpar00: stopwpar wpr10."
                + " Left: the WPAR lpar00/wpr10 (stopped, Defined), its inventory row. The catalog keeps");

        Outcome nim = service.outcome("lpar00", WPR10, NIM, "COMMAND_FAILED", "nim -o remove failed", false,
                "nim01: nim -o deactivate wpr10\nnim01: nim -o destroy wpr10", null, null);
        assertThat(nim.reason()).contains("Left: the NIM machine wpr10 on nim01, its inventory row.");

        assertThat(service.outcome("lpar00", WPR10, DIRECT, "BACKUP_FAILED", "savewpar failed", false, null, null,
                null).reason()).contains("Removed: nothing. Left: the WPAR lpar00/wpr10 (as it was), its inventory row");
    }
}
