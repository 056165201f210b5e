package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.ssh.CommandOptions;
import dev.wparflow.ssh.CommandResult;
import dev.wparflow.ssh.FixedResolver;
import dev.wparflow.ssh.SshEndpoint;
import dev.wparflow.ssh.SshProperties;
import dev.wparflow.ssh.SshSessionPool;
import dev.wparflow.testsupport.SimulatedFleetShell;

/**
 * Every check of every kind of host against the simulator, over SSH: each parses with its production parser, and
 * the hosts receive exactly the checks' command lines, nothing else (the simulator's command log).
 */
class PreflightAgainstSimulatorTest {

    static final String FLEET = """
            time-scale: 0
            managed-systems:
              - {name: sys570a, type-model: 9117-MMA, serial: 0610A9C, state: Operating, hmcs: [hmc01]}
            hmcs:
              - {name: hmc01, port: 0}
            hosts:
              - name: lpar00
                port: 0
                managed-system: sys570a
                nfs-mounts: [{server: lpar02, remote: /images, local: /images}]
                wpars:
                  - {name: wpr00, state: A, address: 9.3.5.182, resources: {shares_CPU: 10, CPU: "5%-50%,60%"}}
                  - {name: wpr01, state: D, address: 9.3.5.183}
              - name: lpar02
                port: 0
                nfs-exports: [{path: /images, clients: []}]
              - name: nim01
                port: 0
                nim:
                  clients: [lpar00]
            """;
    static final Origin ORIGIN = new Origin("pi-preflight", "Task_Preflight");

    @TempDir
    Path dir;
    Fleet fleet;
    SimulatedFleetShell shell;

    @BeforeEach
    void setUp() throws Exception {
        fleet = Fleet.startYaml(FLEET, FleetOptions.forTests().dataDir(dir).timeScale(0.0));
        shell = new SimulatedFleetShell(fleet, "lpar00", "nim01");
    }

    @AfterEach
    void tearDown() {
        shell.close();
        fleet.close();
    }

    @Test
    void everyGlobalEnvironmentCheckParsesAndNothingElseIsSent() {
        AixHost lpar00 = new AixGateway(shell.aix).on("lpar00", ORIGIN);
        List<PreflightCheck> checks = PreflightChecks.globalEnvironment(new PreflightChecks.GlobalEnvironment(
                List.of(WparName.of("wpr00"), WparName.of("wpr01")), null));
        fleet.log().clear();

        List<String> failed = new ArrayList<>();
        for (PreflightCheck check : checks) {
            AixResult<Object> r = check.interpret(shell.aix.read("lpar00", check.command(), ORIGIN));
            // a simulator without 'wparflow-run version' refuses it as a usage error: an outcome, not a parse
            boolean versionUnknownToSimulator = check.name().equals("wparflow-run version")
                    && r instanceof AixResult.Failed<Object> f && f.failure().outcome() != AixOutcome.UNEXPECTED_OUTPUT;
            if (r instanceof AixResult.Failed<Object> f && !versionUnknownToSimulator) {
                failed.add(check.name() + ": " + f.failure());
            }
        }
        assertThat(failed).isEmpty();
        assertThat(sent("lpar00")).isEqualTo(commandLines(checks));
        // the simulator prints only the Redbook's -L fields: nothing for the report to flag
        PreflightCheck details = checks.stream().filter(c -> c.name().equals("lswpar -L wpr00")).findFirst()
                .orElseThrow();
        assertThat(details.ignored().apply(lpar00.read(details.command(), out -> out))).isEmpty();
    }

    @Test
    void nimMasterChecksParse() {
        NimMaster nim = new AixGateway(shell.aix).nim("nim01", ORIGIN);
        nim.defineWpar(NimObjectName.of("wpr00"), NimObjectName.of("lpar00"), HostName.of("wpr00"));
        fleet.log().clear();
        AixHost nim01 = new AixGateway(shell.aix).on("nim01", ORIGIN);
        List<PreflightCheck> checks = PreflightChecks.nimMaster(List.of(NimObjectName.of("wpr00")));
        for (PreflightCheck check : checks) {
            assertThat(nim01.read(check.command(), check::parse)).as(check.name()).isNotNull();
        }
        assertThat(sent("nim01")).isEqualTo(commandLines(checks));
        assertThat(nim01.read(checks.get(2).command(), Nim::parseStanzas).get(0).get("type")).isEqualTo("wpar");
    }

    @Test
    void hmcChecksParse() {
        SshEndpoint hmc = new SshEndpoint("hmc01", "127.0.0.1", fleet.hmc("hmc01").port(), "hscroot");
        try (SshSessionPool pool = FixedResolver.pool(fleet.knownHostsPath(), fleet.clientKeyPair(),
                new SshProperties(), hmc)) {
            fleet.log().clear();
            List<PreflightCheck> checks = PreflightChecks.hmc(List.of(ManagedSystemName.of("sys570a")));
            for (PreflightCheck check : checks) {
                CommandResult r = pool.run("hmc01", check.command().commandLine(), CommandOptions.idempotentRead());
                AixResult<Object> parsed = check.interpret(r);
                assertThat(parsed).as(check.name() + ": " + r.stderr()).isNotInstanceOf(AixResult.Failed.class);
            }
            assertThat(sent("hmc01")).isEqualTo(commandLines(checks));
        }
    }

    private List<String> sent(String host) {
        return fleet.log().entries(host).stream().map(e -> e.raw).toList();
    }

    private static List<String> commandLines(List<PreflightCheck> checks) {
        return checks.stream().map(c -> c.command().commandLine()).toList();
    }
}
