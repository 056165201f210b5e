package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.state.FleetState;
import dev.wparflow.testsupport.TestFleets;

/**
 * Software levels: installp in the global environment leaves the shared WPARs' root parts behind until syncwpar (the
 * Redbook's warning, 4.3.2), detached WPARs get software through inuwpar, a fileset made to fail keeps its level, a
 * preview changes nothing, emgr installs and removes interim fixes, and the levels are kept with the fleet state.
 */
class SoftwareCommandsTest {
    static final String SRC = "/images/updates/6100-02-03";
    @RegisterExtension
    static final SimulatedFleet sim = SimulatedFleet.yaml(TestFleets.yaml("software")).instantCommands();
    ClientSession s;

    @BeforeEach
    void connect() throws Exception {
        s = sim.ssh().session("lpar00");
    }

    @AfterEach
    void close() throws Exception {
        sim.fleet().faults().clear();
        s.close();
    }

    SimSsh.Result run(String c) throws Exception {
        return SimSsh.exec(s, c);
    }

    SimSsh.Result ok(String c) throws Exception {
        SimSsh.Result r = run(c);
        assertThat(r.exit()).as(c + " -> " + r).isZero();
        return r;
    }

    SimulatedHost lpar00() {
        return sim.fleet().host("lpar00").model();
    }

    @Test
    void applyLeavesSharedRootPartsBehindUntilSyncwpar() throws Exception {
        SimSsh.Result apply = ok("installp -acgXYd " + SRC + " bos.rte bos.rte.libc bos.wpars");
        assertThat(apply.out()).contains("installp:  APPLYING software for:", "        bos.rte 6.1.2.3",
                "Installation Summary",
                "bos.rte                     6.1.2.3         USR         APPLY       SUCCESS",
                "bos.rte                     6.1.2.3         ROOT        APPLY       SUCCESS");
        assertThat(ok("lslpp -l bos.rte").out()).contains("""
                Path: /usr/lib/objrepos
                  bos.rte                    6.1.2.3  COMMITTED  Base Operating System Runtime

                Path: /etc/objrepos
                  bos.rte                    6.1.2.3  COMMITTED  Base Operating System Runtime
                """);
        assertThat(ok("oslevel -s").out()).isEqualTo("6100-02-03-0908\n");

        // inside the shared WPAR: /usr is the global's, the root part is still the old one
        assertThat(ok("clogin wpr00 lslpp -l bos.rte").out()).contains("""
                Path: /usr/lib/objrepos
                  bos.rte                    6.1.2.3  COMMITTED  Base Operating System Runtime

                Path: /etc/objrepos
                  bos.rte                    6.1.2.1  COMMITTED  Base Operating System Runtime
                """);
        assertThat(ok("clogin wpr00 oslevel -s").out()).isEqualTo("6100-02-01-0847\n");
        assertThat(lpar00().wpar("wpr01").orElseThrow().filesets).containsEntry("bos.rte", "6.1.2.1");

        SimSsh.Result sync = ok("syncwpar wpr00");
        Transcripts.assertLines(sync.out(), """
                *******************************************************************************
                Synchronizing workload partition wpr00 (1 of 1).
                *******************************************************************************
                Executing /usr/sbin/syncroot in workload partition wpr00.
                syncroot: Processing root part installation status.
                syncroot: Synchronizing installp software.
                +-----------------------------------------------------------------------------+
                                    Pre-installation Verification...
                +-----------------------------------------------------------------------------+
                Verifying selections...done
                Verifying requisites...done
                Results...

                SUCCESSES
                ---------
                  Filesets listed in this section passed pre-installation verification
                  and will be installed.

                  Selected Filesets
                  -----------------
                  bos.rte 6.1.2.3                             # Base Operating System Runtime
                  bos.rte.libc 6.1.2.3                        # libc Library
                  bos.wpars 6.1.2.3                           # AIX Workload Partitions

                  << End of Success Section >>
                Installation Summary
                --------------------
                Name                        Level           Part        Event       Result
                -------------------------------------------------------------------------------
                bos.rte                     6.1.2.3         ROOT        APPLY       SUCCESS
                bos.rte.libc                6.1.2.3         ROOT        APPLY       SUCCESS
                bos.wpars                   6.1.2.3         ROOT        APPLY       SUCCESS
                syncroot: Processing root part installation status.
                syncroot: Installp root packages are currently synchronized.
                syncroot: RPM root packages are currently synchronized.
                syncroot: Root part is currently synchronized.
                syncroot: Returns Status = SUCCESS
                Workload partition wpr00 synchronized successfully.

                Return Status = SUCCESS.
                """);
        assertThat(ok("clogin wpr00 lslpp -l bos.rte").out())
                .contains("Path: /etc/objrepos\n  bos.rte                    6.1.2.3  COMMITTED");
        assertThat(ok("clogin wpr00 oslevel -s").out()).isEqualTo("6100-02-03-0908\n");
        // in sync: syncroot inside has nothing left to do (RB:2484-2492)
        assertThat(ok("clogin wpr00 syncroot").out()).isEqualTo("""
                syncroot: Processing root part installation status.
                syncroot: Installp root packages are currently synchronized.
                syncroot: RPM root packages are currently synchronized.
                syncroot: Root part is currently synchronized.
                syncroot: Returns Status = SUCCESS
                """);

        // -A: the shared WPARs (the Defined wpr01 too), not the detached det01 nor the application WPAR
        SimSsh.Result all = ok("syncwpar -A");
        assertThat(all.out()).contains("Synchronizing workload partition wpr00 (1 of 2).",
                "Synchronizing workload partition wpr01 (2 of 2).").doesNotContain("det01", "app01");
        assertThat(lpar00().wpar("wpr01").orElseThrow().filesets).containsEntry("bos.rte", "6.1.2.3");
        assertThat(lpar00().wpar("det01").orElseThrow().filesets).containsEntry("bos.rte", "6.1.2.1");
    }

    @Test
    void syncrootInsideTheWparSynchronizesItsRootPart() throws Exception {
        ok("installp -acgXYd " + SRC + " bos.rte");
        SimSsh.Result r = ok("clogin wpr00 syncroot");
        assertThat(r.out()).contains("syncroot: Synchronizing installp software.",
                "bos.rte                     6.1.2.3         ROOT        APPLY       SUCCESS",
                "syncroot: Returns Status = SUCCESS");
        assertThat(lpar00().wpar("wpr00").orElseThrow().filesets).containsEntry("bos.rte", "6.1.2.3");
        assertThat(run("syncroot").exit()).isEqualTo(1);
    }

    @Test
    void previewListsWhatWouldBeAppliedAndChangesNothing() throws Exception {
        SimSsh.Result r = ok("installp -apgXd " + SRC + " all");
        assertThat(r.out()).contains("  bos.adt.base 6.1.2.0", "  bos.rte 6.1.2.3", "  bos.rte.libc 6.1.2.3",
                "    4  Selected to be installed, of which:", "        4  Passed pre-installation verification",
                "End of installp PREVIEW.  No apply operation has actually occurred.")
                .doesNotContain("APPLYING");
        assertThat(lpar00().filesets).containsEntry("bos.rte", "6.1.2.1").doesNotContainKey("bos.adt.base");
        assertThat(lpar00().oslevel).isEqualTo("6100-02-01-0847");

        // a fileset the source does not have, and one already at the offered level
        ok("installp -acgXYd " + SRC + " bos.wpars");
        SimSsh.Result mixed = run("installp -apgXd " + SRC + " bos.wpars bos.nosuch");
        assertThat(mixed.out()).contains("Already Installed", "  bos.wpars 6.1.2.3", "Missing Filesets",
                "    bos.nosuch");
        assertThat(mixed.exit()).isEqualTo(1);
    }

    @Test
    void installAllUpdatesUpdatesInstalledFilesetsOnly() throws Exception {
        SimSsh.Result p = ok("install_all_updates -p -d " + SRC + " -Y");
        assertThat(p.out()).contains("End of installp PREVIEW.");
        assertThat(lpar00().filesets).containsEntry("bos.rte", "6.1.2.1");
        SimSsh.Result r = ok("install_all_updates -d " + SRC + " -Y");
        assertThat(r.out()).contains("install_all_updates: The following filesets have been selected as updates",
                "        bos.rte 6.1.2.3", "install_all_updates: Result = SUCCESS").doesNotContain("bos.adt.base");
        assertThat(lpar00().filesets).containsEntry("bos.rte.libc", "6.1.2.3").doesNotContainKey("bos.adt.base");
        assertThat(ok("install_all_updates -d " + SRC + " -Y").out())
                .contains("No filesets on the media could be used to update");
        assertThat(run("install_all_updates -d /images/nosuch").exit()).isEqualTo(1);
    }

    @Test
    void applyWithoutCommitIsAppliedUntilInstallpC() throws Exception {
        ok("installp -agXd " + SRC + " bos.rte");
        assertThat(ok("lslpp -l bos.rte").out()).contains("  bos.rte                    6.1.2.3  APPLIED    ");
        assertThat(ok("lslpp -Lc bos.rte").out()).contains("bos:bos.rte:6.1.2.3: : :A:");
        SimSsh.Result c = ok("installp -c all");
        assertThat(c.out()).contains("installp:  COMMITTING software for:",
                "bos.rte                     6.1.2.3         USR         COMMIT      SUCCESS");
        assertThat(ok("lslpp -l bos.rte").out()).contains("6.1.2.3  COMMITTED");
        assertThat(ok("installp -c all").out()).contains("in the APPLIED state.");
    }

    @Test
    void aFilesetMadeToFailKeepsItsLevelAndInstallpExitsNonZero() throws Exception {
        sim.fleet().faults().add(FaultRule.on("lpar00").filesetFails("bos.rte.libc").once().build());
        SimSsh.Result r = run("installp -agXYd " + SRC + " bos.rte bos.rte.libc");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("0503-464 installp:  The installation has FAILED for the \"usr\" part",
                "        bos.rte.libc 6.1.2.3",
                "bos.rte.libc                6.1.2.3         USR         APPLY       FAILED",
                "bos.rte.libc                6.1.2.3         USR         CLEANUP     SUCCESS",
                "bos.rte                     6.1.2.3         USR         APPLY       SUCCESS");
        assertThat(lpar00().filesets).containsEntry("bos.rte.libc", "6.1.2.1").containsEntry("bos.rte", "6.1.2.3");
        assertThat(lpar00().oslevel).isEqualTo("6100-02-01-0847");
        // the rule fired once: the retry applies it
        ok("installp -agXYd " + SRC + " bos.rte.libc");
        assertThat(lpar00().filesets).containsEntry("bos.rte.libc", "6.1.2.3");
    }

    @Test
    void aRootPartMadeToFailLeavesTheWparBehind() throws Exception {
        ok("installp -acgXYd " + SRC + " bos.rte bos.wpars");
        sim.fleet().faults().add(FaultRule.on("lpar00").filesetFails("bos.wpars").command("syncroot").once().build());
        SimSsh.Result r = run("syncwpar wpr00");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("bos.wpars                   6.1.2.3         ROOT        APPLY       FAILED",
                "syncroot: Returns Status = FAILURE", "Return Status = FAILURE.");
        assertThat(lpar00().wpar("wpr00").orElseThrow().filesets).containsEntry("bos.rte", "6.1.2.3")
                .containsEntry("bos.wpars", "6.1.2.1");
        ok("syncwpar wpr00");
        assertThat(lpar00().wpar("wpr00").orElseThrow().filesets).containsEntry("bos.wpars", "6.1.2.3");
    }

    @Test
    void detachedWparIsRefusedBySyncwparAndUpdatedByInuwpar() throws Exception {
        ok("installp -acgXYd " + SRC + " bos.rte bos.rte.libc bos.wpars");
        SimSsh.Result refused = run("syncwpar det01");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("det01 is a detached workload partition");
        // installp in a shared WPAR: /usr is read-only
        SimSsh.Result shared = run("clogin wpr00 installp -agXYd " + SRC + " all");
        assertThat(shared.exit()).isEqualTo(1);
        assertThat(shared.err()).contains("read-only");
        assertThat(run("inuwpar -d " + SRC + " -w wpr00 installp -agXY all").exit()).isEqualTo(1);

        SimSsh.Result inu = ok("inuwpar -d " + SRC + " -w det01 installp -acgXY bos.rte bos.rte.libc bos.wpars");
        assertThat(inu.out()).contains("installp:  APPLYING software for:",
                "inuwpar: Workload partition det01: Return Status = SUCCESS");
        assertThat(ok("clogin det01 lslpp -l bos.rte").out()).contains("""
                Path: /usr/lib/objrepos
                  bos.rte                    6.1.2.3  COMMITTED  Base Operating System Runtime

                Path: /etc/objrepos
                  bos.rte                    6.1.2.3  COMMITTED  Base Operating System Runtime
                """);
        assertThat(ok("clogin det01 oslevel -s").out()).isEqualTo("6100-02-03-0908\n");
        assertThat(lpar00().filesets).doesNotContainKey("bos.adt.base");

        // syncwpar -D -d: the global levels into the detached WPAR
        ok("installp -acgXYd " + SRC + " bos.adt.base");
        SimSsh.Result d = ok("syncwpar -D -d " + SRC + " det01");
        assertThat(d.out()).contains("Workload partition det01 synchronized successfully.");
        assertThat(lpar00().wpar("det01").orElseThrow().filesets).containsEntry("bos.adt.base", "6.1.2.0");
    }

    @Test
    void newWparsStartAtTheGlobalLevels() throws Exception {
        ok("installp -acgXYd " + SRC + " bos.rte");
        // a copy of a WPAR whose root part is behind: the copy is installed at the global levels
        ok("mkwpar -n wpr09 -e wpr00 -d /wpars/wpr09 -a");
        assertThat(lpar00().wpar("wpr09").orElseThrow().filesets).containsEntry("bos.rte", "6.1.2.3");
        ok("mkwpar -n det09 -l");
        var det = lpar00().wpar("det09").orElseThrow();
        assertThat(det.privateUsr).isTrue();
        assertThat(det.filesets).containsEntry("bos.rte", "6.1.2.3");
    }

    @Test
    void emgrInstallsListsAndRemovesAnInterimFix() throws Exception {
        assertThat(ok("emgr -l").out()).contains("There is no efix data on this system.");
        SimSsh.Result e = ok("emgr -e /images/efixes/IZ38930.epkg.Z");
        assertThat(e.out()).contains("Processing efix label \"IZ38930\" ...",
                "1                 IZ38930             INSTALL                SUCCESS", "Return Status = SUCCESS");
        assertThat(ok("emgr -l").out()).contains("IZ38930", "libc fix for WPAR dump", " S = STABLE");
        assertThat(ok("lslpp -Lc bos.rte.libc").out()).contains(":0:1:/:0847");
        assertThat(run("emgr -e /images/efixes/IZ38930.epkg.Z").exit()).isEqualTo(1);
        assertThat(run("emgr -e /images/efixes/nosuch.epkg.Z").exit()).isEqualTo(1);
        // the efix locks bos.rte.libc: installp leaves it at its level and says so
        SimSsh.Result locked = run("installp -acgXYd " + SRC + " bos.rte bos.rte.libc");
        assertThat(locked.exit()).isEqualTo(1);
        assertThat(locked.out()).contains("locked by an interim fix", "        bos.rte.libc 6.1.2.3 (IZ38930)");
        assertThat(lpar00().filesets).containsEntry("bos.rte.libc", "6.1.2.1").containsEntry("bos.rte", "6.1.2.3");
        assertThat(ok("emgr -r -L IZ38930").out()).contains("REMOVE                 SUCCESS");
        ok("installp -acgXYd " + SRC + " bos.rte.libc");
        assertThat(lpar00().filesets).containsEntry("bos.rte.libc", "6.1.2.3");
        assertThat(lpar00().efixes).isEmpty();
        assertThat(run("emgr -r -L IZ38930").exit()).isEqualTo(1);
    }

    @Test
    void levelsAreKeptWithTheFleetState() throws Exception {
        ok("installp -agXYd " + SRC + " bos.rte");
        ok("emgr -e /images/efixes/IZ38930.epkg.Z");
        HostRuntime rt = sim.fleet().host("lpar00");
        FleetState.Host saved = FleetState.capture(rt.model(), rt.runs());
        SimulatedHost fresh = sim.fleet().spec().buildHost(sim.fleet().spec().find("lpar00"), 0);
        FleetState.apply(saved, fresh, rt.runs());
        assertThat(fresh.filesets).containsEntry("bos.rte", "6.1.2.3");
        assertThat(fresh.appliedFilesets).contains("bos.rte");
        assertThat(fresh.efixes).containsKey("IZ38930");
        assertThat(fresh.oslevel).isEqualTo("6100-02-01-0847");
        assertThat(fresh.wpar("wpr00").orElseThrow().filesets).containsEntry("bos.rte", "6.1.2.1");
    }

    @Test
    void lslppInsideAWparAndNotInstalled() throws Exception {
        SimSsh.Result r = run("clogin wpr00 lslpp -l bos.nosuch");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("lslpp: 0504-132  Fileset bos.nosuch not installed.");
        assertThat(ok("clogin wpr00 lslpp -Lc bos.rte").out()).contains("bos:bos.rte:6.1.2.1:");
        assertThat(ok("lslpp -lq 'bos.rte*'").out()).contains("bos.rte.libc", "bos.rte.libpthreads")
                .doesNotContain("Fileset   ");
    }

    @Test
    void installpWithALevelInstallsExactlyThatLevelOrNothing() throws Exception {
        // installp's {FilesetName [Level]} operands, run in a detached WPAR by inuwpar: the level asked for, no other
        SimSsh.Result inu = ok("inuwpar -d " + SRC + " -w det01 installp -acXY bos.rte 6.1.2.3");
        assertThat(inu.out()).contains("installp:  APPLYING software for:", "        bos.rte 6.1.2.3");
        assertThat(lpar00().wpar("det01").orElseThrow().filesets).containsEntry("bos.rte", "6.1.2.3")
                .containsEntry("bos.rte.libc", "6.1.2.1");
        // a source that holds only a newer level: that level is not on the media, nothing is installed
        String newer = "/images/updates/6100-02-04";
        SimSsh.Result preview = run("inuwpar -d " + newer + " -w det01 installp -apX bos.rte.libc 6.1.2.3");
        assertThat(preview.exit()).isEqualTo(1);
        assertThat(preview.out()).contains("Missing Filesets", "    bos.rte.libc 6.1.2.3");
        assertThat(run("inuwpar -d " + newer + " -w det01 installp -acXY bos.rte.libc 6.1.2.3").exit()).isEqualTo(1);
        assertThat(lpar00().wpar("det01").orElseThrow().filesets).containsEntry("bos.rte.libc", "6.1.2.1");
    }

    @Test
    void aRestoredWparKeepsTheLevelsItWasSavedWith() throws Exception {
        ok("savewpar -f /tmp/det01.bff det01");
        ok("savewpar -f /tmp/wpr00.bff wpr00");
        ok("installp -acgXYd " + SRC + " bos.rte bos.rte.libc bos.wpars");
        ok("stopwpar -F det01");
        ok("rmwpar det01");
        ok("stopwpar -F wpr00");
        ok("rmwpar wpr00");
        ok("restwpar -f /tmp/det01.bff");
        ok("restwpar -f /tmp/wpr00.bff");
        // a detached WPAR's /usr and a shared WPAR's root part come back as they were saved, not at the global levels
        assertThat(lpar00().wpar("det01").orElseThrow().filesets).containsEntry("bos.rte", "6.1.2.1")
                .containsEntry("bos.wpars", "6.1.2.1");
        assertThat(lpar00().wpar("det01").orElseThrow().oslevel).isEqualTo("6100-02-01-0847");
        assertThat(lpar00().wpar("wpr00").orElseThrow().filesets).containsEntry("bos.rte", "6.1.2.1");
        ok("startwpar det01");
        assertThat(ok("clogin det01 lslpp -l bos.rte").out()).contains("6.1.2.1").doesNotContain("6.1.2.3");
    }
}
