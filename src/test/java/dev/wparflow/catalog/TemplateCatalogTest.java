package dev.wparflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.MigratedDatabase;
import dev.wparflow.testsupport.MutableClock;

/** The template catalog against a real, migrated database: versions, who changed what, and what it refuses. */
@BothDatabases
class TemplateCatalogTest {

    static final MigratedDatabase DB = MigratedDatabase.selected("templates");

    static final String SPEC = """
            general:
            \tcheckpointable = "no"
            \tauto = "no"

            resources:
            \tactive = "yes"

            mount:
            \tlogname = "INLINE"
            \tdirectory = "/"
            \tvfs = "jfs2"
            \tvg = "rootvg"
            \tsize = "262144"
            """;

    JdbcTemplate jdbc;
    MutableClock clock;
    TemplateCatalog catalog;

    @BeforeEach
    void emptyCatalog() {
        jdbc = new JdbcTemplate(DB.dataSource());
        jdbc.update("DELETE FROM wparflow_template");
        clock = new MutableClock(Instant.parse("2026-12-05T09:00:00Z"));
        catalog = new TemplateCatalog(jdbc, clock);
    }

    @AfterAll
    static void closePool() {
        DB.close();
    }

    @Test
    void aNewTemplateIsVersionOneAndEveryChangeRaisesTheVersion() {
        TemplateCatalog.Saved created = catalog.save("small", "default file systems", SPEC, List.of("bos.wpars"),
                "alice");

        assertThat(created.created()).isTrue();
        assertThat(created.template()).satisfies(t -> {
            assertThat(t.version()).isEqualTo(1);
            assertThat(t.updatedBy()).isEqualTo("alice");
            assertThat(t.updatedAt()).isEqualTo(Instant.parse("2026-12-05T09:00:00Z"));
            assertThat(t.requiredFilesets()).containsExactly("bos.wpars");
            assertThat(t.spec().localFileSystemsMb()).isEqualTo(128);
        });

        clock.advance(java.time.Duration.ofMinutes(5));
        TemplateCatalog.Saved changed = catalog.save("small", "default file systems", SPEC.replace("auto = \"no\"",
                "auto = \"yes\""), List.of("bos.wpars", "mcr.rte", "bos.wpars"), "bob");

        assertThat(changed.created()).isFalse();
        assertThat(changed.changed()).isTrue();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM wparflow_template WHERE name = 'small'");
        assertThat(row.get("version")).isEqualTo(2L);
        assertThat(row.get("updated_by")).isEqualTo("bob");
        assertThat(row.get("required_filesets")).as("duplicates dropped").isEqualTo("bos.wpars,mcr.rte");
        assertThat(catalog.find("small").orElseThrow()).satisfies(t -> {
            assertThat(t.version()).isEqualTo(2);
            assertThat(t.spec().general("auto")).contains("yes");
            assertThat(t.updatedAt()).isEqualTo(Instant.parse("2026-12-05T09:05:00Z"));
        });
    }

    @Test
    void savingWhatIsStoredChangesNothingNotEvenWhoChangedItLast() {
        catalog.save("small", "d", SPEC, List.of(), "alice");
        clock.advance(java.time.Duration.ofHours(1));

        TemplateCatalog.Saved again = catalog.save("small", "d", SPEC, List.of(), "bob");

        assertThat(again.changed()).isFalse();
        assertThat(again.template().version()).isEqualTo(1);
        assertThat(again.template().updatedBy()).isEqualTo("alice");
        assertThat(catalog.save("small", "another description", SPEC, List.of(), "bob").template().version())
                .as("a description is a change too").isEqualTo(2);
    }

    @Test
    void aSaveOverAnExpectedVersionWritesOnlyIfNobodyChangedItMeanwhile() {
        catalog.save("small", "d", SPEC, List.of(), "alice");
        assertThat(catalog.save("small", "by bob", SPEC, List.of(), "bob", 1L).template().version()).isEqualTo(2);

        assertThatThrownBy(() -> catalog.save("small", "by carol", SPEC, List.of(), "carol", 1L))
                .isInstanceOfSatisfying(TemplateCatalog.VersionConflict.class,
                        e -> assertThat(e.current()).isEqualTo(2L));
        assertThat(catalog.find("small").orElseThrow().updatedBy()).isEqualTo("bob");
        assertThat(catalog.save("small", "by bob", SPEC, List.of(), "carol", 2L).changed())
                .as("the same content over the right version: nothing to change").isFalse();
        assertThatThrownBy(() -> catalog.save("other", "d", SPEC, List.of(), "carol", 1L))
                .isInstanceOfSatisfying(TemplateCatalog.VersionConflict.class, e -> assertThat(e.current()).isNull());
        assertThat(catalog.find("other")).isEmpty();
    }

    @Test
    void listIsByNameAndDeleteRemovesOnlyTheNamedTemplate() {
        catalog.save("web", null, SPEC, null, "alice");
        catalog.save("app.v2", "", SPEC, List.of(), "alice");
        catalog.save("small", "", SPEC, List.of(), "alice");

        assertThat(catalog.list()).extracting(WparTemplate::name).containsExactly("app.v2", "small", "web");
        assertThat(catalog.find("web").orElseThrow().description()).isEmpty();

        assertThat(catalog.delete("small")).isTrue();
        assertThat(catalog.delete("small")).isFalse();
        assertThat(catalog.list()).extracting(WparTemplate::name).containsExactly("app.v2", "web");
        assertThat(catalog.find("small")).isEmpty();
    }

    @Test
    void aBadTemplateIsRefusedWithTheFieldAndTheSpecLineAndNothingIsStored() {
        assertThatThrownBy(() -> catalog.save("-dash", "", SPEC, List.of(), "alice"))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> catalog.save("a".repeat(41), "", SPEC, List.of(), "alice"))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> catalog.save("web", "", SPEC, List.of("bos.rte;reboot"), "alice"))
                .isInstanceOfSatisfying(InvalidTemplateException.class,
                        e -> assertThat(e.field()).isEqualTo("requiredFilesets"));

        String cpuTooHigh = SPEC.replace("active = \"yes\"", "active = \"yes\"\n\tCPU = \"50%-30%,60%\"");
        assertThatThrownBy(() -> catalog.save("web", "", cpuTooHigh, List.of(), "alice"))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> {
                    assertThat(e.field()).isEqualTo("spec");
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.getMessage()).contains("line 7", "resources.CPU", "soft maximum");
                });

        assertThat(catalog.list()).isEmpty();
    }

    @Test
    void theRulesNameTheLineOfEachKindOfSpecError() {
        assertThat(lineOf("general:\n\tname = \"x\"\nstray line\n")).isEqualTo(3);
        assertThat(lineOf("general:\n\tname = x\"y\n")).isEqualTo(2);
        assertThat(lineOf("general:\n\tname = \"x\"\n\nmount:\n\tdirectory = \"/\"\n\tvg = \"rootvg\"\n"
                + "\tsize = \"1G\"\n")).isEqualTo(7);
        assertThat(lineOf("general:\n\tname = \"x\"\nnetwork:\n\taddress = \"9.3.5.300\"\n")).isEqualTo(4);
        assertThat(lineOf("general:\nresources:\n\tshares_CPU = \"lots\"\n")).isEqualTo(3);
        assertThat(lineOf("general:\nresources:\n\ttotalProcesses = \"100\"\n\ttotalThreads = \"10\"\n"))
                .isEqualTo(4);
        assertThat(lineOf("general:\n\tcheckpointable = \"yes\"\nmount:\n\tdirectory = \"/var\"\n\tvfs = \"jfs2\"\n"))
                .as("mkwpar 0960-100: a checkpointable WPAR has no local file system").isEqualTo(5);
        assertThatThrownBy(() -> TemplateRules.spec("network:\n\taddress = \"9.3.5.1\"\n"))
                .isInstanceOfSatisfying(InvalidTemplateException.class,
                        e -> assertThat(e.getMessage()).contains("general"));
        assertThat(TemplateRules.spec("general:\n\tcheckpointable = \"yes\"\nmount:\n\tdirectory = \"/\"\n"
                + "\tvfs = \"nfs\"\n\thost = \"lpar02\"\n\tdev = \"/wpar_share/web\"\n").checkpointable()).isTrue();
    }

    @Test
    void theDemoTemplatesAreValidAndSeededOnlyIntoAnEmptyCatalog() {
        DemoTemplates demo = new DemoTemplates(catalog);

        assertThat(demo.seedIfEmpty()).isEqualTo(2);
        assertThat(catalog.find("small").orElseThrow().spec()).satisfies(s -> {
            assertThat(s.checkpointable()).isFalse();
            assertThat(s.localFileSystemsMb()).isEqualTo(512);
            assertThat(s.volumeGroups()).containsExactly("rootvg");
            assertThat(s.resourceControls().asKeywords()).containsExactly(Map.entry("active", "yes"));
            assertThat(s.addresses()).isEmpty();
        });
        assertThat(catalog.find("checkpointable-web").orElseThrow()).satisfies(t -> {
            assertThat(t.spec().checkpointable()).isTrue();
            assertThat(t.spec().localFileSystemsMb()).isZero();
            assertThat(t.spec().resourceControls().asKeywords()).containsEntry("shares_CPU", "20")
                    .containsEntry("CPU", "5%-30%,50%");
            assertThat(t.requiredFilesets()).contains("mcr.rte");
        });

        catalog.delete("small");
        assertThat(demo.seedIfEmpty()).as("a template an operator deleted stays deleted").isZero();
        assertThat(catalog.list()).extracting(WparTemplate::name).containsExactly("checkpointable-web");
    }

    private static Integer lineOf(String spec) {
        try {
            TemplateRules.spec(spec);
        } catch (InvalidTemplateException e) {
            assertThat(e.field()).isEqualTo("spec");
            return e.line();
        }
        throw new AssertionError("accepted: " + spec);
    }
}
