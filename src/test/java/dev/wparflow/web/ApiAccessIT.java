package dev.wparflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import dev.wparflow.audit.CommandTranscriptService;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockResource;
import dev.wparflow.testsupport.TestUsers;

/** /api needs a login, and a caller reads the transcripts of the instances Camunda lets them read. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiAccessIT {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    CommandTranscriptService transcripts;
    @Autowired
    LeaseLockService locks;
    @Autowired
    dev.wparflow.run.RemoteRunRepository runs;
    @Autowired
    dev.wparflow.process.evacuation.EvacuationRecords evacuations;
    @Autowired
    dev.wparflow.process.maintenance.MaintenanceRecords maintenances;

    @BeforeEach
    void users() {
        TestUsers.ensure(identityService, "operator", "wparflow-operators");
        TestUsers.ensure(identityService, "operator2", "wparflow-operators");
    }

    private String startAs(String user) {
        identityService.setAuthentication(user, List.of("wparflow-operators"));
        try {
            return runtimeService.startProcessInstanceByKey("ChangeApprovalProcess",
                    Map.of("summary", "s", "plan", "p", "riskLevel", "low")).getId();
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void transcriptsAreReadableByWhoeverMayReadTheInstance() {
        String instance = startAs("operator");
        transcripts.record(new CommandTranscriptService.Entry(instance, "Task_StopWpar", "lpar00", "stopwpar -N wpr00",
                0, null, Instant.now(), Duration.ofMillis(120), "", ""));

        ResponseEntity<List> mine = TestUsers.call(rest, "operator", HttpMethod.GET,
                "/api/commands?processInstanceId=" + instance, null, List.class);
        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mine.getBody()).singleElement().satisfies(r -> assertThat((Map<String, Object>) r)
                .containsEntry("command", "stopwpar -N wpr00").containsEntry("host", "lpar00"));

        assertThat(TestUsers.call(rest, "operator2", HttpMethod.GET, "/api/commands?processInstanceId=" + instance,
                null, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(TestUsers.call(rest, null, HttpMethod.GET, "/api/commands?processInstanceId=" + instance,
                null, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(TestUsers.call(rest, "operator", HttpMethod.GET, "/api/commands/verify", null, Map.class)
                .getBody()).containsEntry("intact", true);
    }

    @Test
    void runsOfAnInstanceAreReadableByWhoeverMayReadIt() {
        String instance = startAs("operator");
        runs.insert("wf-" + instance + ".Task_SaveWpar", "lpar00", "savewpar -f /images/wpr00.bff wpr00", instance,
                "Task_SaveWpar");
        ResponseEntity<List> mine = TestUsers.call(rest, "operator", HttpMethod.GET,
                "/api/runs?processInstanceId=" + instance, null, List.class);
        assertThat(mine.getBody()).singleElement().satisfies(r -> assertThat((Map<String, Object>) r)
                .containsEntry("state", "STARTING").containsEntry("host", "lpar00"));
        assertThat(TestUsers.call(rest, "operator2", HttpMethod.GET, "/api/runs?processInstanceId=" + instance,
                null, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void evacuationsAreReadableByWhoeverMayReadTheOperation() {
        String instance = startAs("operator");
        evacuations.recordPlan(instance, "LPAR", "lpar10", "operator", null, List.of(
                new dev.wparflow.process.evacuation.EvacuationPlanner.Row("web01", "lpar10", "lpar20", "live", null,
                        null, "every check for live passes")), 7);
        ResponseEntity<Map> mine = TestUsers.call(rest, "operator", HttpMethod.GET, "/api/evacuations/" + instance,
                null, Map.class);
        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mine.getBody()).containsEntry("scopeName", "lpar10").containsEntry("state", "RUNNING");
        assertThat(TestUsers.call(rest, "operator", HttpMethod.GET, "/api/evacuations/" + instance + "/plan.txt",
                null, String.class).getBody()).contains("web01", "lpar20", "live");
        assertThat(TestUsers.call(rest, "operator", HttpMethod.GET, "/api/evacuations", null, List.class).getBody())
                .anySatisfy(e -> assertThat((Map<String, Object>) e).containsEntry("id", instance));

        for (String path : List.of("/api/evacuations/" + instance, "/api/evacuations/" + instance + "/plan.txt")) {
            assertThat(TestUsers.call(rest, "operator2", HttpMethod.GET, path, null, String.class).getStatusCode())
                    .as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(TestUsers.call(rest, null, HttpMethod.GET, path, null, String.class).getStatusCode())
                    .as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(TestUsers.call(rest, "operator2", HttpMethod.GET, "/api/evacuations", null, List.class).getBody())
                .noneSatisfy(e -> assertThat((Map<String, Object>) e).containsEntry("id", instance));
        assertThat(TestUsers.call(rest, "operator", HttpMethod.GET, "/api/evacuations/no-such-operation", null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        TestUsers.ensure(identityService, "admin", "camunda-admin");
        assertThat(TestUsers.call(rest, "admin", HttpMethod.GET, "/api/evacuations/" + instance, null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        // the approvers decide the plan, which the approval task cuts when it is long: they read it whole
        TestUsers.ensure(identityService, "approver", "wparflow-approvers");
        assertThat(TestUsers.call(rest, "approver", HttpMethod.GET, "/api/evacuations/" + instance + "/plan.txt",
                null, String.class).getBody()).contains("web01", "lpar20", "live");
        assertThat(TestUsers.call(rest, "approver", HttpMethod.GET, "/api/evacuations", null, List.class).getBody())
                .anySatisfy(e -> assertThat((Map<String, Object>) e).containsEntry("id", instance));
    }

    @Test
    void maintenancesAreReadableByWhoeverMayReadTheOperation() {
        String instance = startAs("operator");
        maintenances.recordPlan(instance, "operator", new dev.wparflow.process.maintenance.MaintenanceUpdate(
                dev.wparflow.process.maintenance.MaintenanceUpdate.Kind.INSTALLP,
                dev.wparflow.aix.AbsolutePath.of("/images/updates"),
                List.of(dev.wparflow.aix.FilesetName.of("bos.rte.libc")), null), 1, null, null, false, true, 2,
                List.of(new dev.wparflow.process.maintenance.MaintenanceRecords.PlannedLpar("lpar00", "PLANNED",
                        "6100-02-01-0847", Map.of("bos.rte.libc", "6.1.2.1"), "bos.rte.libc 6.1.2.1 -> 6.1.2.3", null,
                        List.of(new dev.wparflow.process.maintenance.MaintenanceHosts.HostWpar("wpr00", "Active")))));
        ResponseEntity<Map> mine = TestUsers.call(rest, "operator", HttpMethod.GET, "/api/maintenance/" + instance,
                null, Map.class);
        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mine.getBody()).containsEntry("updateKind", "installp").containsEntry("state", "RUNNING");
        assertThat((List<Map<String, Object>>) mine.getBody().get("lpars")).singleElement().satisfies(l -> assertThat(l)
                .containsEntry("lpar", "lpar00").containsEntry("state", "PLANNED"));
        assertThat(TestUsers.call(rest, "operator", HttpMethod.GET, "/api/maintenance", null, List.class).getBody())
                .anySatisfy(e -> assertThat((Map<String, Object>) e).containsEntry("id", instance));
        assertThat(TestUsers.call(rest, "operator2", HttpMethod.GET, "/api/maintenance/" + instance, null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(TestUsers.call(rest, null, HttpMethod.GET, "/api/maintenance/" + instance, null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(TestUsers.call(rest, "operator2", HttpMethod.GET, "/api/maintenance", null, List.class).getBody())
                .noneSatisfy(e -> assertThat((Map<String, Object>) e).containsEntry("id", instance));
        assertThat(TestUsers.call(rest, "operator", HttpMethod.GET, "/api/maintenance/no-such-operation", null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        TestUsers.ensure(identityService, "approver", "wparflow-approvers");
        assertThat(TestUsers.call(rest, "approver", HttpMethod.GET, "/api/maintenance/" + instance, null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void locksAreListed() {
        locks.acquire(LockResource.wpar("lpar00", "skippy"), "process-42", "WparBackupProcess", Duration.ofMinutes(10));
        ResponseEntity<List> held = TestUsers.call(rest, "operator", HttpMethod.GET, "/api/locks", null, List.class);
        assertThat(held.getStatusCode()).isEqualTo(HttpStatus.OK);
        // the owner (a process instance id) only for administrators: others see that it is taken, and since when
        assertThat(held.getBody()).anySatisfy(l -> assertThat((Map<String, Object>) l)
                .containsEntry("resource", "wpar:lpar00/skippy").containsEntry("owner", "held by an operation")
                .containsEntry("ownerInfo", null).containsKey("acquiredAt"));
        TestUsers.ensure(identityService, "admin", "camunda-admin");
        assertThat(TestUsers.call(rest, "admin", HttpMethod.GET, "/api/locks", null, List.class).getBody())
                .anySatisfy(l -> assertThat((Map<String, Object>) l).containsEntry("resource", "wpar:lpar00/skippy")
                        .containsEntry("owner", "process-42"));
        assertThat(TestUsers.call(rest, null, HttpMethod.GET, "/api/locks", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        ResponseEntity<Map> docs = rest.getForEntity("/v3/api-docs", Map.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) docs.getBody().get("paths")).containsKeys("/api/locks", "/api/commands",
                "/api/runs", "/api/ssh/sessions", "/api/evacuations", "/api/evacuations/{id}", "/api/maintenance",
                "/api/maintenance/{id}");
    }
}
