package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WparOperationsTest {

    private static final WparName WPR00 = WparName.of("wpr00");
    private static final WparName WPR01 = WparName.of("wpr01");

    @Test
    void mkwparReproducesExample426MobileWpar() {
        HostName nfs = HostName.of("lpar02");
        WparLifecycle.MkwparRequest r = new WparLifecycle.MkwparRequest(WPR01, HostName.of("wpr01"), List.of(),
                List.of(MountSpec.nfs(nfs, AbsolutePath.of("/wpar_share/wpr01"), AbsolutePath.of("/")),
                        MountSpec.namefsReadOnly(AbsolutePath.of("/usr"), AbsolutePath.of("/usr")),
                        MountSpec.nfs(nfs, AbsolutePath.of("/wpar_share/wpr01/tmp"), AbsolutePath.of("/tmp")),
                        MountSpec.nfs(nfs, AbsolutePath.of("/wpar_share/wpr01/var"), AbsolutePath.of("/var")),
                        MountSpec.namefsReadOnly(AbsolutePath.of("/opt"), AbsolutePath.of("/opt")),
                        MountSpec.nfs(nfs, AbsolutePath.of("/wpar_share/wpr01/home"), AbsolutePath.of("/home"))),
                true, true, false, false, null, null, null);
        // RB:4734, verbatim
        assertThat(WparLifecycle.mkwpar(r).commandLine()).isEqualTo("mkwpar -n wpr01 -h wpr01 -c -p "
                + "-M dev=/wpar_share/wpr01 directory=/ host=lpar02 vfs=nfs "
                + "-M dev=/usr directory=/usr mountopts=ro vfs=namefs "
                + "-M dev=/wpar_share/wpr01/tmp directory=/tmp host=lpar02 vfs=nfs "
                + "-M dev=/wpar_share/wpr01/var directory=/var host=lpar02 vfs=nfs "
                + "-M dev=/opt directory=/opt mountopts=ro vfs=namefs "
                + "-M dev=/wpar_share/wpr01/home directory=/home host=lpar02 vfs=nfs");
        assertThat(WparLifecycle.mkwpar(WparLifecycle.MkwparRequest.simple(WparName.of("wpar01"), null,
                NetworkSpec.address(IpAddress.of("9.3.5.182")))).commandLine())
                .isEqualTo("mkwpar -n wpar01 -N address=9.3.5.182"); // RB:2458
        assertThat(WparLifecycle.writeSpec(WPR01, AbsolutePath.of("/tmp/wpar.spec")).commandLine())
                .isEqualTo("mkwpar -w -o /tmp/wpar.spec -e wpr01"); // RB:4751
        assertThat(WparLifecycle.mkwpar(new WparLifecycle.MkwparRequest(null, null, null, null, false, true, false,
                false, AbsolutePath.of("/tmp/wpar.spec"), null, null)).commandLine())
                .isEqualTo("mkwpar -p -f /tmp/wpar.spec"); // RB:4757
        assertThatThrownBy(() -> new WparLifecycle.MkwparRequest(null, null, null, null, false, false, false, false,
                null, null, null)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void mkwparOutputs() {
        WparLifecycle.Created c = WparLifecycle.parseCreated(Transcripts.output("mkwpar-created.txt"));
        assertThat(c.name()).isEqualTo("wpr00"); // the book's own inconsistency (digest I1)
        assertThat(c.resolvedConflicts()).isEmpty();
        WparLifecycle.Created k = WparLifecycle.parseCreated(Transcripts.output("mkwpar-resolved.txt"));
        assertThat(k.name()).isEqualTo("kenny");
        assertThat(k.resolvedConflicts()).extracting(AixMessage::id).containsExactly("0960-105", "0960-105");
        assertThat(k.resolvedConflicts().get(1).text()).startsWith("network.address must be unique");
        assertThatThrownBy(() -> WparLifecycle.parseCreated("mkwpar: Creating file systems...\n"))
                .isInstanceOf(UnexpectedOutputException.class);
    }

    @Test
    void startStopRemoveAndChange() {
        assertThat(WparLifecycle.startwpar(WPR00).commandLine()).isEqualTo("startwpar wpr00");
        assertThat(WparLifecycle.startwpar(WPR00, WparLifecycle.Start.VERBOSE).commandLine()).isEqualTo("startwpar -v wpr00");
        assertThat(WparLifecycle.parseStarted(Transcripts.output("startwpar.txt")))
                .isEqualTo(new WparLifecycle.Started("wpr00", "cor_wpr00", 340192L));
        assertThat(WparLifecycle.stopwpar(WPR00, WparLifecycle.Stop.FORCE, WparLifecycle.Stop.NO_DELAY,
                WparLifecycle.Stop.VERBOSE).commandLine()).isEqualTo("stopwpar -F -N -v wpr00");
        AixResult<Void> stop = AixOutcomes.interpret(Transcripts.ok("stopwpar.txt", WparLifecycle.stopwpar(WPR00)));
        assertThat(stop.isOk()).isTrue();
        assertThat(((AixResult.Ok<Void>) stop).messages()).extracting(AixMessage::id)
                .containsExactly("0513-044", "0960-261");
        assertThat(WparLifecycle.rmwpar(WPR00).commandLine()).isEqualTo("rmwpar wpr00");
        WparLifecycle.Removed rm = WparLifecycle.parseRemoved(Transcripts.output("rmwpar.txt"));
        assertThat(rm.fileSystems()).containsExactly("/wpars/wpr00/var", "/wpars/wpr00/usr", "/wpars/wpr00/tmp",
                "/wpars/wpr00/proc", "/wpars/wpr00/opt", "/wpars/wpr00/home", "/wpars/wpr00");
        assertThat(rm.logicalVolumes()).containsExactly("fslv03", "fslv02", "fslv01", "fslv00");
        assertThat(WparLifecycle.parseRemoved(Transcripts.output("rmwpar-websphere.txt")).logicalVolumes())
                .contains("fslv09");
        assertThat(WparLifecycle.rename(WPR00, WparName.of("mynewname")).commandLine())
                .isEqualTo("chwpar -n mynewname wpr00");
        assertThat(WparLifecycle.changeNetwork(WparName.of("gordon"), new NetworkSpec(IpAddress.of("9.3.5.188"),
                InterfaceName.of("gordon_if1"), null, null, null)).commandLine())
                .isEqualTo("chwpar -N address=9.3.5.188 interface=gordon_if1 gordon"); // RB:10785
        Map<WparLifecycle.ResourceControl, String> rc = new LinkedHashMap<>();
        rc.put(WparLifecycle.ResourceControl.SHARES_CPU, "30");
        rc.put(WparLifecycle.ResourceControl.CPU, "5%-50%,80%");
        assertThat(WparLifecycle.changeResources(WparName.of("MySysWpar"), rc).commandLine())
                .isEqualTo("chwpar -R shares_CPU=30 CPU=5%-50%,80% MySysWpar");
        assertThatThrownBy(() -> WparLifecycle.changeResources(WPR00, Map.of(WparLifecycle.ResourceControl.TOTAL_THREADS, "1;reboot")))
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void savewparExamples419And74() {
        assertThat(WparBackup.savewpar(WPR00, AbsolutePath.of("/backup/wpr00.save"))
                .commandLine()).isEqualTo("savewpar -f /backup/wpr00.save wpr00");
        assertThat(WparBackup.savewpar(WparName.of("skippy"), AbsolutePath.of("/usr/sys/inst.images/skippy_swpr"),
                WparBackup.Save.IMAGE_DATA, WparBackup.Save.MAPS, WparBackup.Save.EXPAND_TMP,
                WparBackup.Save.INCLUDE_NFS).commandLine())
                .isEqualTo("savewpar -f /usr/sys/inst.images/skippy_swpr -i -m -X -N skippy");
        assertThat(WparBackup.parseSaved(Transcripts.output("savewpar.txt"))).isEqualTo(new WparBackup.Saved(2160, 2160));
        assertThat(WparBackup.parseSaved(Transcripts.output("savewpar-imX.txt"))).isEqualTo(new WparBackup.Saved(2186, 2186));
        assertThatThrownBy(() -> WparBackup.parseSaved("Backing up 10 files\n"))
                .isInstanceOf(UnexpectedOutputException.class);
    }

    @Test
    void restwparExamples420To422() {
        WparBackup.RestwparRequest golden = new WparBackup.RestwparRequest(AbsolutePath.of("/backup/wpr00.save"),
                WparName.of("wpr02"), HostName.of("wpr02"), AbsolutePath.of("/wpars/wpr02"),
                AbsolutePath.of("/backup/image.data.rootvg"),
                MkwparOptions.builder().flag("-N", NetworkSpec.address(IpAddress.of("9.3.5.184")).attributes()).build(),
                true);
        // RB:3975, verbatim
        assertThat(WparBackup.restwpar(golden).commandLine()).isEqualTo("restwpar -n wpr02 -h wpr02 -d /wpars/wpr02 "
                + "-i /backup/image.data.rootvg -M '-N address=9.3.5.184' -U -f /backup/wpr00.save");
        assertThat(WparBackup.restwpar(golden).argv()).contains("-N address=9.3.5.184");
        assertThatThrownBy(() -> new WparBackup.RestwparRequest(null, null, null, null, null, null, false))
                .hasMessageContaining("/dev/rmt0");

        WparBackup.Restored plain = WparBackup.parseRestored(Transcripts.output("restwpar.txt"));
        assertThat(plain.name()).isEqualTo("wpr00");
        assertThat(plain.filesRestored()).isEqualTo(2160);
        assertThat(plain.backupDate()).isEqualTo("Wed Jun 18 15:28:20 CDT 2008");
        assertThat(plain.logicalVolumeRenames()).isEmpty();
        WparBackup.Restored clone = WparBackup.parseRestored(Transcripts.output("restwpar-clone.txt"));
        assertThat(clone.name()).isEqualTo("wpr01");
        assertThat(clone.filesRestored()).isEqualTo(2160);
        WparBackup.Restored g = WparBackup.parseRestored(Transcripts.output("restwpar-golden.txt"));
        assertThat(g.logicalVolumeRenames()).containsExactly(Map.entry("fslv00", "wlv0"));
        assertThat(g.name()).isEqualTo("wpr01"); // digest I3
    }

    @Test
    void lssavewparListing() {
        assertThat(WparBackup.lssavewpar(AbsolutePath.of("/backup/wpr00.save")).commandLine())
                .isEqualTo("lssavewpar -f /backup/wpr00.save");
        assertThat(WparBackup.parseListing("x         2889 ./.savewpar_dir/wpar.spec\n./etc/hosts\n/usr/WebSphere\n"
                + "The total size is 158151 bytes.\n"))
                .containsExactly("./.savewpar_dir/wpar.spec", "./etc/hosts", "/usr/WebSphere");
    }

    @Test
    void wparlockctlExamples423And424() {
        assertThat(WparLock.lock(WPR00, Pid.of(385230), WparLock.OPERATION_STOPWPAR).commandLine())
                .isEqualTo("/usr/lib/wpars/wparlockctl -l -p 385230 -o 6 wpr00");
        assertThat(WparLock.unlock(WPR00, Pid.of(385230), WparLock.OPERATION_STOPWPAR).commandLine())
                .isEqualTo("/usr/lib/wpars/wparlockctl -u -p 385230 -o 6 wpr00");
        assertThatThrownBy(() -> WparLock.lock(WPR00, Pid.of(1), 999)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void movewparExamples427And428() {
        AbsolutePath log = AbsolutePath.of("/tmp/hga.log");
        assertThat(WparMobility.startDeparture(WPR01, log, WparMobility.LogLevel.DEBUG).commandLine())
                .isEqualTo("/opt/mcr/bin/movewpar -s -o /tmp/hga.log -l debug wpr01");
        assertThat(WparMobility.arrive(ConnectionKey.of("48693b810000db09"), WPR01, IpAddress.of("9.3.5.127"), log,
                WparMobility.LogLevel.DEBUG).commandLine())
                .isEqualTo("/opt/mcr/bin/movewpar -k 48693b810000db09 -o /tmp/hga.log -l debug wpr01 9.3.5.127");
        assertThat(WparMobility.abort(WPR01).commandLine()).isEqualTo("/opt/mcr/bin/movewpar -x wpr01");
        assertThat(WparMobility.setclock(IpAddress.of("9.3.5.127")).commandLine()).isEqualTo("setclock 9.3.5.127");
        WparMobility.MoveStarted s = WparMobility.parseDeparture(Transcripts.output("movewpar-departure.txt"));
        assertThat(s.wpar()).isEqualTo("wpr01");
        assertThat(s.key()).isEqualTo(ConnectionKey.of("48693b810000db09"));
        assertThat(WparMobility.parseAborted(Transcripts.output("movewpar-abort.txt"))).isEqualTo("wpr01");
        assertThatThrownBy(() -> WparMobility.parseDeparture("Connection key:\n\n"))
                .isInstanceOf(UnexpectedOutputException.class);
    }

    @Test
    void checkpointAndRestartExample429() {
        WparName w = WparName.of("chkpt_test");
        AbsolutePath dir = AbsolutePath.of("/tmp/checkpt");
        assertThat(WparMobility.checkpoint(w, dir, true).commandLine())
                .isEqualTo("/opt/mcr/bin/chkptwpar -k -d /tmp/checkpt chkpt_test");
        assertThat(WparMobility.restart(w, dir).commandLine())
                .isEqualTo("/opt/mcr/bin/restartwpar -d /tmp/checkpt chkpt_test");
        assertThat(WparMobility.parseCheckpointed(Transcripts.output("chkptwpar.txt"))).isEqualTo("/tmp/checkpt");
        assertThat(WparMobility.parseRestarted(Transcripts.output("restartwpar.txt"))).isEqualTo("/tmp/checkpt");
    }
}
