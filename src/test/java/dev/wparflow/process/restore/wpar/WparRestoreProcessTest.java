package dev.wparflow.process.restore.wpar;

import static dev.wparflow.process.restore.wpar.WparRestoreModel.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.testsupport.FakeRemoteRunWait;
import dev.wparflow.testsupport.ProcessHarness;
import dev.wparflow.process.restore.RestoreSettings;

/**
 * Every path of WparRestoreProcess with mocked delegates and a stub approval (a user task): restored and started or
 * left Defined; refused at the plan; rejected; a failure before anything changed; restwpar failed, timed out, or the
 * verification failed after the existing WPAR was renamed (rolled back: removed what restwpar left, renamed back,
 * restarted if it was Active) or removed (ABSENT); a run that exited as its timeout fired; technical failures left as
 * incidents; the leases released on every path, a cancelled instance included.
 */
@Deployment(resources = { "processes/WparRestoreProcess.bpmn", "bpmn/relocation/ChangeApprovalProcess.stub.bpmn" })
class WparRestoreProcessTest {

    static final List<String> DELEGATES = List.of("planRestoreDelegate", "lockAndRecheckRestoreDelegate",
            "setAsideExistingDelegate", "startRestoreDelegate", "cancelRestwparDelegate", "checkRestwparRunDelegate",
            "startRestoredWparDelegate", "verifyRestoredDelegate", "removePartialRestoreDelegate",
            "renameOriginalBackDelegate", "restartOriginalWparDelegate", "releaseRestoreLocksDelegate");

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.recording(DELEGATES);
    static final List<String> HAPPY = List.of("planRestoreDelegate", "lockAndRecheckRestoreDelegate",
            "setAsideExistingDelegate", "startRestoreDelegate", "checkRestwparRunDelegate", "startRestoredWparDelegate",
            "verifyRestoredDelegate", "releaseRestoreLocksDelegate", "end listener");

    final List<String> calls = harness.calls();
    final Map<String, JavaDelegate> behaviour = harness.behaviour();
    /** the state of the WPAR the restore replaces, as Task_LockAndRecheck finds it (null: none) */
    String existingState = "ACTIVE";
    final FakeRemoteRunWait runWait = harness.runWait();

    @BeforeEach
    void mocks() {
        Mocks.register("changeApprovalRecord", new dev.wparflow.testsupport.StubChangeApprovals("decision"));
        Mocks.register("restoreSettings", RestoreSettings.defaults());
        behaviour.put("planRestoreDelegate", e -> {
            e.setVariable("imageId", "img-1");
            e.setVariable("summary", "Restore lpar00/wpr00");
            e.setVariable("plan", "the plan");
        });
        behaviour.put("lockAndRecheckRestoreDelegate", e -> e.setVariable("existingState", existingState));
        behaviour.put("setAsideExistingDelegate", e -> e.setVariable("setAside", true));
        behaviour.put("startRestoreDelegate", e -> e.setVariable("restoreRunId", "run-restore"));
        behaviour.put("verifyRestoredDelegate", e -> e.setVariable("restoredState",
                Boolean.TRUE.equals(e.getVariable("start")) ? "ACTIVE" : "DEFINED"));
        behaviour.put("removePartialRestoreDelegate", e -> {
            boolean renamed = "rename".equals(e.getVariable("existing")) && e.getVariable("existingState") != null;
            e.setVariable("rollback", renamed ? "RENAME_BACK" : "ABSENT");
            e.setVariable("failureReason", e.getVariable("failureReason") + "; partial removed");
        });
        Mocks.register("releaseRestoreLocksOnEndListener", (ExecutionListener) execution -> calls.add("end listener"));
    }

    ProcessInstance start(String existing, boolean startIt) {
        Map<String, Object> v = new HashMap<>(Map.of("host", "lpar00", "wpar", "wpr00", "requester", "operator",
                "start", startIt));
        if (existing != null) {
            v.put("existing", existing);
            v.put("renameTo", "wpr00old");
        }
        return runtimeService().startProcessInstanceByKey("WparRestoreProcess", v);
    }

    void decide(ProcessInstance instance, String decision) {
        Task approval = taskService().createTaskQuery().processDefinitionKey("ChangeApprovalProcess").singleResult();
        Assertions.assertThat(approval).as("approval task").isNotNull();
        Assertions.assertThat(runtimeService().createProcessInstanceQuery()
                .processInstanceId(approval.getProcessInstanceId()).singleResult().getRootProcessInstanceId())
                .isEqualTo(instance.getId());
        taskService().complete(approval.getId(), Map.of("decision", decision, "approvers", "approver",
                "reason", "tested"));
    }

    /** What the run watcher does when restwpar ends: the wait's timer becomes due, and its job runs. */
    void restwparFinished(ProcessInstance instance) {
        runWait.end("run-restore");
        harness.fireTimer(instance, "Event_RestoreFinished");
    }

    /** The wait's timer fires by itself at the restore timeout: the run has not ended. */
    void restwparTimedOut(ProcessInstance instance) {
        harness.fireTimer(instance, "Event_RestoreFinished");
    }

    /** Up to the wait for restwpar, approved. */
    ProcessInstance waitingForRestwpar(String existing, boolean startIt) {
        ProcessInstance instance = start(existing, startIt);
        harness.drive(instance);
        assertThat(instance).isWaitingAt("CallActivity_ApproveRestore");
        decide(instance, "approve");
        harness.drive(instance);
        assertThat(instance).isWaitingAt("Event_RestoreFinished");
        Assertions.assertThat(runWait.begun).containsExactly("run-restore");
        // no message subscription any more: the wait is its timer alone
        Assertions.assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(instance.getId())
                .count()).isZero();
        return instance;
    }

    void fail(String delegate, String code) {
        behaviour.put(delegate, e -> {
            throw new BpmnError(code, delegate + " says " + code);
        });
    }

    @Test
    void restoredAndStarted() {
        ProcessInstance instance = waitingForRestwpar("remove", true);
        restwparFinished(instance);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_START_WPAR, END_EVENT_WPAR_RESTORED)
                .hasNotPassed(TASK_CANCEL_RESTORE, TASK_REMOVE_PARTIAL_RESTORE).variables()
                .containsEntry("outcome", "RESTORED").containsEntry("restoredState", "ACTIVE")
                .containsEntry("decision", "approve").doesNotContainKey("failureCode");
        Assertions.assertThat(calls).containsExactlyElementsOf(HAPPY);
    }

    @Test
    void restoredAndLeftDefined() {
        existingState = null;
        ProcessInstance instance = waitingForRestwpar(null, false);
        restwparFinished(instance);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(GATEWAY_START_REQUESTED, END_EVENT_WPAR_RESTORED).hasNotPassed(TASK_START_WPAR)
                .variables().containsEntry("outcome", "RESTORED").containsEntry("restoredState", "DEFINED");
        Assertions.assertThat(calls).doesNotContain("startRestoredWparDelegate");
    }

    @Test
    void refusedAtThePlanChangesNothingAndAsksNobody() {
        fail("planRestoreDelegate", "NAME_TAKEN");
        ProcessInstance instance = start(null, false);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_RESTORE_REFUSED, END_EVENT_RESTORE_REFUSED)
                .hasNotPassed(CALL_ACTIVITY_APPROVE_RESTORE, SUB_PROCESS_RESTORE).variables()
                .containsEntry("outcome", "REFUSED").containsEntry("failureCode", "NAME_TAKEN")
                .containsEntry("failureReason", "planRestoreDelegate says NAME_TAKEN");
        Assertions.assertThat(calls).containsExactly("planRestoreDelegate", "end listener");
        Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
    }

    @Test
    void rejectedChangesNothing() {
        ProcessInstance instance = start("remove", true);
        harness.drive(instance);
        decide(instance, "reject");
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(GATEWAY_APPROVED, END_EVENT_RESTORE_REJECTED)
                .hasNotPassed(SUB_PROCESS_RESTORE, TASK_RELEASE_LOCKS).variables()
                .containsEntry("outcome", "REJECTED").containsEntry("decision", "reject");
        Assertions.assertThat(calls).containsExactly("planRestoreDelegate", "end listener");
    }

    @Test
    void lockedOrChangedMeanwhileFailsBeforeAnyChangeAndReleases() {
        fail("lockAndRecheckRestoreDelegate", "WPAR_LOCKED");
        ProcessInstance instance = start("remove", false);
        harness.drive(instance);
        decide(instance, "approve");
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_RESTORE_FAILED, GATEWAY_ANYTHING_CHANGED,
                END_EVENT_RESTORE_FAILED).hasNotPassed(TASK_SET_ASIDE_EXISTING, TASK_REMOVE_PARTIAL_RESTORE)
                .variables().containsEntry("outcome", "FAILED").containsEntry("failureCode", "WPAR_LOCKED");
        Assertions.assertThat(calls).containsExactly("planRestoreDelegate", "lockAndRecheckRestoreDelegate",
                "releaseRestoreLocksDelegate", "end listener");
    }

    @Test
    void restwparFailedAfterRenamingAnActiveWparRollsBackAndRestartsIt() {
        fail("checkRestwparRunDelegate", "RESTORE_FAILED");
        ProcessInstance instance = waitingForRestwpar("rename", true);
        restwparFinished(instance);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_REMOVE_PARTIAL_RESTORE, TASK_RENAME_ORIGINAL_BACK,
                TASK_RESTART_ORIGINAL, END_EVENT_RESTORE_ROLLED_BACK).hasNotPassed(TASK_START_WPAR,
                TASK_VERIFY_RESTORED).variables().containsEntry("outcome", "ROLLED_BACK")
                .containsEntry("failureCode", "RESTORE_FAILED")
                .containsEntry("failureReason", "checkRestwparRunDelegate says RESTORE_FAILED; partial removed");
        Assertions.assertThat(calls).containsExactly("planRestoreDelegate", "lockAndRecheckRestoreDelegate",
                "setAsideExistingDelegate", "startRestoreDelegate", "checkRestwparRunDelegate",
                "removePartialRestoreDelegate", "renameOriginalBackDelegate", "restartOriginalWparDelegate",
                "releaseRestoreLocksDelegate", "end listener");
    }

    @Test
    void restwparFailedAfterRenamingADefinedWparRenamesItBackWithoutStart() {
        existingState = "DEFINED";
        fail("checkRestwparRunDelegate", "RESTORE_FAILED");
        ProcessInstance instance = waitingForRestwpar("rename", false);
        restwparFinished(instance);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_RENAME_ORIGINAL_BACK, GATEWAY_ORIGINAL_WAS_ACTIVE,
                END_EVENT_RESTORE_ROLLED_BACK).hasNotPassed(TASK_RESTART_ORIGINAL).variables()
                .containsEntry("outcome", "ROLLED_BACK");
    }

    @Test
    void restwparFailedAfterRemovingLeavesTheWparAbsent() {
        fail("checkRestwparRunDelegate", "RESTORE_FAILED");
        ProcessInstance instance = waitingForRestwpar("remove", true);
        restwparFinished(instance);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_REMOVE_PARTIAL_RESTORE, GATEWAY_ORIGINAL_RENAMED, END_EVENT_WPAR_ABSENT)
                .hasNotPassed(TASK_RENAME_ORIGINAL_BACK, TASK_RESTART_ORIGINAL).variables()
                .containsEntry("outcome", "ABSENT").containsEntry("rollback", "ABSENT");
        Assertions.assertThat(calls).endsWith("removePartialRestoreDelegate", "releaseRestoreLocksDelegate",
                "end listener");
    }

    @Test
    void restwparTimedOutIsCancelledAndRolledBack() {
        fail("cancelRestwparDelegate", "RESTORE_TIMEOUT");
        ProcessInstance instance = waitingForRestwpar("rename", true);
        Job timer = managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        Assertions.assertThat(timer.getDuedate()).as("restore-timeout PT4H")
                .isCloseTo(new java.util.Date(System.currentTimeMillis() + 4 * 3600_000L), 60_000);
        restwparTimedOut(instance);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_CANCEL_RESTORE, TASK_REMOVE_PARTIAL_RESTORE,
                TASK_RENAME_ORIGINAL_BACK, TASK_RESTART_ORIGINAL, END_EVENT_RESTORE_ROLLED_BACK)
                .hasNotPassed(TASK_CHECK_RESTORE).variables().containsEntry("outcome", "ROLLED_BACK")
                .containsEntry("failureCode", "RESTORE_TIMEOUT");
        Assertions.assertThat(calls).containsSubsequence("startRestoreDelegate", "cancelRestwparDelegate",
                "removePartialRestoreDelegate", "renameOriginalBackDelegate", "restartOriginalWparDelegate",
                "releaseRestoreLocksDelegate");
    }

    @Test
    void restwparTimedOutAfterRemovingLeavesTheWparAbsent() {
        fail("cancelRestwparDelegate", "RESTORE_TIMEOUT");
        ProcessInstance instance = waitingForRestwpar("remove", false);
        restwparTimedOut(instance);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_CANCEL_RESTORE, END_EVENT_WPAR_ABSENT)
                .hasNotPassed(TASK_CHECK_RESTORE).variables()
                .containsEntry("outcome", "ABSENT").containsEntry("failureCode", "RESTORE_TIMEOUT");
    }

    @Test
    void aRunThatExitedAsTheTimerFiredIsCheckedAsUsual() {
        ProcessInstance instance = waitingForRestwpar("remove", false);
        restwparTimedOut(instance);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_CANCEL_RESTORE, TASK_CHECK_RESTORE,
                END_EVENT_WPAR_RESTORED).variables().containsEntry("outcome", "RESTORED");
    }

    @Test
    void verificationFailedAfterTheRestoreRollsBackToo() {
        fail("verifyRestoredDelegate", "VERIFY_FAILED");
        ProcessInstance instance = waitingForRestwpar("rename", true);
        restwparFinished(instance);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_START_WPAR, TASK_REMOVE_PARTIAL_RESTORE,
                TASK_RENAME_ORIGINAL_BACK, END_EVENT_RESTORE_ROLLED_BACK).variables()
                .containsEntry("failureCode", "VERIFY_FAILED");
    }

    @Test
    void aTechnicalFailureIsAnIncidentAndTheLeasesGoWhenTheInstanceIsCancelled() {
        behaviour.put("startRestoreDelegate", e -> {
            throw new IllegalStateException("ssh lpar00: connection refused");
        });
        ProcessInstance instance = start("remove", false);
        harness.drive(instance);
        decide(instance, "approve");
        harness.driveThroughFailures(instance);

        assertThat(instance).isNotEnded();
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        Assertions.assertThat(incident.getActivityId()).isEqualTo(TASK_START_RESTORE);
        Assertions.assertThat(incident.getIncidentMessage()).contains("connection refused");
        Assertions.assertThat(calls).doesNotContain("releaseRestoreLocksDelegate", "end listener");

        runtimeService().deleteProcessInstance(instance.getId(), "given up by an operator");
        Assertions.assertThat(calls).endsWith("end listener");
    }

    @Test
    void aFailedRollbackStepIsAnIncidentNotABusinessError() {
        fail("checkRestwparRunDelegate", "RESTORE_FAILED");
        behaviour.put("renameOriginalBackDelegate", e -> {
            throw new IllegalStateException("rolling back the restore of lpar00/wpr00: chwpar failed");
        });
        ProcessInstance instance = waitingForRestwpar("rename", true);
        restwparFinished(instance);
        harness.driveThroughFailures(instance);

        assertThat(instance).isNotEnded();
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult()
                .getActivityId()).isEqualTo(TASK_RENAME_ORIGINAL_BACK);
        Assertions.assertThat(calls).filteredOn("renameOriginalBackDelegate"::equals).hasSize(3);
    }
}
