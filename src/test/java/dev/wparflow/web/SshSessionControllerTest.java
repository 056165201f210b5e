package dev.wparflow.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import org.camunda.bpm.engine.IdentityService;

import dev.wparflow.ssh.CommandOptions;
import dev.wparflow.ssh.FixedResolver;
import dev.wparflow.ssh.SshEndpoint;
import dev.wparflow.ssh.SshProperties;
import dev.wparflow.ssh.SshSessionPool;
import dev.wparflow.ssh.TestSshServer;

/** The controller over a real pool and test server, without the Spring/Camunda context (plain MockMvc). */
class SshSessionControllerTest {

    @TempDir
    Path tmp;

    TestSshServer server;
    SshSessionPool pool;
    MockMvc mvc;

    @BeforeEach
    void setUp() throws Exception {
        KeyPair key = TestSshServer.newKeyPair();
        server = TestSshServer.start(key.getPublic());
        Path kh = server.appendKnownHosts(tmp.resolve("known_hosts"));
        int down;
        try (ServerSocket s = new ServerSocket(0)) {
            down = s.getLocalPort();
        }
        pool = FixedResolver.pool(kh, key, new SshProperties(), server.endpoint("hmc01"), server.endpoint("hmc02"),
                new SshEndpoint("hmc03", "127.0.0.1", down, "hscroot"));
        StaticListableBeanFactory noEngine = new StaticListableBeanFactory();
        mvc = MockMvcBuilders.standaloneSetup(
                new SshSessionController(pool, noEngine.getBeanProvider(IdentityService.class))).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        pool.close();
        server.close();
    }

    @Test
    void listsConnectsAndDisconnectsLikeHmcConnections() throws Exception {
        mvc.perform(get("/api/ssh/sessions").accept(MediaType.TEXT_PLAIN))
                .andExpect(status().isOk())
                .andExpect(content().string("hmc01: not connected\nhmc02: not connected\nhmc03: not connected\n"));

        mvc.perform(post("/api/ssh/sessions/hmc01/connect"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.message").value("master connection created"))
                .andExpect(jsonPath("$.session.connected").value(true))
                .andExpect(jsonPath("$.session.status").value(org.hamcrest.Matchers.startsWith("hmc01: Master running (since ")));
        pool.run("hmc01", "echo x", CommandOptions.DEFAULT);

        mvc.perform(get("/api/ssh/sessions").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("hmc01"))
                .andExpect(jsonPath("$[0].connected").value(true))
                .andExpect(jsonPath("$[0].commands").value(1))
                .andExpect(jsonPath("$[0].channels").value(0))
                .andExpect(jsonPath("$[0].address").value("tester@127.0.0.1:" + server.port()))
                .andExpect(jsonPath("$[1].status").value("hmc02: not connected"));

        mvc.perform(get("/api/ssh/sessions/hmc02")).andExpect(jsonPath("$.connected").value(false));

        mvc.perform(post("/api/ssh/sessions/hmc01/disconnect"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.message").value("connection to hmc01 terminated"));
        mvc.perform(post("/api/ssh/sessions/hmc01/disconnect"))
                .andExpect(jsonPath("$.terminated").value(false));
    }

    @Test
    void failuresAreTypedHttpErrors() throws Exception {
        mvc.perform(post("/api/ssh/sessions/hmc03/connect"))
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.failure").value("CONNECT_REFUSED"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("hmc03")));
        mvc.perform(post("/api/ssh/sessions/nope/connect")).andExpect(status().isNotFound());
        mvc.perform(get("/api/ssh/sessions/nope")).andExpect(status().isNotFound());
    }
}
