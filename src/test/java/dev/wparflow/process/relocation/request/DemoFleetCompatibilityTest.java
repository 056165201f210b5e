package dev.wparflow.process.relocation.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.wparflow.aix.Origin;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.testsupport.DefaultFleet;
import dev.wparflow.testsupport.SimulatedFleetShell;
import dev.wparflow.testsupport.TestDatabases;

/**
 * The relocations the README and docs name, checked against the shipped demo fleet (deploy/simulator/fleet.yaml, not
 * a copy) with the shipped decision table: static wpr00 and wpr03 from lpar00 to lpar01 (docs/operations.md), live
 * mob01 from lpar00 to lpar01 (docs/relocation.md). The fleet's global environments are AIX 6.1 TL2 with the base
 * filesets, so every one of them is COMPATIBLE in its mode.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoFleetCompatibilityTest {

    Fleet fleet;
    SimulatedFleetShell shell;
    ProcessEngine engine;
    Deployment deployment;
    CompatibilityService service;

    @BeforeAll
    void start() {
        fleet = DefaultFleet.start();
        shell = new SimulatedFleetShell(fleet, "lpar00", "lpar01", "sydney", "canberra");
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

    CompatibilityService.Report check(String wpar, String from, String to) {
        return service.check(wpar, from, to, Origin.background("demo fleet test"));
    }

    @Test
    void staticRelocationOfTheDefinedWpr00ToLpar01IsCompatible() {
        CompatibilityService.Report report = check("wpr00", "lpar00", "lpar01");
        assertThat(report.staticCompatible()).as(CompatibilityService.toTable(report)).isTrue();
        // wpr00 was made without -c: live is refused by that check alone
        assertThat(report.findings()).extracting(CompatibilityService.Finding::check).containsExactly("checkpointable");
        assertThat(report.checks()).filteredOn(c -> c.findings().isEmpty()).extracting(CompatibilityService.CheckResult::check)
                .contains("filesets", "mcr.rte", "processor-type", "os-level", "technology-level", "ntp", "name-free");
        assertThat(report.checks()).filteredOn(c -> c.check().equals("filesets")).singleElement()
                .extracting(CompatibilityService.CheckResult::detail)
                .isEqualTo("bos.rte 6.1.2.1, bos.wpars 6.1.2.1, bos.rte.libc 6.1.2.1 on lpar01");
    }

    @Test
    void staticRelocationOfTheActiveWpr03ToLpar01IsCompatible() {
        CompatibilityService.Report report = check("wpr03", "lpar00", "lpar01");
        assertThat(report.staticCompatible()).as(CompatibilityService.toTable(report)).isTrue();
    }

    @Test
    void liveRelocationOfMob01ToLpar01IsCompatible() {
        CompatibilityService.Report report = check("mob01", "lpar00", "lpar01");
        assertThat(report.liveCompatible()).as(CompatibilityService.toTable(report)).isTrue();
        assertThat(report.staticCompatible()).isTrue();
        assertThat(report.findings()).as(CompatibilityService.toTable(report)).isEmpty();
    }

    @Test
    void staticRelocationBetweenSydneyAndCanberraIsCompatibleButNotLiveWithoutTheWparManagerAgent() {
        CompatibilityService.Report report = check("gordon", "sydney", "canberra");
        assertThat(report.staticCompatible()).as(CompatibilityService.toTable(report)).isTrue();
        assertThat(report.findings()).filteredOn(f -> f.check().equals("mcr.rte")).singleElement()
                .extracting(CompatibilityService.Finding::message).isEqualTo("mcr.rte missing on sydney and canberra");
    }
}
