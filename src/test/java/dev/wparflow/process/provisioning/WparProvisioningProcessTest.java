package dev.wparflow.process.provisioning;

import static dev.wparflow.process.provisioning.WparProvisioningModel.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.testsupport.ProcessHarness;
import dev.wparflow.testsupport.StubChangeApprovals;

/**
 * Every path of WparProvisioningProcess with mocked delegates (the approval is the stub ChangeApprovalProcess): NIM
 * and direct, started or left Defined, with and without the approval the policy asks for; refused at validation, at
 * the plan, for a lease held by another, or when the target changed under the leases; rejected; the creation failed,
 * timed out, or exited as the timer fired; a failed rollback left as an incident with the leases held.
 */
@Deployment(resources = { "processes/WparProvisioningProcess.bpmn", "forms/wpar-provisioning-request.form",
        "bpmn/relocation/ChangeApprovalProcess.stub.bpmn" })
class WparProvisioningProcessTest {

    static final List<String> DELEGATES = List.of("validateProvisioningRequestDelegate", "planProvisioningDelegate",
            "acquireProvisioningLocksDelegate", "recheckProvisioningTargetDelegate", "defineNimObjectsDelegate",
            "startNimCreateDelegate", "startDirectCreateDelegate", "cancelProvisioningCreateDelegate",
            "checkProvisioningCreatedDelegate", "startProvisionedWparDelegate", "verifyProvisionedDelegate",
            "rollBackProvisioningDelegate", "releaseProvisioningLocksDelegate", "recordProvisioningOutcomeDelegate");

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.recording(DELEGATES);

    final List<String> calls = harness.calls();
    final Map<String, JavaDelegate> behaviour = harness.behaviour();
    String method = "nim";
    boolean approvalRequired = true;
    boolean startIt = true;

    /** provisioningRecord's answers to the model's gateways, as the plan would have recorded them. */
    public class Record {
        public boolean approvalRequired(DelegateExecution execution) {
            return approvalRequired;
        }

        public boolean startRequested(DelegateExecution execution) {
            return startIt;
        }
    }

    @BeforeEach
    void mocks() {
        Mocks.register("provisioningSettings", ProvisioningSettings.defaults());
        Mocks.register("provisioningRecord", new Record());
        Mocks.register("changeApprovalRecord", new StubChangeApprovals("approvalDecision"));
        Mocks.register("releaseProvisioningLocksOnEndListener", (ExecutionListener) e -> calls.add("end listener"));
        behaviour.put("planProvisioningDelegate", e -> {
            e.setVariable("chosenMethod", method);
            e.setVariable("summary", "Provision wpr20");
            e.setVariable("plan", "the plan");
            e.setVariable("riskLevel", "medium");
        });
        behaviour.put("startNimCreateDelegate", e -> e.setVariable("createRunId", "run-create"));
        behaviour.put("startDirectCreateDelegate", e -> e.setVariable("createRunId", "run-create"));
        behaviour.put("verifyProvisionedDelegate", e -> e.setVariable("verified", "lpar01/wpr20 ACTIVE"));
        behaviour.put("rollBackProvisioningDelegate", e -> e.setVariable("rollbackReport", "removed WPAR lpar01/wpr20"));
        behaviour.put("recordProvisioningOutcomeDelegate", e -> {
            Object asked = e.getVariable("recordOutcome");
            Object code = e.getVariable("failureCode");
            e.setVariable("outcome", asked != null ? asked : code == null ? "PROVISIONED"
                    : WparProvisioningSteps.REFUSALS.contains(code) ? "REFUSED" : "FAILED");
        });
    }

    ProcessInstance start() {
        Map<String, Object> v = new HashMap<>(Map.of("wpar", "wpr20", "lpar", "lpar01", "template", "small"));
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("WparProvisioningProcess", v);
        harness.drive(instance);
        return instance;
    }

    void decide(String decision) {
        Task task = taskService().createTaskQuery().processDefinitionKey("ChangeApprovalProcess").singleResult();
        Assertions.assertThat(task).as("approval task").isNotNull();
        taskService().complete(task.getId(), Map.of("decision", decision, "approvers", "bob", "reason", "ok"));
        harness.driveAll();
    }

    ProcessInstance creating() {
        ProcessInstance instance = start();
        if (approvalRequired) {
            decide("approve");
        }
        assertThat(instance).isWaitingAt(EVENT_CREATE_FINISHED);
        return instance;
    }

    void fail(String delegate, String code) {
        behaviour.put(delegate, e -> {
            throw new BpmnError(code, delegate + " says " + code);
        });
    }

    @Test
    void approvedThroughNimAndStarted() {
        ProcessInstance instance = creating();
        harness.runEnded(instance, "run-create", EVENT_CREATE_FINISHED);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(CALL_ACTIVITY_APPROVE_CHANGE, TASK_DEFINE_NIM_OBJECTS,
                TASK_START_NIM_CREATE, TASK_CHECK_CREATED, TASK_START_WPAR, TASK_VERIFY_PROVISIONED,
                END_EVENT_WPAR_PROVISIONED).hasNotPassed(TASK_START_DIRECT_CREATE, TASK_ROLL_BACK, TASK_CANCEL_CREATE)
                .variables().containsEntry("outcome", "PROVISIONED").containsEntry("approvalDecision", "approve");
        Assertions.assertThat(calls).containsExactly("validateProvisioningRequestDelegate", "planProvisioningDelegate",
                "acquireProvisioningLocksDelegate", "recheckProvisioningTargetDelegate", "defineNimObjectsDelegate",
                "startNimCreateDelegate", "checkProvisioningCreatedDelegate", "startProvisionedWparDelegate",
                "verifyProvisionedDelegate", "releaseProvisioningLocksDelegate", "recordProvisioningOutcomeDelegate",
                "end listener");
    }

    @Test
    void directWithoutApprovalByPolicyLeftDefined() {
        method = "direct";
        approvalRequired = false;
        startIt = false;
        ProcessInstance instance = creating();
        harness.runEnded(instance, "run-create", EVENT_CREATE_FINISHED);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_START_DIRECT_CREATE, TASK_VERIFY_PROVISIONED,
                END_EVENT_WPAR_PROVISIONED).hasNotPassed(CALL_ACTIVITY_APPROVE_CHANGE, TASK_DEFINE_NIM_OBJECTS,
                TASK_START_WPAR).variables().containsEntry("outcome", "PROVISIONED");
        Assertions.assertThat(calls).containsExactly("validateProvisioningRequestDelegate", "planProvisioningDelegate",
                "acquireProvisioningLocksDelegate", "recheckProvisioningTargetDelegate", "startDirectCreateDelegate",
                "checkProvisioningCreatedDelegate", "verifyProvisionedDelegate", "releaseProvisioningLocksDelegate",
                "recordProvisioningOutcomeDelegate", "end listener");
    }

    @Test
    void refusedBeforeAnythingIsCreated() {
        for (String[] c : List.of(new String[] {"validateProvisioningRequestDelegate", "REQUEST_INVALID"},
                new String[] {"planProvisioningDelegate", "NAME_TAKEN"},
                new String[] {"planProvisioningDelegate", "NIM_CLIENT_TOO_OLD"})) {
            calls.clear();
            fail(c[0], c[1]);
            ProcessInstance instance = start();

            assertThat(instance).as(c[1]).isEnded().hasPassed(TASK_RECORD_REFUSAL, END_EVENT_REQUEST_REFUSED)
                    .hasNotPassed(CALL_ACTIVITY_APPROVE_CHANGE, TASK_ACQUIRE_LOCKS).variables()
                    .containsEntry("outcome", "REFUSED").containsEntry("failureCode", c[1]);
            Assertions.assertThat(calls).as(c[1]).endsWith(c[0], "recordProvisioningOutcomeDelegate", "end listener");
            behaviour.remove(c[0]);
            mocks();
        }
    }

    @Test
    void aLeaseHeldByAnotherOperationRefusesAfterTheApproval() {
        fail("acquireProvisioningLocksDelegate", "LOCKED");
        ProcessInstance instance = start();
        decide("approve");

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_LOCKED, END_EVENT_REQUEST_REFUSED)
                .hasNotPassed(SUB_PROCESS_PROVISION).variables().containsEntry("outcome", "REFUSED")
                .containsEntry("failureCode", "LOCKED");
    }

    @Test
    void rejectedCreatesNothing() {
        ProcessInstance instance = start();
        decide("reject");

        assertThat(instance).isEnded().hasPassed(TASK_RECORD_REJECTION, END_EVENT_CHANGE_REJECTED)
                .hasNotPassed(TASK_ACQUIRE_LOCKS).variables().containsEntry("outcome", "REJECTED");
    }

    @Test
    void theTargetChangedUnderTheLeases() {
        fail("recheckProvisioningTargetDelegate", "ADDRESS_TAKEN");
        ProcessInstance instance = start();
        decide("approve");

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_PROVISION_FAILED, TASK_ROLL_BACK, TASK_RELEASE_LOCKS,
                END_EVENT_PROVISIONING_FAILED).hasNotPassed(TASK_DEFINE_NIM_OBJECTS, TASK_START_DIRECT_CREATE)
                .variables().containsEntry("outcome", "REFUSED").containsEntry("failureCode", "ADDRESS_TAKEN");
    }

    @Test
    void aFailedCreationIsRolledBack() {
        fail("checkProvisioningCreatedDelegate", "CREATE_FAILED");
        ProcessInstance instance = creating();
        harness.runEnded(instance, "run-create", EVENT_CREATE_FINISHED);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_ROLL_BACK, END_EVENT_PROVISIONING_FAILED)
                .hasNotPassed(TASK_START_WPAR, TASK_VERIFY_PROVISIONED).variables().containsEntry("outcome", "FAILED")
                .containsEntry("rollbackReport", "removed WPAR lpar01/wpr20");
        Assertions.assertThat(calls).endsWith("checkProvisioningCreatedDelegate", "rollBackProvisioningDelegate",
                "releaseProvisioningLocksDelegate", "recordProvisioningOutcomeDelegate", "end listener");
    }

    @Test
    void aCreationThatOutlivesItsTimeoutIsCancelledAndRolledBack() {
        fail("cancelProvisioningCreateDelegate", "CREATE_TIMEOUT");
        ProcessInstance instance = creating();
        harness.fireTimer(instance, EVENT_CREATE_FINISHED);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_CANCEL_CREATE, TASK_ROLL_BACK, END_EVENT_PROVISIONING_FAILED)
                .hasNotPassed(TASK_CHECK_CREATED).variables().containsEntry("failureCode", "CREATE_TIMEOUT");
    }

    @Test
    void aCreationThatExitedAsTheTimerFiredIsCheckedAsUsual() {
        ProcessInstance instance = creating();
        harness.fireTimer(instance, EVENT_CREATE_FINISHED);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_CANCEL_CREATE, TASK_CHECK_CREATED, END_EVENT_WPAR_PROVISIONED)
                .variables().containsEntry("outcome", "PROVISIONED");
    }

    @Test
    void aRollbackThatCannotRemoveWhatItCreatedIsAnIncidentAndKeepsTheLeases() {
        fail("checkProvisioningCreatedDelegate", "CREATE_FAILED");
        behaviour.put("rollBackProvisioningDelegate", e -> {
            throw new IllegalStateException("lpar01 does not answer");
        });
        ProcessInstance instance = creating();
        harness.runEnded(instance, "run-create", EVENT_CREATE_FINISHED);
        harness.driveThroughFailures(instance);

        assertThat(instance).isNotEnded().isWaitingAt(TASK_ROLL_BACK);
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
                .isEqualTo(1);
        Assertions.assertThat(calls).doesNotContain("releaseProvisioningLocksDelegate");
    }
}
