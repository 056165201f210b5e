package dev.wparflow.process.relocation;

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

/**
 * The compatibility checks over SSH against the simulator, with the decision table of processes/ on an engine:
 * a matching pair is compatible, a different processor type or a taken name is not, a WPAR that is not
 * checkpointable cannot move live, and collecting changes nothing (only reads in the command log).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompatibilityServiceTest {

    static final String FLEET = """
            time-scale: 0
            hosts:
              - name: lpar00
                port: 0
                processor: PowerPC_POWER6
                filesets: {bos.rte: 6.1.2.1, bos.wpars: 6.1.2.1, bos.rte.libc: 6.1.2.1, mcr.rte: 4.2.0.0}
                wpars:
                  - {name: wpr00, state: A, hostname: wpr00, address: 9.3.5.182}
                  - {name: wpr07, state: A, hostname: wpr07, address: 9.3.5.187}
              - name: lpar01
                port: 0
                processor: PowerPC_POWER6
                filesets: {bos.rte: 6.1.2.1, bos.wpars: 6.1.2.1, bos.rte.libc: 6.1.2.1, mcr.rte: 4.2.0.0}
                wpars:
                  - {name: wpr07, state: D, hostname: wpr07b, address: 9.3.5.197}
              - name: sydney
                port: 0
                processor: PowerPC_POWER5
                filesets: {bos.rte: 6.1.2.1, bos.wpars: 6.1.2.1, bos.rte.libc: 6.1.2.1}
                wpars: []
            """;

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
        shell = new SimulatedFleetShell(fleet, "lpar00", "lpar01", "sydney");
        engine = TestDatabases.h2Engine();
        deployment = engine.getRepositoryService().createDeployment()
                .addClasspathResource("processes/RelocationCompatibility.dmn").deploy();
        service = new CompatibilityService(shell.aix, engine.getDecisionService());
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
    void differentProcessorTypeIsIncompatible() {
        CompatibilityService.Report report = check("wpr00", "sydney");
        assertThat(report.staticCompatible()).isFalse();
        assertThat(report.findings()).extracting(CompatibilityService.Finding::check).contains("processor-type");
    }

    @Test
    void nameTakenOnTargetIsIncompatible() {
        CompatibilityService.Report report = check("wpr07", "lpar01");
        assertThat(report.staticCompatible()).isFalse();
        assertThat(report.findings()).extracting(CompatibilityService.Finding::check).contains("name-free");
        assertThat(service.toJson(report)).contains("\"name-free\"");
    }

    @Test
    void collectingOnlyReads() {
        int before = fleet.log().entries().size();
        check("wpr00", "lpar01");
        Set<String> reads = Set.of("lswpar", "oslevel", "lslpp", "prtconf", "lssrc", "lsvg");
        var entries = fleet.log().entries();
        assertThat(entries.subList(before, entries.size())).isNotEmpty().extracting(CommandLog.Entry::command)
                .allMatch(reads::contains);
    }
}
