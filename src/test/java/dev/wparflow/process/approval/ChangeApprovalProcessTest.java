package dev.wparflow.process.approval;

import static dev.wparflow.process.approval.ChangeApprovalModel.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.MigratedDatabase;
import dev.wparflow.testsupport.ProcessHarness;

/**
 * Every path of ChangeApprovalProcess on a plain engine, with the real listeners and delegate.
 * Runs on H2 and on PostgreSQL ({@link BothDatabases}).
 */
@Deployment(resources = {"processes/ChangeApprovalProcess.bpmn", "forms/change-approval.form",
        "forms/change-request.form"})
@BothDatabases
class ChangeApprovalProcessTest {

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.selectedDatabase();

    ProcessEngine engine() {
        return harness.engine();
    }

    /** our tables (the record) in a database of their own: the plain engine's has no Flyway migrations */
    static final MigratedDatabase RECORD_DATABASE = MigratedDatabase.h2Memory("change-record");

    ChangeApprovalRecord record;

    @BeforeEach
    void registerBeans() {
        record = new ChangeApprovalRecord(new JdbcTemplate(RECORD_DATABASE.dataSource()), Clock.systemUTC());
        Mocks.register("changeApprovalRecord", record);
        Mocks.register("validateChangeRequestListener",
                new ValidateChangeRequestListener(new ApprovalSettings(Duration.ofHours(24), Duration.ofHours(24)), record));
        Mocks.register("approvalTaskListener", new ApprovalTaskListener(record));
        Mocks.register("rejectTimedOutChangeDelegate", new RejectTimedOutChangeDelegate(record));
    }

    @AfterAll
    static void closeRecord() {
        RECORD_DATABASE.close();
    }

    /** A change requested by {@code requester}, logged in (the requester is who starts it). */
    private ProcessInstance request(String requester, Integer quorum) {
        return request(requester, quorum, Map.of());
    }

    private ProcessInstance request(String requester, Integer quorum, Map<String, Object> extra) {
        Map<String, Object> variables = new HashMap<>(extra);
        variables.put("summary", "Relocate wpr00 lpar00 → lpar01 (static)");
        variables.put("plan", "savewpar on lpar00, restwpar on lpar01");
        variables.put("riskLevel", "medium");
        if (quorum != null) {
            variables.put("quorum", quorum);
        }
        engine().getIdentityService().setAuthenticatedUserId(requester);
        try {
            return runtimeService().startProcessInstanceByKey("ChangeApprovalProcess", variables);
        } finally {
            engine().getIdentityService().clearAuthentication();
        }
    }

    private void decide(ProcessInstance instance, String user, Map<String, Object> variables) {
        Task task = task(instance);
        engine().getIdentityService().setAuthenticatedUserId(user);
        try {
            taskService().complete(task.getId(), variables);
        } finally {
            engine().getIdentityService().clearAuthentication();
        }
    }

    private void decide(ProcessInstance instance, String user, String decision, String reason) {
        Task task = task(instance);
        engine().getIdentityService().setAuthenticatedUserId(user);
        try {
            taskService().complete(task.getId(), Variables.createVariables().putValue("decision", decision)
                    .putValue("reason", reason));
        } finally {
            engine().getIdentityService().clearAuthentication();
        }
    }

    @Test
    void approvedByOneApprover() {
        ProcessInstance instance = request("operator", null);
        assertThat(instance).isWaitingAt(TASK_APPROVE_CHANGE);
        assertThat(task(instance)).hasCandidateGroup("wparflow-approvers")
                .hasName("Approve: relocate wpr00 lpar00 → lpar01 (static)");
        // the form is found in the same deployment (formRefBinding="deployment")
        Assertions.assertThat(formService().getDeployedTaskForm(task(instance).getId()))
                .asString(java.nio.charset.StandardCharsets.UTF_8).contains("\"id\": \"ChangeApprovalForm\"");

        decide(instance, "approver", "approve", "window agreed with the application owner");

        assertThat(instance).isEnded().hasPassed(END_EVENT_CHANGE_APPROVED)
                .variables().containsEntry("decision", "approve").containsEntry("approvers", "approver")
                .containsEntry("reason", "window agreed with the application owner");
        Assertions.assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_APPROVE_CHANGE)
                .finished().count()).isEqualTo(1);
        Assertions.assertThat(taskService().getProcessInstanceComments(instance.getId())).extracting("fullMessage")
                .containsExactly("approver: approve — window agreed with the application owner");
    }

    @Test
    void theTaskIsTitledWithTheChangeAndKeepsAnAcronym() {
        Map<String, Object> variables = Map.of("summary", "NIM master upgrade to 6.1 TL3", "plan", "p", "riskLevel", "low");
        engine().getIdentityService().setAuthenticatedUserId("operator");
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("ChangeApprovalProcess", variables);
        engine().getIdentityService().clearAuthentication();
        assertThat(task(instance)).hasName("Approve: NIM master upgrade to 6.1 TL3");
        Assertions.assertThat(formService().getDeployedStartForm(instance.getProcessDefinitionId()))
                .asString(java.nio.charset.StandardCharsets.UTF_8).contains("\"id\": \"ChangeRequestForm\"");
    }

    @Test
    void rejected() {
        ProcessInstance instance = request("operator", null);
        decide(instance, "approver", "reject", "no backup of wpr00 in the last 24 h");

        assertThat(instance).isEnded().hasPassed(END_EVENT_CHANGE_REJECTED).hasNotPassed(END_EVENT_CHANGE_APPROVED)
                .variables().containsEntry("decision", "reject").containsEntry("approvers", "")
                .containsEntry("decidedBy", "approver").containsEntry("reason", "no backup of wpr00 in the last 24 h");
    }

    @Test
    void quorumOfTwoNeedsTwoDistinctApprovers() {
        ProcessInstance instance = request("operator", 2);
        decide(instance, "approver", "approve", "looks fine");
        assertThat(instance).isWaitingAt(TASK_APPROVE_CHANGE);
        assertThat(instance).variables().containsEntry("approvalCount", 1);

        assertThatThrownBy(() -> decide(instance, "approver", "approve", "again"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("already approved");
        assertThat(instance).isWaitingAt(TASK_APPROVE_CHANGE);

        decide(instance, "approver2", "approve", "agreed");
        assertThat(instance).isEnded().hasPassed(END_EVENT_CHANGE_APPROVED)
                .variables().containsEntry("approvers", "approver,approver2").containsEntry("approvalCount", 2);
    }

    @Test
    void quorumStopsAtTheFirstRejection() {
        ProcessInstance instance = request("operator", 2);
        decide(instance, "approver", "approve", "fine");
        decide(instance, "approver2", "reject", "conflicts with the database upgrade");
        assertThat(instance).isEnded().hasPassed(END_EVENT_CHANGE_REJECTED)
                .variables().containsEntry("decision", "reject").containsEntry("approvers", "approver");
    }

    @Test
    void requesterCannotApproveOwnChange() {
        ProcessInstance instance = request("approver", null);

        assertThatThrownBy(() -> decide(instance, "approver", "approve", "trust me"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("four-eyes");
        assertThat(instance).isWaitingAt(TASK_APPROVE_CHANGE);

        assertThatThrownBy(() -> taskService().claim(task(instance).getId(), "approver"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("four-eyes");
        Assertions.assertThat(task(instance).getAssignee()).isNull();

        decide(instance, "approver2", "approve", "checked the plan");
        assertThat(instance).isEnded().variables().containsEntry("approvers", "approver2");
    }

    @Test
    void requesterCannotRejectOwnChangeEither() {
        ProcessInstance instance = request("approver", null);
        assertThatThrownBy(() -> decide(instance, "approver", "reject", "changed my mind"))
                .hasMessageContaining("four-eyes");
        assertThat(instance).isWaitingAt(TASK_APPROVE_CHANGE);
    }

    @Test
    void decisionNeedsAReasonAndAKnownApprover() {
        ProcessInstance instance = request("operator", null);
        assertThatThrownBy(() -> decide(instance, "approver", "approve", " ")).hasMessageContaining("reason is required");
        assertThatThrownBy(() -> decide(instance, "approver", "maybe", "hm")).hasMessageContaining("'approve' or 'reject'");
        assertThatThrownBy(() -> taskService().complete(task(instance).getId(),
                Map.of("decision", "approve", "reason", "anonymous")))
                .hasMessageContaining("identified user");
        assertThat(instance).isWaitingAt(TASK_APPROVE_CHANGE);
    }

    @Test
    void timeoutEscalatesToAdministratorsAfterTheConfiguredDuration() {
        long before = System.currentTimeMillis();
        ProcessInstance instance = request("operator", null, Map.of("approvalTimeout", "PT2H"));
        long due = job(instance).getDuedate().getTime();
        Assertions.assertThat(due - before).isBetween(Duration.ofHours(2).toMillis() - 1000, Duration.ofHours(2).toMillis() + 60_000);

        execute(job(instance));
        assertThat(instance).isWaitingAt(TASK_APPROVE_ESCALATED_CHANGE).hasPassed(BOUNDARY_EVENT_APPROVAL_TIMED_OUT);
        assertThat(task(instance)).hasCandidateGroup("camunda-admin");
        // the default escalation timeout (24 h) now runs on the escalated task
        Assertions.assertThat(job(instance).getDuedate().getTime() - System.currentTimeMillis())
                .isBetween(Duration.ofHours(23).toMillis(), Duration.ofHours(24).toMillis() + 60_000);
    }

    @Test
    void escalatedChangeCanStillBeApprovedByAnAdministrator() {
        ProcessInstance instance = request("operator", null);
        execute(job(instance));
        assertThat(instance).isWaitingAt(TASK_APPROVE_ESCALATED_CHANGE);
        assertThat(task(instance)).hasCandidateGroup("camunda-admin")
                .hasName("Approve (escalated): relocate wpr00 lpar00 → lpar01 (static)");

        decide(instance, "demo", "approve", "approved on escalation");
        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_APPROVAL_TIMED_OUT, END_EVENT_CHANGE_APPROVED)
                .variables().containsEntry("approvers", "demo");
    }

    @Test
    void escalationTimeoutRejectsAsTimedOut() {
        ProcessInstance instance = request("operator", null);
        execute(job(instance));                    // approvers did not decide
        assertThat(instance).isWaitingAt(TASK_APPROVE_ESCALATED_CHANGE);
        execute(job(instance));                    // administrators did not decide either
        assertThat(instance).isWaitingAt(TASK_REJECT_TIMED_OUT_CHANGE);
        execute(job(instance));                    // asyncBefore of the rejection
        assertThat(instance).isEnded().hasPassed(END_EVENT_CHANGE_TIMED_OUT)
                .variables().containsEntry("decision", "reject").containsEntry("reason", "timed out");
    }

    @Test
    void invalidRequestsAreRefusedAtStart() {
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("ChangeApprovalProcess",
                Map.of("requester", "operator", "summary", "s", "plan", "p", "riskLevel", "low")))
                .hasMessageContaining("requested by an authenticated user");
        engine().getIdentityService().setAuthenticatedUserId("operator");
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("ChangeApprovalProcess",
                Map.of("requester", "operator", "summary", "two\nlines", "plan", "p", "riskLevel", "low")))
                .hasMessageContaining("one line");
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("ChangeApprovalProcess",
                Map.of("requester", "operator", "summary", "s", "plan", "p", "riskLevel", "extreme")))
                .hasMessageContaining("riskLevel");
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("ChangeApprovalProcess",
                Map.of("requester", "operator", "summary", "s", "plan", "p", "riskLevel", "low", "quorum", 0)))
                .hasMessageContaining("quorum");
        Assertions.assertThat(runtimeService().createProcessInstanceQuery().deploymentId(harness.deploymentId()).count())
                .isZero();
    }

    @Test
    void requesterIsTheAuthenticatedStarter() {
        engine().getIdentityService().setAuthenticatedUserId("operator");
        try {
            assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("ChangeApprovalProcess",
                    Map.of("requester", "somebody-else", "summary", "s", "plan", "p", "riskLevel", "high")))
                    .hasMessageContaining("differs from the authenticated user");
            assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("ChangeApprovalProcess",
                    Map.of("initiator", "somebody-else", "requester", "somebody-else", "summary", "s", "plan", "p",
                            "riskLevel", "high")))
                    .hasMessageContaining("differs from the authenticated user");
            ProcessInstance instance = runtimeService().startProcessInstanceByKey("ChangeApprovalProcess",
                    Map.of("summary", "s", "plan", "p", "riskLevel", "high"));
            assertThat(instance).variables().containsEntry("requester", "operator");
        } finally {
            engine().getIdentityService().clearAuthentication();
        }
    }

    @Test
    void aUserInBothGroupsCannotApproveTheirOwnChangeWhateverTheyNameAsRequester() {
        ProcessInstance instance = request("senior", null);
        assertThatThrownBy(() -> decide(instance, "senior", Map.of("decision", "approve", "reason", "mine",
                "requester", "operator", "initiator", "operator")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("four-eyes");
        assertThat(instance).isWaitingAt(TASK_APPROVE_CHANGE);
        Assertions.assertThat(record.decisions(instance.getId())).isEmpty();
    }

    @Test
    void approversNamedByACompletionDoNotCount() {
        ProcessInstance instance = request("operator", 2);
        decide(instance, "approver", Map.of("decision", "approve", "reason", "fine", "approvers", "approver2",
                "approvalCount", 5, "quorum", 1, "decidedBy", "approver2"));
        assertThat(instance).isWaitingAt(TASK_APPROVE_CHANGE);
        assertThat(instance).variables().containsEntry("approvers", "approver").containsEntry("approvalCount", 1)
                .containsEntry("quorum", 2).containsEntry("decidedBy", "approver");
        Assertions.assertThat(record.outcome(instance.getId()).state()).isEqualTo(ChangeOutcome.State.PENDING);
    }

    @Test
    void aQuorumLoweredByAVariableUpdateStillNeedsItsApprovals() {
        ProcessInstance instance = request("operator", 2);
        runtimeService().setVariable(instance.getId(), "quorum", 1);
        runtimeService().setVariable(instance.getId(), "approvers", "approver2");
        decide(instance, "approver", "approve", "fine");
        assertThat(instance).isWaitingAt(TASK_APPROVE_CHANGE);

        decide(instance, "approver2", "approve", "agreed");
        assertThat(instance).isEnded().hasPassed(END_EVENT_CHANGE_APPROVED)
                .variables().containsEntry("approvers", "approver,approver2").containsEntry("quorum", 2);
    }

    @Test
    void aChangeCannotBeCreatedAlreadyApproved() {
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        engine().getIdentityService().setAuthenticatedUserId("operator");
        assertThatThrownBy(() -> runtimeService().createProcessInstanceByKey("ChangeApprovalProcess")
                .setVariables(Map.of("decision", "approve", "approvers", "approver", "approvalCount", 1, "quorum", 1))
                .startBeforeActivity(END_EVENT_CHANGE_APPROVED).execute())
                .hasMessageContaining("four-eyes");
        engine().getIdentityService().clearAuthentication();
        Assertions.assertThat(historyService().createHistoricActivityInstanceQuery()
                .activityId(END_EVENT_CHANGE_APPROVED).list()).noneMatch(a -> runtimeService().createProcessInstanceQuery()
                        .processInstanceId(a.getProcessInstanceId()).count() > 0
                        || historyService().createHistoricProcessInstanceQuery().processInstanceId(a.getProcessInstanceId())
                                .singleResult().getStartTime().toInstant().isAfter(before));
    }
}
