package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The global environment's backup commands as sent (one quoted command line each) and the parsers of their output, in
 * the layout of IBM's command references (the Redbook prints none of it): mksysb's and savevg's completion, the
 * {@code lsmksysb -l} / {@code lssavevg -l} listing.
 */
class GlobalBackupTest {

    static final String LSMKSYSB_L = """
            VOLUME GROUP:           rootvg
            BACKUP DATE/TIME:       Wed Jun 18 15:28:20 CDT 2008
            UNAME INFO:             AIX lpar00 1 6 0610A9C
            BACKUP OSLEVEL:         6100-02-01-0847
            MAINTENANCE LEVEL:      6100-02
            BACKUP SIZE (MB):       1024
            SHRINK SIZE (MB):       700
            VG DATA ONLY:           no

            rootvg:
            LV NAME             TYPE       LPs     PPs     PVs  LV STATE      MOUNT POINT
            hd5                 boot       1       1       1    closed/syncd  N/A
            hd4                 jfs2       10      10      1    closed/syncd  /
            fslv00              jfs2       2       2       1    closed/syncd  /wpars/wpr00
            fslv01              jfs2       2       2       1    closed/syncd  /wpars/wpr00/home
            """;

    @Test
    void commandLines() {
        AbsolutePath image = AbsolutePath.of("/images/lpar00_global_20260101-020000000.mksysb");
        assertThat(GlobalBackup.mksysb(image).commandLine())
                .isEqualTo("mksysb -i -N /images/lpar00_global_20260101-020000000.mksysb");
        assertThat(GlobalBackup.savevg(VolumeGroupName.of("datavg"), AbsolutePath.of("/images/x_datavg.savevg"))
                .commandLine()).isEqualTo("savevg -i -f /images/x_datavg.savevg datavg");
        assertThat(GlobalBackup.describe(GlobalBackup.Kind.MKSYSB, image).commandLine())
                .isEqualTo("lsmksysb -l -f /images/lpar00_global_20260101-020000000.mksysb");
        assertThat(GlobalBackup.describe(GlobalBackup.Kind.SAVEVG, image).argv()).startsWith("lssavevg", "-l", "-f");
        assertThat(GlobalBackup.mount(AbsolutePath.of("/wpars/wpr01/home")).commandLine())
                .isEqualTo("mount /wpars/wpr01/home");
        assertThat(GlobalBackup.unmount(AbsolutePath.of("/wpars/wpr01")).commandLine()).isEqualTo("umount /wpars/wpr01");
    }

    @Test
    void theListingGivesTheVolumeGroupTheLevelAndTheFileSystems() {
        GlobalBackup.BackupInfo info = GlobalBackup.parseInfo(LSMKSYSB_L);
        assertThat(info.volumeGroup()).isEqualTo("rootvg");
        assertThat(info.oslevel()).isEqualTo("6100-02-01-0847");
        assertThat(info.fields()).containsEntry("BACKUP SIZE (MB)", "1024").containsEntry("VG DATA ONLY", "no");
        assertThat(info.mountPoints()).containsExactly("/", "/wpars/wpr00", "/wpars/wpr00/home");
        assertThatThrownBy(() -> GlobalBackup.parseInfo("lsmksysb: something else\n"))
                .isInstanceOf(UnexpectedOutputException.class).hasMessageContaining("VOLUME GROUP");
    }

    @Test
    void aBackupIsCompleteOnlyWithItsOwn0512038() {
        String out = """

                Creating information file (/image.data) for rootvg.

                Creating list of files to back up.
                Backing up 44620 files
                44620 of 44620 files backed up (100%)
                0512-038 mksysb: Backup Completed Successfully.
                """;
        assertThat(GlobalBackup.parseCompleted(GlobalBackup.Kind.MKSYSB, out).filesBackedUp()).isEqualTo(44620);
        assertThatThrownBy(() -> GlobalBackup.parseCompleted(GlobalBackup.Kind.SAVEVG, out))
                .isInstanceOf(UnexpectedOutputException.class).hasMessageContaining("0512-038 savevg");
        assertThatThrownBy(() -> GlobalBackup.parseCompleted(GlobalBackup.Kind.MKSYSB, "Backing up 3 files\n"))
                .isInstanceOf(UnexpectedOutputException.class);
    }
}
