package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.simulator.model.WparState;
import dev.wparflow.testsupport.TestFleets;

/**
 * A WPAR put into Broken by fault injection shows what Redbook 4.1.2 describes (Example 4-13: {@code B} in lswpar;
 * its processes by {@code ps -ef -@}; a line in /var/adm/WPARs), and {@code stopwpar -F} takes it back to Defined
 * (RB:2844); {@code rebootwpar} of a WPAR that is not Active is refused.
 */
class BrokenWparTest {

    @RegisterExtension
    static final SimulatedFleet sim = SimulatedFleet.yaml(TestFleets.yaml("lifecycle"));
    ClientSession lpar00;

    @BeforeEach
    void connect() throws Exception {
        lpar00 = sim.ssh().session("lpar00");
    }

    @AfterEach
    void disconnect() throws Exception {
        lpar00.close();
    }

    SimSsh.Result run(String cmd) throws Exception {
        return SimSsh.exec(lpar00, cmd);
    }

    @Test
    void aBrokenWparShowsWhatTheBookSaysToLookAtAndStopwparForceTakesItToDefined() throws Exception {
        HostRuntime host = sim.fleet().host("lpar00");
        long mark = sim.fleet().stateHistory().lastSeq();
        assertThat(host.breakWpar("wpr13", "startwpar interrupted")).isTrue();
        assertThat(host.breakWpar("wpr99", "no such WPAR")).isFalse();

        assertThat(run("lswpar wpr13").out()).contains("wpr13  B      S");
        assertThat(run("lswpar -L wpr13").out()).contains("wpr13 - Broken");
        SimSsh.Result ps = run("ps -ef -@ wpr13");
        assertThat(ps.exit()).isZero();
        assertThat(ps.out().lines().toList()).hasSize(2).first().asString().startsWith("WPAR      UID    PID");
        assertThat(ps.out()).contains("wpr13", "/etc/init");
        SimSsh.Result ls = run("ls /var/adm/ras /var/adm/WPARs");
        assertThat(ls.exit()).isEqualTo(2);
        assertThat(ls.err()).contains("ls: 0653-341 The file /var/adm/ras does not exist.");
        assertThat(ls.out()).contains("/var/adm/WPARs:", "wpr13.log");
        assertThat(new String(host.file("/var/adm/WPARs/wpr13.log"))).contains("wpr13: startwpar interrupted");
        assertThat(run("startwpar wpr13").exit()).isEqualTo(1);

        assertThat(run("stopwpar -F wpr13").exit()).isZero();
        assertThat(host.wpar("wpr13").orElseThrow().state()).isEqualTo(WparState.DEFINED);
        assertThat(sim.fleet().stateHistory().path("lpar00", "wpr13", mark)).isEqualTo("ABTD");
        assertThat(run("ps -ef -@ wpr13").out().lines().toList()).hasSize(1);
        SimSsh.Result reboot = run("rebootwpar wpr13");
        assertThat(reboot.exit()).isEqualTo(1);
        assertThat(reboot.err()).contains("rebootwpar: 0960-254 Workload partition wpr13 is not active.");
        assertThat(run("ps -ef wpr13").exit()).isEqualTo(2);
        assertThat(run("ps -ef -@ wpr99").exit()).isEqualTo(1);
    }
}
