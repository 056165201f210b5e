package dev.wparflow.process.approval;

import static dev.wparflow.process.approval.ChangeApprovalModel.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.SelectedDatabase;
import dev.wparflow.testsupport.TestUsers;

/**
 * The whole application over HTTP, as an operator and approvers use it: REST needs authentication,
 * an operator files a change, approvers see and decide it, four-eyes holds, history keeps it all.
 */
@BothDatabases
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = SelectedDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ChangeApprovalRestIT {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    HistoryService historyService;

    @BeforeEach
    void users() {
        user("operator", "wparflow-operators");
        user("operator2", "wparflow-operators");
        user("approver", "wparflow-approvers");
        user("approver2", "wparflow-approvers");
        // a senior administrator who both files changes and approves other people's
        user("senior", "wparflow-operators", "wparflow-approvers");
        // only for the wrong-password check: Camunda delays logins after a failure
        user("mistyped", "wparflow-operators");
    }

    private void user(String id, String... groups) {
        TestUsers.ensure(identityService, id, groups);
    }

    private <T> ResponseEntity<T> call(String user, HttpMethod method, String path, Object body, Class<T> type) {
        return TestUsers.call(rest, user, method, path, body, type);
    }

    private List<Map<String, Object>> list(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, TestUsers.password(user));
        ResponseEntity<List<Map<String, Object>>> response = rest.exchange(path, HttpMethod.GET,
                new HttpEntity<>(headers), new ParameterizedTypeReference<>() { });
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    private String start(String user, String summary) {
        Map<String, Object> body = Map.of("variables", Map.of(
                "summary", value(summary),
                "plan", value("stopwpar -N wpr00; savewpar -f /wpar_share/images/wpr00 wpr00; restwpar on lpar01"),
                "riskLevel", value("medium")));
        ResponseEntity<Map> response = call(user, HttpMethod.POST,
                "/engine-rest/process-definition/key/ChangeApprovalProcess/start", body, Map.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return (String) response.getBody().get("id");
    }

    private ResponseEntity<Map> complete(String user, String taskId, String decision, String reason) {
        Map<String, Object> body = Map.of("variables", Map.of("decision", value(decision), "reason", value(reason)));
        return call(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete", body, Map.class);
    }

    @Test
    void anonymousCallersGet401() {
        assertThat(call(null, HttpMethod.GET, "/engine-rest/process-definition", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call(null, HttpMethod.GET, "/api/anything", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        HttpHeaders wrong = new HttpHeaders();
        wrong.setBasicAuth("mistyped", "not-the-password");
        assertThat(rest.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(wrong), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void operatorFilesAChangeAndAnApproverApprovesItWithAReason() {
        String instanceId = start("operator", "Relocate wpr00 to lpar01");

        List<Map<String, Object>> tasks = list("approver", "/engine-rest/task?processInstanceId=" + instanceId);
        assertThat(tasks).hasSize(1);
        String taskId = (String) tasks.get(0).get("id");
        assertThat(tasks.get(0).get("taskDefinitionKey")).isEqualTo(TASK_APPROVE_CHANGE);

        ResponseEntity<Map> form = call("approver", HttpMethod.GET, "/engine-rest/task/" + taskId + "/form-variables",
                null, Map.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).containsKeys("summary", "plan", "requester", "riskLevel");

        // an operator is no approver: the task is not theirs to see or complete
        assertThat(list("operator", "/engine-rest/task?processInstanceId=" + instanceId)).isEmpty();

        // the four-eyes record names the approval of the operation (here the change filed on its own) for approvers
        List<Map<String, Object>> approvals = list("approver", "/api/approvals?operation=" + instanceId);
        assertThat(approvals).singleElement().satisfies(a -> {
            assertThat(a).containsEntry("approvalInstanceId", instanceId).containsEntry("requester", "operator")
                    .containsEntry("decision", "pending");
        });

        assertThat(complete("approver", taskId, "approve", "agreed with the application owner").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(list("approver", "/api/approvals?operation=" + instanceId).get(0)).containsEntry("decision",
                "approve");

        HistoricProcessInstance history = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(instanceId).singleResult();
        assertThat(history.getState()).isEqualTo("COMPLETED");
        assertThat(history.getEndActivityId()).isEqualTo(END_EVENT_CHANGE_APPROVED);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .variableName("approvers").singleResult().getValue()).isEqualTo("approver");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                .variableName("requester").singleResult().getValue()).isEqualTo("operator");
    }

    @Test
    void anApproverCannotApproveTheirOwnChange() {
        String instanceId = start("senior", "Clone the golden image to wpr42");
        String taskId = (String) list("senior", "/engine-rest/task?processInstanceId=" + instanceId).get(0).get("id");

        ResponseEntity<Map> refused = complete("senior", taskId, "approve", "mine, so fine");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(refused.getBody())).contains("four-eyes");
        assertThat(list("approver2", "/engine-rest/task?processInstanceId=" + instanceId)).hasSize(1);

        assertThat(complete("approver2", taskId, "reject", "no maintenance window").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId)
                .singleResult().getEndActivityId()).isEqualTo(END_EVENT_CHANGE_REJECTED);
    }

    @Test
    void aChangeCannotBeFiledInSomebodyElsesName() {
        Map<String, Object> body = Map.of("variables", Map.of("requester", value("approver"),
                "summary", value("s"), "plan", value("p"), "riskLevel", value("low")));
        ResponseEntity<Map> response = call("operator", HttpMethod.POST,
                "/engine-rest/process-definition/key/ChangeApprovalProcess/start", body, Map.class);
        // the requester is the authenticated starter, never an input (the input contract, docs/security.md)
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(response.getBody())).contains("'requester' is set by the process itself");
        assertThat(historyService.createHistoricProcessInstanceQuery().variableValueEquals("requester", "approver")
                .variableValueEquals("summary", "s").count()).isZero();
    }

    @Test
    void operatorsSeeTheirOwnInstancesOnly() {
        String mine = start("operator", "mine");
        String theirs = start("operator2", "theirs");
        List<Object> visible = list("operator", "/engine-rest/process-instance?processDefinitionKey=ChangeApprovalProcess")
                .stream().map(i -> i.get("id")).toList();
        assertThat(visible).contains(mine).doesNotContain(theirs);
        List<Object> history = list("operator", "/engine-rest/history/process-instance?processDefinitionKey=ChangeApprovalProcess")
                .stream().map(i -> i.get("id")).toList();
        assertThat(history).contains(mine).doesNotContain(theirs);

        user("admin", "camunda-admin");
        List<Object> all = list("admin", "/engine-rest/process-instance?processDefinitionKey=ChangeApprovalProcess")
                .stream().map(i -> i.get("id")).toList();
        assertThat(all).contains(mine, theirs);
    }
}
