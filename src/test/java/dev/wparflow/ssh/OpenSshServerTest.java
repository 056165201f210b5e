package dev.wparflow.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against a real OpenSSH sshd on loopback (Debian: openssh-server, openssh-client). Skipped,
 * with the reason, where sshd is not installed.
 */
class OpenSshServerTest {

    @TempDir
    static Path dir;

    static OpenSshd sshd;
    static Path knownHosts;

    @BeforeAll
    static void startSshd() throws Exception {
        String whyNot = OpenSshd.whyNot();
        assumeTrue(whyNot == null, () -> "skipped: " + whyNot);
        sshd = OpenSshd.start(dir);
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    private SshSessionPool pool(SshProperties props) {
        props.setKnownHosts(knownHosts.toString());
        props.setIdentities(List.of(sshd.clientKey().toString())); // the file ssh-keygen wrote
        props.setKeepAliveInterval(Duration.ofSeconds(5));
        return new SshSessionPool(props, List.of(new FixedResolver(sshd.endpoint("lpar00"))), new Redactor(), null, null);
    }

    @Test
    void commandsShareOneTcpConnection() {
        try (SshSessionPool pool = pool(new SshProperties())) {
            Set<String> connections = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                CommandResult r = pool.run("lpar00", "echo $SSH_CONNECTION");
                assertThat(r.exitStatus()).isZero();
                connections.add(r.stdout().trim());
            }
            assertThat(connections).hasSize(1);
            assertThat(pool.connectCount()).isEqualTo(1);
        }
    }

    @Test
    void exitStatusStderrAndStdinEof() {
        try (SshSessionPool pool = pool(new SshProperties())) {
            CommandResult r = pool.run("lpar00", "echo oops >&2; exit 7");
            assertThat(r.exitStatus()).isEqualTo(7);
            assertThat(r.stderr()).isEqualTo("oops\n");
            CommandResult cat = pool.run("lpar00", "cat; echo done", CommandOptions.timeout(Duration.ofSeconds(5)));
            assertThat(cat.stdout()).isEqualTo("done\n");
        }
    }

    @Test
    void maxSessionsIsRespectedByTheChannelCap() throws Exception {
        try (SshSessionPool pool = pool(new SshProperties())) {
            ExecutorService threads = Executors.newFixedThreadPool(30);
            try {
                List<Future<CommandResult>> fs = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    fs.add(threads.submit(() -> pool.run("lpar00", "sleep 0.2; echo ok")));
                }
                for (Future<CommandResult> f : fs) {
                    assertThat(f.get(30, TimeUnit.SECONDS).stdout()).isEqualTo("ok\n");
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(pool.connectCount()).isEqualTo(1);
        }
    }

    @Test
    void capAboveMaxSessionsIsReportedNotHidden() throws Exception {
        SshProperties props = new SshProperties();
        props.setMaxChannelsPerHost(14); // sshd allows 10
        try (SshSessionPool pool = pool(props)) {
            ExecutorService threads = Executors.newFixedThreadPool(14);
            try {
                List<Future<CommandResult>> fs = new ArrayList<>();
                for (int i = 0; i < 14; i++) {
                    fs.add(threads.submit(() -> pool.run("lpar00", "sleep 3; echo ok")));
                }
                int ok = 0;
                int refused = 0;
                for (Future<CommandResult> f : fs) {
                    try {
                        f.get(30, TimeUnit.SECONDS);
                        ok++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(((SshException) e.getCause()).failure()).isEqualTo(SshFailure.CONNECT_REFUSED);
                        assertThat(e.getCause()).hasMessageContaining("MaxSessions");
                        refused++;
                    }
                }
                assertThat(ok).isGreaterThanOrEqualTo(10);
                assertThat(ok + refused).isEqualTo(14);
            } finally {
                threads.shutdownNow();
            }
            // the 10 running commands were not cut by the refusals
            assertThat(pool.connectCount()).isEqualTo(1);
        }
    }

    @Test
    void connectionKilledMidCommandIsConnectionLost() {
        Path marker = dir.resolve("ran-count");
        try (SshSessionPool pool = pool(new SshProperties())) {
            // $PPID is the sshd process serving this connection: killing it drops the TCP connection
            assertThatThrownBy(() -> pool.run("lpar00", "echo x >> " + marker + "; kill -9 $PPID; sleep 5"))
                    .isInstanceOfSatisfying(SshException.class,
                            e -> assertThat(e.failure()).isEqualTo(SshFailure.CONNECTION_LOST));
            assertThat(pool.run("lpar00", "cat " + marker).stdout()).isEqualTo("x\n"); // ran once, not re-sent
            assertThat(pool.connectCount()).isEqualTo(2);
        }
    }

    @Test
    void unknownKeyMessageTellsTheWorkingFix() throws Exception {
        Path empty = dir.resolve("known_hosts_empty");
        Files.writeString(empty, "");
        SshProperties props = new SshProperties();
        props.setKnownHosts(empty.toString());
        props.setIdentities(List.of(sshd.clientKey().toString()));
        try (SshSessionPool pool = new SshSessionPool(props, List.of(new FixedResolver(sshd.endpoint("lpar00"))),
                new Redactor(), null, null)) {
            assertThatThrownBy(() -> pool.run("lpar00", "true"))
                    .isInstanceOfSatisfying(SshException.class, e -> {
                        assertThat(e.failure()).isEqualTo(SshFailure.HOST_KEY_UNKNOWN);
                        assertThat(e.getMessage()).contains("ssh-keyscan -p " + sshd.port() + " 127.0.0.1 >> " + empty);
                    });
            // do what the message says
            Process scan = new ProcessBuilder("sh", "-c", "ssh-keyscan -p " + sshd.port() + " 127.0.0.1 >> " + empty)
                    .start();
            assertThat(scan.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(pool.run("lpar00", "echo trusted").stdout()).isEqualTo("trusted\n");
        }
    }

    @Test
    void sshAgentIdentities() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-agent")), "skipped: ssh-agent not installed");
        Path sock = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("/usr/bin/ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true)
                .start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(sock));
            ProcessBuilder add = new ProcessBuilder("/usr/bin/ssh-add", sshd.clientKey().toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", sock.toString());
            Process a = add.start();
            assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(a.exitValue()).as(new String(a.getInputStream().readAllBytes())).isZero();

            SshProperties props = new SshProperties();
            props.setKnownHosts(knownHosts.toString());
            props.setIdentities(List.of()); // none from files
            props.setKeepAliveInterval(Duration.ZERO);
            try (SshSessionPool pool = new SshSessionPool(props, List.of(new FixedResolver(sshd.endpoint("lpar00"))),
                    new Redactor(), null, UnixSocketSshAgent.factory(sock))) {
                assertThat(pool.run("lpar00", "echo via agent").stdout()).isEqualTo("via agent\n");
            }
        } finally {
            agent.destroy();
        }
    }
}
