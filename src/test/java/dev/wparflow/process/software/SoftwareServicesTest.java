package dev.wparflow.process.software;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.FilesetName;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.Software;
import dev.wparflow.aix.SoftwareSource;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.testsupport.SimulatedFleetShell;
import dev.wparflow.testsupport.TestFleets;

/**
 * The aix layer's software operations and the shared services over SSH against the simulated fleet
 * ({@code fleets/software.yaml}): an update applied in the global environment makes the WPARs drift,
 * {@link SoftwareDrift} measures it (a WPAR that is not Active is "not checked"), {@link WparSoftwareSync} brings a
 * shared WPAR back with syncwpar and a detached one with inuwpar and verifies it.
 */
class SoftwareServicesTest {
    static final Origin ORIGIN = new Origin("pi-software", "Task_Test");
    static final SoftwareSource SRC = SoftwareSource.of("/images/updates/6100-02-03");

    @TempDir
    Path dir;
    Fleet fleet;
    SimulatedFleetShell shell;
    AixGateway aix;
    AixHost lpar00;
    SoftwareDrift drift;
    WparSoftwareSync sync;

    @BeforeEach
    void setUp() throws Exception {
        fleet = Fleet.startYaml(TestFleets.yaml("software"), FleetOptions.forTests().dataDir(dir).timeScale(0.0));
        shell = new SimulatedFleetShell(fleet, "lpar00");
        aix = new AixGateway(shell.aix);
        lpar00 = aix.on("lpar00", ORIGIN);
        drift = new SoftwareDrift(aix);
        sync = new WparSoftwareSync(aix);
    }

    @AfterEach
    void tearDown() {
        shell.close();
        fleet.close();
    }

    void update() {
        Software.InstallResult r = lpar00.applyInstall(SRC,
                List.of(FilesetName.of("bos.rte"), FilesetName.of("bos.rte.libc")), Software.Commit.APPLY_AND_COMMIT);
        assertThat(r.succeeded()).as(r.toString()).isTrue();
    }

    @Test
    void previewPlansFromTheCurrentLevelsAndChangesNothing() {
        Software.InstallPlan plan = lpar00.previewInstall(SRC, List.of(FilesetName.of("bos.rte"),
                FilesetName.of("bos.nosuch")));
        assertThat(plan.changes()).containsExactly(new Software.Change("bos.rte", "6.1.2.1", "6.1.2.3"));
        assertThat(plan.missing()).containsExactly("bos.nosuch");
        assertThat(lpar00.globalSoftware().usr()).containsEntry("bos.rte", "6.1.2.1");
        Software.InstallPlan unreadable = lpar00.previewInstall(SoftwareSource.of("/images/nosuch"), List.of());
        assertThat(unreadable.failure()).contains("Specify a valid device name");
    }

    @Test
    void applyUpdateCommitAndAFailingFileset() {
        fleet.faults().add(FaultRule.on("lpar00").filesetFails("bos.rte.libc").once().build());
        Software.InstallResult failed = lpar00.applyInstall(SRC,
                List.of(FilesetName.of("bos.rte"), FilesetName.of("bos.rte.libc")), Software.Commit.APPLY_ONLY);
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.failedFilesets()).containsExactly("bos.rte.libc");
        assertThat(failed.message()).startsWith("0503-464");
        Software.InstallResult all = lpar00.installAllUpdates(SRC, Software.Commit.APPLY_ONLY);
        assertThat(all.succeeded()).as(all.toString()).isTrue();
        assertThat(all.summary()).extracting(Software.SummaryRow::fileset).contains("bos.rte.libc", "bos.wpars");
        assertThat(lpar00.commitApplied().summary()).extracting(Software.SummaryRow::event).containsOnly("COMMIT");
        assertThat(lpar00.oslevel()).isEqualTo("6100-02-03-0908");
        assertThat(lpar00.globalSoftwareByPart().root()).containsEntry("bos.rte.libc", "6.1.2.3");
        assertThat(lpar00.globalSoftwareByPart().inSyncWith(lpar00.globalSoftware())).isTrue();
    }

    @Test
    void efixesAreInstalledListedAndRemoved() {
        assertThat(lpar00.efixes()).isEmpty();
        assertThat(lpar00.installEfix(AbsolutePath.of("/images/efixes/IZ38930.epkg.Z")).succeeded()).isTrue();
        assertThat(lpar00.efixes()).extracting(Software.Efix::label).containsExactly("IZ38930");
        Software.InstallResult again = lpar00.installEfix(AbsolutePath.of("/images/efixes/IZ38930.epkg.Z"));
        assertThat(again.succeeded()).isFalse();
        assertThat(again.message()).contains("already installed");
        assertThat(lpar00.removeEfix(dev.wparflow.aix.EfixLabel.of("IZ38930")).succeeded()).isTrue();
        assertThat(lpar00.efixes()).isEmpty();
    }

    @Test
    void driftIsMeasuredPerWparAndInactiveOnesAreNotChecked() {
        LparSoftware before = drift.measure("lpar00", ORIGIN);
        assertThat(before.drifting()).isEmpty();
        assertThat(before.wpars()).extracting(LparSoftware.WparSoftware::wpar).containsExactly("wpr00", "wpr01", "det01");

        update();
        LparSoftware after = drift.measure("lpar00", ORIGIN);
        assertThat(after.oslevel()).isEqualTo("6100-02-01-0847");
        assertThat(after.globalLevels()).containsEntry("bos.rte", "6.1.2.3");
        assertThat(after.drifting()).extracting(LparSoftware.WparSoftware::wpar).containsExactly("wpr00", "det01");
        LparSoftware.WparSoftware wpr00 = after.wpar("wpr00").orElseThrow();
        assertThat(wpr00.kind()).isEqualTo(WparKind.SHARED);
        assertThat(wpr00.drift()).containsExactly(new FilesetDrift("bos.rte", "6.1.2.3", "6.1.2.1", "ROOT"),
                new FilesetDrift("bos.rte.libc", "6.1.2.3", "6.1.2.1", "ROOT"));
        LparSoftware.WparSoftware det01 = after.wpar("det01").orElseThrow();
        assertThat(det01.kind()).isEqualTo(WparKind.DETACHED);
        assertThat(det01.drift()).hasSize(2);
        LparSoftware.WparSoftware wpr01 = after.wpar("wpr01").orElseThrow();
        assertThat(wpr01.inSync()).isNull();
        assertThat(wpr01.notChecked()).contains("wpr01 is Defined");
        assertThat(drift.measure("lpar00", List.of("wpr00"), ORIGIN).wpars()).hasSize(1);
    }

    @Test
    void aSharedWparIsSyncedWithSyncwparAndVerified() {
        update();
        WparSyncResult r = sync.sync("lpar00", "wpr00", null, ORIGIN);
        assertThat(r.succeeded()).as(r.toString()).isTrue();
        assertThat(r.kind()).isEqualTo(WparKind.SHARED);
        assertThat(r.commands()).containsExactly("syncwpar wpr00", "clogin wpr00 lslpp -l");
        assertThat(r.levelsAfter()).containsEntry("bos.rte", "6.1.2.3");
        assertThat(r.driftLeft()).isEmpty();
        assertThat(fleet.host("lpar00").model().wpar("wpr00").orElseThrow().filesets).containsEntry("bos.rte.libc",
                "6.1.2.3");
    }

    @Test
    void aDetachedWparIsSyncedWithInuwparFromTheSource() {
        update();
        WparSyncResult noSource = sync.sync("lpar00", "det01", null, ORIGIN);
        assertThat(noSource.inSync()).isNull();
        assertThat(noSource.error()).contains("detached");
        WparSyncResult r = sync.sync("lpar00", "det01", SRC, ORIGIN);
        assertThat(r.succeeded()).as(r.toString()).isTrue();
        assertThat(r.kind()).isEqualTo(WparKind.DETACHED);
        assertThat(r.commands()).containsExactly("clogin det01 lslpp -l",
                "inuwpar -d /images/updates/6100-02-03 -w det01 installp -apX bos.rte 6.1.2.3 bos.rte.libc 6.1.2.3",
                "inuwpar -d /images/updates/6100-02-03 -w det01 installp -acXY bos.rte 6.1.2.3 bos.rte.libc 6.1.2.3",
                "clogin det01 lslpp -l");
        assertThat(r.levelsAfter()).containsEntry("bos.rte", "6.1.2.3");
    }

    @Test
    void aFailedSyncIsAResultAndTheNextAttemptSucceeds() {
        update();
        fleet.faults().add(FaultRule.on("lpar00").filesetFails("bos.rte").command("syncroot").once().build());
        WparSyncResult failed = sync.sync("lpar00", "wpr00", null, ORIGIN);
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.inSync()).isFalse();
        assertThat(failed.error()).contains("syncwpar wpr00 failed for bos.rte", "0503-464");
        assertThat(failed.driftLeft()).extracting(FilesetDrift::fileset).containsExactly("bos.rte");
        assertThat(sync.sync("lpar00", "wpr00", null, ORIGIN).succeeded()).isTrue();
    }

    @Test
    void aWparThatIsNotActiveIsSyncedButNotChecked() {
        update();
        WparSyncResult r = sync.sync("lpar00", "wpr01", null, ORIGIN);
        assertThat(r.inSync()).isNull();
        assertThat(r.error()).startsWith("not checked: wpr01 is Defined");
        assertThat(r.commands()).containsExactly("syncwpar wpr01");
        assertThat(fleet.host("lpar00").model().wpar("wpr01").orElseThrow().filesets).containsEntry("bos.rte",
                "6.1.2.3");
        assertThat(sync.sync("lpar00", "ghost", null, ORIGIN).error()).contains("not on lpar00");
        assertThat(sync.sync("lpar00", "app01", null, ORIGIN).error()).contains("application WPAR");
    }

    @Test
    void aDetachedWparGetsTheGlobalLevelsNeverTheSourcesNewerOnes() {
        // the global environment takes bos.rte.libc only; the source also holds bos.rte and bos.wpars 6.1.2.3
        Software.InstallResult libc = lpar00.applyInstall(SRC, List.of(FilesetName.of("bos.rte.libc")),
                Software.Commit.APPLY_AND_COMMIT);
        assertThat(libc.succeeded()).as(libc.toString()).isTrue();
        WparSyncResult r = sync.sync("lpar00", "det01", SRC, ORIGIN);
        assertThat(r.succeeded()).as(r.toString()).isTrue();
        assertThat(r.commands()).contains(
                "inuwpar -d /images/updates/6100-02-03 -w det01 installp -acXY bos.rte.libc 6.1.2.3");
        assertThat(fleet.host("lpar00").model().wpar("det01").orElseThrow().filesets)
                .containsEntry("bos.rte.libc", "6.1.2.3").containsEntry("bos.rte", "6.1.2.1")
                .containsEntry("bos.wpars", "6.1.2.1").doesNotContainKey("bos.adt.base");
        assertThat(drift.measure("lpar00", ORIGIN).drifting()).extracting(LparSoftware.WparSoftware::wpar)
                .containsExactly("wpr00");
    }

    @Test
    void aDetachedWparWhoseLevelsCannotBeReadIsNotCheckedAndNothingIsInstalled() {
        update();
        lpar00.stop(dev.wparflow.aix.WparName.of("det01"), dev.wparflow.aix.WparLifecycle.Stop.FORCE);
        long mark = fleet.log().entries().size();
        WparSyncResult r = sync.sync("lpar00", "det01", SRC, ORIGIN);
        assertThat(r.inSync()).isNull();
        assertThat(r.kind()).isEqualTo(WparKind.DETACHED);
        assertThat(r.error()).startsWith("not checked: det01 is Defined").contains("nothing installed");
        assertThat(r.commands()).isEmpty();
        assertThat(fleet.log().entries().subList((int) mark, fleet.log().entries().size()))
                .noneMatch(e -> e.command().equals("inuwpar"));
        assertThat(fleet.host("lpar00").model().wpar("det01").orElseThrow().filesets)
                .containsEntry("bos.rte", "6.1.2.1").containsEntry("bos.wpars", "6.1.2.1")
                .doesNotContainKey("bos.adt.base");
    }

    @Test
    void aSourceWithoutTheGlobalLevelsIsRefusedWithTheReasonBeforeAnythingChanges() {
        update();
        WparSyncResult r = sync.sync("lpar00", "det01", SoftwareSource.of("/images/updates/6100-02-04"), ORIGIN);
        assertThat(r.succeeded()).isFalse();
        assertThat(r.inSync()).isNull();
        assertThat(r.error()).contains("/images/updates/6100-02-04 does not hold the global environment's level of",
                "bos.rte 6.1.2.3", "bos.rte.libc 6.1.2.3", "nothing installed");
        assertThat(r.commands()).noneMatch(c -> c.contains("installp -acXY"));
        assertThat(fleet.host("lpar00").model().wpar("det01").orElseThrow().filesets)
                .containsEntry("bos.rte", "6.1.2.1").containsEntry("bos.rte.libc", "6.1.2.1");
    }
}
