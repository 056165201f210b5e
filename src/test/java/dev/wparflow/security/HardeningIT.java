package dev.wparflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;

import dev.wparflow.testsupport.TestUsers;

/**
 * The production hardening with the prod profile's settings: no deployment over REST, even by an administrator;
 * the OpenAPI description needs a login; wrong passwords make one (address, user) pair wait, while the same user
 * from another address logs in at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wparflow.security.api-deployments=false", "wparflow.security.api-docs-login=true",
        "wparflow.security.login.free-failures=2", "wparflow.security.login.first-delay=PT60S"})
@ActiveProfiles("test")
class HardeningIT {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;

    @BeforeEach
    void users() {
        TestUsers.ensure(identity, "admin", "camunda-admin");
        TestUsers.ensure(identity, "victim", "wparflow-operators");
    }

    @Test
    void theProdProfileSwitchesTheHardeningOn() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-prod.yml"));
        Properties prod = yaml.getObject();
        assertThat(prod).containsEntry("wparflow.security.api-deployments", false)
                .containsEntry("wparflow.security.api-docs-login", true);
    }

    @Test
    void noDeploymentOverRestEvenByAnAdministrator() throws IOException {
        long before = repository.createDeploymentQuery().count();
        String boundary = "wparflowboundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nevil\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"evil.bpmn\"; filename=\"evil.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n<definitions/>\r\n--" + boundary + "--\r\n";
        Response response = send("127.0.0.1", "POST", "/engine-rest/deployment/create", "admin",
                TestUsers.password("admin"), "multipart/form-data; boundary=" + boundary, body);
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("deployments over the API are switched off");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void theApiDescriptionNeedsALogin() throws IOException {
        assertThat(send("127.0.0.1", "GET", "/v3/api-docs", null, null, null, null).status()).isEqualTo(401);
        assertThat(send("127.0.0.1", "GET", "/v3/api-docs", "admin", TestUsers.password("admin"), null, null)
                .status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsSlowDownTheirAddressNotTheUser() throws IOException {
        String path = "/engine-rest/process-definition/count";
        for (int i = 0; i < 3; i++) {
            assertThat(send("127.0.0.1", "GET", path, "victim", "guess" + i, null, null).status()).isEqualTo(401);
        }
        Response throttled = send("127.0.0.1", "GET", path, "victim", TestUsers.password("victim"), null, null);
        assertThat(throttled.status()).as("the right password from the guessing address waits").isEqualTo(429);
        assertThat(throttled.head()).containsIgnoringCase("Retry-After: 60");
        Response other = send("127.0.0.2", "GET", path, "victim", TestUsers.password("victim"), null, null);
        assertThat(other.status()).as("another address logs the user in").isEqualTo(200);
        assertThat(identity.createUserQuery().userId("victim").singleResult()).isNotNull();
        assertThat(identity.checkPassword("victim", TestUsers.password("victim")))
                .as("Camunda did not lock the user").isTrue();
    }

    record Response(int status, String head, String body) {
    }

    /** A raw HTTP/1.1 exchange from a chosen loopback address (TestRestTemplate cannot choose one). */
    private Response send(String from, String method, String path, String user, String password, String contentType,
            String body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\nAccept: application/json\r\nContent-Length: " + content.length + "\r\n");
            if (user != null) {
                request.append("Authorization: Basic ").append(Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).append("\r\n");
            }
            if (contentType != null) {
                request.append("Content-Type: ").append(contentType).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String head = end < 0 ? response : response.substring(0, end);
            return new Response(Integer.parseInt(head.split(" ")[1]), head, end < 0 ? "" : response.substring(end + 4));
        }
    }
}
