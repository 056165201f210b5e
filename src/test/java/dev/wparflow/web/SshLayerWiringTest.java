package dev.wparflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.wparflow.hmc.HmcSelector;
import dev.wparflow.security.WparflowGroups;
import dev.wparflow.ssh.CommandOptions;
import dev.wparflow.ssh.RemoteShell;
import dev.wparflow.ssh.TestSshServer;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The SSH layer inside the whole application: configuration binding (endpoints, key file, known_hosts),
 * the REST controls behind HTTP Basic, group checks, HMC pairs from configuration, metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SshLayerWiringTest {

    static TestSshServer server;
    static Path dir;
    static int downPort;

    @DynamicPropertySource
    static void ssh(DynamicPropertyRegistry registry) throws Exception {
        KeyPair key = TestSshServer.newKeyPair();
        server = TestSshServer.start(key.getPublic());
        dir = Files.createTempDirectory("wparflow-ssh-wiring");
        Path keyFile = dir.resolve("id_test");
        try (OutputStream out = Files.newOutputStream(keyFile)) {
            new OpenSSHKeyPairResourceWriter().writePrivateKey(key, "test", null, out);
        }
        Path knownHosts = server.appendKnownHosts(dir.resolve("known_hosts"));
        try (ServerSocket s = new ServerSocket(0)) {
            downPort = s.getLocalPort();
        }
        registry.add("wparflow.ssh.known-hosts", knownHosts::toString);
        registry.add("wparflow.ssh.identities[0]", keyFile::toString);
        registry.add("wparflow.ssh.control-persist", () -> "8h");
        registry.add("wparflow.ssh.endpoints.hmc01.host", () -> "127.0.0.1");
        registry.add("wparflow.ssh.endpoints.hmc01.port", server::port);
        registry.add("wparflow.ssh.endpoints.hmc01.user", () -> "hscroot");
        registry.add("wparflow.ssh.endpoints.hmc02.host", () -> "127.0.0.1");
        registry.add("wparflow.ssh.endpoints.hmc02.port", () -> downPort);
        registry.add("wparflow.hmc.managed-systems.p10-ms01", () -> "hmc02,hmc01");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @Autowired
    RemoteShell shell;
    @Autowired
    HmcSelector hmcs;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void users() {
        // camunda-admin: this branch's base predates the groupResourceWhitelistPattern that allows 'wparflow-operators'
        user("sshop", WparflowGroups.ADMINS);
        user("sshviewer", null);
    }

    private void user(String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User u = identity.newUser(id);
            u.setPassword(id + "-pw");
            identity.saveUser(u);
            if (group != null) {
                if (identity.createGroupQuery().groupId(group).count() == 0) {
                    identity.saveGroup(identity.newGroup(group));
                }
                identity.createMembership(id, group);
            }
        }
    }

    private ResponseEntity<String> call(HttpMethod method, String path, String user, MediaType accept) {
        HttpHeaders h = new HttpHeaders();
        if (user != null) {
            h.setBasicAuth(user, user + "-pw");
        }
        h.setAccept(List.of(accept));
        return http.exchange(path, method, new HttpEntity<>(h), String.class);
    }

    @Test
    void sessionControlsOverAuthenticatedRest() {
        assertThat(call(HttpMethod.GET, "/api/ssh/sessions", null, MediaType.TEXT_PLAIN).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call(HttpMethod.POST, "/api/ssh/sessions/hmc01/disconnect", "sshviewer", MediaType.APPLICATION_JSON)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> connect = call(HttpMethod.POST, "/api/ssh/sessions/hmc01/connect", "sshop",
                MediaType.APPLICATION_JSON);
        assertThat(connect.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(connect.getBody()).contains("master connection created");

        ResponseEntity<String> list = call(HttpMethod.GET, "/api/ssh/sessions", "sshviewer", MediaType.TEXT_PLAIN);
        assertThat(list.getBody()).startsWith("hmc01: Master running (since ").contains("hmc02: not connected");

        ResponseEntity<String> down = call(HttpMethod.POST, "/api/ssh/sessions/hmc02/connect", "sshop",
                MediaType.APPLICATION_JSON);
        assertThat(down.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(down.getBody()).contains("CONNECT_REFUSED");

        // the managed system prefers hmc02 (down) but hmc01 holds the live session
        assertThat(hmcs.run("p10-ms01", "echo lssyscfg -r sys", CommandOptions.DEFAULT).host()).isEqualTo("hmc01");
        assertThat(shell.run("hmc01", "exit 1 no such system").exitStatus()).isEqualTo(1);
        assertThat(server.connections()).isEqualTo(1);

        assertThat(meters.get("wparflow.ssh.command").tag("host", "hmc01").timer().count()).isEqualTo(2);
        assertThat(meters.get("wparflow.ssh.sessions.open").gauge().value()).isEqualTo(1);
        assertThat(meters.get("wparflow.ssh.failures").tags("host", "hmc02", "type", "CONNECT_REFUSED").counter()
                .count()).isGreaterThanOrEqualTo(1);
        // metrics need a login like every API
        assertThat(http.getForEntity("/actuator/metrics/wparflow.ssh.sessions.open", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<Map> metric = http.withBasicAuth("sshviewer", "sshviewer-pw")
                .getForEntity("/actuator/metrics/wparflow.ssh.sessions.open", Map.class);
        assertThat(metric.getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> bye = call(HttpMethod.POST, "/api/ssh/sessions/hmc01/disconnect", "sshop",
                MediaType.APPLICATION_JSON);
        assertThat(bye.getBody()).contains("connection to hmc01 terminated");
    }
}
