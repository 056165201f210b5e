package dev.wparflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import org.springframework.util.LinkedMultiValueMap;

import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.testsupport.TestFleets;
import dev.wparflow.testsupport.SpringFleet;
import dev.wparflow.testsupport.TestUsers;

/**
 * Outcomes where operators look, against the real application and a simulated fleet over SSH: {@code /api/operations}
 * shows an operation's outcome, steps, commands and images to whoever started it and to administrators only; a
 * request whose refusal is certain at the start is answered 400 with no instance; a refused operation leaves its
 * requester a titled task with the reason; the Cockpit view reads the API with the webapp's session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wparflow.discovery.cycle=R/P30D", "wparflow.runs.poll-interval=PT0.2S"})
@ActiveProfiles("test")
class OperationsH2IT {

    static final String FLEET = TestFleets.yaml("operations");

    @RegisterExtension
    static final SpringFleet fleet = SpringFleet.yaml(FLEET);

    @DynamicPropertySource
    static void simulatedFleet(DynamicPropertyRegistry registry) {
        fleet.register(registry);
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    ImageCatalog catalog;
    @Autowired
    LeaseLockService leases;

    @BeforeEach
    void users() {
        TestUsers.ensure(identity, "operator", "wparflow-operators");
        TestUsers.ensure(identity, "operator2", "wparflow-operators");
        TestUsers.ensure(identity, "admin", "camunda-admin");
        fleet.get().log().clear();
    }

    @Test
    void aBackupShowsItsCommandsAndImageToItsStarterAndToAdministratorsOnly() {
        String id = start("operator", "WparBackupProcess", Map.of("host", "lpar00", "wpar", "wpr00"));
        awaitEnd(id);

        Map<String, Object> detail = get("operator", "/api/operations/" + id, Map.class).getBody();
        Map<String, Object> operation = (Map<String, Object>) detail.get("operation");
        assertThat(operation).containsEntry("id", id).containsEntry("processKey", "WparBackupProcess")
                .containsEntry("subject", "back up wpr00 on lpar00").containsEntry("startedBy", "operator")
                .containsEntry("state", "COMPLETED").containsEntry("reason", null);
        assertThat(operation.get("endedAt")).isNotNull();
        List<Map<String, Object>> commands = (List<Map<String, Object>>) detail.get("commands");
        assertThat(commands).anySatisfy(c -> assertThat(c).containsEntry("host", "lpar00")
                .satisfies(x -> assertThat((String) x.get("command")).contains("savewpar").contains("wpr00")));
        // what the list shows is what the host received, in the order it ran
        List<String> received = fleet.get().log().entries().stream().map(e -> e.raw).toList();
        assertThat(commands).allSatisfy(c -> {
            assertThat(c).containsEntry("processInstanceId", id);
            assertThat(received).contains((String) c.get("command"));
        });
        assertThat(commands).extracting(c -> ((Number) c.get("seq")).longValue()).isSorted();
        List<Map<String, Object>> images = (List<Map<String, Object>>) detail.get("images");
        assertThat(images).singleElement().satisfies(i -> {
            assertThat(i).containsEntry("lpar", "lpar00").containsEntry("wpar", "wpr00").containsEntry("state", "GOOD")
                    .containsEntry("processInstanceId", id);
            assertThat(catalog.find((String) i.get("id"))).isPresent();
        });

        assertThat(get("admin", "/api/operations/" + id, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("operator2", "/api/operations/" + id, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(null, "/api/operations/" + id, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(ids("operator", "/api/operations?processKey=WparBackupProcess&state=COMPLETED")).contains(id);
        assertThat(ids("operator", "/api/operations?state=REFUSED")).doesNotContain(id);
        assertThat(ids("operator", "/api/operations?state=running")).doesNotContain(id);
        assertThat(ids("operator2", "/api/operations")).doesNotContain(id);
        assertThat(ids("admin", "/api/operations?startedBy=operator")).contains(id);
        assertThat(get("operator", "/api/operations?state=BROKEN", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aValidationShowsItsStepsWithTimesAndTheChecksItRan() {
        String id = start("operator", "WparRelocationProcess", Map.of("wpar", "wpr00", "departingLpar", "lpar00",
                "arrivingLpar", "lpar01", "validateOnly", true));
        awaitEnd(id);

        Map<String, Object> detail = get("operator", "/api/operations/" + id, Map.class).getBody();
        assertThat((Map<String, Object>) detail.get("operation")).containsEntry("state", "COMPLETED")
                .containsEntry("outcome", "VALIDATED").containsEntry("subject", "relocate wpr00 lpar00 → lpar01");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) detail.get("steps");
        assertThat(steps).extracting(s -> s.get("activityId")).containsSubsequence("StartEvent_RelocationRequested",
                "Task_ValidateRequest", "Task_CheckCompatibility", "EndEvent_Validated");
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.get("startedAt")).isNotNull();
            assertThat(s.get("endedAt")).isNotNull();
            assertThat(Instant.parse((String) s.get("endedAt")))
                    .isAfterOrEqualTo(Instant.parse((String) s.get("startedAt")));
        });
        List<Map<String, Object>> commands = (List<Map<String, Object>>) detail.get("commands");
        assertThat(commands).extracting(c -> c.get("host")).contains("lpar00", "lpar01");
        assertThat(commands).allSatisfy(c -> assertThat(c).containsEntry("activityId", "Task_CheckCompatibility"));
        assertThat((List<?>) detail.get("images")).isEmpty();
        // a validation that passed leaves no notice
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id).count()).isZero();
    }

    @Test
    void aRelocationWhoseRefusalIsCertainIsAnswered400AndNoInstanceExists() {
        long before = history.createHistoricProcessInstanceQuery().processDefinitionKey("WparRelocationProcess")
                .count();
        ResponseEntity<Map> same = TestUsers.call(rest, "operator", HttpMethod.POST,
                "/engine-rest/process-definition/key/WparRelocationProcess/start", Map.of("variables",
                        variables("wpar", "wpr00", "departingLpar", "lpar00", "arrivingLpar", "lpar00")), Map.class);
        assertThat(same.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) same.getBody().get("message")).contains("arrivingLpar")
                .contains("departing and arriving LPAR are both lpar00");

        ResponseEntity<Map> unknown = TestUsers.call(rest, "operator", HttpMethod.POST,
                "/engine-rest/process-definition/key/WparRelocationProcess/start", Map.of("variables",
                        variables("wpar", "wpr00", "departingLpar", "lpar99", "arrivingLpar", "lpar01")), Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) unknown.getBody().get("message")).contains("departingLpar")
                .contains("must be a host of the inventory").contains("lpar01").contains("not 'lpar99'");

        // the engine's own guard refuses the same start by any other way in (Tasklist, the Java API)
        identity.setAuthentication("operator", List.of("wparflow-operators"));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.startProcessInstanceByKey(
                    "WparRelocationProcess", Map.of("wpar", "wpr00", "departingLpar", "lpar01", "arrivingLpar",
                            "lpar01"))).isInstanceOf(dev.wparflow.engine.InputRefusedException.class)
                    .hasMessageContaining("both lpar01");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("WparRelocationProcess").count())
                .isEqualTo(before);
        assertThat(fleet.get().log().entries()).isEmpty();
    }

    @Test
    void aRefusedRestoreLeavesItsRequesterATitledTaskWithTheReason() {
        String id = start("operator", "WparRestoreProcess", Map.of("host", "lpar01", "wpar", "wpr01", "imageId",
                "no-such-image"));
        awaitEnd(id);

        Map<String, Object> operation = (Map<String, Object>) get("operator", "/api/operations/" + id, Map.class)
                .getBody().get("operation");
        assertThat(operation).containsEntry("state", "REFUSED").containsEntry("outcome", "REFUSED");
        assertThat((String) operation.get("reason")).startsWith("IMAGE_NOT_FOUND");
        assertThat(ids("operator", "/api/operations?state=REFUSED&processKey=WparRestoreProcess")).contains(id);

        // the requester's Tasklist (the engine REST API as the requester): one task, titled with what was asked
        ResponseEntity<List> mine = get("operator", "/engine-rest/task?processInstanceBusinessKey=" + id, List.class);
        assertThat(mine.getBody()).singleElement().satisfies(t -> assertThat((Map<String, Object>) t)
                .containsEntry("name", "Refused: restore wpr01 on lpar01").containsEntry("assignee", "operator"));
        assertThat(get("operator2", "/engine-rest/task?processInstanceBusinessKey=" + id, List.class).getBody())
                .isEmpty();
        String taskId = (String) ((Map<String, Object>) mine.getBody().get(0)).get("id");
        // Tasklist lists it under the operator's filter "Assigned to me"
        ResponseEntity<List> filters = get("operator", "/engine-rest/filter?resourceType=Task&name=Assigned to me",
                List.class);
        String filter = (String) ((Map<String, Object>) filters.getBody().get(0)).get("id");
        ResponseEntity<List> listed = TestUsers.call(rest, "operator", HttpMethod.POST,
                "/engine-rest/filter/" + filter + "/list", Map.of(), List.class);
        assertThat(listed.getBody()).extracting(t -> ((Map<String, Object>) t).get("id")).contains(taskId);
        Map<String, Object> shown = get("operator", "/engine-rest/task/" + taskId + "/form-variables", Map.class)
                .getBody();
        assertThat((String) ((Map<String, Object>) shown.get("noticeReason")).get("value"))
                .isEqualTo(operation.get("reason"));
        assertThat(get("operator", "/engine-rest/task/" + taskId + "/deployed-form", String.class).getBody())
                .contains("RefusalNoticeForm");
        // it holds nothing: no lease is owned by the notice or by the refused operation
        String notice = tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
        assertThat(leases.releaseAll(notice)).isZero();
        assertThat(leases.releaseAll(id)).isZero();

        ResponseEntity<String> acknowledged = TestUsers.call(rest, "operator", HttpMethod.POST,
                "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", Map.of()), String.class);
        assertThat(acknowledged.getStatusCode()).as(acknowledged.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(notice)
                .singleResult();
        assertThat(ended.getEndActivityId()).isEqualTo("EndEvent_Acknowledged");
        // the notice is not an operation of its own
        assertThat(ids("admin", "/api/operations?maxResults=500")).doesNotContain(notice);
    }

    @Test
    void anUnacknowledgedNoticeEndsByItselfAfterAWeek() {
        String id = start("operator", "WparRestoreProcess", Map.of("host", "lpar01", "wpar", "wpr01", "imageId",
                "no-such-image"));
        awaitEnd(id);
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult();
        Job timer = management.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers().singleResult();
        Instant started = history.createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getStartTime().toInstant();
        assertThat(timer.getDuedate().toInstant()).isBetween(started.plus(Duration.ofDays(7)),
                started.plus(Duration.ofDays(7)).plusSeconds(60));

        management.executeJob(timer.getId());

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_NoticeExpired");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id).count()).isZero();
    }

    @Test
    void theCockpitViewReadsTheApiWithTheWebappSessionButCannotWriteWithIt() {
        String id = start("operator", "WparRestoreProcess", Map.of("host", "lpar01", "wpar", "wpr01", "imageId",
                "no-such-image"));
        awaitEnd(id);
        String session = webappLogin("operator");

        HttpHeaders cookie = new HttpHeaders();
        cookie.add(HttpHeaders.COOKIE, session);
        ResponseEntity<Map> list = rest.exchange("/api/operations?processKey=WparRestoreProcess", HttpMethod.GET,
                new HttpEntity<>(cookie), Map.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) list.getBody().get("operations")).extracting(o -> o.get("id"))
                .contains(id);
        // a write with only the session cookie (what a cross-site form could send) is not authenticated
        ResponseEntity<String> write = rest.exchange("/api/images/any/golden", HttpMethod.PUT,
                new HttpEntity<>(cookie), String.class);
        assertThat(write.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // nor is the engine REST API
        assertThat(rest.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(cookie), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        // Cockpit loads the view
        String config = rest.getForObject("/camunda/app/cockpit/scripts/config.js", String.class);
        assertThat(config).contains("scripts/wparflow-operations");
        String script = rest.getForObject("/camunda/app/cockpit/scripts/wparflow-operations.js", String.class);
        assertThat(script).contains("cockpit.route").contains("/api/operations");
    }

    // ------------------------------------------------------------------ helpers

    private String start(String user, String key, Map<String, Object> inputs) {
        Map<String, Object> variables = new HashMap<>();
        inputs.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        ResponseEntity<Map> started = TestUsers.call(rest, user, HttpMethod.POST,
                "/engine-rest/process-definition/key/" + key + "/start", Map.of("variables", variables), Map.class);
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
        return (String) started.getBody().get("id");
    }

    private void awaitEnd(String id) {
        await().atMost(Duration.ofSeconds(90)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(id).finished().count() == 1);
    }

    private <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
        return TestUsers.call(rest, user, HttpMethod.GET, path, null, type);
    }

    private List<Object> ids(String user, String path) {
        ResponseEntity<Map> page = get(user, path, Map.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) page.getBody().get("operations")).stream().map(o -> o.get("id")).toList();
    }

    private static Map<String, Object> variables(Object... nameValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            variables.put((String) nameValues[i], Map.of("value", nameValues[i + 1]));
        }
        return variables;
    }

    /** Logs in to Cockpit as the browser does; returns the Cookie header value of the webapp session. */
    private String webappLogin(String user) {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/cockpit/default/", String.class);
        String xsrf = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(11, c.indexOf(';'))).findFirst()
                .orElseThrow();
        String jsession = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add("X-XSRF-TOKEN", xsrf);
        headers.add(HttpHeaders.COOKIE, jsession + "; XSRF-TOKEN=" + xsrf);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", TestUsers.password(user));
        ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/cockpit",
                HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
        // the login renews the session id
        return login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(jsession);
    }
}
