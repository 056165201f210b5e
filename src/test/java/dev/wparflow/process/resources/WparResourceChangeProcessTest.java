package dev.wparflow.process.resources;

import static dev.wparflow.process.resources.WparResourceChangeModel.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.aix.WparName;
import dev.wparflow.testsupport.ProcessHarness;
import dev.wparflow.testsupport.StubChangeApprovals;

/**
 * Every path of WparResourceChangeProcess with mocked steps and a stub approval (a user task): changed and verified;
 * refused at the checks (the minimums over 100 %), nobody asked; rejected; refused at the lease after the approval;
 * chwpar failing; the verification failing and the previous values put back; the roll-back failing; a technical
 * failure left as an incident. The lease is released on every path, a cancelled instance included. The outcome is
 * the service's own rule.
 */
@Deployment(resources = { "processes/WparResourceChangeProcess.bpmn", "bpmn/relocation/ChangeApprovalProcess.stub.bpmn" })
class WparResourceChangeProcessTest {

    static final List<String> DELEGATES = List.of("checkResourceChangeDelegate", "planResourceChangeDelegate",
            "lockResourceChangeDelegate", "changeResourcesDelegate", "verifyResourceChangeDelegate",
            "rollBackResourceChangeDelegate", "releaseResourceChangeLocksDelegate",
            "recordResourceChangeOutcomeDelegate");

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.recording(DELEGATES);

    final List<String> calls = harness.calls();
    final Map<String, JavaDelegate> behaviour = harness.behaviour();

    @BeforeEach
    void mocks() {
        Mocks.register("changeApprovalRecord", new StubChangeApprovals("decision"));
        Mocks.register("releaseResourceChangeLocksOnEndListener", (ExecutionListener) e -> calls.add("end listener"));
        behaviour.put("checkResourceChangeDelegate", e -> {
            e.setVariable("requestedControls", "shares_CPU=30 CPU=6%-30%,45%");
            e.setVariable("controlsBefore", "active=yes CPU=0%-100%,100% memory=0%-100%,100%");
            e.setVariable("wparState", "ACTIVE");
        });
        behaviour.put("planResourceChangeDelegate", e -> {
            e.setVariable("summary", "Change the resource controls of wpr10 on lpar00");
            e.setVariable("plan", "chwpar -R shares_CPU=30 CPU=6%-30%,45% wpr10");
        });
        behaviour.put("changeResourcesDelegate", e -> done(e, "lpar00: chwpar -R shares_CPU=30 CPU=6%-30%,45% wpr10"));
        behaviour.put("verifyResourceChangeDelegate", e -> e.setVariable("verified", true));
        behaviour.put("rollBackResourceChangeDelegate", e -> {
            done(e, "lpar00: chwpar -K -R shares_CPU wpr10");
            done(e, "lpar00: chwpar -R CPU=0%-100%,100% wpr10");
            e.setVariable("rolledBack", true);
        });
        behaviour.put("recordResourceChangeOutcomeDelegate", e -> {
            WparResourceChangeService.Outcome o = WparResourceChangeService.outcome("lpar00", WparName.of("wpr10"),
                    (String) e.getVariable("failureCode"), (String) e.getVariable("failureReason"),
                    Boolean.TRUE.equals(e.getVariable("verified")), (String) e.getVariable("differences"),
                    Boolean.TRUE.equals(e.getVariable("rolledBack")), (String) e.getVariable("done"),
                    (String) e.getVariable("approvers"), (String) e.getVariable("approvalReason"));
            e.setVariable("outcome", o.outcome());
            e.setVariable("outcomeReason", o.reason());
        });
    }

    static void done(DelegateExecution e, String command) {
        Object done = e.getVariable("done");
        e.setVariable("done", done == null ? command : done + "\n" + command);
    }

    ProcessInstance start() {
        Map<String, Object> v = new HashMap<>(Map.of("lpar", "lpar00", "wpar", "wpr10", "changeReason",
                "month-end batch", "cpuShares", "30", "cpuLimits", "6%-30%,45%"));
        return runtimeService().startProcessInstanceByKey("WparResourceChangeProcess", v);
    }

    void decide(ProcessInstance instance, String decision) {
        Task approval = taskService().createTaskQuery().processDefinitionKey("ChangeApprovalProcess").singleResult();
        Assertions.assertThat(approval).as("approval task").isNotNull();
        Assertions.assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .singleResult().getId()).isEqualTo(approval.getProcessInstanceId());
        taskService().complete(approval.getId(), Map.of("decision", decision, "approvers", "approver",
                "reason", "tested"));
    }

    ProcessInstance decided(String decision) {
        ProcessInstance instance = start();
        harness.driveAll();
        assertThat(instance).isWaitingAt(CALL_ACTIVITY_APPROVE_RESOURCE_CHANGE);
        decide(instance, decision);
        harness.driveAll();
        return instance;
    }

    void fail(String delegate, String code) {
        behaviour.put(delegate, e -> {
            throw new BpmnError(code, delegate + " says " + code);
        });
    }

    @Test
    void anApprovedChangeThatLswparShowsEndsChanged() {
        ProcessInstance instance = decided("approve");

        assertThat(instance).isEnded().hasPassed(SUB_PROCESS_CHECKS, TASK_CHECK_REQUEST, TASK_PLAN_RESOURCE_CHANGE,
                GATEWAY_APPROVED, TASK_LOCK_WPAR, TASK_CHANGE_RESOURCES, TASK_VERIFY_RESOURCES, GATEWAY_VERIFIED,
                END_EVENT_CHANGED, GATEWAY_JOIN_CLEANUP, TASK_RELEASE_LOCKS, TASK_RECORD_OUTCOME,
                END_EVENT_RESOURCES_CHANGED)
                .hasNotPassed(TASK_ROLL_BACK_RESOURCES, BOUNDARY_EVENT_REFUSED, BOUNDARY_EVENT_RESOURCE_CHANGE_FAILED)
                .variables().containsEntry("outcome", "CHANGED").containsEntry("decision", "approve")
                .doesNotContainKey("failureCode");
        Assertions.assertThat((String) runtimeOrHistory(instance, "outcomeReason"))
                .contains("lpar00/wpr10 changed (approved by approver)", "chwpar -R shares_CPU=30 CPU=6%-30%,45% wpr10");
        Assertions.assertThat(calls).containsExactly("checkResourceChangeDelegate", "planResourceChangeDelegate",
                "lockResourceChangeDelegate", "changeResourcesDelegate", "verifyResourceChangeDelegate",
                "releaseResourceChangeLocksDelegate", "recordResourceChangeOutcomeDelegate", "end listener");
    }

    @Test
    void minimumsOver100AreRefusedAtTheChecksAndNobodyIsAsked() {
        fail("checkResourceChangeDelegate", "MINIMUMS_OVER_100");
        ProcessInstance instance = start();
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_REFUSED, GATEWAY_JOIN_CLEANUP, TASK_RELEASE_LOCKS,
                END_EVENT_RESOURCE_CHANGE_REFUSED).hasNotPassed(TASK_PLAN_RESOURCE_CHANGE,
                CALL_ACTIVITY_APPROVE_RESOURCE_CHANGE, SUB_PROCESS_RESOURCE_CHANGE)
                .variables().containsEntry("outcome", "REFUSED").containsEntry("failureCode", "MINIMUMS_OVER_100");
        Assertions.assertThat(calls).containsExactly("checkResourceChangeDelegate",
                "releaseResourceChangeLocksDelegate", "recordResourceChangeOutcomeDelegate", "end listener");
        Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
    }

    @Test
    void aRejectedChangeChangesNothing() {
        ProcessInstance instance = decided("reject");

        assertThat(instance).isEnded().hasPassed(GATEWAY_APPROVED, TASK_RELEASE_LOCKS, GATEWAY_OUTCOME,
                END_EVENT_RESOURCE_CHANGE_REJECTED).hasNotPassed(SUB_PROCESS_RESOURCE_CHANGE, TASK_LOCK_WPAR)
                .variables().containsEntry("outcome", "REJECTED").doesNotContainKey("done");
        Assertions.assertThat(calls).containsExactly("checkResourceChangeDelegate", "planResourceChangeDelegate",
                "releaseResourceChangeLocksDelegate", "recordResourceChangeOutcomeDelegate", "end listener");
    }

    @Test
    void aWparLeasedMeanwhileIsRefusedAtTheLockWithNothingChanged() {
        fail("lockResourceChangeDelegate", "WPAR_LOCKED");
        ProcessInstance instance = decided("approve");

        assertThat(instance).isEnded().hasPassed(TASK_LOCK_WPAR, BOUNDARY_EVENT_RESOURCE_CHANGE_FAILED,
                TASK_RELEASE_LOCKS, END_EVENT_RESOURCE_CHANGE_REFUSED).hasNotPassed(TASK_CHANGE_RESOURCES)
                .variables().containsEntry("outcome", "REFUSED").containsEntry("failureCode", "WPAR_LOCKED");
    }

    @Test
    void chwparFailingEndsFailedWithNothingToRollBack() {
        fail("changeResourcesDelegate", "COMMAND_FAILED");
        ProcessInstance instance = decided("approve");

        assertThat(instance).isEnded().hasPassed(TASK_CHANGE_RESOURCES, BOUNDARY_EVENT_RESOURCE_CHANGE_FAILED,
                TASK_RELEASE_LOCKS, END_EVENT_RESOURCE_CHANGE_FAILED).hasNotPassed(TASK_VERIFY_RESOURCES,
                TASK_ROLL_BACK_RESOURCES).variables().containsEntry("outcome", "FAILED")
                .containsEntry("failureCode", "COMMAND_FAILED");
    }

    @Test
    void aFailedVerificationPutsThePreviousValuesBackAndEndsFailedSayingSo() {
        behaviour.put("verifyResourceChangeDelegate", e -> {
            e.setVariable("verified", false);
            e.setVariable("differences", "shares_CPU: requested 30, lswpar -R shows unlimited");
        });
        ProcessInstance instance = decided("approve");

        assertThat(instance).isEnded().hasPassed(TASK_VERIFY_RESOURCES, GATEWAY_VERIFIED, TASK_ROLL_BACK_RESOURCES,
                END_EVENT_ROLLED_BACK, TASK_RELEASE_LOCKS, END_EVENT_RESOURCE_CHANGE_FAILED)
                .hasNotPassed(END_EVENT_CHANGED, BOUNDARY_EVENT_RESOURCE_CHANGE_FAILED)
                .variables().containsEntry("outcome", "FAILED").containsEntry("rolledBack", true)
                .doesNotContainKey("failureCode");
        Assertions.assertThat((String) runtimeOrHistory(instance, "outcomeReason")).contains("VERIFY_FAILED",
                "shares_CPU: requested 30, lswpar -R shows unlimited", "rolled back to the previous values",
                "chwpar -K -R shares_CPU wpr10");
        Assertions.assertThat(calls).containsExactly("checkResourceChangeDelegate", "planResourceChangeDelegate",
                "lockResourceChangeDelegate", "changeResourcesDelegate", "verifyResourceChangeDelegate",
                "rollBackResourceChangeDelegate", "releaseResourceChangeLocksDelegate",
                "recordResourceChangeOutcomeDelegate", "end listener");
    }

    @Test
    void aRollBackThatDoesNotBringTheValuesBackEndsFailedWithWhatIsLeft() {
        behaviour.put("verifyResourceChangeDelegate", e -> e.setVariable("verified", false));
        fail("rollBackResourceChangeDelegate", "ROLLBACK_FAILED");
        ProcessInstance instance = decided("approve");

        assertThat(instance).isEnded().hasPassed(TASK_ROLL_BACK_RESOURCES, BOUNDARY_EVENT_RESOURCE_CHANGE_FAILED,
                TASK_RELEASE_LOCKS, END_EVENT_RESOURCE_CHANGE_FAILED).hasNotPassed(END_EVENT_ROLLED_BACK)
                .variables().containsEntry("outcome", "FAILED").containsEntry("failureCode", "ROLLBACK_FAILED");
    }

    @Test
    void aTechnicalFailureIsAnIncidentAndTheLeaseGoesWhenTheInstanceIsCancelled() {
        behaviour.put("changeResourcesDelegate", e -> {
            throw new IllegalStateException("ssh lpar00: connection refused");
        });
        ProcessInstance instance = start();
        harness.driveAll();
        decide(instance, "approve");
        harness.driveAllThroughFailures();

        assertThat(instance).isNotEnded();
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        Assertions.assertThat(incident.getActivityId()).isEqualTo(TASK_CHANGE_RESOURCES);
        Assertions.assertThat(incident.getIncidentMessage()).contains("connection refused");
        Assertions.assertThat(calls).doesNotContain("releaseResourceChangeLocksDelegate", "end listener");

        runtimeService().deleteProcessInstance(instance.getId(), "given up by an operator");
        Assertions.assertThat(calls).endsWith("end listener");
    }

    static Object runtimeOrHistory(ProcessInstance instance, String name) {
        return historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).singleResult().getValue();
    }
}
