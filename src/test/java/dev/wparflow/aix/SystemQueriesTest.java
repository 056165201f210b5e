package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** oslevel, lslpp, prtconf, lsattr, lssrc, lsvg, NIM and HMC. */
class SystemQueriesTest {

    @Test
    void oslevel() {
        assertThat(SystemInfo.oslevel().commandLine()).isEqualTo("oslevel -s");
        SystemInfo.OsLevel l = SystemInfo.parseOslevel(Transcripts.output("oslevel-s.txt"));
        assertThat(l.release()).isEqualTo("6100");
        assertThat(l.version()).isEqualTo(6);
        assertThat(l.subVersion()).isEqualTo(1);
        assertThat(l.technologyLevel()).isEqualTo(2);
        assertThat(l.servicePack()).isEqualTo(1);
        assertThat(l.build()).isEqualTo("0847");
        assertThat(l.toString()).isEqualTo("6100-02-01-0847");
        assertThat(l).isLessThan(SystemInfo.osLevelOf("6100-02-03-0909")).isGreaterThan(SystemInfo.osLevelOf("6100-01-04-0830"))
                .isLessThan(SystemInfo.osLevelOf("7200-05-03-2148"));
        assertThatThrownBy(() -> SystemInfo.parseOslevel("6100-02\n")).isInstanceOf(UnexpectedOutputException.class);
    }

    @Test
    void lslppColonFormat() {
        assertThat(SystemInfo.lslpp(List.of(FilesetName.of("bos.rte"), FilesetName.of("mcr.rte"))).commandLine())
                .isEqualTo("lslpp -Lc bos.rte mcr.rte");
        List<SystemInfo.Fileset> f = SystemInfo.parseLslpp(Transcripts.output("lslpp-Lc.txt"));
        assertThat(f).extracting(SystemInfo.Fileset::fileset)
                .containsExactly("bos.rte", "bos.wpars", "bos.rte.libc", "mcr.rte");
        assertThat(f.get(0).level()).isEqualTo("6.1.2.1");
        assertThat(f.get(0).state()).isEqualTo("C");
        assertThat(f.get(0).description()).isEqualTo("Base Operating System Runtime");
        assertThat(f.get(3).level()).isEqualTo("4.2.0.0");
        assertThat(SystemInfo.parseLslpp("bos:bos.rte:7.2.5.0: : :C: :Base OS\n").get(0).level()).isEqualTo("7.2.5.0");
    }

    @Test
    void prtconfAndLsattr() {
        SystemInfo.Prtconf p = SystemInfo.parsePrtconf(Transcripts.output("prtconf.txt"));
        assertThat(p.processorType()).isEqualTo("PowerPC_POWER6");
        assertThat(p.processorImplementationMode()).isEqualTo("POWER 6");
        assertThat(p.numberOfProcessors()).isEqualTo(2);
        assertThat(p.clockSpeedMhz()).isEqualTo(4208);
        assertThat(p.memoryMb()).isEqualTo(4096L);
        assertThat(p.lparNumber()).isEqualTo(2);
        assertThat(p.lparName()).isEqualTo("lpar00");
        assertThat(p.systemModel()).isEqualTo("IBM,9117-MMA");
        assertThat(p.firmwareVersion()).isEqualTo("EM340_041");
        assertThat(p.kernelType()).isEqualTo("64-bit");
        assertThat(SystemInfo.lsattrSys0().commandLine()).isEqualTo("lsattr -El sys0");
        List<SystemInfo.Attribute> a = SystemInfo.parseLsattr(Transcripts.output("lsattr-sys0.txt"));
        assertThat(a).extracting(SystemInfo.Attribute::name).contains("realmem", "modelname", "maxuproc");
        assertThat(a.stream().filter(x -> x.name().equals("realmem")).findFirst().orElseThrow())
                .isEqualTo(new SystemInfo.Attribute("realmem", "4194304", "Amount of usable physical memory in Kbytes",
                        false));
        assertThat(a.get(0).userSettable()).isTrue();
    }

    @Test
    void lssrc() {
        assertThat(SystemInfo.lssrc(SubsystemName.of("xntpd")).commandLine()).isEqualTo("lssrc -s xntpd");
        assertThat(SystemInfo.parseLssrc(Transcripts.output("lssrc-xntpd.txt")))
                .containsExactly(new SystemInfo.Subsystem("xntpd", "tcpip", 4390928L, "active"));
        List<SystemInfo.Subsystem> spooler = SystemInfo.parseLssrc(Transcripts.output("lssrc-spooler.txt"));
        assertThat(spooler).containsExactly(new SystemInfo.Subsystem("qdaemon", "spooler", 176230L, "active"),
                new SystemInfo.Subsystem("writesrv", "spooler", 237698L, "active"),
                new SystemInfo.Subsystem("lpd", "spooler", null, "inoperative"));
        assertThat(spooler.get(2).isActive()).isFalse();
    }

    @Test
    void lsvg() {
        VolumeGroupName rootvg = VolumeGroupName.of("rootvg");
        assertThat(Lvm.listVolumeGroups().commandLine()).isEqualTo("lsvg");
        assertThat(Lvm.volumeGroup(rootvg).commandLine()).isEqualTo("lsvg rootvg");
        assertThat(Lvm.logicalVolumes(VolumeGroupName.of("datavg")).commandLine()).isEqualTo("lsvg -l datavg");
        assertThat(Lvm.parseVolumeGroupNames(Transcripts.output("lsvg.txt"))).containsExactly("rootvg", "datavg");
        Lvm.VolumeGroup vg = Lvm.parseVolumeGroup(Transcripts.output("lsvg-rootvg.txt"));
        assertThat(vg.name()).isEqualTo("rootvg");
        assertThat(vg.state()).isEqualTo("active");
        assertThat(vg.ppSizeMb()).isEqualTo(64);
        assertThat(vg.totalPps()).isEqualTo(542);
        assertThat(vg.freePps()).isEqualTo(333);
        assertThat(vg.usedPps()).isEqualTo(209);
        assertThat(vg.freeMegabytes()).isEqualTo(21312);
        assertThat(vg.all()).containsEntry("LTG size (Dynamic)", "256 kilobyte(s)").containsEntry("AUTO SYNC", "no")
                .containsEntry("MAX PPs per VG", "32512");
        List<Lvm.LogicalVolume> lvs = Lvm.parseLogicalVolumes(Transcripts.output("lsvg-l-datavg.txt"));
        assertThat(lvs).hasSize(7);
        assertThat(lvs.get(0)).isEqualTo(new Lvm.LogicalVolume("loglv00", "jfs2log", 1, 1, 1, "open/syncd", "N/A"));
        assertThat(lvs.get(3)).isEqualTo(new Lvm.LogicalVolume("fslv09", "jfs2", 8, 8, 1, "closed/syncd",
                "/wpars/wpr01/WebSphere"));
    }

    @Test
    void nim() {
        NimObjectName skippy = NimObjectName.of("skippy");
        assertThat(Nim.defineWpar(skippy, NimObjectName.of("sydney"), HostName.of("skippy")).commandLine())
                .isEqualTo("nim -o define -t wpar -a 'mgmt_profile1=sydney skippy' -a 'if1=find_net skippy 0' skippy");
        assertThat(Nim.defineWpar(skippy, NimObjectName.of("sydney"), HostName.of("skippy")).argv())
                .contains("mgmt_profile1=sydney skippy");
        assertThat(Nim.operation(Nim.Operation.CREATE, skippy,
                java.util.Map.of("wpar_spec", NimObjectName.of("gordon_spec"))).commandLine())
                .isEqualTo("nim -o create -a wpar_spec=gordon_spec skippy");
        assertThat(Nim.operation(Nim.Operation.ACTIVATE, skippy, null).commandLine()).isEqualTo("nim -o activate skippy");
        assertThat(Nim.list().commandLine()).isEqualTo("lsnim");
        assertThat(Nim.listWpars().commandLine()).isEqualTo("lsnim -t wpar");
        assertThat(Nim.details(skippy).commandLine()).isEqualTo("lsnim -l skippy");
        assertThat(Nim.parseList(Transcripts.output("lsnim.txt"))).hasSize(8)
                .contains(new Nim.NimObject("610spot_res", "resources", "spot"));
        assertThat(Nim.parseList(Transcripts.output("lsnim-t-wpar.txt"))).extracting(Nim.NimObject::name)
                .containsExactly("skippy", "gordon");
        Nim.NimStanza s = Nim.parseStanzas(Transcripts.output("lsnim-l.txt")).get(0);
        assertThat(s.name()).isEqualTo("skippy");
        assertThat(s.get("type")).isEqualTo("wpar");
        assertThat(s.get("mgmt_profile1")).isEqualTo("sydney skippy");
        assertThat(s.get("Cstate")).isEqualTo("ready for a NIM operation");
        assertThat(s.get("prev_state")).isEmpty();
        assertThatThrownBy(() -> Nim.parseList("a b\n")).isInstanceOf(UnexpectedOutputException.class);
    }

    @Test
    void hmc() {
        assertThat(Hmc.listSystems().commandLine()).isEqualTo("lssyscfg -r sys -F name,state,type_model,serial_num");
        ManagedSystemName sys = ManagedSystemName.of("p595-sydney");
        assertThat(Hmc.listLpars(sys, List.of()).commandLine())
                .isEqualTo("lssyscfg -r lpar -m p595-sydney -F name,lpar_id,state,lpar_env,os_version");
        assertThat(Hmc.listLpars(sys, List.of(LparName.of("lpar00"))).commandLine())
                .isEqualTo("lssyscfg -r lpar -m p595-sydney --filter lpar_names=lpar00 -F name,lpar_id,state,lpar_env,os_version");
        assertThat(Hmc.listLpars(sys, List.of(LparName.of("lpar00"), LparName.of("lpar01"))).commandLine())
                .isEqualTo("lssyscfg -r lpar -m p595-sydney --filter '\"lpar_names=lpar00,lpar01\"' "
                        + "-F name,lpar_id,state,lpar_env,os_version");
        List<Hmc.ManagedSystem> systems = Hmc.parseSystems(Transcripts.output("lssyscfg-sys.txt"));
        assertThat(systems).hasSize(3);
        assertThat(systems.get(2)).isEqualTo(new Hmc.ManagedSystem("p570-spare", "Power Off", "9117-MMA", "10DB3F0"));
        assertThat(systems.get(0).mtms()).isEqualTo("9119-FHA*02A1B2C");
        List<Hmc.Lpar> lpars = Hmc.parseLpars(Transcripts.output("lssyscfg-lpar.txt"));
        assertThat(lpars.get(0)).isEqualTo(new Hmc.Lpar("lpar00", 1, "Running", "aixlinux", "AIX 6.1 6100-02-01-0847"));
        assertThat(lpars.get(3).osVersion()).isEqualTo("Unknown, never booted");
        assertThat(Hmc.parseLpars("No results were found.\n")).isEmpty();
        assertThat(Hmc.version().commandLine()).isEqualTo("lshmc -V");
        assertThat(Hmc.parseVersion(Transcripts.output("lshmc-V.txt")))
                .isEqualTo(new Hmc.HmcVersion("7", "3.4.0", "2", "20090226.1", "V7R3.4.0"));
        assertThatThrownBy(() -> Hmc.parseSystems("a,b\n")).isInstanceOf(UnexpectedOutputException.class);
    }
}
