package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import dev.wparflow.aix.WparLifecycle.Remove;
import dev.wparflow.aix.WparLifecycle.Stop;
import dev.wparflow.inventory.FleetDiscoveryService;

/** The allow-list: every check preflight can build is on it, and no command that changes a host is. */
class ReadOnlyCommandsTest {

    static final WparName WPR = WparName.of("wpr00");
    static final AbsolutePath IMAGE = AbsolutePath.of("/images/wpr00.save");

    static List<PreflightCheck> everyCheck() {
        List<PreflightCheck> all = new ArrayList<>();
        all.addAll(PreflightChecks.globalEnvironment(new PreflightChecks.GlobalEnvironment(List.of(WPR,
                WparName.of("wpr01")), List.of(VolumeGroupName.of("rootvg"), VolumeGroupName.of("datavg")), IMAGE)));
        all.addAll(PreflightChecks.nimMaster(List.of(NimObjectName.of("wpr00"))));
        all.addAll(PreflightChecks.hmc(List.of(ManagedSystemName.of("sys570a"))));
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCheck")
    void everyCheckIsAllowed(PreflightCheck check) {
        assertThat(ReadOnlyCommands.allows(check.command())).as(check.command().commandLine()).isTrue();
    }

    static List<AixCommand> changingCommands() {
        return List.of(
                WparLifecycle.startwpar(WPR), WparLifecycle.stopwpar(WPR, Stop.FORCE),
                WparLifecycle.rmwpar(WPR, Remove.FORCE), WparLifecycle.rename(WPR, WparName.of("wpr09")),
                WparLifecycle.writeSpec(WPR, AbsolutePath.of("/tmp/wpr00.spec")),
                WparLifecycle.clogin(WPR, List.of("ls")),
                WparBackup.savewpar(WPR, IMAGE), WparBackup.restwpar(WparBackup.RestwparRequest.asSaved(IMAGE)),
                WparMobility.abort(WPR), WparMobility.startDeparture(WPR, null, null),
                Nim.operation(Nim.Operation.CREATE, NimObjectName.of("wpr00"), Map.of()),
                Nim.operation(Nim.Operation.REMOVE, NimObjectName.of("wpr00"), null),
                AixCommand.of("mount").arg(AbsolutePath.of("/images")).build(),
                AixFiles.tee(AbsolutePath.of("/etc/hosts")), AixFiles.removeFiles(List.of(IMAGE)),
                WparflowRun.start(RunId.of("r1"), WparBackup.savewpar(WPR, IMAGE)),
                WparflowRun.cancel(RunId.of("r1")), WparflowRun.forget(RunId.of("r1")),
                AixCommand.of("chhwres").option("-r", "proc").build(),
                AixCommand.of("mkwpar").flag("-n", WPR).build(),
                AixCommand.of("chwpar").flag("-n", WparName.of("wpr09")).arg(WPR).build(),
                AixCommand.of("movewpar").arg(WPR).build(),
                AixCommand.of("/tmp/bin/lswpar").build(),
                // ifconfig configures whenever it names an interface; netstat -Z… clears statistics (IBM references)
                AixCommand.of("ifconfig").keyword("en0").keyword("down").build(),
                AixCommand.of("ifconfig").keyword("en0").keyword("inet").keyword("192.0.2.9")
                        .keyword("netmask").keyword("255.255.255.0").build(),
                AixCommand.of("ifconfig").keyword("en0").keyword("detach").build(),
                AixCommand.of("ifconfig").flag("-a").keyword("down").build(),
                AixCommand.of("ifconfig").build(),
                AixCommand.of("netstat").flag("-Zi").build(), AixCommand.of("netstat").flag("-Zc").build(),
                AixCommand.of("netstat").flag("-Zm").build(), AixCommand.of("netstat").flag("-Zs").build(),
                AixCommand.of("netstat").flag("-in").flag("-Zi").build(),
                AixCommand.of("/usr/sbin/ifconfig").flag("-a").build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changingCommands")
    void changingCommandsAreRefused(AixCommand command) {
        assertThat(ReadOnlyCommands.allows(command)).isFalse();
        assertThatThrownBy(() -> new PreflightCheck("x", command, out -> out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read-only commands only");
    }

    @Test
    void theFilesetsAreTheOnesDiscoveryAsksFor() {
        assertThat(PreflightChecks.FILESETS.stream().map(FilesetName::value).toList())
                .isEqualTo(FleetDiscoveryService.FILESETS_OF_INTEREST);
    }

    @Test
    void reportingRunSubcommandsAreAllowed() {
        assertThat(ReadOnlyCommands.allows(WparflowRun.version())).isTrue();
        assertThat(ReadOnlyCommands.allows(WparflowRun.status(List.of(RunId.of("r1"))))).isTrue();
        assertThat(ReadOnlyCommands.allows(WparflowRun.output(RunId.of("r1")))).isTrue();
        assertThat(ReadOnlyCommands.allows(AixFiles.mount())).isTrue();
    }

    @Test
    void theCompatibilityReadsAreAllowedInTheirReportingFormsOnly() {
        assertThat(ReadOnlyCommands.allows(GlobalNetwork.ifconfigAll())).isTrue();
        assertThat(ReadOnlyCommands.allows(GlobalNetwork.netstatInterfaces())).isTrue();
        assertThat(ReadOnlyCommands.allows(AixCommand.of("netstat").flag("-rn").build())).isTrue();
        assertThat(ReadOnlyCommands.allows(Devices.configured())).isTrue();
        assertThat(ReadOnlyCommands.allows(Devices.exported(WPR))).isTrue();
        assertThat(ReadOnlyCommands.allows(AixFiles.cat(GlobalNetwork.DEVMAP))).isTrue();
        assertThat(ReadOnlyCommands.allows(NfsExports.showmount(HostName.of("nfs01")))).isTrue();
        // the narrowest rule: ifconfig's other listing forms are not sent, so not allowed
        assertThat(ReadOnlyCommands.allows(AixCommand.of("ifconfig").flag("-a").flag("-l").build())).isFalse();
        assertThat(ReadOnlyCommands.allows(AixCommand.of("ifconfig").keyword("en0").build())).isFalse();
        // the test mount the compatibility check makes is a change: never preflight's
        assertThat(ReadOnlyCommands.allows(NfsExports.mountReadOnly(HostName.of("nfs01"),
                AbsolutePath.of("/export"), AbsolutePath.of("/tmp/check")))).isFalse();
        assertThat(ReadOnlyCommands.allows(NfsExports.makeDirectory(AbsolutePath.of("/tmp/check")))).isFalse();
    }

    @Test
    void everyCompatibilityReadOfAGlobalEnvironmentIsAPreflightCheck() {
        List<String> lines = everyCheck().stream().map(c -> c.command().commandLine()).toList();
        assertThat(lines).contains(GlobalNetwork.ifconfigAll().commandLine(),
                GlobalNetwork.netstatInterfaces().commandLine(), AixFiles.cat(GlobalNetwork.DEVMAP).commandLine(),
                Devices.configured().commandLine(), Devices.exported(WPR).commandLine(),
                Devices.exported(WparName.of("wpr01")).commandLine());
    }

    @Test
    void versionParsesTheOneLineAndNothingElse() {
        assertThat(WparflowRun.parseVersion("wparflow-run 1\n")).isEqualTo(WparflowRun.PROTOCOL_VERSION);
        assertThatThrownBy(() -> WparflowRun.parseVersion("usage: wparflow-run start|status|wait\n"))
                .isInstanceOfSatisfying(UnexpectedOutputException.class, e -> {
                    assertThat(e.getMessage()).startsWith("unknown format: wparflow-run version, line 1: 'usage:");
                    assertThat(e.lineNumber()).isEqualTo(1);
                });
        assertThatThrownBy(() -> WparflowRun.parseVersion("")).hasMessageStartingWith(
                "unknown format: wparflow-run version, line 0: ''");
    }
}
