package dev.wparflow.ssh;

import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;

import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * A client of a running ssh-agent ({@code $SSH_AUTH_SOCK}) over a Unix domain socket, with Java 16+'s
 * own socket support: MINA's unix agent client needs Tomcat APR native code, which we do not ship. One
 * short connection per request (list identities, sign); the keys never leave the agent.
 */
public final class UnixSocketSshAgent extends AbstractAgentProxy {

    private static final int MAX_REPLY = 256 * 1024;

    private final Path socket;

    public UnixSocketSshAgent(Path socket) {
        super(null);
        this.socket = socket;
    }

    @Override
    protected synchronized Buffer request(Buffer buffer) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
            while (out.hasRemaining()) {
                ch.write(out);
            }
            ByteBuffer len = readFully(ch, ByteBuffer.allocate(4));
            int n = len.flip().getInt();
            if (n <= 0 || n > MAX_REPLY) {
                throw new IOException("ssh-agent at " + socket + " sent a reply of " + n + " bytes");
            }
            return new ByteArrayBuffer(readFully(ch, ByteBuffer.allocate(n)).array());
        }
    }

    private ByteBuffer readFully(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new EOFException("ssh-agent at " + socket + " closed the connection");
            }
        }
        return b;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    public static Factory factory(Path socket) {
        return new Factory(socket);
    }

    /** Hands MINA's public-key authentication an agent client for the socket. No agent forwarding. */
    public static final class Factory implements SshAgentFactory {
        private final Path socket;

        Factory(Path socket) {
            this.socket = socket;
        }

        @Override
        public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
            return List.of();
        }

        @Override
        public SshAgent createClient(Session session, FactoryManager manager) {
            return new UnixSocketSshAgent(socket);
        }

        @Override
        public SshAgentServer createServer(ConnectionService service) {
            throw new UnsupportedOperationException("wparflow does not forward ssh-agent");
        }
    }
}
