package dev.wparflow.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.core.CoreModuleProperties;

/** Test helper: a MINA client that runs one command on a simulated host. */
final class SimSsh implements AutoCloseable {
    record Result(int exit, String out, String err) {
    }

    private final SshClient client;
    private final Fleet fleet;

    SimSsh(Fleet fleet) {
        this.fleet = fleet;
        client = SshClient.setUpDefaultClient();
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.addPublicKeyIdentity(fleet.clientKeyPair());
        client.start();
    }

    ClientSession session(String host) throws Exception {
        return session("root", host);
    }

    ClientSession session(String user, String host) throws Exception {
        ClientSession s = client.connect(user, "127.0.0.1", fleet.host(host).port()).verify(Duration.ofSeconds(10)).getSession();
        s.auth().verify(Duration.ofSeconds(10));
        return s;
    }

    static Result exec(ClientSession s, String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ClientChannel ch = s.createExecChannel(command)) {
            ch.setOut(out);
            ch.setErr(err);
            ch.open().verify(Duration.ofSeconds(10));
            ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(30));
            Integer st = ch.getExitStatus();
            return new Result(st == null ? -1 : st, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    Result run(String host, String command) throws Exception {
        try (ClientSession s = session(host)) {
            return exec(s, command);
        }
    }

    Result runAs(String user, String host, String command) throws Exception {
        try (ClientSession s = session(user, host)) {
            return exec(s, command);
        }
    }

    @Override
    public void close() {
        client.stop();
    }
}
