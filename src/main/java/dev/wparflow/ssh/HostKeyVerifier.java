package dev.wparflow.ssh;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * known_hosts checking with the wording operators need. The file is re-read when it changes, so a key
 * added with ssh-keyscan takes effect without a restart. The verdict is kept per session, so the pool
 * can turn MINA's generic "server key did not validate" into {@link SshFailure#HOST_KEY_UNKNOWN} or
 * {@link SshFailure#HOST_KEY_CHANGED} with an actionable message.
 */
class HostKeyVerifier extends KnownHostsServerKeyVerifier {

    private static final Logger log = LoggerFactory.getLogger(HostKeyVerifier.class);

    /** A refused key: the failure type and the operator message. */
    record Refusal(SshFailure failure, String message) {
    }

    /**
     * Refusals by session, taken by the pool once authentication failed. Not a session attribute: MINA
     * clears those when the refused session closes, which can happen before the pool looks.
     */
    private final Map<ClientSession, Refusal> refusals = new ConcurrentHashMap<>();
    /** The endpoint name, set on the session before key exchange completes (for messages). */
    static final AttributeKey<SshEndpoint> ENDPOINT = new AttributeKey<>();

    private final HostKeyPolicy policy;
    private final Path file;

    HostKeyVerifier(HostKeyPolicy policy, Path knownHosts) {
        super(policy == HostKeyPolicy.ACCEPT_NEW ? AcceptAllServerKeyVerifier.INSTANCE : RejectAllServerKeyVerifier.INSTANCE,
                knownHosts);
        this.policy = policy;
        this.file = knownHosts;
    }

    @Override
    protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress remote, PublicKey key) {
        Target t = target(session, remote);
        String fp = KeyUtils.getFingerPrint(key);
        String type = KeyUtils.getKeyType(key);
        if (policy == HostKeyPolicy.ACCEPT_NEW) {
            log.warn("Host key of {} ({}:{}) was unknown; accepted on first use and added to {}: {} {}",
                    t.name, t.host, t.port, file, type, fp);
            return super.acceptUnknownHostKey(session, remote, key);
        }
        String msg = "host key of " + t.host + ":" + t.port + " is not in " + file + ": " + type + " " + fp
                + ". If that is the host's key (compare the fingerprint out of band, e.g. ssh-keygen -lf"
                + " /etc/ssh/ssh_host_*_key.pub on the host), add it with: ssh-keyscan -p " + t.port + " " + t.host
                + " >> " + file + "  (or set wparflow.ssh.host-key-policy=accept-new)";
        refusals.put(session, new Refusal(SshFailure.HOST_KEY_UNKNOWN, msg));
        log.warn("Refused unknown host key for {}: {}", t.name, msg);
        return false;
    }

    @Override
    public boolean acceptModifiedServerKey(ClientSession session, SocketAddress remote, KnownHostEntry entry,
            PublicKey expected, PublicKey actual) {
        Target t = target(session, remote);
        String msg = "HOST KEY CHANGED for " + t.host + ":" + t.port + ", possible man-in-the-middle: " + file
                + " has " + KeyUtils.getKeyType(expected) + " " + KeyUtils.getFingerPrint(expected)
                + ", the host offered " + KeyUtils.getKeyType(actual) + " " + KeyUtils.getFingerPrint(actual)
                + ". Connection refused. If the host was legitimately reinstalled, remove the old line with"
                + " ssh-keygen -R '" + (t.port == 22 ? t.host : "[" + t.host + "]:" + t.port) + "' -f " + file
                + " and add the new key after checking it";
        refusals.put(session, new Refusal(SshFailure.HOST_KEY_CHANGED, msg));
        log.error("{} ({})", msg, t.name);
        return false;
    }

    /** The refusal recorded for this session, if any, forgotten afterwards. */
    Refusal take(ClientSession session) {
        return refusals.remove(session);
    }

    private record Target(String name, String host, int port) {
    }

    private static Target target(ClientSession session, SocketAddress remote) {
        SshEndpoint ep = session.getAttribute(ENDPOINT);
        if (ep != null) {
            return new Target(ep.name(), ep.host(), ep.port());
        }
        SocketAddress connect = session.getConnectAddress();
        SocketAddress a = connect != null ? connect : remote;
        if (a instanceof SshdSocketAddress s) {
            return new Target(s.getHostName(), s.getHostName(), s.getPort());
        }
        if (a instanceof InetSocketAddress i) {
            return new Target(i.getHostString(), i.getHostString(), i.getPort());
        }
        return new Target(String.valueOf(a), String.valueOf(a), 22);
    }
}
