package dev.wparflow.hmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
import dev.wparflow.ssh.SshException;
import dev.wparflow.ssh.SshFailure;
import dev.wparflow.ssh.SshProperties;
import dev.wparflow.ssh.SshSessionPool;
import dev.wparflow.testsupport.TestFleets;

/** The LPAR tool's HMC rule against a simulated HMC pair: live session first, else preferred, else the peer. */
class HmcPairAgainstSimulatorTest {

    static final String FLEET = TestFleets.yaml("hmc-pair-against-simulator");
    static final String LSSYSCFG = "lssyscfg -r sys -F name,state";

    @TempDir
    Path dir;
    Fleet fleet;
    SshSessionPool pool;
    HmcSelector hmcs;

    @BeforeEach
    void fleet() throws Exception {
        fleet = Fleet.startYaml(FLEET, FleetOptions.forTests().dataDir(dir));
        pool = FixedResolver.pool(fleet.knownHostsPath(), fleet.clientKeyPair(), new SshProperties(),
                new SshEndpoint("hmc01", "127.0.0.1", fleet.hmc("hmc01").port(), "hscroot"),
                new SshEndpoint("hmc02", "127.0.0.1", fleet.hmc("hmc02").port(), "hscroot"));
        HmcPairResolver pair = system -> Optional.of(new HmcPair(system, "hmc01", "hmc02"));
        hmcs = new HmcSelector(pool, List.of(pair));
    }

    @AfterEach
    void stop() {
        pool.close();
        fleet.close();
    }

    @Test
    void thePreferredHmcAnswersWhenNeitherHasASession() {
        CommandResult result = hmcs.run("sys570a", LSSYSCFG, CommandOptions.idempotentRead());
        assertThat(result.host()).isEqualTo("hmc01");
        assertThat(result.stdout().trim()).isEqualTo("sys570a,Operating");
    }

    @Test
    void theHmcWithALiveSessionWins() {
        pool.connect("hmc02");
        assertThat(hmcs.run("sys570a", LSSYSCFG, CommandOptions.idempotentRead()).host()).isEqualTo("hmc02");
        assertThat(fleet.hmc("hmc01").connections()).isZero();
    }

    @Test
    void whenThePreferredHmcIsDownItsPeerAnswers() throws Exception {
        fleet.setHmcDown("hmc01", true);
        CommandResult result = hmcs.run("sys570a", LSSYSCFG, CommandOptions.idempotentRead());
        assertThat(result.host()).isEqualTo("hmc02");
        assertThat(result.stdout().trim()).isEqualTo("sys570a,Operating");
    }

    @Test
    void bothDownIsATechnicalFailure() throws Exception {
        fleet.setHmcDown("hmc01", true);
        fleet.setHmcDown("hmc02", true);
        assertThatThrownBy(() -> hmcs.run("sys570a", LSSYSCFG, CommandOptions.idempotentRead()))
                .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.failure()).isEqualTo(SshFailure.CONNECT_REFUSED));
    }
}
