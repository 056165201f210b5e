package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.aix.GlobalBackup;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.testsupport.TestFleets;

/**
 * The global environment's backups (Redbook 4.4.1, 4.4.3): mksysb backs up rootvg's mounted file systems, with -N the
 * unmounted ones of Defined WPARs too; savevg backs up only what is mounted, so an inactive WPAR's file systems are
 * mounted first (mount /wpars/NAME/MNT, its / first; umount the other way round); lsmksysb -l and lssavevg -l list
 * what an image holds and refuse a damaged one; a FAIL fault fails mksysb, a CORRUPT fault damages the image a
 * command reads (its checksum changes).
 */
class SystemBackupCommandsTest {

    @RegisterExtension
    static final SimulatedFleet sim = SimulatedFleet.yaml(TestFleets.yaml("global-backup")).instantCommands();

    @AfterEach
    void noFaults() {
        sim.fleet().faults().clear();
    }

    SimSsh.Result ok(String host, String cmd) throws Exception {
        SimSsh.Result r = sim.ssh().run(host, cmd);
        assertThat(r.exit()).as(host + ": " + cmd + " -> " + r).isZero();
        return r;
    }

    @Test
    void mksysbBacksUpDefinedWparsFileSystemsOnlyWithDashN() throws Exception {
        ok("lpar01", "mkwpar -n wpr11");
        assertThat(ok("lpar01", "lswpar -c -q -a name,state wpr11").out().strip()).isEqualTo("wpr11:D");

        SimSsh.Result plain = ok("lpar01", "mksysb -i /images/plain.mksysb");
        assertThat(plain.out()).contains("Creating information file (/image.data) for rootvg.",
                "0512-038 mksysb: Backup Completed Successfully.");
        GlobalBackup.BackupInfo without = GlobalBackup.parseInfo(ok("lpar01", "lsmksysb -l -f /images/plain.mksysb")
                .out());
        assertThat(without.volumeGroup()).isEqualTo("rootvg");
        assertThat(without.mountPoints()).contains("/", "/usr", "/wpars/wpr10", "/wpars/wpr10/home")
                .doesNotContain("/wpars/wpr11", "/wpars/wpr11/home");

        ok("lpar01", "mksysb -i -N /images/all.mksysb");
        GlobalBackup.BackupInfo with = GlobalBackup.parseInfo(ok("lpar01", "lsmksysb -l -f /images/all.mksysb").out());
        assertThat(with.mountPoints()).contains("/wpars/wpr10", "/wpars/wpr11", "/wpars/wpr11/home",
                "/wpars/wpr11/tmp", "/wpars/wpr11/var");
        assertThat(with.oslevel()).isEqualTo("6100-02-01-0847");
        assertThat(GlobalBackup.parseCompleted(GlobalBackup.Kind.MKSYSB,
                ok("lpar01", "mksysb -i -N /images/again.mksysb").out()).filesBackedUp()).isPositive();
        assertThat(ok("lpar01", "lsmksysb -f /images/all.mksysb").out()).contains("./etc/wpars/wpr11.cf");
    }

    @Test
    void savevgBacksUpOnlyMountedFileSystemsSoTheInactiveWparsAreMountedFirst() throws Exception {
        sim.fleet().host("lpar00").writeFile("/wpars/wpr01/home/ledger.txt", "balance 42\n");
        ok("lpar00", "savevg -i -f /images/unmounted.savevg datavg");
        assertThat(GlobalBackup.parseInfo(ok("lpar00", "lssavevg -l -f /images/unmounted.savevg").out())
                .mountPoints()).doesNotContain("/wpars/wpr01/home");

        assertThat(sim.ssh().run("lpar00", "mount /wpars/wpr01/home").err())
                .as("its / first: the mount point lies in it").contains("0506-324");
        ok("lpar00", "mount /wpars/wpr01");
        ok("lpar00", "mount /wpars/wpr01/home");
        assertThat(ok("lpar00", "df").out()).contains("/wpars/wpr01\n", "/wpars/wpr01/home\n");
        assertThat(ok("lpar00", "lsvg -l datavg").out()).contains("open/syncd");
        assertThat(sim.ssh().run("lpar00", "mount /wpars/wpr01").err()).contains("0506-324", "busy");
        assertThat(sim.ssh().run("lpar00", "mount /wpars/wpr00/home").err()).as("an Active WPAR's").contains("busy");
        assertThat(sim.ssh().run("lpar00", "mount /nowhere").err()).contains("0506-334");

        SimSsh.Result saved = ok("lpar00", "savevg -i -f /images/datavg.savevg datavg");
        assertThat(saved.out()).contains("Creating information file for volume group datavg.",
                "0512-038 savevg: Backup Completed Successfully.");
        GlobalBackup.BackupInfo info = GlobalBackup.parseInfo(ok("lpar00", "listvgbackup -l -f /images/datavg.savevg")
                .out());
        assertThat(info.volumeGroup()).isEqualTo("datavg");
        assertThat(info.fields()).containsEntry("VG DATA ONLY", "yes");
        assertThat(info.mountPoints()).contains("/wpars/wpr01", "/wpars/wpr01/home")
                .doesNotContain("/wpars/wpr01/tmp");
        assertThat(ok("lpar00", "lssavevg -f /images/datavg.savevg").out()).contains("./wpars/wpr01/home/ledger.txt");

        assertThat(sim.ssh().run("lpar00", "umount /wpars/wpr01").err()).as("home is mounted in it")
                .contains("0506-349");
        ok("lpar00", "umount /wpars/wpr01/home");
        ok("lpar00", "umount /wpars/wpr01");
        assertThat(ok("lpar00", "df").out()).doesNotContain("/wpars/wpr01");
        assertThat(sim.ssh().run("lpar00", "umount /wpars/wpr01").exit()).isEqualTo(1);
        assertThat(sim.ssh().run("lpar00", "savevg -f /images/x.savevg novg").err()).contains("0516-306");
    }

    @Test
    void faultsFailAMksysbAndCorruptAnImage() throws Exception {
        sim.fleet().faults().add(FaultRule.on("lpar01").command("mksysb").fail(1, "0512-008 mksysb: simulated")
                .once().build());
        assertThat(sim.ssh().run("lpar01", "mksysb -i -N /images/failed.mksysb").exit()).isEqualTo(1);
        assertThat(sim.fleet().host("lpar02").file("/images/failed.mksysb")).isNull();

        ok("lpar01", "mksysb -i -N /images/good.mksysb");
        String before = ok("lpar01", "csum -h SHA1 /images/good.mksysb").out();
        assertThat(ok("lpar01", "csum -h SHA1 /images/good.mksysb").out()).as("stable").isEqualTo(before);
        sim.fleet().faults().add(FaultRule.on("lpar01").command("csum").argContains("good.mksysb").corrupt().once()
                .build());
        assertThat(ok("lpar01", "csum -h SHA1 /images/good.mksysb").out()).isNotEqualTo(before);
        SimSsh.Result listed = sim.ssh().run("lpar01", "lsmksysb -l -f /images/good.mksysb");
        assertThat(listed.exit()).isEqualTo(1);
        assertThat(listed.err()).contains("checksum mismatch");
    }
}
