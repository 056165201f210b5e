package dev.wparflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import dev.wparflow.aix.Origin;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.testsupport.SimulatedFleetShell;
import dev.wparflow.testsupport.TestDatabases;
import dev.wparflow.testsupport.TestFleets;

/**
 * Retention through the catalog table and the repository on a simulated host: the golden flag as the catalog stores it
 * keeps an image that every rule would drop, on the repository and in the catalog, while the images around it go.
 */
class RetentionServiceTest {

    static final String FLEET = TestFleets.yaml("retention-service");
    static final Instant NOW = Instant.parse("2026-01-31T02:00:00Z");

    @TempDir
    Path dir;
    Fleet fleet;
    SimulatedFleetShell shell;
    DataSource dataSource;
    ImageCatalog catalog;
    RetentionService retention;

    @BeforeEach
    void setUp() throws Exception {
        fleet = Fleet.startYaml(FLEET, FleetOptions.forTests().dataDir(dir));
        shell = new SimulatedFleetShell(fleet, "lpar00");
        dataSource = TestDatabases.migratedDataSource("jdbc:h2:mem:retention-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        catalog = new ImageCatalog(new JdbcTemplate(dataSource), clock);
        retention = new RetentionService(catalog, shell.aix, clock);
    }

    @AfterEach
    void tearDown() {
        shell.close();
        ((HikariDataSource) dataSource).close();
        fleet.close();
    }

    /** An image of lpar00/wpr00 made {@code daysAgo} days ago, its three files on the repository. */
    CatalogImage image(String name, int daysAgo) {
        String base = "/images/lpar00_wpr00_" + name;
        for (String suffix : List.of(".save", ".save.image.data", ".save.spec")) {
            fleet.host("lpar00").writeFile(base + suffix, name + suffix + "\n");
        }
        return catalog.record(new ImageCatalog.NewImage("lpar00", "wpr00", NOW.minus(Duration.ofDays(daysAgo)),
                base + ".save", base + ".save.image.data", base + ".save.spec", 100, 10, "sha1:00", "6100-02-01-0847",
                "general:\n\tname = \"wpr00\"\n", "lv_data:\n", null, null));
    }

    boolean onRepository(CatalogImage image) {
        return fleet.host("lpar00").file(image.path()) != null;
    }

    @Test
    void aGoldenImageOutlivesEveryRuleOnTheRepositoryAndInTheCatalog() {
        CatalogImage newest = image("d0", 0);
        CatalogImage middle = image("d3", 3);
        CatalogImage golden = image("d10", 10);
        CatalogImage oldest = image("d20", 20);
        assertThat(catalog.setGolden(golden.id(), true, "operator")).isTrue();

        List<CatalogImage> deleted = retention.apply("lpar00", "wpr00", new RetentionPolicy(1, Duration.ofDays(1)),
                Origin.background("retention test"));

        assertThat(deleted).extracting(CatalogImage::id).containsExactlyInAnyOrder(middle.id(), oldest.id());
        assertThat(catalog.find(golden.id()).orElseThrow()).satisfies(g -> {
            assertThat(g.state()).isEqualTo(CatalogImage.State.GOOD);
            assertThat(g.golden()).isTrue();
        });
        assertThat(onRepository(golden)).isTrue();
        assertThat(fleet.host("lpar00").file(golden.imageDataPath())).isNotNull();
        assertThat(onRepository(newest)).isTrue();
        assertThat(onRepository(middle)).isFalse();
        assertThat(onRepository(oldest)).isFalse();
        assertThat(fleet.host("lpar00").file(oldest.specPath())).isNull();
        assertThat(catalog.find(oldest.id()).orElseThrow().state()).isEqualTo(CatalogImage.State.DELETED);

        // unmarked, the next retention takes it
        assertThat(catalog.setGolden(golden.id(), false, "operator")).isTrue();
        assertThat(retention.apply("lpar00", "wpr00", new RetentionPolicy(1, Duration.ofDays(1)),
                Origin.background("retention test"))).extracting(CatalogImage::id).containsExactly(golden.id());
        assertThat(onRepository(golden)).isFalse();
    }

    @Test
    void onlyAGoodImageCanBeMarkedGolden() {
        CatalogImage kept = image("d0", 0);
        CatalogImage gone = image("d9", 9);
        catalog.markDeleted(gone.id(), "by hand");

        assertThat(catalog.setGolden(gone.id(), true, "operator")).isFalse();
        assertThat(catalog.find(gone.id()).orElseThrow()).satisfies(g -> {
            assertThat(g.golden()).isFalse();
            assertThat(g.goldenChangedBy()).as("refused: nobody changed it").isNull();
        });
        assertThat(catalog.setGolden(kept.id(), true, "operator")).isTrue();
        assertThat(catalog.find(kept.id()).orElseThrow().goldenChangedBy()).isEqualTo("operator");
        assertThatThrownBy(() -> catalog.setGolden(kept.id(), false, " ")).as("somebody must be named")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(catalog.list(null, null, null, true, 10)).extracting(CatalogImage::id).containsExactly(kept.id());
        assertThat(catalog.list(null, null, null, false, 10)).extracting(CatalogImage::id).containsExactly(gone.id());
        assertThat(catalog.setGolden("no-such-image", false, "operator")).isFalse();
    }
}
