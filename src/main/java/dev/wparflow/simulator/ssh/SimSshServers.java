package dev.wparflow.simulator.ssh;

import java.io.IOException;
import java.net.SocketAddress;
import java.security.KeyPair;
import java.util.List;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.io.IoServiceEventListener;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;

import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.HostRuntime;
import dev.wparflow.simulator.fault.FaultType;

/**
 * Builds the MINA SSHD server of one simulated host: loopback only, its own host key (or the
 * fleet's "wrong" key while a WRONG_HOST_KEY fault is active), public-key auth against the
 * fleet's client key and the keys listed for the host, optional password, TCP_NODELAY, and the
 * fleet's shared NIO2 executor and scheduler so that 100 servers do not mean 100 thread pools.
 */
public final class SimSshServers {
    private SimSshServers() {
    }

    public static SshServer create(HostRuntime host, Fleet fleet, int port) {
        SshServer s = SshServer.setUpDefaultServer();
        s.setHost("127.0.0.1");
        s.setPort(port);
        CoreModuleProperties.TCP_NODELAY.set(s, true);
        CoreModuleProperties.SERVER_IDENTIFICATION.set(s, "wparflow-aix-sim");
        s.setIoServiceFactoryFactory(fleet.ioServiceFactoryFactory());
        s.setScheduledExecutorService(fleet.scheduler(), false);
        String name = host.name();
        s.setKeyPairProvider(new KeyPairProvider() {
            @Override
            public Iterable<KeyPair> loadKeys(org.apache.sshd.common.session.SessionContext session) {
                if (fleet.faults().active(name, FaultType.WRONG_HOST_KEY)) {
                    return List.of(fleet.wrongHostKey());
                }
                return List.of(host.hostPublicKeyPair());
            }
        });
        s.setPublickeyAuthenticator((PublickeyAuthenticator) (user, key, session) -> {
            if (fleet.faults().connection(name, FaultType.REJECT_AUTH)) {
                return false;
            }
            if (KeyUtils.compareKeys(key, fleet.clientKeyPair().getPublic())) {
                return true;
            }
            return host.authorizedKeys().stream().anyMatch(k -> KeyUtils.compareKeys(k, key));
        });
        if (host.password() != null) {
            s.setPasswordAuthenticator((PasswordAuthenticator) (user, password, session) ->
                    !fleet.faults().connection(name, FaultType.REJECT_AUTH) && host.password().equals(password));
        }
        s.setKeyboardInteractiveAuthenticator(null);
        s.setIoServiceEventListener(new IoServiceEventListener() {
            @Override
            public void connectionAccepted(IoAcceptor acceptor, SocketAddress local, SocketAddress remote,
                                           SocketAddress service) throws IOException {
                if (fleet.faults().connection(name, FaultType.REFUSE_CONNECTION)) {
                    throw new IOException("connection refused by fault injection");
                }
                host.connectionAccepted();
            }
        });
        s.setCommandFactory((channel, command) -> new ExecCommand(host, command, fleet.commandExecutor()));
        s.setShellFactory(channel -> new InteractiveShell(host, fleet.commandExecutor()));
        return s;
    }
}
