package dev.wparflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wparflow.simulator.Fleet;
import dev.wparflow.ssh.CommandOptions;
import dev.wparflow.ssh.CommandResult;
import dev.wparflow.testsupport.SimulatedFleetShell;

/**
 * The embedded default (profile embedded: H2 file database, demo users, the simulated fleet of
 * deploy/simulator/fleet.yaml in-process) restarted on the same data directory, as a new Spring context each time:
 * a clone made before the restart (a backup of wpr00, marked golden, cloned to lpar01 as wpr05 by the real
 * WparCloneProcess) is still on its host afterwards (lswpar over SSH) and its image still on the repository (the
 * catalog's GOOD row in /api/images, the file on lpar02 read with lssavewpar over SSH). With --reset both start afresh:
 * no clone on the host, no image in the catalog or on the repository.
 */
class EmbeddedRestartIT {

    @TempDir
    Path dir;
    ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    ConfigurableApplicationContext startEmbedded(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("wparflow") + ";DB_CLOSE_ON_EXIT=FALSE;MODE=LEGACY",
                "--wparflow.simulator.data-dir=" + dir.resolve("simulator"),
                "--wparflow.simulator.random-ports=true",
                "--wparflow.simulator.time-scale=0",
                "--wparflow.runs.poll-interval=PT0.2S",
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=2000",
                // the nightly backup and weekly drill stay out of this test (29 February only)
                "--wparflow.backup.schedule=0 0 2 29 2 ?",
                "--wparflow.backup.drill.schedule=0 0 4 29 2 ?"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(WparflowApplication.class).profiles("embedded")
                .run(args.toArray(String[]::new));
    }

    void restart(String... extra) {
        app.close();
        app = startEmbedded(extra);
    }

    @Test
    void aCloneAndItsImageOutliveARestartAndAResetRemovesBoth() throws Exception {
        app = startEmbedded();
        String imageId = (String) variable(runToEnd("WparBackupProcess", Map.of("host", "lpar00", "wpar", "wpr00")),
                "imageId");
        assertThat(imageId).as("backup's image").isNotNull();
        assertThat(api("PUT", "/api/images/" + imageId + "/golden").path("golden").asBoolean()).isTrue();
        String clone = runToEnd("WparCloneProcess", Map.of("host", "lpar01", "wpar", "wpr05", "imageId", imageId,
                "hostname", "wpr05", "address", "9.3.5.199"));
        assertThat(variable(clone, "failureReason")).isNull();
        assertThat(variable(clone, "outcome")).isEqualTo("CLONED");
        String path = api("GET", "/api/images/" + imageId).path("path").asText();
        assertThat(path).startsWith("/images/");
        assertThat(sh("lpar01", "lswpar -c -q -a name,state wpr05").stdout()).isEqualTo("wpr05:D\n");

        restart();
        JsonNode row = image(imageId);
        assertThat(row.path("state").asText()).isEqualTo("GOOD");
        assertThat(row.path("golden").asBoolean()).isTrue();
        assertThat(sh("lpar01", "lswpar -c -q -a name,state wpr05").stdout()).isEqualTo("wpr05:D\n");
        assertThat(sh("lpar01", "lswpar -c -q -N wpr05").stdout()).contains("9.3.5.199");
        CommandResult onRepository = sh("lpar02", "lssavewpar -f " + path);
        assertThat(onRepository.exitStatus()).as(onRepository.stderr()).isZero();
        assertThat(onRepository.stdout()).contains("./.savewpar_dir/wpar.spec");
        assertThat(sh("lpar02", "cat " + path).stdout()).contains("#wpar: wpr00", "#host: lpar00");
        // the restarted application reaches the restored WPAR with a new operation: a backup of the clone
        String backupOfClone = runToEnd("WparBackupProcess", Map.of("host", "lpar01", "wpar", "wpr05"));
        assertThat(variable(backupOfClone, "imageId")).as("" + variable(backupOfClone, "failureReason")).isNotNull();

        restart("--wparflow.reset=true");
        assertThat(api("GET", "/api/images")).isEmpty();
        assertThat(sh("lpar01", "lswpar -c -q -a name wpr05").exitStatus()).isEqualTo(1);
        assertThat(sh("lpar02", "lssavewpar -f " + path).exitStatus()).isEqualTo(1);
        assertThat(sh("lpar00", "lswpar -c -q -a name wpr00").stdout()).isEqualTo("wpr00\n");
    }

    // ---------------------------------------------------------------- helpers

    /** A command over SSH (strict host keys, the simulator's client key) to the running application's fleet. */
    CommandResult sh(String host, String command) {
        try (SimulatedFleetShell shell = new SimulatedFleetShell(app.getBean(Fleet.class), host)) {
            return shell.ssh.run(host, command, CommandOptions.defaults());
        }
    }

    JsonNode image(String id) throws Exception {
        for (JsonNode row : api("GET", "/api/images")) {
            if (id.equals(row.path("id").asText())) {
                return row;
            }
        }
        throw new AssertionError("image " + id + " not in /api/images");
    }

    /** An /api call as the demo operator; the JSON answer. */
    JsonNode api(String method, String path) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "operator:operator".getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    /** Starts an instance and drives it to its end, approving as the demo approver when it asks. */
    String runToEnd(String key, Map<String, Object> variables) {
        RuntimeService runtime = app.getBean(RuntimeService.class);
        IdentityService identity = app.getBean(IdentityService.class);
        identity.setAuthentication("operator", List.of("wparflow-operators"));
        String instance;
        try {
            instance = runtime.startProcessInstanceByKey(key, variables).getId();
        } finally {
            identity.clearAuthentication();
        }
        HistoryService history = app.getBean(HistoryService.class);
        TaskService tasks = app.getBean(TaskService.class);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).as("incidents").isZero();
            for (Task t : tasks.createTaskQuery().list()) {
                String root = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                        .singleResult().getRootProcessInstanceId();
                if (instance.equals(root)) {
                    identity.setAuthentication("approver", List.of("wparflow-approvers"));
                    try {
                        tasks.complete(t.getId(), Map.of("decision", "approve", "reason", "restart test"));
                    } finally {
                        identity.clearAuthentication();
                    }
                }
            }
            return history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1;
        });
        return instance;
    }

    Object variable(String instance, String name) {
        HistoricVariableInstance v = app.getBean(HistoryService.class).createHistoricVariableInstanceQuery()
                .processInstanceId(instance).variableName(name).singleResult();
        return v == null ? null : v.getValue();
    }
}
