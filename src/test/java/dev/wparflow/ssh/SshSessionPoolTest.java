package dev.wparflow.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class SshSessionPoolTest {

    @TempDir
    Path tmp;

    KeyPair clientKey;
    TestSshServer server;
    Path knownHosts;
    SshProperties props;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<AutoCloseable> closeMe = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        clientKey = TestSshServer.newKeyPair();
        server = TestSshServer.start(clientKey.getPublic());
        closeMe.add(server);
        knownHosts = server.appendKnownHosts(tmp.resolve("known_hosts"));
        props = new SshProperties();
        props.setKnownHosts(knownHosts.toString());
        props.setIdentities(List.of()); // no files: the key is added in memory
        props.setKeepAliveInterval(Duration.ZERO);
        props.setConnectTimeout(Duration.ofSeconds(5));
        props.setAuthTimeout(Duration.ofSeconds(5));
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeMe.size() - 1; i >= 0; i--) {
            closeMe.get(i).close();
        }
    }

    SshSessionPool pool(SshEndpoint... endpoints) {
        SshEndpointResolver resolver = new SshEndpointResolver() {
            @Override
            public Optional<SshEndpoint> find(String name) {
                for (SshEndpoint e : endpoints) {
                    if (e.name().equals(name)) {
                        return Optional.of(e);
                    }
                }
                return Optional.empty();
            }

            @Override
            public List<String> names() {
                return java.util.Arrays.stream(endpoints).map(SshEndpoint::name).toList();
            }
        };
        SshSessionPool pool = new SshSessionPool(props, List.of(resolver), new Redactor(), meters, null);
        pool.addIdentity(clientKey);
        closeMe.add(pool);
        return pool;
    }

    SshSessionPool pool() {
        return pool(server.endpoint("lpar00"));
    }

    @Test
    void hundredCommandsShareOneConnection() {
        SshSessionPool pool = pool();
        for (int i = 0; i < 100; i++) {
            CommandResult r = pool.run("lpar00", "echo hello " + i);
            assertThat(r.exitStatus()).isZero();
            assertThat(r.stdout()).isEqualTo("hello " + i + "\n");
            assertThat(r.host()).isEqualTo("lpar00");
        }
        assertThat(server.connections()).isEqualTo(1);
        assertThat(server.totalExecutions()).isEqualTo(100);
        assertThat(pool.connectCount()).isEqualTo(1);
        assertThat(meters.get("wparflow.ssh.command").tag("host", "lpar00").timer().count()).isEqualTo(100);
        assertThat(meters.get("wparflow.ssh.connects").tag("host", "lpar00").counter().count()).isEqualTo(1);
        assertThat(meters.get("wparflow.ssh.sessions.open").gauge().value()).isEqualTo(1);
    }

    @Test
    void concurrentCommandsShareOneConnection() throws Exception {
        SshSessionPool pool = pool();
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            List<Future<CommandResult>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                futures.add(threads.submit(() -> pool.run("lpar00", "echo " + n)));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get().stdout()).isEqualTo(i + "\n");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void nonZeroExitIsDataNotException() {
        CommandResult r = pool().run("lpar00", "exit 3 0960-246 workload partition is locked");
        assertThat(r.exitStatus()).isEqualTo(3);
        assertThat(r.succeeded()).isFalse();
        assertThat(r.stderr()).contains("0960-246");
    }

    @Test
    void stdinIsClosedSoCommandsReadingItEnd() {
        CommandResult r = pool().run("lpar00", "cat", CommandOptions.timeout(Duration.ofSeconds(5)));
        assertThat(r.exitStatus()).isZero();
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void stdinTextIsSentThenClosed() {
        String text = "image_data:\n\tVOLUME_GROUP= datavg\n> not a redirection; 'quotes' $HOME\n";
        CommandResult r = pool().run("lpar00", "cat",
                CommandOptions.timeout(Duration.ofSeconds(5)).withStdin(text));
        assertThat(r.exitStatus()).isZero();
        assertThat(r.stdout()).isEqualTo(text);
        assertThat(r.command()).isEqualTo("cat");
    }

    @Test
    void controlPersistClosesIdleSessionAndNextCommandReconnects() {
        props.setControlPersist(Duration.ofMillis(400));
        props.setReapInterval(Duration.ofMillis(50));
        SshSessionPool pool = pool();
        pool.run("lpar00", "echo one");
        assertThat(pool.isConnected("lpar00")).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> !pool.isConnected("lpar00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> server.openSessions() == 0);
        assertThat(pool.sessions()).extracting(SessionInfo::describe).containsExactly("lpar00: not connected");

        assertThat(pool.run("lpar00", "echo two").stdout()).isEqualTo("two\n");
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void busySessionIsNotExpired() {
        props.setControlPersist(Duration.ofMillis(200));
        props.setReapInterval(Duration.ofMillis(50));
        SshSessionPool pool = pool();
        assertThat(pool.run("lpar00", "sleep 700").exitStatus()).isZero();
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void sessionDroppedByPeerWhileIdleIsReopenedTransparently() {
        SshSessionPool pool = pool();
        pool.run("lpar00", "echo before");
        server.dropAllSessions();
        await().atMost(Duration.ofSeconds(30)).until(() -> !pool.isConnected("lpar00"));
        CommandResult r = pool.run("lpar00", "echo after");
        assertThat(r.stdout()).isEqualTo("after\n");
        assertThat(server.connections()).isEqualTo(2);
        assertThat(server.executions("echo after")).isEqualTo(1);
    }

    @Test
    void dropInTheMiddleOfACommandIsTypedAndNotResent() {
        SshSessionPool pool = pool();
        assertThatThrownBy(() -> pool.run("lpar00", "drop"))
                .isInstanceOfSatisfying(SshException.class, e -> {
                    assertThat(e.failure()).isEqualTo(SshFailure.CONNECTION_LOST);
                    assertThat(e.host()).isEqualTo("lpar00");
                    assertThat(e.command()).isEqualTo("drop");
                    assertThat(e.getMessage()).contains("lpar00").contains("`drop`").contains("not re-sent");
                });
        assertThat(server.executions("drop")).isEqualTo(1);
        // the next command gets a new session
        assertThat(pool.run("lpar00", "echo again").stdout()).isEqualTo("again\n");
        assertThat(server.connections()).isEqualTo(2);
        assertThat(meters.get("wparflow.ssh.failures").tags("host", "lpar00", "type", "CONNECTION_LOST").counter()
                .count()).isEqualTo(1);
    }

    @Test
    void idempotentReadIsResentOnceAfterConnectionLoss() {
        SshSessionPool pool = pool();
        CommandResult r = pool.run("lpar00", "drop-once lswpar", CommandOptions.idempotentRead());
        assertThat(r.stdout()).isEqualTo("ok\n");
        assertThat(server.executions("drop-once lswpar")).isEqualTo(2);

        assertThatThrownBy(() -> pool.run("lpar00", "drop-once savewpar"))
                .isInstanceOfSatisfying(SshException.class,
                        e -> assertThat(e.failure()).isEqualTo(SshFailure.CONNECTION_LOST));
        assertThat(server.executions("drop-once savewpar")).isEqualTo(1);
    }

    @Test
    void commandIdempotentByKeyIsResentOnceAndSaysSoWhenLostAgain() {
        SshSessionPool pool = pool();
        CommandResult r = pool.run("lpar00", "drop-once wparflow-run start r1", CommandOptions.idempotentByKey());
        assertThat(r.stdout()).isEqualTo("ok\n");
        assertThat(server.executions("drop-once wparflow-run start r1")).isEqualTo(2);

        assertThatThrownBy(() -> pool.run("lpar00", "drop", CommandOptions.idempotentByKey()))
                .isInstanceOfSatisfying(SshException.class, e -> {
                    assertThat(e.failure()).isEqualTo(SshFailure.CONNECTION_LOST);
                    assertThat(e.getMessage()).contains("also after sending it again 1 time(s)")
                            .contains("sending it again is safe");
                });
        assertThat(server.executions("drop")).isEqualTo(2);
    }

    @Test
    void commandTimeoutIsTypedAndSessionStaysUsable() {
        SshSessionPool pool = pool();
        assertThatThrownBy(() -> pool.run("lpar00", "hang", CommandOptions.timeout(Duration.ofMillis(300))))
                .isInstanceOfSatisfying(SshException.class, e -> {
                    assertThat(e.failure()).isEqualTo(SshFailure.COMMAND_TIMEOUT);
                    assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300));
                    assertThat(e.getMessage()).contains("COMMAND_TIMEOUT on lpar00 running `hang`").contains("300ms");
                });
        assertThat(pool.run("lpar00", "echo alive").stdout()).isEqualTo("alive\n");
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void channelCapIsHonouredAndExcessCommandsWait() throws Exception {
        props.setMaxChannelsPerHost(3);
        SshSessionPool pool = pool();
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<CommandResult>> futures = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                futures.add(threads.submit(() -> pool.run("lpar00", "gate cap")));
            }
            // none can finish before the gate opens: three run, the other nine wait for a channel
            await().atMost(Duration.ofSeconds(30)).until(() -> server.runningCommands() == 3 && pool.channelsInUse() == 3);
            assertThat(pool.info("lpar00").channels()).isEqualTo(3);
            assertThat(server.totalExecutions()).isEqualTo(3);
            server.openGate("cap");
            for (Future<CommandResult> f : futures) {
                assertThat(f.get().exitStatus()).isZero();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(server.maxConcurrentCommands()).isEqualTo(3);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void unknownHostKeyIsRefusedWithInstructions() throws Exception {
        Files.writeString(knownHosts, "");
        SshSessionPool pool = pool();
        assertThatThrownBy(() -> pool.run("lpar00", "echo x"))
                .isInstanceOfSatisfying(SshException.class, e -> {
                    assertThat(e.failure()).isEqualTo(SshFailure.HOST_KEY_UNKNOWN);
                    assertThat(e.getMessage())
                            .contains("127.0.0.1:" + server.port())
                            .contains("ssh-ed25519 SHA256:")
                            .contains("ssh-keyscan -p " + server.port() + " 127.0.0.1 >> " + knownHosts);
                });
        assertThat(server.totalExecutions()).isZero();

        // the operator adds the key; no restart needed
        server.appendKnownHosts(knownHosts);
        assertThat(pool.run("lpar00", "echo x").stdout()).isEqualTo("x\n");
    }

    @Test
    void changedHostKeyIsRefusedLoudly() throws Exception {
        int port = server.port();
        server.close();
        TestSshServer impostor = TestSshServer.start(TestSshServer.newKeyPair(), port, clientKey.getPublic());
        closeMe.add(impostor);
        SshSessionPool pool = pool(impostor.endpoint("lpar00"));
        assertThatThrownBy(() -> pool.run("lpar00", "echo x"))
                .isInstanceOfSatisfying(SshException.class, e -> {
                    assertThat(e.failure()).isEqualTo(SshFailure.HOST_KEY_CHANGED);
                    assertThat(e.getMessage()).contains("HOST KEY CHANGED for 127.0.0.1:" + port)
                            .contains("possible man-in-the-middle");
                });
        assertThat(impostor.totalExecutions()).isZero();
    }

    @Test
    void acceptNewTrustsOnFirstUseButStillRefusesAChange() throws Exception {
        Path file = tmp.resolve("sub/known_hosts_tofu");
        props.setKnownHosts(file.toString());
        props.setHostKeyPolicy(HostKeyPolicy.ACCEPT_NEW);
        SshSessionPool pool = pool();
        assertThat(pool.run("lpar00", "echo first").exitStatus()).isZero();
        assertThat(Files.readString(file)).contains(server.hostKey().getPublic().getAlgorithm().isEmpty() ? "" : "ssh-ed25519");

        int port = server.port();
        pool.disconnect("lpar00", false);
        server.close();
        TestSshServer impostor = TestSshServer.start(TestSshServer.newKeyPair(), port, clientKey.getPublic());
        closeMe.add(impostor);
        assertThatThrownBy(() -> pool.run("lpar00", "echo second"))
                .isInstanceOfSatisfying(SshException.class,
                        e -> assertThat(e.failure()).isEqualTo(SshFailure.HOST_KEY_CHANGED));
    }

    @Test
    void authFailureIsTyped() throws Exception {
        SshSessionPool pool = new SshSessionPool(props, List.of(new FixedResolver(server.endpoint("lpar00"))),
                new Redactor(), meters, null);
        closeMe.add(pool);
        pool.addIdentity(TestSshServer.newKeyPair()); // not authorized
        assertThatThrownBy(() -> pool.run("lpar00", "echo x"))
                .isInstanceOfSatisfying(SshException.class, e -> {
                    assertThat(e.failure()).isEqualTo(SshFailure.AUTH_FAILED);
                    assertThat(e.getMessage()).contains("tester@127.0.0.1:" + server.port()).contains("`echo x`");
                });
    }

    @Test
    void connectionRefusedIsTyped() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SshSessionPool pool = pool(new SshEndpoint("lpar09", "127.0.0.1", port, "tester"));
        assertThatThrownBy(() -> pool.run("lpar09", "echo x"))
                .isInstanceOfSatisfying(SshException.class, e -> {
                    assertThat(e.failure()).isEqualTo(SshFailure.CONNECT_REFUSED);
                    assertThat(e.failure().beforeCommand()).isTrue();
                    assertThat(e.getMessage()).contains("lpar09").contains("connection refused");
                });
    }

    @Test
    void silentServerIsAConnectTimeout() throws Exception {
        props.setAuthTimeout(Duration.ofMillis(500));
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            SshSessionPool pool = pool(new SshEndpoint("lpar08", "127.0.0.1", silent.getLocalPort(), "tester"));
            assertThatThrownBy(() -> pool.run("lpar08", "echo x"))
                    .isInstanceOfSatisfying(SshException.class, e -> {
                        assertThat(e.failure()).isEqualTo(SshFailure.CONNECT_TIMEOUT);
                        assertThat(e.timeout()).isEqualTo(Duration.ofMillis(500));
                    });
        }
    }

    @Test
    void commandsWaitingForAFailingConnectShareItsFailure() throws Exception {
        props.setAuthTimeout(Duration.ofSeconds(2));
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            SshSessionPool pool = pool(new SshEndpoint("lpar07", "127.0.0.1", silent.getLocalPort(), "tester"));
            ExecutorService threads = Executors.newFixedThreadPool(6);
            try {
                long t0 = System.nanoTime();
                List<Future<CommandResult>> fs = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    fs.add(threads.submit(() -> pool.run("lpar07", "echo x")));
                }
                for (Future<CommandResult> f : fs) {
                    assertThatThrownBy(f::get).cause().isInstanceOfSatisfying(SshException.class,
                            e -> assertThat(e.failure()).isEqualTo(SshFailure.CONNECT_TIMEOUT));
                }
                // one attempt's 2 s (two if a caller arrived after it failed), not six in a row (12 s): the margin
                // is for a loaded machine
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void secretsAreRedactedInResultsAndFailures() {
        SshSessionPool pool = pool();
        pool.redactor().registerSecret("s3cr3t-value");
        CommandResult r = pool.run("lpar00", "echo password=hunter2 and s3cr3t-value");
        assertThat(r.command()).isEqualTo("echo password=**** and ****");
        assertThatThrownBy(() -> pool.run("lpar00", "hang --passwd hunter2", CommandOptions.timeout(Duration.ofMillis(100))))
                .hasMessageNotContaining("hunter2").hasMessageContaining("--passwd ****");
    }

    @Test
    void listConnectAndDisconnectLikeTheLparTool() {
        SshSessionPool pool = pool(server.endpoint("hmc01"), server.endpoint("hmc02"));
        assertThat(pool.sessions()).extracting(SessionInfo::describe)
                .containsExactly("hmc01: not connected", "hmc02: not connected");
        SessionInfo info = pool.connect("hmc01");
        assertThat(info.connected()).isTrue();
        assertThat(info.describe()).matches("hmc01: Master running \\(since \\d{4}-.*Z, 0 channels, idle \\d+s\\)");
        assertThat(pool.sessions().get(1).describe()).isEqualTo("hmc02: not connected");
        pool.run("hmc01", "echo x");
        assertThat(pool.info("hmc01").commands()).isEqualTo(1);
        assertThat(pool.disconnect("hmc01", false)).isTrue();
        assertThat(pool.disconnect("hmc01", false)).isFalse();
        assertThat(pool.info("hmc01").describe()).isEqualTo("hmc01: not connected");
    }

    @Test
    void disconnectRefusesWhileCommandsRunUnlessForced() throws Exception {
        SshSessionPool pool = pool();
        ExecutorService t = Executors.newSingleThreadExecutor();
        try {
            Future<?> hanging = t.submit(() -> pool.run("lpar00", "hang", CommandOptions.timeout(Duration.ofMinutes(2))));
            await().atMost(Duration.ofSeconds(30)).until(() -> pool.channelsInUse() == 1);
            assertThatThrownBy(() -> pool.disconnect("lpar00", false)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("1 command(s) running");
            assertThat(pool.disconnect("lpar00", true)).isTrue();
            assertThatThrownBy(hanging::get).hasCauseInstanceOf(SshException.class)
                    .cause().satisfies(e -> assertThat(((SshException) e).failure()).isEqualTo(SshFailure.CONNECTION_LOST));
        } finally {
            t.shutdownNow();
        }
    }

    @Test
    void keyFileThatAppearsAfterStartIsLoadedAtConnect() throws Exception {
        Path key = tmp.resolve("late/client_key");
        props.setIdentities(List.of(key.toString()));
        SshSessionPool pool = new SshSessionPool(props, List.of(new FixedResolver(server.endpoint("lpar00"))),
                new Redactor(), meters, null);
        closeMe.add(pool);
        Files.createDirectories(key.getParent());
        try (OutputStream out = Files.newOutputStream(key)) {
            new OpenSSHKeyPairResourceWriter().writePrivateKey(clientKey, "late", null, out);
        }
        assertThat(pool.run("lpar00", "echo late").stdout()).isEqualTo("late\n");
    }

    @Test
    void encryptedKeyFileWithPassphraseFromASecretFile() throws Exception {
        Path key = tmp.resolve("id_ed25519");
        OpenSSHKeyEncryptionContext enc = new OpenSSHKeyEncryptionContext();
        enc.setPassword("correct horse battery");
        enc.setCipherName("AES");
        enc.setCipherMode("CTR");
        enc.setCipherType("256");
        try (OutputStream out = Files.newOutputStream(key)) {
            new OpenSSHKeyPairResourceWriter().writePrivateKey(clientKey, "test", enc, out);
        }
        Path secret = Files.writeString(tmp.resolve("passphrase"), "correct horse battery\n");
        props.setIdentities(List.of(key.toString()));
        props.setPassphraseFile(secret.toString());
        Redactor redactor = new Redactor();
        SshSessionPool pool = new SshSessionPool(props, List.of(new FixedResolver(server.endpoint("lpar00"))),
                redactor, meters, null);
        closeMe.add(pool);
        assertThat(pool.run("lpar00", "echo keyed").stdout()).isEqualTo("keyed\n");
        assertThat(redactor.redact("echo correct horse battery")).isEqualTo("echo ****");

        props.setPassphraseFile(null);
        assertThatThrownBy(() -> new SshSessionPool(props, List.of(new FixedResolver(server.endpoint("lpar00"))),
                new Redactor(), meters, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("passphrase-env");
    }
}
