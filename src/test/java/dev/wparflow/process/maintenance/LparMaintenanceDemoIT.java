package dev.wparflow.process.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wparflow.testsupport.SpringFleet;
import dev.wparflow.testsupport.TestUsers;

/**
 * The README's maintenance example on the shipped demo fleet (with the demo's sources): started over REST as the
 * operator, its plan read on lpar01 ({@code installp -p} through the update directory on lpar02's repository), the
 * record at {@code /api/maintenance/{id}}, approved, and lpar01 and its WPARs at the new levels.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wparflow.discovery.cycle=R/P30D", "wparflow.maintenance.sources=/images/updates,/images/efixes"})
@ActiveProfiles("test")
class LparMaintenanceDemoIT {

    static final String README_BODY = """
            {"variables":{"lpars":{"value":"lpar01"},"updateKind":{"value":"installp"},
             "softwareSource":{"value":"/images/updates/6100-02-03"},"filesets":{"value":"bos.rte.libc,bos.wpars"},
             "changeReason":{"value":"6100-02-03 (CHG-42)"}}}""";

    @RegisterExtension
    static final SpringFleet fleet = SpringFleet.defaultFleet();

    @DynamicPropertySource
    static void simulatedFleet(DynamicPropertyRegistry registry) {
        fleet.register(registry);
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void theReadmeExamplePlansApprovesAndUpdatesLpar01() throws Exception {
        TestUsers.ensure(identity, "operator", "wparflow-operators");
        TestUsers.ensure(identity, "approver", "wparflow-approvers");
        ResponseEntity<String> started = TestUsers.call(rest, "operator", HttpMethod.POST,
                "/engine-rest/process-definition/key/LparMaintenanceProcess/start", json.readTree(README_BODY),
                String.class);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        String id = json.readTree(started.getBody()).get("id").asText();

        Task approval = await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery()
                .processDefinitionKey("ChangeApprovalProcess").list().stream().findFirst().orElse(null),
                t -> t != null);
        JsonNode record = json.readTree(TestUsers.call(rest, "operator", HttpMethod.GET, "/api/maintenance/" + id,
                null, String.class).getBody());
        assertThat(record.get("state").asText()).isEqualTo("RUNNING");
        JsonNode lpar01 = record.get("lpars").get(0);
        assertThat(lpar01.get("lpar").asText()).isEqualTo("lpar01");
        assertThat(lpar01.get("state").asText()).as(record.toString()).isEqualTo("PLANNED");
        assertThat(lpar01.get("preview").asText()).contains("bos.rte.libc 6.1.2.1 -> 6.1.2.3");

        identity.setAuthentication("approver", List.of("wparflow-approvers"));
        try {
            tasks.complete(approval.getId(), Map.of("decision", "approve", "reason", "tested the README"));
        } finally {
            identity.clearAuthentication();
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() ->
                history.createHistoricProcessInstanceQuery().processInstanceId(id).finished().count() == 1);
        record = json.readTree(TestUsers.call(rest, "operator", HttpMethod.GET, "/api/maintenance/" + id, null,
                String.class).getBody());
        assertThat(record.get("state").asText()).as(record.toString()).isEqualTo("COMPLETED");
        assertThat(record.get("lpars").get(0).get("levelsAfter").asText()).contains("bos.rte.libc=6.1.2.3");
        assertThat(fleet.get().host("lpar01").wpars()).allSatisfy(w ->
                assertThat(w.filesets).as(w.name).containsEntry("bos.rte.libc", "6.1.2.3"));
        assertThat(TestUsers.call(rest, "operator", HttpMethod.GET, "/api/maintenance?state=BOGUS", null,
                String.class).getStatusCode().value()).isEqualTo(400);
    }
}
