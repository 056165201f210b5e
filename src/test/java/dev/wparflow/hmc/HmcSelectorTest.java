package dev.wparflow.hmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wparflow.ssh.CommandOptions;
import dev.wparflow.ssh.FixedResolver;
import dev.wparflow.ssh.SshEndpoint;
import dev.wparflow.ssh.SshException;
import dev.wparflow.ssh.SshFailure;
import dev.wparflow.ssh.SshProperties;
import dev.wparflow.ssh.SshSessionPool;
import dev.wparflow.ssh.TestSshServer;

class HmcSelectorTest {

    @TempDir
    Path tmp;

    KeyPair key;
    TestSshServer hmcA;
    TestSshServer hmcB;
    SshSessionPool pool;
    HmcSelector selector;
    int downPort;

    @BeforeEach
    void setUp() throws Exception {
        key = TestSshServer.newKeyPair();
        hmcA = TestSshServer.start(key.getPublic());
        hmcB = TestSshServer.start(key.getPublic());
        Path kh = tmp.resolve("known_hosts");
        hmcA.appendKnownHosts(kh);
        hmcB.appendKnownHosts(kh);
        try (ServerSocket s = new ServerSocket(0)) {
            downPort = s.getLocalPort();
        }
        SshProperties props = new SshProperties();
        props.setConnectTimeout(Duration.ofSeconds(3));
        pool = FixedResolver.pool(kh, key, props, hmcA.endpoint("hmcA"), hmcB.endpoint("hmcB"),
                new SshEndpoint("hmcDown", "127.0.0.1", downPort, "hscroot"));
        HmcProperties config = new HmcProperties();
        config.setManagedSystems(Map.of(
                "ms01", List.of("hmcA", "hmcB"),
                "ms02", List.of("hmcDown", "hmcB"),
                "ms03", List.of("hmcDown"),
                "ms04", List.of("hmcB", "hmcDown")));
        selector = new HmcSelector(pool, List.of(config));
    }

    @AfterEach
    void tearDown() throws Exception {
        pool.close();
        hmcA.close();
        hmcB.close();
    }

    @Test
    void neitherConnectedUsesThePreferredOne() {
        assertThat(selector.run("ms01", "echo lssyscfg", CommandOptions.DEFAULT).host()).isEqualTo("hmcA");
        assertThat(hmcA.connections()).isEqualTo(1);
        assertThat(hmcB.connections()).isZero();
    }

    @Test
    void theHmcWithALiveSessionWinsOverThePreferredOne() {
        pool.connect("hmcB");
        for (int i = 0; i < 5; i++) {
            assertThat(selector.run("ms01", "echo lssyscfg", CommandOptions.DEFAULT).host()).isEqualTo("hmcB");
        }
        assertThat(hmcA.connections()).isZero();
        assertThat(hmcB.connections()).isEqualTo(1);

        // the operator's way to force the other HMC: disconnect this one, connect that one
        pool.disconnect("hmcB", false);
        pool.connect("hmcA");
        assertThat(selector.run("ms01", "echo lssyscfg", CommandOptions.DEFAULT).host()).isEqualTo("hmcA");
    }

    @Test
    void preferredDownFailsOverToTheOther() {
        assertThat(selector.choose(selector.pair("ms02"))).isEqualTo("hmcB");
        assertThat(selector.run("ms02", "echo lssyscfg", CommandOptions.DEFAULT).host()).isEqualTo("hmcB");
        assertThat(hmcB.connections()).isEqualTo(1);
        // afterwards hmcB holds the live session and is chosen straight away
        assertThat(selector.run("ms02", "echo again", CommandOptions.DEFAULT).stdout()).isEqualTo("again\n");
        assertThat(hmcB.connections()).isEqualTo(1);
    }

    @Test
    void otherDownLeavesThePreferredOneInUse() {
        assertThat(selector.run("ms04", "echo x", CommandOptions.DEFAULT).host()).isEqualTo("hmcB");
    }

    @Test
    void liveHmcThatDiesBeforeTheCommandFailsOverWithoutDuplicates() throws Exception {
        pool.connect("hmcB");
        hmcB.close(); // HMC B goes away while its session is idle
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !pool.isConnected("hmcB"));
        assertThat(selector.run("ms01", "echo lssyscfg", CommandOptions.DEFAULT).host()).isEqualTo("hmcA");
        assertThat(hmcA.executions("echo lssyscfg")).isEqualTo(1);
    }

    @Test
    void bothDownIsTheLastFailureWithTheFirstSuppressed() {
        assertThatThrownBy(() -> selector.run("ms03", "echo x", CommandOptions.DEFAULT))
                .isInstanceOfSatisfying(SshException.class,
                        e -> assertThat(e.failure()).isEqualTo(SshFailure.CONNECT_REFUSED));
        HmcPair p = new HmcPair("ms05", "hmcDown", "hmcDown");
        assertThat(p.dual()).isFalse();
    }

    @Test
    void unknownManagedSystem() {
        assertThatThrownBy(() -> selector.pair("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }
}
