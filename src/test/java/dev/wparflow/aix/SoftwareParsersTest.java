package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The software commands' builders and parsers, on the Redbook's Example 4-18 and IBM's command references. */
class SoftwareParsersTest {

    /** lslpp -l in a shared WPAR: the usr part is the global's (6.1.2.3), the root part behind (IBM reference: lslpp). */
    static final String LSLPP_L_WPAR = """
              Fileset                      Level  State      Description         
              ----------------------------------------------------------------------------
            Path: /usr/lib/objrepos
              X11.Dt.ToolTalk            6.1.0.0  COMMITTED  AIX CDE ToolTalk Support
              bos.rte                    6.1.2.3  COMMITTED  Base Operating System Runtime
              bos.rte.libc               6.1.2.3  APPLIED    libc Library

            Path: /etc/objrepos
              X11.Dt.ToolTalk            6.1.0.0  COMMITTED  AIX CDE ToolTalk Support
              bos.rte                    6.1.2.1  COMMITTED  Base Operating System Runtime
              bos.rte.libc               6.1.2.1  COMMITTED  libc Library

            Path: /usr/share/lib/objrepos
              bos.man.en_US.cmds         6.1.2.0  COMMITTED  Manual Pages - Commands
            """;

    /** The installp summary of Example 4-18 (RB:3487-3517). */
    static final String APPLY_4_18 = """
            Installation Summary
            --------------------
            Name                        Level           Part        Event       Result
            -------------------------------------------------------------------------------
            X11.Dt.rte                  6.1.0.0         USR         APPLY       SUCCESS
            X11.Dt.lib                  6.1.0.1         USR         APPLY       SUCCESS
            X11.Dt.rte                  6.1.0.0         ROOT        APPLY       SUCCESS
            """;

    @Test
    void lslppLSplitsUsrAndRootParts() {
        SoftwareLevels wpar = SoftwareLevels.parseLslppL(LSLPP_L_WPAR);
        assertThat(wpar.usr()).containsEntry("bos.rte", "6.1.2.3").hasSize(3);
        assertThat(wpar.root()).containsEntry("bos.rte", "6.1.2.1").containsEntry("X11.Dt.ToolTalk", "6.1.0.0");
        assertThat(wpar.level("bos.rte")).isEqualTo("6.1.2.1");
        assertThat(wpar.filesets()).doesNotContain("bos.man.en_US.cmds");
    }

    @Test
    void lslppLOfTheRedbookWithoutHeaderIsReadWithItsSections() {
        // Example 4-18 prints the lines under grep; lslpp -lq keeps the sections without the header
        SoftwareLevels l = SoftwareLevels.parseLslppL("""
                Path: /usr/lib/objrepos
                  X11.Dt.ToolTalk            6.1.0.0  COMMITTED  AIX CDE ToolTalk Support
                  X11.Dt.lib                 6.1.0.1  COMMITTED  AIX CDE Runtime Libraries
                """);
        assertThat(l.usr()).containsEntry("X11.Dt.lib", "6.1.0.1");
        assertThat(SoftwareLevels.parseLslppL("").usr()).isEmpty();
    }

    @Test
    void lslppLWithoutSectionsIsAnUnknownFormat() {
        assertThatThrownBy(() -> SoftwareLevels.parseLslppL("  X11.Dt.lib   6.1.0.1  COMMITTED  AIX CDE\n"))
                .isInstanceOf(UnexpectedOutputException.class).hasMessageContaining("unknown format: lslpp -l");
        assertThatThrownBy(() -> SoftwareLevels.parseLslppL("Path: /usr/lib/objrepos\ngarbage\n"))
                .hasMessageContaining("line 2: 'garbage'");
    }

    @Test
    void driftListsEachFilesetWhoseWparLevelIsNotTheGlobalOne() {
        SoftwareLevels global = SoftwareLevels.of(Map.of("bos.rte", "6.1.2.3", "bos.rte.libc", "6.1.2.3",
                "X11.Dt.ToolTalk", "6.1.0.0", "bos.adt.base", "6.1.2.0"));
        SoftwareLevels wpar = SoftwareLevels.parseLslppL(LSLPP_L_WPAR);
        List<SoftwareLevels.Drift> drift = wpar.driftFrom(global);
        assertThat(drift).containsExactly(
                new SoftwareLevels.Drift("bos.adt.base", "6.1.2.0", null, SoftwareLevels.Part.ROOT),
                new SoftwareLevels.Drift("bos.rte", "6.1.2.3", "6.1.2.1", SoftwareLevels.Part.ROOT),
                new SoftwareLevels.Drift("bos.rte.libc", "6.1.2.3", "6.1.2.1", SoftwareLevels.Part.ROOT));
        assertThat(drift).allMatch(SoftwareLevels.Drift::behind);
        assertThat(wpar.inSyncWith(global)).isFalse();
        assertThat(SoftwareLevels.of(global.usr()).inSyncWith(global)).isTrue();
        // a fileset only the WPAR has: listed without a global level
        SoftwareLevels extra = SoftwareLevels.of(Map.of("bos.rte", "6.1.2.3", "mcr.rte", "4.2.0.0"));
        assertThat(extra.driftFrom(SoftwareLevels.of(Map.of("bos.rte", "6.1.2.3"))))
                .containsExactly(new SoftwareLevels.Drift("mcr.rte", null, "4.2.0.0", SoftwareLevels.Part.ROOT));
    }

    @Test
    void levelsCompareNumerically() {
        assertThat(FilesetLevel.compareLevels("6.1.2.10", "6.1.2.9")).isPositive();
        assertThat(FilesetLevel.compareLevels("6.1.2", "6.1.2.0")).isZero();
        assertThat(FilesetLevel.of("bos.rte", "6.1.2.3")).hasToString("bos.rte 6.1.2.3");
        assertThatThrownBy(() -> FilesetLevel.of("bos.rte", "6.1.x")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> SoftwareSource.of("/images/x;rm")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> EfixLabel.of("-r")).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void commandsAreBuiltAndQuoted() {
        SoftwareSource src = SoftwareSource.of("/images/updates/6100-02-03");
        assertThat(Software.installPreview(src, List.of()).commandLine())
                .isEqualTo("installp -apgX -d /images/updates/6100-02-03 all");
        assertThat(Software.installApply(src, List.of(FilesetName.of("bos.rte")), Software.Commit.APPLY_AND_COMMIT)
                .commandLine()).isEqualTo("installp -acgXY -d /images/updates/6100-02-03 bos.rte");
        assertThat(Software.installAllUpdates(src, Software.Commit.APPLY_ONLY).commandLine())
                .isEqualTo("install_all_updates -d /images/updates/6100-02-03 -Y");
        assertThat(Software.lslppInside(WparName.of("wpr00")).commandLine()).isEqualTo("clogin wpr00 lslpp -l");
        assertThat(Software.oslevelInside(WparName.of("wpr00")).commandLine()).isEqualTo("clogin wpr00 oslevel -s");
        assertThat(Software.syncwpar(WparName.of("wpr00")).commandLine()).isEqualTo("syncwpar wpr00");
        assertThat(Software.emgrInstall(AbsolutePath.of("/images/efixes/IZ38930.epkg.Z")).commandLine())
                .isEqualTo("emgr -e /images/efixes/IZ38930.epkg.Z -X");
        assertThat(Software.emgrRemove(EfixLabel.of("IZ38930")).commandLine()).isEqualTo("emgr -r -L IZ38930");
        assertThat(ReadOnlyCommands.allows(Software.emgrList())).isTrue();
        assertThat(ReadOnlyCommands.allows(Software.emgrRemove(EfixLabel.of("IZ38930")))).isFalse();
        assertThat(ReadOnlyCommands.allows(Software.installPreview(src, List.of()))).isFalse();
    }

    @Test
    void summaryOfExample4_18() {
        List<Software.SummaryRow> rows = Software.parseSummary(APPLY_4_18);
        assertThat(rows).containsExactly(
                new Software.SummaryRow("X11.Dt.rte", "6.1.0.0", "USR", "APPLY", "SUCCESS"),
                new Software.SummaryRow("X11.Dt.lib", "6.1.0.1", "USR", "APPLY", "SUCCESS"),
                new Software.SummaryRow("X11.Dt.rte", "6.1.0.0", "ROOT", "APPLY", "SUCCESS"));
        Software.InstallResult r = Software.parseInstall(0, APPLY_4_18, "");
        assertThat(r.succeeded()).isTrue();
        assertThat(r.message()).isNull();
    }

    @Test
    void aFailedFilesetAndItsMessage() {
        String out = """
                installp:  APPLYING software for:
                        bos.rte.libc 6.1.2.3

                0503-464 installp:  The installation has FAILED for the "usr" part
                        of the following filesets:
                        bos.rte.libc 6.1.2.3

                Installation Summary
                --------------------
                Name                        Level           Part        Event       Result
                -------------------------------------------------------------------------------
                bos.rte.libc                6.1.2.3         USR         APPLY       FAILED
                bos.rte.libc                6.1.2.3         USR         CLEANUP     SUCCESS
                bos.rte                     6.1.2.3         USR         APPLY       SUCCESS
                """;
        Software.InstallResult r = Software.parseInstall(1, out, "");
        assertThat(r.succeeded()).isFalse();
        assertThat(r.failedFilesets()).containsExactly("bos.rte.libc");
        assertThat(r.message()).isEqualTo("0503-464 installp:  The installation has FAILED for the \"usr\" part");
        Software.InstallResult device = Software.parseInstall(1, "",
                "installp:  Device /images/nosuch could not be accessed.\n        Specify a valid device name.\n");
        assertThat(device.message()).isEqualTo("Specify a valid device name.");
    }

    @Test
    void previewPlansChangesFromTheCurrentLevels() {
        String out = """
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
                  bos.adt.base 6.1.2.0                        # Base Application Development ...
                  bos.rte 6.1.2.3                             # Base Operating System Runtime

                  << End of Success Section >>

                WARNINGS
                --------
                  Already Installed
                  -----------------
                  The following filesets which you selected are either already installed
                  or effectively installed through superseding filesets.

                  bos.wpars 6.1.2.3                           # AIX Workload Partitions

                  << End of Warning Section >>

                FAILURES
                --------
                  Missing Filesets
                  ----------------
                  The following filesets could not be found on the installation media.

                    bos.nosuch

                  << End of Failure Section >>

                FILESET STATISTICS
                ------------------
                    4  Selected to be installed, of which:
                        2  Passed pre-installation verification
                  ----
                    2  Total to be installed

                End of installp PREVIEW.  No apply operation has actually occurred.
                """;
        Software.InstallPlan plan = Software.parsePreview(out, Map.of("bos.rte", "6.1.2.1", "bos.wpars", "6.1.2.3"));
        assertThat(plan.changes()).containsExactly(new Software.Change("bos.adt.base", null, "6.1.2.0"),
                new Software.Change("bos.rte", "6.1.2.1", "6.1.2.3"));
        assertThat(plan.alreadyInstalled()).containsExactly(FilesetLevel.of("bos.wpars", "6.1.2.3"));
        assertThat(plan.missing()).containsExactly("bos.nosuch");
        assertThatThrownBy(() -> Software.parsePreview("hello\n", Map.of()))
                .hasMessageContaining("unknown format: installp -p");
    }

    @Test
    void syncwparOfExample4_18AndARefusal() {
        String out = """
                *******************************************************************************
                Synchronizing workload partition wpr00 (1 of 1).
                *******************************************************************************
                Executing /usr/sbin/syncroot in workload partition wpr00.
                syncroot: Processing root part installation status.
                syncroot: Synchronizing installp software.
                Installation Summary
                --------------------
                Name                        Level           Part        Event       Result
                -------------------------------------------------------------------------------
                X11.Dt.bitmaps              6.1.0.0         ROOT        APPLY       SUCCESS
                syncroot: Processing root part installation status.
                syncroot: Installp root packages are currently synchronized.
                syncroot: RPM root packages are currently synchronized.
                syncroot: Root part is currently synchronized.
                syncroot: Returns Status = SUCCESS
                Workload partition wpr00 synchronized successfully.

                Return Status = SUCCESS.
                """;
        Software.SyncResult ok = Software.parseSync(WparName.of("wpr00"), 0, out, "");
        assertThat(ok.succeeded()).isTrue();
        assertThat(ok.summary()).hasSize(1);
        Software.SyncResult refused = Software.parseSync(WparName.of("det01"), 1, "Return Status = FAILURE.\n",
                "syncwpar: Workload partition det01 is a detached workload partition (private /usr);"
                        + " use syncwpar -D -d device or inuwpar.\n");
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.message()).contains("det01 is a detached workload partition");
    }

    @Test
    void emgrList() {
        String out = """

                ID  STATE LABEL      INSTALL TIME      UPDATED BY ABSTRACT
                === ===== ========== ================= ========== ======================================
                1    S    IZ38930    12/05/26 15:30:00            libc fix for WPAR core dumps

                STATE codes:
                 S = STABLE
                """;
        assertThat(Software.parseEfixes(out)).containsExactly(
                new Software.Efix(1, "S", "IZ38930", "12/05/26 15:30:00", "libc fix for WPAR core dumps"));
        assertThat(Software.parseEfixes("There is no efix data on this system.\n")).isEmpty();
    }

    @Test
    void inuwparAtTheGlobalLevelsNamesEachFilesetWithItsLevel() {
        SoftwareSource src = SoftwareSource.of("/images/updates/6100-02-03");
        List<FilesetLevel> levels = List.of(FilesetLevel.of("bos.rte", "6.1.2.3"), FilesetLevel.of("bos.wpars", "6.1.2.3"));
        assertThat(Software.inuwparAtLevels(WparName.of("det01"), src, levels).commandLine())
                .isEqualTo("inuwpar -d /images/updates/6100-02-03 -w det01 installp -acXY bos.rte 6.1.2.3 bos.wpars 6.1.2.3");
        assertThat(Software.inuwparPreview(WparName.of("det01"), src, levels).commandLine())
                .isEqualTo("inuwpar -d /images/updates/6100-02-03 -w det01 installp -apX bos.rte 6.1.2.3 bos.wpars 6.1.2.3");
        // a level the source does not hold: installp's "Missing Filesets" lists the fileset with the level asked for
        Software.InstallPlan plan = Software.parsePreview("""
                Missing Filesets
                ----------------
                  The following filesets could not be found on the installation media.

                    bos.rte 6.1.2.3
                    bos.nosuch

                  << End of Failure Section >>
                """, java.util.Map.of());
        assertThat(plan.missing()).containsExactly("bos.rte 6.1.2.3", "bos.nosuch");
    }
}
