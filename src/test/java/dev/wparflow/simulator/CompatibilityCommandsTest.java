package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.aix.Devices;
import dev.wparflow.aix.GlobalNetwork;
import dev.wparflow.aix.NfsExports;

/**
 * The simulator's answers to the compatibility checks, read by the production parsers: interfaces, the devmap,
 * NFS exports and a read-only test mount, exported and configured devices, user-defined check commands.
 */
class CompatibilityCommandsTest {

    @RegisterExtension
    static final SimulatedFleet sim = SimulatedFleet.yaml("""
            time-scale: 0
            hosts:
              - name: lpar00
                port: 0
                ip: 9.3.5.127
                interfaces: [en0, en1]
                devmap: {gordon_if1: en0}
                devices: {rmt0: "LTO Ultrium Tape Drive"}
                check-commands:
                  - {path: /usr/local/wparcheck/, exit: 0, output: ready}
                  - {path: /usr/local/wparcheck/db_quiesced, exit: 3, output: database busy}
                wpars:
                  - {name: wpr20, state: A, address: 9.3.5.200, devices: [hdisk3, {name: rmt0, type: tape}]}
              - name: lpar02
                port: 0
                nfs-exports:
                  - {path: /wpar_share, clients: [lpar00]}
              - name: lpar05
                port: 0
            """);

    SimSsh.Result run(String host, String command) throws Exception {
        return sim.ssh().run(host, command);
    }

    @Test
    void interfacesAsIfconfigAndNetstatPrintThem() throws Exception {
        SimSsh.Result ifconfig = run("lpar00", "ifconfig -a");
        assertThat(ifconfig.exit()).isZero();
        assertThat(GlobalNetwork.parseIfconfig(ifconfig.out())).extracting(GlobalNetwork.Interface::name)
                .containsExactly("en0", "en1", "lo0");
        assertThat(GlobalNetwork.parseIfconfig(ifconfig.out()).get(0).addresses()).containsExactly("9.3.5.127");
        assertThat(GlobalNetwork.parseNetstatInterfaces(run("lpar00", "netstat -in").out()))
                .containsExactly("en0", "en1", "lo0");
        assertThat(GlobalNetwork.parseDevmap(run("lpar00", "cat /etc/wpars/devmap").out()))
                .containsEntry("gordon_if1", "en0");
        assertThat(run("lpar05", "cat /etc/wpars/devmap").err()).contains("0652-050");
    }

    @Test
    void exportsAndATestMountFollowTheClientList() throws Exception {
        var exports = NfsExports.parseShowmount(run("lpar05", "showmount -e lpar02").out());
        assertThat(exports).containsExactly(new NfsExports.Export("/wpar_share", java.util.List.of("lpar00")));

        assertThat(run("lpar00", "mkdir -p /tmp/check").exit()).isZero();
        assertThat(run("lpar00", "mount -r -n lpar02 /wpar_share /tmp/check").exit()).isZero();
        assertThat(run("lpar00", "rmdir /tmp/check").err()).contains("0653-609");
        assertThat(run("lpar00", "umount /tmp/check").exit()).isZero();
        assertThat(run("lpar00", "rmdir /tmp/check").exit()).isZero();

        run("lpar05", "mkdir -p /tmp/check");
        SimSsh.Result refused = run("lpar05", "mount -r -n lpar02 /wpar_share /tmp/check");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("mount: 1831-011 access denied for lpar02:/wpar_share");
    }

    @Test
    void devicesExportedToTheWparAndConfiguredInTheGlobalEnvironment() throws Exception {
        var exported = Devices.parseExported(run("lpar00", "lswpar -D wpr20").out());
        assertThat(exported).filteredOn(d -> !d.pseudo()).extracting(Devices.Exported::device, Devices.Exported::type)
                .containsExactly(org.assertj.core.api.Assertions.tuple("hdisk3", "disk"),
                        org.assertj.core.api.Assertions.tuple("rmt0", "tape"));
        assertThat(exported).anySatisfy(d -> assertThat(d.device()).isEqualTo("/dev/null"));
        assertThat(Devices.parseConfigured(run("lpar00", "lsdev -C").out()))
                .contains("sys0", "hdisk0", "ent0", "en0", "en1", "inet0", "lo0", "rmt0").doesNotContain("hdisk3");
    }

    @Test
    void userCheckCommandsAnswerWhatTheFleetFileSays() throws Exception {
        SimSsh.Result ready = run("lpar00", "/usr/local/wparcheck/app_ready wpr20");
        assertThat(ready.exit()).isZero();
        assertThat(ready.out()).isEqualTo("ready\n");
        SimSsh.Result busy = run("lpar00", "/usr/local/wparcheck/db_quiesced wpr20");
        assertThat(busy.exit()).isEqualTo(3);
        assertThat(busy.err()).isEqualTo("database busy\n");
        assertThat(run("lpar05", "/usr/local/wparcheck/app_ready").exit()).isEqualTo(127);
    }
}
