package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.GlobalNetwork;
import dev.wparflow.aix.Hmc;
import dev.wparflow.aix.ManagedSystemName;
import dev.wparflow.aix.PreflightCheck;
import dev.wparflow.aix.PreflightChecks;
import dev.wparflow.aix.WparName;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.simulator.fault.FaultType;
import dev.wparflow.testsupport.TestFleets;

/**
 * What a preflight meets on a site's hosts, over SSH: a command not installed, one the user may not run, extra
 * {@code lswpar -L} fields, a changed host key on one host of the fleet, the HMC's version and its lssyscfg forms.
 */
class PreflightFleetOptionsTest {
    @RegisterExtension
    static final SimulatedFleet sim = SimulatedFleet.yaml(TestFleets.yaml("preflight-hosts")).instantCommands();

    @Test
    void wparflowRunReportsItsVersionWhereInstalledAndIsNotFoundWhereMissing() throws Exception {
        assertThat(sim.ssh().run("lpar00", "wparflow-run version"))
                .isEqualTo(new SimSsh.Result(0, "wparflow-run 1\n", ""));
        assertThat(sim.ssh().run("lpar01", "wparflow-run version"))
                .isEqualTo(new SimSsh.Result(127, "", "ksh: wparflow-run:  not found.\n"));
        // a full path is the same command
        assertThat(sim.ssh().run("lpar01", "/usr/local/bin/wparflow-run status r1").exit()).isEqualTo(127);
        // the rest of the host answers as usual
        assertThat(sim.ssh().run("lpar01", "lswpar -c -q -a name,state").out()).isEqualTo("wpr01:D\n");
    }

    @Test
    void aDeniedCommandAnswersAsAixDoesWithoutExecutePermission() throws Exception {
        assertThat(sim.ssh().run("lpar03", "lssavewpar -f /backup/wpr03.save"))
                .isEqualTo(new SimSsh.Result(126, "", "ksh: lssavewpar: 0403-006 Execute permission denied.\n"));
        assertThat(sim.ssh().run("lpar03", "lswpar -c -q -a name").out()).isEqualTo("wpr03\n");
        // the same command on another host is not denied (it fails on the missing image instead)
        assertThat(sim.ssh().run("lpar00", "lssavewpar -f /backup/wpr00.save").exit()).isNotIn(126, 127);
        assertThat(sim.fleet().log().entries("lpar03")).anySatisfy(e -> assertThat(e.raw).startsWith("lssavewpar"));
    }

    @Test
    void lswparLongListsTheExtraGeneralFieldsOfALaterAixLevel() throws Exception {
        String later = sim.ssh().run("lpar02", "lswpar -L wpr02").out();
        String general = later.substring(later.indexOf("GENERAL"), later.indexOf("NETWORK"));
        assertThat(general).contains("Application:", "\nOStype:                  0\n",
                "\nCross-WPAR Semaphores:   no\n");
        assertThat(general.indexOf("OStype:")).isGreaterThan(general.indexOf("Application:"));
        String book = sim.ssh().run("lpar00", "lswpar -L wpr00").out();
        assertThat(book).doesNotContain("OStype", "Cross-WPAR");
        assertThat(book.lines().filter(l -> l.contains(":")).count() + 2)
                .isEqualTo(later.lines().filter(l -> l.contains(":")).count());
    }

    @Test
    void aCleanHostAnswersEveryPreflightCheckAndTheParsersAcceptIt() throws Exception {
        assertThat(sim.ssh().run("lpar00", "savewpar -f /backup/wpr00.save wpr00").exit()).isZero();
        List<PreflightCheck> checks = PreflightChecks.globalEnvironment(new PreflightChecks.GlobalEnvironment(
                List.of(WparName.of("wpr00")), AbsolutePath.of("/backup/wpr00.save")));
        assertThat(checks).extracting(PreflightCheck::name).contains("oslevel -s", "lswpar -L wpr00",
                "lssavewpar -f /backup/wpr00.save", "ifconfig -a", "netstat -in", "cat /etc/wpars/devmap",
                "lsdev -C", "lswpar -D wpr00");
        for (PreflightCheck c : checks) {
            SimSsh.Result r = sim.ssh().run("lpar00", c.command().commandLine());
            if (!c.anyExit()) {
                assertThat(r.exit()).as("%s: %s", c.name(), r.err()).isZero();
            }
            assertThat(c.parser().apply(r.out())).as(c.name()).isNotNull();
        }
        assertThat(GlobalNetwork.parseDevmap(sim.ssh().run("lpar00", "cat /etc/wpars/devmap").out()))
                .containsEntry("wpr00_if1", "en0");
        for (PreflightCheck c : PreflightChecks.hmc()) {
            SimSsh.Result r = sim.ssh().runAs("hscroot", "hmc01", c.command().commandLine());
            assertThat(r.exit()).as("%s: %s", c.name(), r.err()).isZero();
            assertThat(c.parser().apply(r.out())).as(c.name()).isNotNull();
        }
        // the same lssavewpar check on the host whose user may not run it
        PreflightCheck denied = PreflightChecks.globalEnvironment(new PreflightChecks.GlobalEnvironment(List.of(),
                AbsolutePath.of("/backup/wpr03.save"))).stream().filter(c -> c.name().startsWith("lssavewpar")).findFirst()
                .orElseThrow();
        assertThat(sim.ssh().run("lpar03", denied.command().commandLine()).exit()).isEqualTo(126);
    }

    @Test
    void idNamesTheSshUser() throws Exception {
        assertThat(sim.ssh().run("lpar00", "id").out())
                .isEqualTo("uid=0(root) gid=0(system) groups=2(bin),3(sys),7(security),8(cron),10(audit),11(lp)\n");
        assertThat(sim.ssh().run("lpar00", "id -un").out()).isEqualTo("root\n");
        assertThat(sim.ssh().run("lpar00", "id -x").exit()).isEqualTo(2);
    }

    @Test
    void theOptionsAreReadFromTheFleetFile() {
        FleetSpec spec = FleetSpec.parse(TestFleets.yaml("preflight-hosts"));
        assertThat(spec.find("lpar01").missingCommands).containsExactly("wparflow-run");
        assertThat(spec.find("lpar03").deniedCommands).containsExactly("lssavewpar");
        assertThat(spec.find("lpar02").lswparExtraFields).containsExactly(
                java.util.Map.entry("OStype", "0"), java.util.Map.entry("Cross-WPAR Semaphores", "no"));
        assertThat(spec.find("lpar00").missingCommands).isEmpty();
    }

    @Test
    void aChangedHostKeyOnOneHostLeavesTheOthersTrusted() throws Exception {
        SshClient strict = SshClient.setUpDefaultClient();
        strict.setServerKeyVerifier(new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE,
                sim.fleet().knownHostsPath()));
        strict.addPublicKeyIdentity(sim.fleet().clientKeyPair());
        strict.start();
        FaultRule wrong = sim.fleet().faults().add(FaultRule.on("lpar02").type(FaultType.WRONG_HOST_KEY).build());
        try {
            for (String host : List.of("lpar00", "lpar01", "lpar03")) {
                try (ClientSession ok = connect(strict, host)) {
                    assertThat(ok.isAuthenticated()).as(host).isTrue();
                }
            }
            assertThatThrownBy(() -> connect(strict, "lpar02").close()).isInstanceOf(Exception.class);
            sim.fleet().faults().remove(wrong);
            try (ClientSession again = connect(strict, "lpar02")) {
                assertThat(again.isAuthenticated()).isTrue();
            }
        } finally {
            sim.fleet().faults().remove(wrong);
            strict.stop();
        }
    }

    private static ClientSession connect(SshClient client, String host) throws Exception {
        ClientSession s = client.connect("root", "127.0.0.1", sim.fleet().host(host).port())
                .verify(Duration.ofSeconds(10)).getSession();
        try {
            s.auth().verify(Duration.ofSeconds(10));
            return s;
        } catch (Exception e) {
            s.close();
            throw e;
        }
    }

    @Test
    void theHmcAnswersItsVersionAndTheLssyscfgFormsDiscoverySends() throws Exception {
        SimSsh.Result v = sim.ssh().runAs("hscroot", "hmc01", Hmc.version().commandLine());
        assertThat(v.exit()).isZero();
        assertThat(v.out()).isEqualTo("""
                "version= Version: 7
                 Release: 3.3.0
                 Service Pack: 0
                HMC Build level 20080523.1
                ","base_version=V7R3.3.0
                "
                """);
        assertThat(Hmc.parseVersion(v.out()).version()).isEqualTo("7");
        SimSsh.Result sys = sim.ssh().runAs("hscroot", "hmc01", Hmc.listSystems().commandLine());
        assertThat(Hmc.parseSystems(sys.out())).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("sys570a");
            assertThat(s.state()).isEqualTo("Operating");
        });
        SimSsh.Result lpars = sim.ssh().runAs("hscroot", "hmc01",
                Hmc.listLpars(ManagedSystemName.of("sys570a"), List.of()).commandLine());
        assertThat(Hmc.parseLpars(lpars.out())).extracting(Hmc.Lpar::name)
                .containsExactly("lpar00", "lpar01", "lpar02", "lpar03");
    }
}
