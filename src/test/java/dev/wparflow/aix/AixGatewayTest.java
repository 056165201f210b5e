package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wparflow.aix.WparLifecycle.Remove;
import dev.wparflow.aix.WparLifecycle.Stop;

import dev.wparflow.simulator.CommandLog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.testsupport.SimulatedFleetShell;

/**
 * The gateway against the simulator over SSH: each operation sends the command line the aix layer builds, changes
 * the simulated host as AIX would, records its transcript, and answers with a domain value or a typed failure.
 */
class AixGatewayTest {

    static final String FLEET = """
            hosts:
              - name: lpar00
                port: 0
                wpars:
                  - {name: wpr00, state: A, address: 9.3.5.182}
                  - {name: wpr01, state: D, address: 9.3.5.183}
                  - {name: wpr02, state: B, address: 9.3.5.184}
            """;
    static final Origin ORIGIN = new Origin("pi-gateway", "Task_Test");
    static final List<LswparField> FIELDS = List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE);

    @TempDir
    Path dir;
    Fleet fleet;
    SimulatedFleetShell shell;
    AixHost lpar00;

    @BeforeEach
    void setUp() throws Exception {
        fleet = Fleet.startYaml(FLEET, FleetOptions.forTests().dataDir(dir).timeScale(0.0));
        shell = new SimulatedFleetShell(fleet, "lpar00");
        lpar00 = new AixGateway(shell.aix).on("lpar00", ORIGIN);
    }

    @AfterEach
    void tearDown() {
        shell.close();
        fleet.close();
    }

    @Test
    void readsListTheWparsAndAMissingOneIsEmpty() {
        assertThat(lpar00.wpars(FIELDS)).extracting(WparInfo::name, WparInfo::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("wpr00", WparState.ACTIVE),
                org.assertj.core.groups.Tuple.tuple("wpr01", WparState.DEFINED),
                org.assertj.core.groups.Tuple.tuple("wpr02", WparState.BROKEN));
        assertThat(lpar00.wpar(WparName.of("wpr01"), FIELDS)).map(WparInfo::state).contains(WparState.DEFINED);
        assertThat(lpar00.wpar(WparName.of("ghost"), FIELDS)).isEmpty();
        assertThat(sent()).containsExactly("lswpar -c -a name,state,type -q", "lswpar -c -a name,state,type -q wpr01",
                "lswpar -c -a name,state,type -q ghost");
    }

    @Test
    void lifecycleOperationsChangeTheHostWithTheFlagsAsked() {
        lpar00.stop(WparName.of("wpr00"));
        lpar00.stop(WparName.of("wpr02"), Stop.FORCE);
        lpar00.rename(WparName.of("wpr01"), WparName.of("wpr09"));
        lpar00.start(WparName.of("wpr09"));
        lpar00.remove(WparName.of("wpr02"), Remove.FORCE, Remove.PRESERVE_FILE_SYSTEMS);

        assertThat(fleet.host("lpar00").states()).contains("wpr00=D", "wpr09=A").doesNotContain("wpr02", "wpr01");
        assertThat(sent()).containsExactly("stopwpar wpr00", "stopwpar -F wpr02", "chwpar -n wpr09 wpr01",
                "startwpar wpr09", "rmwpar -F -p wpr02");
        assertThat(shell.transcripts.forProcessInstance("pi-gateway")).extracting(t -> t.command())
                .containsExactlyElementsOf(sent());
    }

    @Test
    void aRefusedCommandIsATypedRefusalAndChangesNothing() {
        assertThatThrownBy(() -> lpar00.start(WparName.of("ghost"))).isInstanceOfSatisfying(AixRefusal.class, e -> {
            assertThat(e.outcome()).isEqualTo(AixOutcome.WPAR_NOT_FOUND);
            assertThat(e.getMessage()).startsWith("WPAR_NOT_FOUND on lpar00: startwpar ghost -> exit");
        });
        assertThatThrownBy(() -> lpar00.start(WparName.of("wpr00")))
                .isInstanceOfSatisfying(AixRefusal.class, e -> assertThat(e.failure().host()).isEqualTo("lpar00"));
        assertThat(fleet.host("lpar00").states()).contains("wpr00=A", "wpr01=D", "wpr02=B");
    }

    @Test
    void aCommandInsideAWparAnswersWithItsExit() {
        AixHost.Inside ok = lpar00.runInside(WparName.of("wpr00"), List.of("echo", "ready"));
        AixHost.Inside stopped = lpar00.runInside(WparName.of("wpr01"), List.of("echo", "ready"));

        assertThat(ok.succeeded()).isTrue();
        assertThat(stopped.succeeded()).isFalse();
        assertThat(stopped.exitStatus()).isEqualTo(1);
        assertThat(stopped.lastErrorLine()).contains("0960-430").contains("wpr01 is not active");
        assertThat(stopped.failure().describe()).contains("clogin wpr01 echo ready");
        assertThat(sent()).containsExactly("clogin wpr00 echo ready", "clogin wpr01 echo ready");
    }

    @Test
    void filesAreWrittenAndRemovedAndDfListsMountPoints() {
        lpar00.writeFile(AbsolutePath.of("/tmp/wpardata/x.spec"), "general:\n\tname = x");
        assertThat(new String(fleet.host("lpar00").file("/tmp/wpardata/x.spec"), StandardCharsets.UTF_8))
                .isEqualTo("general:\n\tname = x\n");

        lpar00.removeFiles(List.of(AbsolutePath.of("/tmp/wpardata/x.spec"), AbsolutePath.of("/tmp/never-there")));
        assertThat(fleet.host("lpar00").file("/tmp/wpardata/x.spec")).isNull();

        assertThat(lpar00.mountedFileSystems()).contains("/", "/wpars/wpr00");
        assertThat(sent()).containsExactly("tee /tmp/wpardata/x.spec", "rm -f -- /tmp/wpardata/x.spec /tmp/never-there",
                "df");
    }

    @Test
    void aHostThatTakesNoConnectionIsHostUnreachableBeforeAnyCommand() throws Exception {
        fleet.host("lpar00").setDown(true);

        assertThatThrownBy(() -> lpar00.stop(WparName.of("wpr00"))).satisfies(failure -> {
            assertThat(HostUnreachable.isTransportFailure(failure)).isTrue();
            assertThat(HostUnreachable.notConnected(failure)).hasValueSatisfying(h -> {
                assertThat(h.host()).isEqualTo("lpar00");
                assertThat(h.getMessage()).contains("CONNECT_REFUSED on lpar00");
            });
        });
        assertThat(HostUnreachable.notConnected(new IllegalStateException("not a transport failure"))).isEmpty();
        assertThat(fleet.host("lpar00").states()).contains("wpr00=A");
    }

    private List<String> sent() {
        return fleet.log().entries("lpar00").stream().map((CommandLog.Entry e) -> e.raw).toList();
    }
}
