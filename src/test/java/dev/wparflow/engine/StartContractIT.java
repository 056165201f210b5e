package dev.wparflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.wparflow.testsupport.SpringFleet;
import dev.wparflow.testsupport.TestUsers;

/**
 * The attacks of issue 15 on how operations start, over the engine REST API as an operator against the default
 * simulated fleet: each is answered 4xx naming the rule, no process instance exists afterwards and no simulated host
 * received a command. Then every deployed process definition is walked: an unknown variable, a start instruction,
 * a non-admin start at a non-start activity are refused; sub-processes refuse a direct start, even an admin's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wparflow.discovery.cycle=R/P30D", "wparflow.backup.groups.web=lpar00,lpar01"})
@ActiveProfiles("test")
class StartContractIT {

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
    HistoryService history;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    InputContracts contracts;

    /** history instances per process key before the test: a refusal adds none */
    final Map<String, Long> instancesBefore = new HashMap<>();

    @BeforeEach
    void users() {
        TestUsers.ensure(identity, "operator", "wparflow-operators");
        TestUsers.ensure(identity, "admin", "camunda-admin");
        fleet.get().log().clear();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            instancesBefore.put(definition.getKey(), history.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(definition.getKey()).count());
        }
    }

    // ------------------------------------------------------------------ the attacks

    @Test
    void aRestoreStartedAtTheGatewayAfterTheApprovalIsForbidden() {
        Map<String, Object> body = Map.of(
                "variables", variables("host", "lpar00", "wpar", "wpr00", "existing", "remove", "decision", "approve"),
                "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Gateway_Approved")));
        assertRefused("operator", "/process-definition/key/WparRestoreProcess/start", body, HttpStatus.FORBIDDEN,
                "start instructions");
        // the same through the Java API as the operator: the engine refuses it as well
        assertThatThrownBy(() -> asOperator(() -> runtime.createProcessInstanceByKey("WparRestoreProcess")
                .setVariables(Map.of("host", "lpar00", "wpar", "wpr00", "existing", "remove"))
                .startBeforeActivity("Gateway_Approved").execute()))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("camunda-admin");
        assertNothingHappened("WparRestoreProcess");
    }

    @Test
    void aRelocationStartedAtTheLockStepIsForbidden() {
        Map<String, Object> body = Map.of(
                "variables", variables("wpar", "wpr00", "departingLpar", "lpar00", "arrivingLpar", "lpar01"),
                "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_AcquireLocks")),
                "skipCustomListeners", true);
        assertRefused("operator", "/process-definition/key/WparRelocationProcess/start", body, HttpStatus.FORBIDDEN,
                "start instructions");
        assertThatThrownBy(() -> asOperator(() -> runtime.createProcessInstanceByKey("WparRelocationProcess")
                .setVariables(Map.of("wpar", "wpr00", "departingLpar", "lpar00", "arrivingLpar", "lpar01"))
                .startBeforeActivity("Task_AcquireLocks").execute(true, true)))
                .isInstanceOf(AuthorizationException.class);
        assertNothingHappened("WparRelocationProcess");
    }

    @Test
    void theRelocationSubProcessesRefuseADirectStart() {
        for (String key : List.of("WparStaticRelocationProcess", "WparLiveRelocationProcess")) {
            Map<String, Object> body = Map.of("variables", variables("wpar", "wpr00", "departingLpar", "lpar00",
                    "arrivingLpar", "lpar01", "relocationId", "r1", "lockOwner", "someone"));
            assertRefused("operator", "/process-definition/key/" + key + "/start", body, HttpStatus.BAD_REQUEST,
                    "sub-process");
            assertRefused("admin", "/process-definition/key/" + key + "/start", body, HttpStatus.BAD_REQUEST,
                    "started only by the call activity of EvacuationProcess or WparRelocationProcess");
            // the engine itself, whatever the way in: operators hold no CREATE_INSTANCE on a sub-process, and even an
            // administrator's start is refused by the start guard
            Map<String, Object> move = Map.of("wpar", "wpr00", "departingLpar", "lpar00", "arrivingLpar", "lpar01");
            assertThatThrownBy(() -> asOperator(() -> runtime.startProcessInstanceByKey(key, move)))
                    .isInstanceOf(AuthorizationException.class).hasMessageContaining("CREATE_INSTANCE");
            assertThatThrownBy(() -> as("admin", "camunda-admin", () -> runtime.startProcessInstanceByKey(key, move)))
                    .isInstanceOf(InputRefusedException.class).hasMessageContaining("sub-process");
            assertNothingHappened(key);
        }
    }

    @Test
    void unknownOversizedAndSerializedVariablesAreRefusedNamingTheField() {
        String start = "/process-definition/key/WparBackupProcess/start";
        assertRefused("operator", start, Map.of("variables", variables("host", "lpar00", "wpar", "wpr00",
                "color", "blue")), HttpStatus.BAD_REQUEST, "'color' is not an input of WparBackupProcess");
        assertRefused("operator", start, Map.of("variables", variables("host", "lpar00", "wpar", "wpr00",
                "oslevel", "7300-00-00-0000")), HttpStatus.BAD_REQUEST, "'oslevel' is set by the process itself");
        assertRefused("operator", start, Map.of("variables", variables("host", "lpar00", "wpar", "wpr00",
                "consistency", "x".repeat(5000))), HttpStatus.BAD_REQUEST, "'consistency' must be at most");
        Map<String, Object> serialized = new HashMap<>(variables("host", "lpar00"));
        serialized.put("wpar", Map.of("value", "rO0ABXQABXdwcjAw", "type", "Object", "valueInfo",
                Map.of("objectTypeName", "java.lang.String",
                        "serializationDataFormat", "application/x-java-serialized-object")));
        assertRefused("operator", start, Map.of("variables", serialized), HttpStatus.BAD_REQUEST,
                "'wpar' must be text, not a value of type object");
        assertRefused("operator", start, Map.of("variables", Map.of("host", Map.of("value", "lpar00"),
                "wpar", Map.of("value", "wpr00"), "consistency", Map.of("value", List.of("none"), "type", "Json"))),
                HttpStatus.BAD_REQUEST, "'consistency' must be text");
        // the change approval: nobody files a change in another's name
        assertRefused("operator", "/process-definition/key/ChangeApprovalProcess/start", Map.of("variables",
                variables("summary", "s", "plan", "p", "riskLevel", "low", "requester", "approver")),
                HttpStatus.BAD_REQUEST, "'requester' is set by the process itself");
        assertRefused("operator", "/process-definition/key/ChangeApprovalProcess/start", Map.of("variables",
                variables("summary", "s", "plan", "p", "riskLevel", "low", "initiator", "approver")),
                HttpStatus.BAD_REQUEST, "'initiator' is set by the process itself");
        // a relocation that names its own lock owner or relocation id (the late check that left a WPAR locked)
        for (String internal : List.of("lockOwner", "relocationId")) {
            assertRefused("operator", "/process-definition/key/WparRelocationProcess/start", Map.of("variables",
                    variables("wpar", "wpr00", "departingLpar", "lpar00", internal, "backup-lane.x")),
                    HttpStatus.BAD_REQUEST, "'" + internal + "' is set by the process itself");
        }
        assertNothingHappened("WparBackupProcess");
        assertNothingHappened("ChangeApprovalProcess");
        assertNothingHappened("WparRelocationProcess");
    }

    @Test
    void badHostWparAndScopeAreRefusedAtTheStartNotAsIncidents() {
        assertRefused("operator", "/process-definition/key/WparBackupProcess/start",
                Map.of("variables", variables("host", "nosuch", "wpar", "wpr00")), HttpStatus.BAD_REQUEST,
                "'host' must be a host of the inventory");
        assertRefused("operator", "/process-definition/key/WparBackupProcess/start",
                Map.of("variables", variables("host", "lpar00", "wpar", "wpr00;reboot")), HttpStatus.BAD_REQUEST,
                "'wpar'");
        assertRefused("operator", "/process-definition/key/WparBackupProcess/start",
                Map.of("variables", variables("host", "lpar00")), HttpStatus.BAD_REQUEST, "'wpar' is required");
        assertRefused("operator", "/process-definition/key/WparRestoreProcess/start",
                Map.of("variables", variables("host", "lpar99", "wpar", "wpr00")), HttpStatus.BAD_REQUEST,
                "WparRestoreProcess input 'host' must be a host of the inventory");
        assertRefused("operator", "/process-definition/key/WparCloneProcess/start",
                Map.of("variables", variables("host", "lpar99", "wpar", "clone1", "imageId", "abc")),
                HttpStatus.BAD_REQUEST, "WparCloneProcess input 'host'");
        assertRefused("operator", "/process-definition/key/WparRelocationProcess/start",
                Map.of("variables", variables("wpar", "wpr00", "departingLpar", "lpar00", "mode", "fast")),
                HttpStatus.BAD_REQUEST, "'mode' must be one of auto, static, live");
        for (String scope : List.of("host:nosuch", "group:nosuch", "everything")) {
            assertRefused("operator", "/message", Map.of("messageName", "FleetBackupRequested",
                    "processVariables", variables("scope", scope)), HttpStatus.BAD_REQUEST, "'scope'");
        }
        assertRefused("operator", "/message", Map.of("messageName", "RestoreDrillRequested",
                "processVariables", variables("drillLpar", "nosuch")), HttpStatus.BAD_REQUEST, "'drillLpar'");
        assertRefused("operator", "/message", Map.of("messageName", "RelocationAbortRequested",
                "processVariables", variables("lockOwner", "x")), HttpStatus.BAD_REQUEST, "carries no variables");
        for (String key : List.of("WparBackupProcess", "WparRestoreProcess", "WparCloneProcess",
                "WparRelocationProcess", "FleetBackupProcess", "RestoreDrillProcess")) {
            assertNothingHappened(key);
        }
        assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    @Test
    void aValidRequestStillStartsThroughTheFilter() {
        ResponseEntity<Map> started = TestUsers.call(rest, "operator", HttpMethod.POST,
                "/engine-rest/process-definition/key/ChangeApprovalProcess/start",
                Map.of("variables", variables("summary", "Relocate wpr00", "plan", "savewpar; restwpar",
                        "riskLevel", "medium", "quorum", 2)), Map.class);
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
        String id = (String) started.getBody().get("id");
        assertThat(runtime.getVariable(id, "requester")).isEqualTo("operator");
        assertThat(runtime.getVariable(id, "quorum")).isEqualTo(2);
        runtime.deleteProcessInstance(id, "test done");
    }

    // ------------------------------------------------------------------ every deployed definition

    @Test
    void everyDeployedProcessRefusesUnknownInputsStartInstructionsAndDirectSubProcessStarts() {
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().latestVersion().list();
        assertThat(definitions).extracting(ProcessDefinition::getKey).contains("WparRelocationProcess",
                "WparStaticRelocationProcess", "WparLiveRelocationProcess", "HostBackupProcess", "WparRestoreProcess");
        for (ProcessDefinition definition : definitions) {
            String key = definition.getKey();
            String start = "/process-definition/key/" + key + "/start";
            InputContract contract = contracts.of(key).orElseThrow(() -> new AssertionError(key + " has no contract"));

            assertRefused("operator", start, Map.of("variables", variables("notAnInput", "x")),
                    HttpStatus.BAD_REQUEST, key);
            String inner = nonStartActivity(key);
            assertRefused("operator", start, Map.of("startInstructions",
                    List.of(Map.of("type", "startBeforeActivity", "activityId", inner))), HttpStatus.FORBIDDEN,
                    "camunda-admin");
            assertThatThrownBy(() -> asOperator(() -> runtime.createProcessInstanceByKey(key)
                    .startBeforeActivity(inner).execute())).as(key + " at " + inner)
                    .isInstanceOf(AuthorizationException.class);
            if (!contract.operation()) {
                assertRefused("admin", start, Map.of(), HttpStatus.BAD_REQUEST, "sub-process");
                assertThat(definition.isStartableInTasklist()).as(key + " startable in Tasklist").isFalse();
            }
            assertNothingHappened(key);
        }
        // placing tokens on running instances is for administrators too
        String anyDefinition = definitions.get(0).getId();
        for (String path : List.of("/process-instance/any/modification", "/process-instance/any/modification-async",
                "/modification/execute", "/modification/executeAsync", "/process-definition/" + anyDefinition + "/restart",
                "/process-definition/" + anyDefinition + "/restart-async", "/migration/execute",
                "/migration/executeAsync")) {
            assertRefused("operator", path, Map.of(), HttpStatus.FORBIDDEN, "not camunda-admin");
        }
        ResponseEntity<List> startable = TestUsers.call(rest, "operator", HttpMethod.GET,
                "/engine-rest/process-definition?latestVersion=true&startablePermissionCheck=true", null, List.class);
        List<Object> startableKeys = startable.getBody().stream().map(d -> ((Map<?, ?>) d).get("key")).toList();
        assertThat(startableKeys).contains("WparRelocationProcess", "WparRestoreProcess")
                .doesNotContain("WparStaticRelocationProcess", "WparLiveRelocationProcess", "HostBackupProcess");
    }

    /** docs/security.md shows the contracts as declared; -Dwparflow.docs.write=true rewrites its section. */
    @Test
    void docsSecurityShowsTheDeclaredInputContracts() throws IOException {
        Path doc = Path.of("docs/security.md");
        String text = java.nio.file.Files.readString(doc);
        String begin = "<!-- input-contracts:begin (generated from the InputContract beans; StartContractIT) -->\n";
        String end = "<!-- input-contracts:end -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertThat(from).as("docs/security.md has the generated section").isNotNegative();
        String generated = InputContractDoc.markdown(contracts.contracts());
        if (Boolean.getBoolean("wparflow.docs.write")) {
            java.nio.file.Files.writeString(doc, text.substring(0, from + begin.length()) + generated
                    + text.substring(to));
            return;
        }
        assertThat(text.substring(from + begin.length(), to)).isEqualTo(generated);
    }

    // ------------------------------------------------------------------ helpers

    private String nonStartActivity(String key) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult();
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        return model.getModelElementsByType(FlowNode.class).stream()
                .filter(n -> !(n instanceof StartEvent))
                .filter(n -> n.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
                .map(FlowNode::getId).findFirst().orElseThrow();
    }

    private static Map<String, Object> variables(Object... nameValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            variables.put((String) nameValues[i], Map.of("value", nameValues[i + 1]));
        }
        return variables;
    }

    private void assertRefused(String user, String path, Object body, HttpStatus status, String message) {
        ResponseEntity<Map> response = TestUsers.call(rest, user, HttpMethod.POST, "/engine-rest" + path, body,
                Map.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(status);
        assertThat(String.valueOf(response.getBody().get("message"))).as(path).contains(message);
        assertThat(fleet.get().log().entries()).as("commands sent after " + path).isEmpty();
    }

    private void assertNothingHappened(String key) {
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(key).count())
                .as(key + " instances").isEqualTo(instancesBefore.get(key));
        assertThat(fleet.get().log().entries()).as("commands the simulated hosts received").isEmpty();
    }

    private void asOperator(Runnable call) {
        as("operator", "wparflow-operators", call);
    }

    private void as(String user, String group, Runnable call) {
        identity.setAuthentication(user, List.of(group));
        try {
            call.run();
        } finally {
            identity.clearAuthentication();
        }
    }
}
