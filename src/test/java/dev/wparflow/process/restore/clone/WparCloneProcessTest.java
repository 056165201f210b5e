package dev.wparflow.process.restore.clone;

import static dev.wparflow.process.restore.clone.WparCloneModel.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.testsupport.FakeRemoteRunWait;
import dev.wparflow.testsupport.ProcessHarness;
import dev.wparflow.process.restore.RestoreSettings;

/**
 * Every path of WparCloneProcess with mocked delegates: cloned into the image's volume group or another one (edited
 * image.data), started or left Defined; refused at the plan (nothing created, nothing removed); the edited image.data
 * refused; restwpar failed, timed out, or the verification failed (what restwpar left is removed); a run that exited
 * as the timer fired; a technical failure left as an incident; the leases released on every path.
 */
@Deployment(resources = "processes/WparCloneProcess.bpmn")
class WparCloneProcessTest {

    static final List<String> DELEGATES = List.of("planCloneDelegate", "writeImageDataDelegate",
            "startCloneDelegate", "cancelRestwparDelegate", "checkRestwparRunDelegate", "startRestoredWparDelegate",
            "verifyRestoredDelegate", "removePartialCloneDelegate", "releaseRestoreLocksDelegate");

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.recording(DELEGATES);

    final List<String> calls = harness.calls();
    final Map<String, JavaDelegate> behaviour = harness.behaviour();
    boolean otherVolumeGroup;
    final FakeRemoteRunWait runWait = harness.runWait();

    @BeforeEach
    void mocks() {
        Mocks.register("restoreSettings", RestoreSettings.defaults());
        behaviour.put("planCloneDelegate", e -> {
            e.setVariable("expectedHostname", "wpr05.example");
            e.setVariable("editImageData", otherVolumeGroup);
        });
        behaviour.put("writeImageDataDelegate", e -> e.setVariable("imageDataFile", "/tmp/wpardata/wpr05/image.data.datavg"));
        behaviour.put("startCloneDelegate", e -> e.setVariable("restoreRunId", "run-clone"));
        behaviour.put("verifyRestoredDelegate", e -> e.setVariable("restoredState",
                Boolean.TRUE.equals(e.getVariable("start")) ? "ACTIVE" : "DEFINED"));
        Mocks.register("releaseRestoreLocksOnEndListener", (ExecutionListener) execution -> calls.add("end listener"));
    }

    ProcessInstance start(boolean startIt) {
        return runtimeService().startProcessInstanceByKey("WparCloneProcess", Map.of("host", "lpar01", "wpar", "wpr05",
                "imageId", "img-1", "address", "9.3.5.199", "start", startIt));
    }

    /** What the run watcher does when restwpar ends: the wait's timer becomes due, and its job runs. */
    void restwparFinished(ProcessInstance instance) {
        runWait.end("run-clone");
        fireWait(instance);
    }

    ProcessInstance waitingForRestwpar(boolean startIt) {
        ProcessInstance instance = start(startIt);
        harness.drive(instance);
        assertThat(instance).isWaitingAt("Event_CloneFinished");
        Assertions.assertThat(runWait.begun).containsExactly("run-clone");
        // no message subscription any more: the wait is its timer alone
        Assertions.assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(instance.getId())
                .count()).isZero();
        return instance;
    }

    /** The wait's timer fires by itself at the restore timeout: the run has not ended. */
    void fireTimeout(ProcessInstance instance) {
        fireWait(instance);
    }

    void fireWait(ProcessInstance instance) {
        harness.fireTimer(instance, "Event_CloneFinished");
    }

    void fail(String delegate, String code) {
        behaviour.put(delegate, e -> {
            throw new BpmnError(code, delegate + " says " + code);
        });
    }

    @Test
    void clonedIntoTheImagesVolumeGroupLeftDefined() {
        ProcessInstance instance = waitingForRestwpar(false);
        restwparFinished(instance);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_CHECK_CLONE, TASK_VERIFY_CLONE, END_EVENT_WPAR_CLONED)
                .hasNotPassed(TASK_WRITE_IMAGE_DATA, TASK_START_WPAR, TASK_REMOVE_PARTIAL_CLONE).variables()
                .containsEntry("outcome", "CLONED").containsEntry("restoredState", "DEFINED")
                .doesNotContainKey("failureCode");
        Assertions.assertThat(calls).containsExactly("planCloneDelegate", "startCloneDelegate",
                "checkRestwparRunDelegate", "verifyRestoredDelegate", "releaseRestoreLocksDelegate", "end listener");
    }

    @Test
    void clonedIntoAnotherVolumeGroupAndStarted() {
        otherVolumeGroup = true;
        ProcessInstance instance = waitingForRestwpar(true);
        restwparFinished(instance);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_WRITE_IMAGE_DATA, TASK_START_WPAR, END_EVENT_WPAR_CLONED)
                .variables().containsEntry("outcome", "CLONED").containsEntry("restoredState", "ACTIVE")
                .containsEntry("imageDataFile", "/tmp/wpardata/wpr05/image.data.datavg");
        Assertions.assertThat(calls).containsExactly("planCloneDelegate", "writeImageDataDelegate",
                "startCloneDelegate", "checkRestwparRunDelegate", "startRestoredWparDelegate", "verifyRestoredDelegate",
                "releaseRestoreLocksDelegate", "end listener");
    }

    @Test
    void refusalsAtThePlanCreateNothingAndRemoveNothing() {
        for (String code : List.of("NAME_TAKEN", "HOSTNAME_TAKEN", "ADDRESS_TAKEN", "IMAGE_NOT_GOLDEN",
                "IMAGE_NOT_FOUND", "IMAGE_CORRUPT", "VOLUME_GROUP_NOT_FOUND", "WPAR_LOCKED")) {
            calls.clear();
            fail("planCloneDelegate", code);
            ProcessInstance instance = start(true);
            harness.drive(instance);

            assertThat(instance).as(code).isEnded().hasPassed(BOUNDARY_EVENT_CLONE_FAILED, GATEWAY_CLONE_STARTED,
                    END_EVENT_CLONE_FAILED).hasNotPassed(TASK_START_CLONE, TASK_REMOVE_PARTIAL_CLONE).variables()
                    .containsEntry("outcome", "FAILED").containsEntry("failureCode", code)
                    .containsEntry("failureReason", "planCloneDelegate says " + code);
            Assertions.assertThat(calls).as(code).containsExactly("planCloneDelegate", "releaseRestoreLocksDelegate",
                    "end listener");
        }
    }

    @Test
    void anEditedImageDataRefusedBeforeRestwparRemovesNothing() {
        otherVolumeGroup = true;
        fail("writeImageDataDelegate", "IMAGE_CORRUPT");
        ProcessInstance instance = start(true);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_WRITE_IMAGE_DATA, END_EVENT_CLONE_FAILED)
                .hasNotPassed(TASK_START_CLONE, TASK_REMOVE_PARTIAL_CLONE).variables()
                .containsEntry("failureCode", "IMAGE_CORRUPT");
    }

    @Test
    void restwparFailedRemovesWhatItLeft() {
        fail("checkRestwparRunDelegate", "RESTORE_FAILED");
        ProcessInstance instance = waitingForRestwpar(true);
        restwparFinished(instance);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_REMOVE_PARTIAL_CLONE, END_EVENT_CLONE_FAILED)
                .hasNotPassed(TASK_START_WPAR, TASK_VERIFY_CLONE).variables().containsEntry("outcome", "FAILED")
                .containsEntry("failureCode", "RESTORE_FAILED");
        Assertions.assertThat(calls).endsWith("checkRestwparRunDelegate", "removePartialCloneDelegate",
                "releaseRestoreLocksDelegate", "end listener");
    }

    @Test
    void restwparTimedOutIsCancelledAndWhatItLeftRemoved() {
        fail("cancelRestwparDelegate", "RESTORE_TIMEOUT");
        ProcessInstance instance = waitingForRestwpar(true);
        Job timer = managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        Assertions.assertThat(timer.getDuedate()).as("restore-timeout PT4H")
                .isCloseTo(new java.util.Date(System.currentTimeMillis() + 4 * 3600_000L), 60_000);
        fireTimeout(instance);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_CANCEL_CLONE, TASK_REMOVE_PARTIAL_CLONE, END_EVENT_CLONE_FAILED)
                .hasNotPassed(TASK_CHECK_CLONE).variables().containsEntry("failureCode", "RESTORE_TIMEOUT");
        Assertions.assertThat(calls).endsWith("startCloneDelegate", "cancelRestwparDelegate",
                "removePartialCloneDelegate", "releaseRestoreLocksDelegate", "end listener");
    }

    @Test
    void aRunThatExitedAsTheTimerFiredIsCheckedAsUsual() {
        ProcessInstance instance = waitingForRestwpar(false);
        fireTimeout(instance);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_CANCEL_CLONE, TASK_CHECK_CLONE, END_EVENT_WPAR_CLONED)
                .variables().containsEntry("outcome", "CLONED");
    }

    @Test
    void verificationFailedRemovesTheClone() {
        fail("verifyRestoredDelegate", "VERIFY_FAILED");
        ProcessInstance instance = waitingForRestwpar(true);
        restwparFinished(instance);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_START_WPAR, TASK_REMOVE_PARTIAL_CLONE, END_EVENT_CLONE_FAILED)
                .variables().containsEntry("failureCode", "VERIFY_FAILED");
    }

    @Test
    void aTechnicalFailureIsAnIncident() {
        behaviour.put("startRestoredWparDelegate", e -> {
            throw new IllegalStateException("startwpar wpr05 on lpar01 exited 1");
        });
        ProcessInstance instance = waitingForRestwpar(true);
        restwparFinished(instance);
        harness.driveThroughFailures(instance);

        assertThat(instance).isNotEnded();
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult()
                .getActivityId()).isEqualTo(TASK_START_WPAR);
        runtimeService().deleteProcessInstance(instance.getId(), "given up");
        Assertions.assertThat(calls).endsWith("end listener").doesNotContain("removePartialCloneDelegate");
    }
}
