package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The parsers and command builders behind the compatibility checks, on outputs laid out as IBM documents them. */
class CompatibilityParsersTest {

    @Test
    void ifconfigListsEachInterfaceWithItsAddresses() {
        String out = """
                en0: flags=1e080863,480<UP,BROADCAST,NOTRAILERS,RUNNING,SIMPLEX,MULTICAST,GROUPRT,64BIT,CHECKSUM_OFFLOAD(ACTIVE),CHAIN>
                        inet 9.3.5.127 netmask 0xfffffe00 broadcast 9.3.5.255
                         tcp_sendspace 262144 tcp_recvspace 262144 rfc1323 1
                en1: flags=1e080862,480<BROADCAST,NOTRAILERS,SIMPLEX,MULTICAST,GROUPRT,64BIT,CHECKSUM_OFFLOAD(ACTIVE),CHAIN>
                lo0: flags=e08084b,c0<UP,BROADCAST,LOOPBACK,RUNNING,SIMPLEX,MULTICAST,GROUPRT,64BIT,LARGESEND,CHAIN>
                        inet 127.0.0.1 netmask 0xff000000 broadcast 127.255.255.255
                        inet6 ::1%1/0
                """;
        assertThat(GlobalNetwork.parseIfconfig(out)).containsExactly(
                new GlobalNetwork.Interface("en0", true, List.of("9.3.5.127")),
                new GlobalNetwork.Interface("en1", false, List.of()),
                new GlobalNetwork.Interface("lo0", true, List.of("127.0.0.1", "::1%1/0")));
        assertThat(GlobalNetwork.ifconfigAll().commandLine()).isEqualTo("ifconfig -a");
        assertThatThrownBy(() -> GlobalNetwork.parseIfconfig("Name Mtu Network\n"))
                .isInstanceOf(UnexpectedOutputException.class);
    }

    @Test
    void netstatListsEachInterfaceOnce() {
        String out = """
                Name  Mtu   Network     Address            Ipkts Ierrs    Opkts Oerrs  Coll
                en0   1500  link#2      0.9.6b.6e.f2.d0     7421     0     5423     0     0
                en0   1500  9.3.4       9.3.5.127           7421     0     5423     0     0
                en1*  1500  link#3      0.9.6b.6e.f2.d1        0     0        0     0     0
                lo0   16896 link#1                           462     0      462     0     0
                lo0   16896 127         127.0.0.1            462     0      462     0     0
                """;
        assertThat(GlobalNetwork.parseNetstatInterfaces(out)).containsExactly("en0", "en1", "lo0");
        assertThatThrownBy(() -> GlobalNetwork.parseNetstatInterfaces("en0 1500\n"))
                .isInstanceOf(UnexpectedOutputException.class);
    }

    @Test
    void devmapMapsNamesToInterfacesAsExample7_14() {
        assertThat(GlobalNetwork.parseDevmap("# name mapped interfaces\ngordon_if1      en0\nroy_if\ten1\n"))
                .isEqualTo(Map.of("gordon_if1", "en0", "roy_if", "en1"));
        assertThatThrownBy(() -> GlobalNetwork.parseDevmap("gordon_if1 en0 extra\n"))
                .isInstanceOf(UnexpectedOutputException.class);
    }

    @Test
    void showmountListsExportsWithTheirClients() {
        String out = """
                export list for lpar02:
                /wpar_share          lpar00,lpar01,lpar03
                /images              (everyone)
                """;
        List<NfsExports.Export> exports = NfsExports.parseShowmount(out);
        assertThat(exports).containsExactly(new NfsExports.Export("/wpar_share", List.of("lpar00", "lpar01", "lpar03")),
                new NfsExports.Export("/images", List.of()));
        assertThat(exports.get(0).covers("/wpar_share/mob01/home")).isTrue();
        assertThat(exports.get(0).covers("/wpar_shared")).isFalse();
        assertThat(exports.get(0).allows(List.of("lpar05", "9.3.5.125"))).isFalse();
        assertThat(exports.get(1).allows(List.of("lpar05"))).isTrue();
        assertThat(NfsExports.showmount(HostName.of("lpar02")).commandLine()).isEqualTo("showmount -e lpar02");
        assertThat(NfsExports.mountReadOnly(HostName.of("lpar02"), AbsolutePath.of("/wpar_share/mob01"),
                AbsolutePath.of("/tmp/x")).argv()).containsExactly("mount", "-r", "-n", "lpar02", "/wpar_share/mob01",
                        "/tmp/x");
        assertThatThrownBy(() -> NfsExports.parseShowmount("/images (everyone)\n"))
                .isInstanceOf(UnexpectedOutputException.class);
    }

    @Test
    void lswparDListsExportedDevicesAndLsdevTheConfiguredOnes() {
        String out = """
                Name       Device Name      Type     Virtual Device  RootVG  Status
                ------------------------------------------------------------------------
                wpr20      /dev/null        pseudo                           EXPORTED
                wpr20      hdisk3           disk                     no      EXPORTED
                """;
        List<Devices.Exported> devices = Devices.parseExported(out);
        assertThat(devices).extracting(Devices.Exported::device, Devices.Exported::pseudo, Devices.Exported::status)
                .containsExactly(org.assertj.core.api.Assertions.tuple("/dev/null", true, "EXPORTED"),
                        org.assertj.core.api.Assertions.tuple("hdisk3", false, "EXPORTED"));
        assertThat(Devices.exported(WparName.of("wpr20")).commandLine()).isEqualTo("lswpar -D wpr20");
        assertThat(Devices.parseConfigured("""
                sys0           Available                   System Object
                hdisk0         Available  00-08-00-0,0     SAS Disk Drive
                inet0          Available                   Internet Network Extension
                """)).containsExactly("sys0", "hdisk0", "inet0");
    }

    @Test
    void aUserCheckIsBuiltWordByWord() {
        AixCommand c = UserChecks.command(AbsolutePath.of("/usr/local/bin/ready"),
                List.of(new UserChecks.Literal("--quick"), new UserChecks.Name(WparName.of("wpr00"))));
        assertThat(c.argv()).containsExactly("/usr/local/bin/ready", "--quick", "wpr00");
        assertThatThrownBy(() -> new UserChecks.Literal("$(reboot)")).isInstanceOf(InvalidArgumentException.class);
        UserChecks.Run run = new UserChecks.Run("x", 1, "line one\n", "line two\n");
        assertThat(run.passed()).isFalse();
        assertThat(run.output()).isEqualTo("line one / line two");
    }
}
