package dev.wparflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
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

/**
 * The benchmark's stand-in for a host until the fleet simulator is wired in: an in-process MINA SSH
 * server on a random loopback port that answers every exec at once ({@code ok}, exit 0), authenticates
 * one public key, and counts TCP connections. Not the simulator: it has no AIX behaviour at all.
 */
public final class LoopbackSshServer implements AutoCloseable {

    private static final byte[] OK = "ok\n".getBytes(StandardCharsets.US_ASCII);

    private final SshServer server;
    private final KeyPair hostKey;
    private final AtomicInteger connections = new AtomicInteger();

    public LoopbackSshServer(PublicKey authorized) throws Exception {
        hostKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        CoreModuleProperties.TCP_NODELAY.set(server, true);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(authorized, key));
        server.setCommandFactory((channel, command) -> new AnswerAtOnce());
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                connections.incrementAndGet();
            }
        });
        server.start();
    }

    public int port() {
        return server.getPort();
    }

    public int connections() {
        return connections.get();
    }

    public String knownHostsLine() {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private static final class AnswerAtOnce implements Command {
        private OutputStream out;
        private ExitCallback exit;

        @Override
        public void setInputStream(InputStream in) {
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            out.write(OK);
            out.flush();
            exit.onExit(0);
        }

        @Override
        public void destroy(ChannelSession channel) {
        }
    }
}
