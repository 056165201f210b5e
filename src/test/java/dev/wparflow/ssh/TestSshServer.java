package dev.wparflow.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;

/**
 * A small in-process SSH server for the SSH layer's tests: random loopback port, its own host key,
 * public-key authentication against keys the test authorizes, and exec commands that answer, sleep,
 * hang or drop the connection, counting connections and executions.
 *
 * <pre>
 * echo WORDS       prints WORDS
 * exit N [TEXT]    prints TEXT on stderr, exits N
 * sleep MS         sleeps, exits 0
 * gate NAME        waits until the test opens the gate NAME ({@link #openGate}), exits 0
 * hang             never answers (until the channel closes)
 * drop             prints "partial", then drops the whole TCP connection without an exit status
 * drop-once KEY    drops the first time it runs with KEY, answers "ok" after that
 * cat              copies stdin to stdout until EOF
 * </pre>
 */
public final class TestSshServer implements AutoCloseable {

    private final SshServer server;
    private final KeyPair hostKey;
    private final Set<PublicKey> authorized = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
    private final Set<String> dropped = ConcurrentHashMap.newKeySet();
    private final Set<ServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-sshd-command");
        t.setDaemon(true);
        return t;
    });

    private TestSshServer(KeyPair hostKey, int port) throws IOException {
        this.hostKey = hostKey;
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        CoreModuleProperties.TCP_NODELAY.set(server, true);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) -> authorized.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
        server.setCommandFactory((channel, command) -> new TestCommand(command));
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                connections.incrementAndGet();
                sessions.add((ServerSession) session);
            }

            @Override
            public void sessionClosed(Session session) {
                sessions.remove(session);
            }
        });
        server.start();
    }

    public static TestSshServer start(PublicKey... clientKeys) throws Exception {
        return start(newKeyPair(), 0, clientKeys);
    }

    /** A server on a given port (0: any) with a given host key, e.g. to simulate a reinstalled host. */
    public static TestSshServer start(KeyPair hostKey, int port, PublicKey... clientKeys) throws Exception {
        TestSshServer s = new TestSshServer(hostKey, port);
        for (PublicKey k : clientKeys) {
            s.authorized.add(k);
        }
        return s;
    }

    public static KeyPair newKeyPair() throws Exception {
        return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    }

    public int port() {
        return server.getPort();
    }

    public KeyPair hostKey() {
        return hostKey;
    }

    /** The line ssh-keyscan -p PORT 127.0.0.1 would print. */
    public String knownHostsLine() {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    public Path appendKnownHosts(Path file) throws IOException {
        Files.writeString(file, knownHostsLine() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return file;
    }

    public SshEndpoint endpoint(String name) {
        return new SshEndpoint(name, "127.0.0.1", port(), "tester");
    }

    /** TCP connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    public int executions(String command) {
        AtomicInteger n = executions.get(command);
        return n == null ? 0 : n.get();
    }

    public int totalExecutions() {
        return executions.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public int maxConcurrentCommands() {
        return maxRunning.get();
    }

    /** Commands running now (a command stops counting just before its exit status goes out). */
    public int runningCommands() {
        return running.get();
    }

    /** Lets every {@code gate NAME} command, running or to come, finish. */
    public void openGate(String name) {
        gate(name).countDown();
    }

    private CountDownLatch gate(String name) {
        return gates.computeIfAbsent(name, n -> new CountDownLatch(1));
    }

    public int openSessions() {
        return sessions.size();
    }

    /** Drops every connection from the server side, like a host reboot or a firewall reset. */
    public void dropAllSessions() {
        for (ServerSession s : sessions) {
            s.close(true);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
        workers.shutdownNow();
    }

    private final class TestCommand implements Command {
        private final String command;
        private final CountDownLatch destroyed = new CountDownLatch(1);
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        TestCommand(String command) {
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        private final java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean();

        @Override
        public void start(ChannelSession channel, Environment env) {
            executions.computeIfAbsent(command, k -> new AtomicInteger()).incrementAndGet();
            workers.execute(() -> run(channel));
        }

        private void run(ChannelSession channel) {
            counted.set(true);
            int now = running.incrementAndGet();
            maxRunning.accumulateAndGet(now, Math::max);
            try {
                List<String> words = List.of(command.trim().split("\\s+", 3));
                switch (words.get(0)) {
                    case "echo" -> {
                        write(out, command.substring(Math.min(command.length(), 5)) + "\n");
                        done(0);
                    }
                    case "exit" -> {
                        if (words.size() > 2) {
                            write(err, words.get(2) + "\n");
                        }
                        done(Integer.parseInt(words.get(1)));
                    }
                    case "sleep" -> {
                        Thread.sleep(Long.parseLong(words.get(1)));
                        done(0);
                    }
                    case "hang" -> destroyed.await(1, TimeUnit.MINUTES);
                    case "gate" -> {
                        if (gate(words.get(1)).await(1, TimeUnit.MINUTES)) {
                            done(0);
                        }
                    }
                    case "drop" -> drop(channel);
                    case "drop-once" -> {
                        if (dropped.add(words.get(1))) {
                            drop(channel);
                        } else {
                            write(out, "ok\n");
                            done(0);
                        }
                    }
                    case "cat" -> {
                        in.transferTo(out);
                        out.flush();
                        done(0);
                    }
                    default -> {
                        write(err, "test sshd: " + words.get(0) + ": not found\n");
                        done(127);
                    }
                }
            } catch (Exception e) {
                done(255, e.toString());
            } finally {
                uncount();
            }
        }

        /**
         * The command no longer counts as running before its exit status goes out: the client may
         * start the next command the moment it has the status.
         */
        private void done(int status, String... message) {
            uncount();
            if (message.length > 0) {
                exit.onExit(status, message[0]);
            } else {
                exit.onExit(status);
            }
        }

        private void uncount() {
            if (counted.compareAndSet(true, false)) {
                running.decrementAndGet();
            }
        }

        private void drop(ChannelSession channel) throws IOException {
            write(out, "partial\n");
            channel.getSession().close(true);
        }

        private void write(OutputStream s, String text) throws IOException {
            s.write(text.getBytes(StandardCharsets.UTF_8));
            s.flush();
        }

        @Override
        public void destroy(ChannelSession channel) {
            destroyed.countDown();
        }
    }
}
