package dev.wparflow.process.relocation.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.wparflow.aix.Origin;
import dev.wparflow.simulator.CommandLog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.testsupport.SimulatedFleetShell;
import dev.wparflow.testsupport.TestDatabases;
import dev.wparflow.testsupport.TestFleets;

/**
 * The compatibility checks over SSH against the simulator, with the decision table of processes/ on an engine:
 * a matching pair is compatible, a different processor type or a taken name is not, a WPAR that is not
 * checkpointable cannot move live, and collecting changes nothing (only reads in the command log).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompatibilityServiceTest {

    static final String FLEET = TestFleets.yaml("compatibility-service");

    @TempDir
    static Path dir;
    Fleet fleet;
    SimulatedFleetShell shell;
    ProcessEngine engine;
    Deployment deployment;
    CompatibilityService service;

    @BeforeAll
    void start() throws Exception {
        fleet = Fleet.startYaml(FLEET, FleetOptions.forTests().dataDir(dir.resolve("sim")));
        shell = new SimulatedFleetShell(fleet, "lpar00", "lpar01", "sydney", "lpar05", "lpar06");
        engine = TestDatabases.h2Engine();
        deployment = engine.getRepositoryService().createDeployment()
                .addClasspathResource("processes/RelocationCompatibility.dmn").deploy();
        service = new CompatibilityService(new dev.wparflow.aix.AixGateway(shell.aix), engine.getDecisionService());
    }

    @AfterAll
    void stop() {
        engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        shell.close();
        fleet.close();
    }

    CompatibilityService.Report check(String wpar, String to) {
        return service.check(wpar, "lpar00", to, Origin.background("compatibility test"));
    }

    @Test
    void matchingPairIsCompatibleForStaticButNotLiveWithoutCheckpoint() {
        CompatibilityService.Report report = check("wpr00", "lpar01");
        assertThat(report.staticCompatible()).isTrue();
        assertThat(report.liveCompatible()).isFalse();
        assertThat(report.findings()).extracting(CompatibilityService.Finding::check).contains("checkpointable")
                .doesNotContain("processor-type", "name-free", "filesets");
        assertThat(CompatibilityService.toTable(report)).contains("checkpointable", "static: compatible");
    }

    @Test
    void eachFindingNamesExactlyWhatIsWrongOnWhichSystem() {
        CompatibilityService.Report report = check("wpr00", "lpar05");
        assertThat(report.staticCompatible()).isFalse();
        assertThat(report.findings()).extracting(CompatibilityService.Finding::check, CompatibilityService.Finding::message)
                .contains(org.assertj.core.api.Assertions.tuple("filesets", "bos.rte.libc missing on lpar05"),
                        org.assertj.core.api.Assertions.tuple("mcr.rte", "mcr.rte missing on lpar05"),
                        org.assertj.core.api.Assertions.tuple("ntp", "xntpd not active on lpar05"),
                        org.assertj.core.api.Assertions.tuple("hostname-free", "hostname wpr00 used by WPAR other on lpar05"),
                        org.assertj.core.api.Assertions.tuple("address-free", "9.3.5.182 (WPAR other) used on lpar05"));
        assertThat(report.findings()).filteredOn(f -> f.check().equals("filesets")).singleElement()
                .extracting(CompatibilityService.Finding::rule).asString().contains("bos.rte, bos.wpars and bos.rte.libc");
    }

    @Test
    void theTableListsEveryCheckPassedAndFailedInAlignedColumns() {
        CompatibilityService.Report report = check("wpr00", "lpar05");
        String table = CompatibilityService.toTable(report);
        java.util.List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).matches("CHECK +RESULT +DETAIL");
        int result = lines.get(0).indexOf("RESULT");
        int detail = lines.get(0).indexOf("DETAIL");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("processor-type").contains("PASS"))
                .anySatisfy(l -> assertThat(l).startsWith("filesets").contains("FAIL")
                        .endsWith("bos.rte.libc missing on lpar05"))
                .anySatisfy(l -> assertThat(l).startsWith("ntp").contains("FAIL live, WARN static"))
                .anySatisfy(l -> assertThat(l).startsWith("interfaces").contains("PASS")
                        .endsWith("arriving lpar05 has en0, lo0; the WPAR's network uses en0"))
                .anySatisfy(l -> assertThat(l).startsWith("free-space").contains("PASS")
                        .endsWith("rootvg: wpr00 uses 512 MB (4 logical volumes) on lpar00, 69376 MB free on lpar05"))
                .anySatisfy(l -> assertThat(l).startsWith("user-checks").contains("PASS")
                        .endsWith("none configured (wparflow.relocation.user-checks)"));
        // one row per check (20), each with its result and detail in the header's columns
        java.util.List<String> rows = lines.subList(1, lines.size() - 1);
        assertThat(rows).hasSize(20).allSatisfy(l -> {
            assertThat(l.charAt(result - 1)).isEqualTo(' ');
            assertThat(l.substring(result)).matches("(PASS|FAIL|WARN|NOT CHECKED).*");
            assertThat(l.charAt(detail - 1)).isEqualTo(' ');
            assertThat(l.substring(detail)).isNotBlank();
        });
        assertThat(lines.get(lines.size() - 1)).isEqualTo("static: INCOMPATIBLE, live: INCOMPATIBLE");
    }

    @Test
    void differentProcessorTypeIsIncompatible() {
        CompatibilityService.Report report = check("wpr00", "sydney");
        assertThat(report.staticCompatible()).isFalse();
        assertThat(report.findings()).extracting(CompatibilityService.Finding::check, CompatibilityService.Finding::message)
                .contains(org.assertj.core.api.Assertions.tuple("processor-type",
                        "PowerPC_POWER6 on lpar00, PowerPC_POWER5 on sydney"));
    }

    @Test
    void nameTakenOnTargetIsIncompatible() {
        CompatibilityService.Report report = check("wpr07", "lpar01");
        assertThat(report.staticCompatible()).isFalse();
        assertThat(report.findings()).extracting(CompatibilityService.Finding::check).contains("name-free");
        assertThat(service.toJson(report)).contains("\"name-free\"");
    }

    @Test
    void aCheckThatCannotBeMeasuredIsNotCheckedAndBlocksBothModes() {
        CompatibilityService.Report report = check("wpr00", "lpar06");
        assertThat(report.staticCompatible()).isFalse();
        assertThat(report.liveCompatible()).isFalse();
        assertThat(report.checks()).filteredOn(c -> c.check().equals("interfaces")).singleElement().satisfies(c -> {
            assertThat(c.measured()).isFalse();
            assertThat(c.result()).isEqualTo("NOT CHECKED");
            assertThat(c.detail()).startsWith("not checked: ifconfig -a / netstat -in on lpar06: ");
        });
        assertThat(report.findings()).filteredOn(f -> f.check().equals("interfaces")).singleElement()
                .satisfies(f -> {
                    assertThat(f.mode()).isEqualTo("both");
                    assertThat(f.severity()).isEqualTo("FAIL");
                    assertThat(f.rule()).isEqualTo(CompatibilityService.NOT_CHECKED_RULE);
                });
        assertThat(report.facts()).containsEntry("interfacesPresent", false);
    }

    @Test
    void cpuMinimumsAndExportedDevicesAreMeasuredOnArrival() {
        CompatibilityService.Report onLpar01 = check("wpr20", "lpar01");
        assertThat(onLpar01.staticCompatible()).isFalse();
        assertThat(onLpar01.findings()).extracting(CompatibilityService.Finding::check, CompatibilityService.Finding::message)
                .contains(org.assertj.core.api.Assertions.tuple("cpu-headroom",
                        "CPU minimums: wpr20 60% + 50% (1 running WPAR on lpar01) = 110% of 100%"),
                        org.assertj.core.api.Assertions.tuple("devices",
                                "hdisk3 (disk) exported to wpr20; hdisk3 not configured on lpar01 (lsdev -C)"));
        assertThat(onLpar01.facts()).containsEntry("cpuMinimumSum", 110.0);

        CompatibilityService.Report onLpar06 = check("wpr20", "lpar06");
        assertThat(onLpar06.checks()).filteredOn(c -> c.check().equals("devices")).singleElement().satisfies(c -> {
            assertThat(c.result()).isEqualTo("PASS");
            assertThat(c.detail()).isEqualTo("hdisk3 (disk) exported to wpr20; all configured on lpar06");
        });
        assertThat(onLpar06.checks()).filteredOn(c -> c.check().equals("cpu-headroom")).singleElement()
                .extracting(CompatibilityService.CheckResult::detail)
                .isEqualTo("CPU minimums: wpr20 60% + 0% (no running WPAR on lpar06) = 60% of 100%");
    }

    @Test
    void collectingOnlyReads() {
        int before = fleet.log().entries().size();
        check("wpr00", "lpar01");
        Set<String> reads = Set.of("lswpar", "oslevel", "lslpp", "prtconf", "lssrc", "lsvg",
            "ifconfig", "cat", "showmount", "lsdev");
        var entries = fleet.log().entries();
        assertThat(entries.subList(before, entries.size())).isNotEmpty().extracting(CommandLog.Entry::command)
                .allMatch(reads::contains);
    }

    @Test
    void profilesReadOnceReadEachHostOnceAndGiveTheSameReports() {
        Origin origin = Origin.background("compatibility test");
        var profiles = service.profilesReadOnce(origin);
        int before = fleet.log().entries().size();
        CompatibilityService.Report first = service.check("wpr00", "lpar00", "lpar01", origin, profiles);
        CompatibilityService.Report second = service.check("wpr07", "lpar00", "lpar01", origin, profiles);
        CompatibilityService.Report third = service.check("wpr00", "lpar00", "lpar05", origin, profiles);
        var entries = fleet.log().entries().subList(before, fleet.log().entries().size());

        // one profile (oslevel, prtconf, ...) per host for three checks, not one per host per check
        assertThat(entries).filteredOn(e -> e.command().equals("prtconf")).extracting(e -> e.host)
                .containsExactlyInAnyOrder("lpar00", "lpar01", "lpar05");
        assertThat(entries).filteredOn(e -> e.command().equals("oslevel")).hasSize(3);
        // the WPAR's own facts are still read for every check
        assertThat(entries).filteredOn(e -> e.command().equals("lswpar") && e.argv.contains("-M")).hasSize(3);
        assertThat(first.facts()).isEqualTo(check("wpr00", "lpar01").facts());
        assertThat(second.findings()).isEqualTo(check("wpr07", "lpar01").findings());
        assertThat(second.staticCompatible()).isFalse();
        assertThat(third.findings()).isEqualTo(check("wpr00", "lpar05").findings());
    }
}
