package dev.wparflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import dev.wparflow.audit.CommandTranscriptService;
import dev.wparflow.lock.HeldLock;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockResource;
import dev.wparflow.process.approval.ChangeApprovalRecord;
import dev.wparflow.run.RemoteRunRepository;
import dev.wparflow.simulator.CommandLog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.FleetUnderTest;
import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestFleets;
import dev.wparflow.testsupport.TestUsers;
import dev.wparflow.process.approval.ChangeApprovalModel;
import dev.wparflow.process.relocation.request.RelocationModel;
import dev.wparflow.process.restore.wpar.WparRestoreModel;
import dev.wparflow.process.relocation.staticmove.StaticRelocationModel;

/**
 * The approval bypasses of issue 15, tried over the REST API as an attacker with an operator's (or an approver's, or an
 * administrator's) login would: each is refused, and the simulated hosts receive no command from the attempt. The whole
 * application runs (job executor, real SSH) against a fleet of two compatible LPARs sharing an NFS image repository.
 */
@BothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class ApprovalBypassIT {

    static final String FLEET = TestFleets.yaml("approval-bypass");

    @TempDir
    static Path dir;
    FleetUnderTest system;
    Fleet fleet;
    ConfigurableApplicationContext app;
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    LeaseLockService locks;

    @BeforeAll
    void start() throws Exception {
        system = FleetUnderTest.start(FLEET, dir.resolve("sim"),
                TestDatabase.selected("bypass")); // dropped by system.close()
        fleet = system.fleet();
        app = system.application(this, application -> application
                .fleet(fleet, "lpar00", "lpar01", "lpar02")
                .property("wparflow.inventory.file", fleet.inventoryPath())
                .property("wparflow.relocation.retry-cycle", "R1/PT1S")
                .property("wparflow.relocation.lock-retry-interval", "PT1S")
                .property("wparflow.relocation.lock-max-attempts", "2"));
        rest = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")));
        TestUsers.ensure(identity, "operator", "wparflow-operators");
        TestUsers.ensure(identity, "operator2", "wparflow-operators");
        TestUsers.ensure(identity, "approver", "wparflow-approvers");
        TestUsers.ensure(identity, "approver2", "wparflow-approvers");
        // files changes and approves other people's
        TestUsers.ensure(identity, "senior", "wparflow-operators", "wparflow-approvers");
        TestUsers.ensure(identity, "admin", "camunda-admin");
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @BeforeEach
    void freshFleet() throws Exception {
        system.freshFleet();
    }

    // ------------------------------------------------------------------------------------------ four-eyes

    @Test
    void aUserInBothGroupsCannotApproveTheirOwnRelocationByNamingAnotherRequester() {
        String relocation = relocate("senior", Map.of());
        Task approval = approvalTask(relocation);
        fleet.log().clear();

        ResponseEntity<Map> self = complete("senior", approval.getId(), Map.of("decision", "approve",
                "reason", "mine, so fine", "requester", "senior"));
        ResponseEntity<Map> other = complete("senior", approval.getId(), Map.of("decision", "approve",
                "reason", "mine, so fine", "requester", "operator", "initiator", "operator"));

        assertThat(self.getStatusCode().is2xxSuccessful()).as(String.valueOf(self.getBody())).isFalse();
        assertThat(other.getStatusCode().is2xxSuccessful()).as(String.valueOf(other.getBody())).isFalse();
        assertThat(String.valueOf(other.getBody())).contains("four-eyes");
        assertThat(approvalTask(relocation).getId()).isEqualTo(approval.getId());
        rejectAndAssertNothingRan(relocation, "approver");
    }

    @Test
    void aQuorumOfTwoIsNotReachedByNamingAnotherApprover() {
        String relocation = relocate("operator", Map.of("quorum", 2));
        Task approval = approvalTask(relocation);
        fleet.log().clear();

        assertThat(complete("approver", approval.getId(), Map.of("decision", "approve", "reason", "fine",
                "approvers", "approver2", "approvalCount", 2)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        // the change waits for a second approver; nothing moved
        Task second = approvalTask(relocation);
        assertThat(second.getId()).isNotEqualTo(approval.getId());
        assertThat(variable(second.getProcessInstanceId(), "approvers")).isEqualTo("approver");
        assertThat(complete("approver", second.getId(), Map.of("decision", "approve", "reason", "again"))
                .getStatusCode().is2xxSuccessful()).isFalse();
        rejectAndAssertNothingRan(relocation, "approver2");
    }

    @Test
    void aQuorumLoweredByATaskVariablePutDoesNotLetOneApproverDecide() {
        String relocation = relocate("operator", Map.of("quorum", 2));
        Task approval = approvalTask(relocation);
        fleet.log().clear();

        ResponseEntity<String> put = TestUsers.call(rest, "approver", HttpMethod.PUT,
                "/engine-rest/task/" + approval.getId() + "/variables/quorum", Map.of("value", 1, "type", "Integer"),
                String.class);
        assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(complete("approver", approval.getId(), Map.of("decision", "approve", "reason", "alone"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        Task second = approvalTask(relocation);
        assertThat(second.getId()).isNotEqualTo(approval.getId());
        assertThat(variable(second.getProcessInstanceId(), "quorum")).isEqualTo(2);
        rejectAndAssertNothingRan(relocation, "approver2");
    }

    @Test
    void aChangeCannotBeFiledInSomebodyElsesName() {
        fleet.log().clear();
        ResponseEntity<Map> filed = TestUsers.call(rest, "operator", HttpMethod.POST,
                "/engine-rest/process-definition/key/ChangeApprovalProcess/start",
                Map.of("variables", Map.of("requester", value("approver"), "initiator", value("approver"),
                        "summary", value("filed for approver"), "plan", value("p"), "riskLevel", value("low"))),
                Map.class);
        assertThat(filed.getStatusCode().is2xxSuccessful()).as(String.valueOf(filed.getBody())).isFalse();
        assertThat(history.createHistoricProcessInstanceQuery().variableValueEquals("summary", "filed for approver")
                .count()).isZero();
        assertThat(fleet.log().entries()).isEmpty();
    }

    @Test
    void aChangeCannotBeCreatedAlreadyApprovedEvenByAnAdministrator() {
        for (String user : List.of("operator", "admin")) {
            ResponseEntity<Map> started = TestUsers.call(rest, user, HttpMethod.POST,
                    "/engine-rest/process-definition/key/ChangeApprovalProcess/start",
                    Map.of("variables", Map.of("summary", value("born approved by " + user), "plan", value("p"),
                            "riskLevel", value("low"), "decision", value("approve"), "approvers", value("approver"),
                            "approvalCount", value(1), "quorum", value(1)),
                            "startInstructions", List.of(Map.of("type", "startBeforeActivity",
                                    "activityId", ChangeApprovalModel.END_EVENT_CHANGE_APPROVED))),
                    Map.class);
            assertThat(started.getStatusCode().is2xxSuccessful()).as(user + ": " + started.getBody()).isFalse();
            assertThat(history.createHistoricProcessInstanceQuery()
                    .variableValueEquals("summary", "born approved by " + user).count()).isZero();
        }
    }

    // ------------------------------------------------------------------------------------- defence in depth

    @Test
    void anAdministratorsStartPastTheApprovalCannotRemoveTheWparARestoreWouldReplace() {
        fleet.log().clear();
        ResponseEntity<Map> started = TestUsers.call(rest, "admin", HttpMethod.POST,
                "/engine-rest/process-definition/key/WparRestoreProcess/start",
                Map.of("variables", Map.of("host", value("lpar00"), "wpar", value("wpr00"),
                        "existing", value("remove")),
                        "startInstructions", List.of(Map.of("type", "startBeforeActivity",
                                "activityId", WparRestoreModel.TASK_SET_ASIDE_EXISTING))),
                Map.class);
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
        String restore = (String) started.getBody().get("id");
        awaitEnd(restore);

        assertThat(variable(restore, "failureCode")).isEqualTo("CHANGE_NOT_APPROVED");
        assertThat(runtime.createIncidentQuery().processInstanceId(restore).count()).isZero();
        assertThat(fleet.host("lpar00").wpar("wpr00")).isPresent();
        assertThat(fleet.log().entries()).as("commands").isEmpty();
    }

    @Test
    void anAdministratorsStartPastTheApprovalCannotMoveAWpar() {
        fleet.log().clear();
        ResponseEntity<Map> started = TestUsers.call(rest, "admin", HttpMethod.POST,
                "/engine-rest/process-definition/key/WparRelocationProcess/start",
                // only declared inputs: an internal variable such as chosenMode is refused at the start (400)
                Map.of("variables", Map.of("wpar", value("wpr00"), "departingLpar", value("lpar00"),
                        "arrivingLpar", value("lpar01"), "mode", value("static")),
                        "startInstructions", List.of(Map.of("type", "startBeforeActivity",
                                "activityId", RelocationModel.CALL_ACTIVITY_STATIC_RELOCATION))),
                Map.class);
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
        String relocation = (String) started.getBody().get("id");
        awaitEnd(relocation);

        assertThat(variable(relocation, "moveOutcome")).isEqualTo("REFUSED");
        assertThat(String.valueOf(variable(relocation, "moveReason"))).contains("CHANGE_NOT_APPROVED");
        assertThat(fleet.host("lpar00").wpar("wpr00").orElseThrow().lock).isNull();
        assertThat(fleet.host("lpar01").wpar("wpr00")).isEmpty();
        // the umbrella looks where the WPAR is (lswpar) before it records the outcome; nothing else ran
        assertThat(fleet.log().entries()).extracting(CommandLog.Entry::command).containsOnly("lswpar");
    }

    // ------------------------------------------------------------------------------------------------ locks

    @Test
    void aLockOwnerPassedInDoesNotWalkPastARunningBackupsLock() {
        String backup = parkedOperation("operator");
        LockResource wpar = LockResource.wpar("lpar00", "wpr00");
        assertThat(locks.acquire(wpar, backup, "WparBackupProcess lpar00/wpr00", Duration.ofMinutes(10)).acquired())
                .isTrue();
        try {
            fleet.log().clear();
            // as the issue tried it: the static relocation started on its own, naming the backup as lock owner
            ResponseEntity<Map> started = TestUsers.call(rest, "operator", HttpMethod.POST,
                    "/engine-rest/process-definition/key/WparStaticRelocationProcess/start",
                    Map.of("variables", Map.of("wpar", value("wpr00"), "departingLpar", value("lpar00"),
                            "arrivingLpar", value("lpar01"), "lockOwner", value(backup))),
                    Map.class);
            if (started.getStatusCode().is2xxSuccessful()) {
                awaitEnd((String) started.getBody().get("id"));
                assertThat(variable((String) started.getBody().get("id"), "outcome")).isEqualTo("REFUSED");
            } else {
                assertThat(started.getStatusCode().is4xxClientError()).as(String.valueOf(started.getBody())).isTrue();
            }
            assertThat(fleet.log().entries()).as("commands").isEmpty();

            // with an approved change, the relocation's own instance owns its leases: the backup's lock holds
            String relocation = approvedRelocationFromTheMove(backup);
            awaitEnd(relocation);
            assertThat(variable(relocation, "moveOutcome")).isEqualTo("REFUSED");
            assertThat(String.valueOf(variable(relocation, "moveReason"))).contains("WPAR_LOCKED");
            assertThat(fleet.log().entries()).extracting(CommandLog.Entry::command).doesNotContain("wparlockctl",
                    "stopwpar", "savewpar", "restwpar", "rmwpar", "mkwpar");
            assertThat(fleet.host("lpar00").wpar("wpr00").orElseThrow().lock).isNull();
            assertThat(locks.held()).filteredOn(l -> l.resource().equals(wpar.name()))
                    .extracting(HeldLock::owner).containsExactly(backup);
        } finally {
            locks.releaseAll(backup);
            runtime.deleteProcessInstance(backup, "test over");
        }
    }

    @Test
    void lockOwnersAreShownToAdministratorsOnly() {
        String backup = parkedOperation("operator");
        locks.acquire(LockResource.wpar("lpar00", "wpr00"), backup, "WparBackupProcess lpar00/wpr00",
                Duration.ofMinutes(10));
        try {
            fleet.log().clear();
            List<Map<String, Object>> seen = TestUsers.call(rest, "operator2", HttpMethod.GET, "/api/locks", null,
                    List.class).getBody();
            assertThat(seen).anySatisfy(l -> assertThat(l).containsEntry("resource", "wpar:lpar00/wpr00")
                    .containsEntry("owner", "held by an operation").containsKey("acquiredAt"));
            assertThat(String.valueOf(seen)).doesNotContain(backup).doesNotContain("WparBackupProcess");

            List<Map<String, Object>> admin = TestUsers.call(rest, "admin", HttpMethod.GET, "/api/locks", null,
                    List.class).getBody();
            assertThat(admin).anySatisfy(l -> assertThat(l).containsEntry("resource", "wpar:lpar00/wpr00")
                    .containsEntry("owner", backup));
            assertThat(fleet.log().entries()).isEmpty();
        } finally {
            locks.releaseAll(backup);
            runtime.deleteProcessInstance(backup, "test over");
        }
    }

    // ------------------------------------------------------------------------------------------- visibility

    @Test
    void runsAndCommandsFollowTheVisibilityOfTheirOperation() {
        // a relocation by the operator, waiting for its approval: the approval is a called part of it, as the
        // static relocation will be, and here it ran a command and a detached run
        String operation = relocate("operator", Map.of());
        String part = approvalTask(operation).getProcessInstanceId();
        app.getBean(RemoteRunRepository.class).insert("wf-" + part + ".Task_SaveWpar", "lpar00",
                "savewpar -f /images/wpr00.bff wpr00", part, StaticRelocationModel.TASK_SAVE_WPAR);
        app.getBean(CommandTranscriptService.class).record(new CommandTranscriptService.Entry(part, "Task_StopWpar",
                "lpar00", "stopwpar -N wpr00", 0, null, java.time.Instant.now(), Duration.ofMillis(120), "secret out",
                ""));
        fleet.log().clear();

        List<Map<String, Object>> othersRuns = TestUsers.call(rest, "operator2", HttpMethod.GET, "/api/runs", null,
                List.class).getBody();
        assertThat(othersRuns).noneMatch(r -> part.equals(r.get("processInstanceId")));
        assertThat(TestUsers.call(rest, "operator2", HttpMethod.GET, "/api/commands?processInstanceId=" + part, null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(TestUsers.call(rest, "operator2", HttpMethod.GET, "/api/runs?processInstanceId=" + part, null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        List<Map<String, Object>> ownRuns = TestUsers.call(rest, "operator", HttpMethod.GET, "/api/runs", null,
                List.class).getBody();
        assertThat(ownRuns).anyMatch(r -> part.equals(r.get("processInstanceId")));
        assertThat(TestUsers.call(rest, "operator", HttpMethod.GET, "/api/commands?processInstanceId=" + part, null,
                List.class).getBody()).singleElement().satisfies(c -> assertThat((Map<String, Object>) c)
                        .containsEntry("command", "stopwpar -N wpr00"));
        assertThat(TestUsers.call(rest, "admin", HttpMethod.GET, "/api/runs", null, List.class).getBody())
                .anyMatch(r -> part.equals(((Map<String, Object>) r).get("processInstanceId")));
        assertThat(fleet.log().entries()).isEmpty();
        runtime.deleteProcessInstance(operation, "test over");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    /** Starts a static relocation of wpr00 from lpar00 to lpar01 over REST as {@code user}. */
    String relocate(String user, Map<String, Object> extra) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("wpar", value("wpr00"),
                "departingLpar", value("lpar00"), "arrivingLpar", value("lpar01"), "mode", value("static"),
                "validateOnly", value(false)));
        extra.forEach((k, v) -> variables.put(k, value(v)));
        ResponseEntity<Map> started = TestUsers.call(rest, user, HttpMethod.POST,
                "/engine-rest/process-definition/key/WparRelocationProcess/start", Map.of("variables", variables),
                Map.class);
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
        return (String) started.getBody().get("id");
    }

    ResponseEntity<Map> complete(String user, String taskId, Map<String, Object> variables) {
        Map<String, Object> body = new java.util.HashMap<>();
        variables.forEach((k, v) -> body.put(k, value(v)));
        return TestUsers.call(rest, user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", body), Map.class);
    }

    /** The open approval task of the relocation, once it is there. */
    Task approvalTask(String relocation) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(relocation).finished().count())
                    .as("relocation ended before its approval: " + variable(relocation, "outcome") + " "
                            + variable(relocation, "outcomeReason"))
                    .isZero();
            assertThat(runtime.createIncidentQuery().processInstanceId(relocation).list()).as("incidents").isEmpty();
            return openApproval(relocation) != null;
        });
        return openApproval(relocation);
    }

    private Task openApproval(String relocation) {
        ProcessInstance approval = runtime.createProcessInstanceQuery().superProcessInstanceId(relocation)
                .singleResult();
        return approval == null ? null : tasks.createTaskQuery().processInstanceId(approval.getId()).singleResult();
    }

    /** An approver rejects; the relocation ends REJECTED and no host received a command since the log was cleared. */
    void rejectAndAssertNothingRan(String relocation, String approver) {
        assertThat(complete(approver, approvalTask(relocation).getId(), Map.of("decision", "reject",
                "reason", "tested")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        awaitEnd(relocation);
        assertThat(variable(relocation, "outcome")).isEqualTo("REJECTED");
        assertThat(fleet.log().entries()).as("commands").isEmpty();
        assertThat(fleet.host("lpar00").states()).contains("wpr00=A");
    }

    void awaitEnd(String instance) {
        await().atMost(Duration.ofSeconds(90)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(instance).finished().count() == 1);
    }

    Object variable(String instance, String name) {
        var v = history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name)
                .singleResult();
        return v == null ? null : v.getValue();
    }

    /** A running operation started by {@code user} that waits (a change nobody decided yet). */
    String parkedOperation(String user) {
        identity.setAuthentication(user, List.of("wparflow-operators"));
        try {
            return runtime.startProcessInstanceByKey("ChangeApprovalProcess",
                    Map.of("summary", "parked", "plan", "p", "riskLevel", "low")).getId();
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * A relocation whose change our record holds approved, started (as an administrator may) at its static move with
     * a lock owner naming {@code claimedOwner}: the start and the record commit together, so the move's first job
     * sees both.
     */
    private String approvedRelocationFromTheMove(String claimedOwner) {
        ChangeApprovalRecord record = app.getBean(ChangeApprovalRecord.class);
        return new TransactionTemplate(app.getBean(org.springframework.transaction.PlatformTransactionManager.class))
                .execute(status -> {
                    // started by code without a login, which the start contract trusts (a logged-in start naming
                    // lockOwner is refused with 400 before this point): the claimed owner still owns nothing
                    String id = runtime.createProcessInstanceByKey("WparRelocationProcess")
                            .setVariables(Map.of("wpar", "wpr00", "departingLpar", "lpar00",
                                    "arrivingLpar", "lpar01", "chosenMode", "static", "lockOwner", claimedOwner))
                            .startBeforeActivity("CallActivity_StaticRelocation").execute().getId();
                    record.request("approval-of-" + id, id, "operator", 1);
                    record.decide("approval-of-" + id, "approver", "approve", "tested", null);
                    return id;
                });
    }
}
