package dev.wparflow.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.simulator.fault.FaultType;
import dev.wparflow.testsupport.TestFleets;

/**
 * The SSH layer against the AIX fleet simulator (the unit tests use a bare MINA fixture): one
 * connection for many commands, ControlPersist, drops, host keys, authentication.
 */
class SshAgainstSimulatorTest {

    static final String FLEET = TestFleets.yaml("ssh-against-simulator");

    @TempDir
    Path dir;
    Fleet fleet;
    SshSessionPool pool;

    @BeforeEach
    void fleet() throws Exception {
        fleet = Fleet.startYaml(FLEET, FleetOptions.forTests().dataDir(dir));
    }

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.close();
        }
        fleet.close();
    }

    SshSessionPool pool(SshProperties props) {
        return FixedResolver.pool(fleet.knownHostsPath(), fleet.clientKeyPair(), props,
                new SshEndpoint("lpar00", "127.0.0.1", fleet.host("lpar00").port(), "root"));
    }

    @Test
    void hundredCommandsShareOneConnection() throws Exception {
        pool = pool(new SshProperties());
        ExecutorService callers = Executors.newFixedThreadPool(20);
        try {
            List<Future<CommandResult>> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                results.add(callers.submit(() -> pool.run("lpar00", "lswpar -c -q -a name,state wpr00")));
            }
            for (Future<CommandResult> result : results) {
                assertThat(result.get().stdout().trim()).isEqualTo("wpr00:D");
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(fleet.host("lpar00").connections()).isEqualTo(1);
        assertThat(fleet.log().entries("lpar00")).hasSize(100);
    }

    @Test
    void teeWritesStdinToAFileOnTheHost() {
        pool = pool(new SshProperties());
        String text = "lv_data:\n\tVOLUME_GROUP= datavg\n";
        CommandResult r = pool.run("lpar00", "tee /tmp/wpardata/wpr02/image.data.datavg",
                CommandOptions.defaults().withStdin(text));
        assertThat(r.exitStatus()).isZero();
        assertThat(r.stdout()).isEqualTo(text);
        assertThat(pool.run("lpar00", "cat /tmp/wpardata/wpr02/image.data.datavg").stdout()).isEqualTo(text);
    }

    @Test
    void controlPersistClosesTheIdleSessionAndTheNextCommandReconnects() throws Exception {
        SshProperties props = new SshProperties();
        props.setControlPersist(Duration.ofMillis(300));
        props.setReapInterval(Duration.ofMillis(100));
        pool = pool(props);
        pool.run("lpar00", "hostname");
        assertThat(pool.isConnected("lpar00")).isTrue();
        // the reaper closes it once it has been idle for control-persist
        await().atMost(Duration.ofSeconds(30)).until(() -> !pool.isConnected("lpar00"));
        assertThat(pool.run("lpar00", "hostname").stdout().trim()).isEqualTo("lpar00");
        assertThat(fleet.host("lpar00").connections()).isEqualTo(2);
    }

    @Test
    void aConnectionDroppedDuringAStartIsTypedAndTheStartIsNotSentAgain() {
        pool = pool(new SshProperties());
        fleet.faults().add(FaultRule.on("lpar00").command("startwpar").type(FaultType.DROP_CONNECTION).once().build());
        assertThatThrownBy(() -> pool.run("lpar00", "startwpar wpr00"))
                .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.failure()).isEqualTo(SshFailure.CONNECTION_LOST));
        assertThat(fleet.log().entries("lpar00").stream().filter(e -> e.command().equals("startwpar"))).hasSize(1);
        // the session is reopened for the next command
        assertThat(pool.run("lpar00", "lswpar -c -q -a state wpr00").stdout().trim()).isEqualTo("A");
    }

    @Test
    void aHostPresentingAnotherKeyIsRefusedLoudly() {
        pool = pool(new SshProperties());
        fleet.faults().add(FaultRule.on("lpar00").type(FaultType.WRONG_HOST_KEY).build());
        assertThatThrownBy(() -> pool.run("lpar00", "hostname"))
                .isInstanceOfSatisfying(SshException.class, e -> {
                    assertThat(e.failure()).isEqualTo(SshFailure.HOST_KEY_CHANGED);
                    assertThat(e.getMessage()).contains("lpar00");
                });
        assertThat(fleet.log().entries("lpar00")).isEmpty();
    }

    @Test
    void rejectedAuthenticationIsTyped() {
        pool = pool(new SshProperties());
        fleet.faults().add(FaultRule.on("lpar00").type(FaultType.REJECT_AUTH).build());
        assertThatThrownBy(() -> pool.run("lpar00", "hostname"))
                .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.failure()).isEqualTo(SshFailure.AUTH_FAILED));
    }

    @Test
    void aHostThatIsDownIsConnectRefused() throws Exception {
        pool = pool(new SshProperties());
        fleet.host("lpar00").setDown(true);
        assertThatThrownBy(() -> pool.run("lpar00", "hostname"))
                .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.failure()).isEqualTo(SshFailure.CONNECT_REFUSED));
    }
}
