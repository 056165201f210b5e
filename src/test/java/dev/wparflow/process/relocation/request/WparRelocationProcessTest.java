package dev.wparflow.process.relocation.request;

import static dev.wparflow.process.relocation.request.RelocationModel.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.testsupport.ProcessHarness;
import dev.wparflow.process.relocation.RelocationSettings;
import dev.wparflow.process.relocation.RelocationStepException;

/**
 * Every path of WparRelocationProcess with mocked delegates and stubbed called processes (approval, static and live
 * move are user tasks here): invalid request, validate only, incompatible target, rejection, the maintenance
 * window, lock contention (waited for, given up), static and live moves, a rollback, and a failed verification left
 * as an incident.
 */
@Deployment(resources = { "processes/WparRelocationProcess.bpmn", "forms/relocation-request.form",
        "bpmn/relocation/ChangeApprovalProcess.stub.bpmn", "bpmn/relocation/WparStaticRelocationProcess.stub.bpmn",
        "bpmn/relocation/WparLiveRelocationProcess.stub.bpmn" })
class WparRelocationProcessTest {

    static final List<String> DELEGATES = List.of("validateRelocationRequestDelegate",
            "checkRelocationCompatibilityDelegate", "acquireRelocationLocksDelegate", "verifyRelocationDelegate",
            "releaseAllRelocationLocksDelegate", "recordRequestOutcomeDelegate");

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.recording(DELEGATES);

    final List<String> calls = harness.calls();
    final Map<String, JavaDelegate> behaviour = harness.behaviour();
    boolean compatible = true;
    String chosenMode = "static";
    int locksFreeFromAttempt = 1;

    @BeforeEach
    void mocks() {
        Mocks.register("changeApprovalRecord", new dev.wparflow.testsupport.StubChangeApprovals("approvalDecision"));
        Mocks.register("relocationSettings", new RelocationSettings("R1/PT1M", java.time.Duration.ofHours(1),
                java.time.Duration.ofMinutes(1), 3, java.time.Duration.ofHours(1), java.time.Duration.ofHours(1),
                "/images/relocation", List.of("hostname")));
        behaviour.put("validateRelocationRequestDelegate", e -> {
            e.setVariable("windowGiven", e.getVariable("maintenanceWindowStart") != null);
            e.setVariable("lockOwner", e.getProcessInstanceId());
            e.setVariable("relocationId", e.getProcessInstanceId());
        });
        behaviour.put("checkRelocationCompatibilityDelegate", e -> {
            e.setVariable("compatible", compatible);
            e.setVariable("chosenMode", compatible ? chosenMode : null);
            e.setVariable("arrivingLpar", "lpar01");
            e.setVariable("plan", "the plan");
        });
        behaviour.put("acquireRelocationLocksDelegate", e -> {
            int attempt = e.getVariable("lockAttempts") == null ? 1 : ((Number) e.getVariable("lockAttempts")).intValue() + 1;
            e.setVariable("lockAttempts", attempt);
            e.setVariable("locksAcquired", attempt >= locksFreeFromAttempt);
        });
        behaviour.put("recordRequestOutcomeDelegate", e -> {
            Object o = e.getVariable("recordOutcome");
            e.setVariable("outcome", "MOVE".equals(o) ? e.getVariable("moveOutcome") : o);
        });
    }

    ProcessInstance start(Map<String, Object> extra) {
        Map<String, Object> v = new HashMap<>(Map.of("wpar", "wpr00", "departingLpar", "lpar00", "arrivingLpar",
                "lpar01", "mode", "auto", "validateOnly", false));
        v.putAll(extra);
        return runtimeService().startProcessInstanceByKey("WparRelocationProcess", v);
    }

    /** Completes the stub task of the called process {@code key} with {@code variables}. */
    void complete(ProcessInstance instance, String key, Map<String, Object> variables) {
        Task task = taskService().createTaskQuery().processDefinitionKey(key).singleResult();
        Assertions.assertThat(task).as("task of " + key).isNotNull();
        taskService().complete(task.getId(), variables);
        harness.driveAll();
    }

    void fireTimer(ProcessInstance instance, String activityId) {
        harness.fireTimer(instance, activityId);
        harness.driveAll();
    }

    static Map<String, Object> approve() {
        return Map.of("decision", "approve", "approvers", "bob", "reason", "fine");
    }

    @Test
    void approvedStaticRelocationRunsTheStaticProcessWithTheUmbrellasLocks() {
        ProcessInstance instance = start(Map.of());
        harness.driveAll();
        assertThat(instance).isWaitingAt(CALL_ACTIVITY_APPROVE_CHANGE);
        Map<String, Object> approvalInputs = runtimeService().getVariables(calledProcessInstance(instance).getId());
        // the approval reads its requester from the engine (who started the relocation), not from a variable
        Assertions.assertThat(approvalInputs).containsEntry("plan", "the plan").doesNotContainKey("requester");
        complete(instance, "ChangeApprovalProcess", approve());

        assertThat(instance).isWaitingAt(CALL_ACTIVITY_STATIC_RELOCATION);
        Assertions.assertThat(runtimeService().getVariables(calledProcessInstance(instance).getId()))
                .containsEntry("wpar", "wpr00").containsEntry("arrivingLpar", "lpar01")
                .containsEntry("relocationId", instance.getId())
                // the static relocation derives its lock owner from the umbrella's instance; none is passed in
                .doesNotContainKey("lockOwner");
        complete(instance, "WparStaticRelocationProcess", Map.of("outcome", "RELOCATED"));

        assertThat(instance).isEnded().hasPassed(TASK_VERIFY_RELOCATION, TASK_RELEASE_LOCKS, END_EVENT_WPAR_RELOCATED)
                .hasNotPassed(EVENT_WAIT_FOR_WINDOW, CALL_ACTIVITY_LIVE_RELOCATION).variables()
                .containsEntry("outcome", "RELOCATED").containsEntry("approvalDecision", "approve");
        Assertions.assertThat(calls).containsExactly("validateRelocationRequestDelegate",
                "checkRelocationCompatibilityDelegate", "acquireRelocationLocksDelegate", "verifyRelocationDelegate",
                "releaseAllRelocationLocksDelegate", "recordRequestOutcomeDelegate");
    }

    @Test
    void liveModeRunsTheLiveProcessAndARollbackEndsWhereItWas() {
        chosenMode = "live";
        ProcessInstance instance = start(Map.of());
        harness.driveAll();
        complete(instance, "ChangeApprovalProcess", approve());
        assertThat(instance).isWaitingAt(CALL_ACTIVITY_LIVE_RELOCATION);
        complete(instance, "WparLiveRelocationProcess", Map.of("outcome", "ROLLED_BACK", "outcomeReason", "aborted"));

        assertThat(instance).isEnded().hasPassed(CALL_ACTIVITY_LIVE_RELOCATION, END_EVENT_WPAR_STAYED)
                .hasNotPassed(CALL_ACTIVITY_STATIC_RELOCATION).variables().containsEntry("outcome", "ROLLED_BACK")
                .containsEntry("moveReason", "aborted");
    }

    @Test
    void invalidRequestIsRefusedBeforeAnyCheck() {
        behaviour.put("validateRelocationRequestDelegate", e -> {
            throw new BpmnError("REQUEST_INVALID", "departing LPAR lpar99 is not in the inventory");
        });
        ProcessInstance instance = start(Map.of("departingLpar", "lpar99"));
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_REQUEST_INVALID, END_EVENT_REQUEST_REFUSED).variables()
                .containsEntry("outcome", "REFUSED").containsEntry("failureCode", "REQUEST_INVALID");
        Assertions.assertThat(calls).containsExactly("validateRelocationRequestDelegate", "recordRequestOutcomeDelegate");
    }

    @Test
    void aWparMissingOnTheDepartingLparIsRefusedBeforeApproval() {
        behaviour.put("checkRelocationCompatibilityDelegate", e -> {
            throw new BpmnError("WPAR_NOT_FOUND", "WPAR wpr09 not found on lpar00 (lswpar: wpr00, wpr03)");
        });
        ProcessInstance instance = start(Map.of("wpar", "wpr09"));
        harness.driveAll();

        assertThat(instance).isEnded()
                .hasPassed(BOUNDARY_EVENT_REFUSED_BEFORE_APPROVAL, TASK_RECORD_INVALID_REQUEST, END_EVENT_REQUEST_REFUSED)
                .hasNotPassed(CALL_ACTIVITY_APPROVE_CHANGE, TASK_ACQUIRE_LOCKS).variables()
                .containsEntry("outcome", "REFUSED").containsEntry("failureCode", "WPAR_NOT_FOUND")
                .containsEntry("failureReason", "WPAR wpr09 not found on lpar00 (lswpar: wpr00, wpr03)");
        Assertions.assertThat(taskService().createTaskQuery().count()).as("approval tasks").isZero();
        Assertions.assertThat(runtimeService().createIncidentQuery().count()).as("incidents").isZero();
        Assertions.assertThat(calls).containsExactly("validateRelocationRequestDelegate",
                "checkRelocationCompatibilityDelegate", "recordRequestOutcomeDelegate");
    }

    @Test
    void validateOnlyStopsAfterTheChecksWithoutApproval() {
        ProcessInstance instance = start(Map.of("validateOnly", true));
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(TASK_RECORD_VALIDATION, END_EVENT_VALIDATED)
                .hasNotPassed(CALL_ACTIVITY_APPROVE_CHANGE, TASK_ACQUIRE_LOCKS).variables()
                .containsEntry("outcome", "VALIDATED");
    }

    /** validateOnly is optional (default false): a request without it goes on to the approval. */
    @Test
    void aRequestWithoutValidateOnlyIsAChange() {
        Map<String, Object> v = new HashMap<>(Map.of("wpar", "wpr00", "departingLpar", "lpar00", "arrivingLpar",
                "lpar01", "mode", "auto"));
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("WparRelocationProcess", v);
        harness.driveAll();

        assertThat(instance).hasPassed(GATEWAY_VALIDATE_ONLY).hasNotPassed(TASK_RECORD_VALIDATION);
        Assertions.assertThat(runtimeService().createIncidentQuery().count()).as("incidents").isZero();
    }

    @Test
    void validateOnlyReportsAnIncompatibleTargetToo() {
        compatible = false;
        ProcessInstance instance = start(Map.of("validateOnly", true));
        harness.driveAll();
        assertThat(instance).isEnded().hasPassed(END_EVENT_VALIDATED).hasNotPassed(TASK_RECORD_INCOMPATIBLE);
    }

    @Test
    void incompatibleTargetIsRefusedWithTheReport() {
        compatible = false;
        ProcessInstance instance = start(Map.of());
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(TASK_RECORD_INCOMPATIBLE, END_EVENT_TARGET_INCOMPATIBLE)
                .hasNotPassed(CALL_ACTIVITY_APPROVE_CHANGE).variables().containsEntry("outcome", "INCOMPATIBLE");
    }

    @Test
    void rejectedOrTimedOutApprovalChangesNothing() {
        ProcessInstance instance = start(Map.of());
        harness.driveAll();
        complete(instance, "ChangeApprovalProcess", Map.of("decision", "reject", "approvers", "", "reason",
                "no approval within the escalation period"));

        assertThat(instance).isEnded().hasPassed(TASK_RECORD_REJECTION, END_EVENT_CHANGE_REJECTED)
                .hasNotPassed(TASK_ACQUIRE_LOCKS).variables().containsEntry("outcome", "REJECTED")
                .containsEntry("approvalReason", "no approval within the escalation period");
    }

    @Test
    void approvedMoveWaitsForTheMaintenanceWindow() {
        ProcessInstance instance = start(Map.of("maintenanceWindowStart", "2099-01-01T22:00:00Z"));
        harness.driveAll();
        complete(instance, "ChangeApprovalProcess", approve());

        assertThat(instance).isWaitingAt(EVENT_WAIT_FOR_WINDOW);
        Job timer = managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        Assertions.assertThat(timer.getDuedate().toInstant()).isEqualTo(java.time.Instant.parse("2099-01-01T22:00:00Z"));
        Assertions.assertThat(calls).doesNotContain("acquireRelocationLocksDelegate");
        fireTimer(instance, EVENT_WAIT_FOR_WINDOW);
        assertThat(instance).isWaitingAt(CALL_ACTIVITY_STATIC_RELOCATION);
    }

    @Test
    void locksHeldByAnotherAreWaitedFor() {
        locksFreeFromAttempt = 2;
        ProcessInstance instance = start(Map.of());
        harness.driveAll();
        complete(instance, "ChangeApprovalProcess", approve());
        assertThat(instance).isWaitingAt(EVENT_WAIT_FOR_LOCKS);
        fireTimer(instance, EVENT_WAIT_FOR_LOCKS);
        assertThat(instance).isWaitingAt(CALL_ACTIVITY_STATIC_RELOCATION);
    }

    @Test
    void locksHeldTooLongRefuseTheRelocation() {
        locksFreeFromAttempt = 99;
        ProcessInstance instance = start(Map.of());
        harness.driveAll();
        complete(instance, "ChangeApprovalProcess", approve());
        fireTimer(instance, EVENT_WAIT_FOR_LOCKS);
        fireTimer(instance, EVENT_WAIT_FOR_LOCKS);

        assertThat(instance).isEnded().hasPassed(TASK_RECORD_LOCK_REFUSAL, END_EVENT_WPAR_LOCKED)
                .hasNotPassed(CALL_ACTIVITY_STATIC_RELOCATION).variables().containsEntry("outcome", "REFUSED")
                .containsEntry("lockAttempts", 3);
    }

    @Test
    void aFailedVerificationIsAnIncidentWithTheLocksStillHeld() {
        behaviour.put("verifyRelocationDelegate", e -> {
            throw new RelocationStepException("after RELOCATED WPAR wpr00 is Active on lpar00 and absent from lpar01");
        });
        ProcessInstance instance = start(Map.of());
        harness.driveAll();
        complete(instance, "ChangeApprovalProcess", approve());
        taskService().complete(taskService().createTaskQuery().processDefinitionKey("WparStaticRelocationProcess")
                .singleResult().getId(), Map.of("outcome", "RELOCATED"));
        harness.driveAllThroughFailures();

        assertThat(instance).isWaitingAt(TASK_VERIFY_RELOCATION);
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
                .isEqualTo(1);
        Assertions.assertThat(calls).doesNotContain("releaseAllRelocationLocksDelegate");
    }
}
