package dev.wparflow.process.checkpoint;

import static dev.wparflow.process.checkpoint.WparCheckpointModel.*;
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
 * Every path of WparCheckpointProcess with mocked delegates and a stub approval (a user task): a checkpoint that
 * leaves the WPAR running (no approval), a checkpoint with kill and a restart on another LPAR (both approved first);
 * refused at the check (not checkpointable, a checkpoint of another WPAR) with nobody asked; rejected; refused at a
 * changing step (no approval recorded); a failure mid-way; a technical failure left as an incident. The leases are
 * released on every path, a cancelled instance included.
 */
@Deployment(resources = { "processes/WparCheckpointProcess.bpmn", "bpmn/relocation/ChangeApprovalProcess.stub.bpmn" })
class WparCheckpointProcessTest {

    static final List<String> DELEGATES = List.of("checkCheckpointRequestDelegate", "checkpointWparDelegate",
            "defineWparOnTargetDelegate", "restartWparDelegate", "removeSourceDefinitionDelegate",
            "releaseCheckpointLockDelegate", "recordCheckpointOutcomeDelegate");

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.recording(DELEGATES);

    final List<String> calls = harness.calls();
    final Map<String, JavaDelegate> behaviour = harness.behaviour();

    @BeforeEach
    void mocks() {
        Mocks.register("changeApprovalRecord", new StubChangeApprovals("decision"));
        Mocks.register("releaseCheckpointLocksOnEndListener", (ExecutionListener) e -> calls.add("end listener"));
        behaviour.put("checkCheckpointRequestDelegate", e -> {
            boolean restart = "restart".equals(e.getVariable("action"));
            e.setVariable("directory", restart ? "/images/checkpoints/mob01-20261205T120000"
                    : "/images/checkpoints/mob01-20261205T130000");
            e.setVariable("sourceLpar", "lpar00");
            e.setVariable("approvalRequired", restart || Boolean.TRUE.equals(e.getVariable("kill")));
            e.setVariable("summary", "Checkpoint or restart mob01");
            e.setVariable("plan", "the commands");
        });
        behaviour.put("checkpointWparDelegate", e -> {
            e.setVariable("checkpointId", 11L);
            done(e, "lpar00: /opt/mcr/bin/chkptwpar -d DIR mob01");
        });
        behaviour.put("defineWparOnTargetDelegate", e -> done(e, "lpar01: mkwpar -p -f DIR/wpar.spec"));
        behaviour.put("restartWparDelegate", e -> done(e, "lpar01: /opt/mcr/bin/restartwpar -d DIR mob01"));
        behaviour.put("removeSourceDefinitionDelegate", e -> done(e, "lpar00: rmwpar -p mob01"));
        // the real rule is WparCheckpointService.outcome (WparCheckpointServiceTest); the model routes on it
        behaviour.put("recordCheckpointOutcomeDelegate", e -> {
            var o = WparCheckpointService.outcome("restart".equals(e.getVariable("action")),
                    (String) e.getVariable("lpar"), WparName.of((String) e.getVariable("wpar")),
                    (Long) e.getVariable("checkpointId"), (String) e.getVariable("directory"),
                    (String) e.getVariable("failureCode"), (String) e.getVariable("failureReason"),
                    (String) e.getVariable("decision"), (String) e.getVariable("done"), null, null);
            e.setVariable("outcome", o.outcome());
            e.setVariable("outcomeReason", o.reason());
        });
    }

    static void done(DelegateExecution e, String command) {
        Object done = e.getVariable("done");
        e.setVariable("done", done == null ? command : done + "\n" + command);
    }

    ProcessInstance checkpoint(boolean kill) {
        return runtimeService().startProcessInstanceByKey("WparCheckpointProcess",
                new HashMap<>(Map.of("action", "checkpoint", "lpar", "lpar00", "wpar", "mob01", "kill", kill)));
    }

    ProcessInstance restart() {
        return runtimeService().startProcessInstanceByKey("WparCheckpointProcess",
                new HashMap<>(Map.of("action", "restart", "lpar", "lpar01", "wpar", "mob01", "checkpointId", 10L)));
    }

    void decide(String decision) {
        Task approval = taskService().createTaskQuery().processDefinitionKey("ChangeApprovalProcess").singleResult();
        Assertions.assertThat(approval).as("approval task").isNotNull();
        taskService().complete(approval.getId(), Map.of("decision", decision, "approvers", "approver",
                "reason", "tested"));
    }

    void fail(String delegate, String code) {
        behaviour.put(delegate, e -> {
            throw new BpmnError(code, delegate + " says " + code);
        });
    }

    @Test
    void aCheckpointThatLeavesTheWparRunningNeedsNoApproval() {
        ProcessInstance instance = checkpoint(false);
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(TASK_CHECK_REQUEST, GATEWAY_APPROVAL_REQUIRED, GATEWAY_JOIN_APPROVAL,
                GATEWAY_ACTION, TASK_CHECKPOINT_WPAR, GATEWAY_JOIN_ACTION, END_EVENT_RUN, TASK_RELEASE_LOCK,
                END_EVENT_WPAR_CHECKPOINTED).hasNotPassed(CALL_ACTIVITY_APPROVE_CHANGE, TASK_DEFINE_ON_TARGET)
                .variables().containsEntry("outcome", "CHECKPOINTED").containsEntry("checkpointId", 11L)
                .doesNotContainKey("decision");
        Assertions.assertThat(calls).containsExactly("checkCheckpointRequestDelegate", "checkpointWparDelegate",
                "releaseCheckpointLockDelegate", "recordCheckpointOutcomeDelegate", "end listener");
        Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
    }

    @Test
    void aCheckpointWithKillIsApprovedFirst() {
        ProcessInstance instance = checkpoint(true);
        harness.driveAll();
        assertThat(instance).isWaitingAt(CALL_ACTIVITY_APPROVE_CHANGE);
        Assertions.assertThat(calls).containsExactly("checkCheckpointRequestDelegate");
        decide("approve");
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(CALL_ACTIVITY_APPROVE_CHANGE, GATEWAY_APPROVED, TASK_CHECKPOINT_WPAR,
                END_EVENT_WPAR_CHECKPOINTED).variables().containsEntry("outcome", "CHECKPOINTED")
                .containsEntry("decision", "approve");
    }

    @Test
    void aRestartOnAnotherLparDefinesItThereRestartsItAndRemovesTheSourceDefinition() {
        ProcessInstance instance = restart();
        harness.driveAll();
        decide("approve");
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(CALL_ACTIVITY_APPROVE_CHANGE, TASK_DEFINE_ON_TARGET,
                TASK_RESTART_WPAR, TASK_REMOVE_SOURCE_DEFINITION, GATEWAY_JOIN_ACTION, END_EVENT_WPAR_RESTARTED)
                .hasNotPassed(TASK_CHECKPOINT_WPAR).variables().containsEntry("outcome", "RESTARTED")
                .containsEntry("done", "lpar01: mkwpar -p -f DIR/wpar.spec\n"
                        + "lpar01: /opt/mcr/bin/restartwpar -d DIR mob01\nlpar00: rmwpar -p mob01");
        Assertions.assertThat(calls).containsExactly("checkCheckpointRequestDelegate", "defineWparOnTargetDelegate",
                "restartWparDelegate", "removeSourceDefinitionDelegate", "releaseCheckpointLockDelegate",
                "recordCheckpointOutcomeDelegate", "end listener");
    }

    @Test
    void aWparThatIsNotCheckpointableIsRefusedBeforeAnythingRuns() {
        fail("checkCheckpointRequestDelegate", "NOT_CHECKPOINTABLE");
        ProcessInstance instance = checkpoint(false);
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_REFUSED, GATEWAY_JOIN_CLEANUP, TASK_RELEASE_LOCK,
                END_EVENT_CHECKPOINT_REFUSED).hasNotPassed(GATEWAY_APPROVAL_REQUIRED, SUB_PROCESS_RUN).variables()
                .containsEntry("outcome", "REFUSED").containsEntry("failureCode", "NOT_CHECKPOINTABLE");
        Assertions.assertThat(calls).containsExactly("checkCheckpointRequestDelegate", "releaseCheckpointLockDelegate",
                "recordCheckpointOutcomeDelegate", "end listener");
    }

    @Test
    void aRestartFromACheckpointOfAnotherWparIsRefusedAndNobodyIsAsked() {
        fail("checkCheckpointRequestDelegate", "CHECKPOINT_OF_ANOTHER_WPAR");
        ProcessInstance instance = restart();
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_REFUSED, END_EVENT_CHECKPOINT_REFUSED)
                .hasNotPassed(CALL_ACTIVITY_APPROVE_CHANGE).variables()
                .containsEntry("failureCode", "CHECKPOINT_OF_ANOTHER_WPAR");
        Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
    }

    @Test
    void aRejectedRestartChangesNothing() {
        ProcessInstance instance = restart();
        harness.driveAll();
        decide("reject");
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(GATEWAY_APPROVED, TASK_RELEASE_LOCK, END_EVENT_CHECKPOINT_REJECTED)
                .hasNotPassed(SUB_PROCESS_RUN).variables().containsEntry("outcome", "REJECTED")
                .doesNotContainKey("done");
        Assertions.assertThat(calls).containsExactly("checkCheckpointRequestDelegate", "releaseCheckpointLockDelegate",
                "recordCheckpointOutcomeDelegate", "end listener");
    }

    @Test
    void aChangingStepWithoutAnApprovalOnRecordIsRefusedWithNothingChanged() {
        fail("defineWparOnTargetDelegate", "CHANGE_NOT_APPROVED");
        ProcessInstance instance = restart();
        harness.driveAll();
        decide("approve");
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(TASK_DEFINE_ON_TARGET, BOUNDARY_EVENT_RUN_FAILED,
                END_EVENT_CHECKPOINT_REFUSED).hasNotPassed(TASK_RESTART_WPAR).variables()
                .containsEntry("outcome", "REFUSED").containsEntry("failureCode", "CHANGE_NOT_APPROVED");
    }

    @Test
    void aFailureMidWaySaysWhatRanAndReleasesTheLeases() {
        fail("removeSourceDefinitionDelegate", "VERIFY_FAILED");
        ProcessInstance instance = restart();
        harness.driveAll();
        decide("approve");
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(TASK_RESTART_WPAR, BOUNDARY_EVENT_RUN_FAILED, TASK_RELEASE_LOCK,
                END_EVENT_CHECKPOINT_FAILED).variables().containsEntry("outcome", "FAILED")
                .containsEntry("failureCode", "VERIFY_FAILED");
        Assertions.assertThat((String) historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("outcomeReason").singleResult().getValue())
                .contains("VERIFY_FAILED", "lpar01: /opt/mcr/bin/restartwpar -d DIR mob01");
        Assertions.assertThat(calls).endsWith("removeSourceDefinitionDelegate", "releaseCheckpointLockDelegate",
                "recordCheckpointOutcomeDelegate", "end listener");
    }

    @Test
    void aTechnicalFailureIsAnIncidentAndTheLeasesGoWhenTheInstanceIsCancelled() {
        behaviour.put("checkpointWparDelegate", e -> {
            throw new IllegalStateException("ssh lpar00: connection refused");
        });
        ProcessInstance instance = checkpoint(false);
        harness.driveAllThroughFailures();

        assertThat(instance).isNotEnded();
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        Assertions.assertThat(incident.getActivityId()).isEqualTo(TASK_CHECKPOINT_WPAR);
        Assertions.assertThat(incident.getIncidentMessage()).contains("connection refused");
        Assertions.assertThat(calls).doesNotContain("releaseCheckpointLockDelegate", "end listener");

        runtimeService().deleteProcessInstance(instance.getId(), "given up by an operator");
        Assertions.assertThat(calls).endsWith("end listener");
    }
}
