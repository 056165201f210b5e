package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationModel.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.BpmnError;
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
import dev.wparflow.process.relocation.RelocationSettings;

/**
 * Every path of WparStaticRelocationProcess with mocked delegates: relocated (Active and Defined), refused before
 * anything changed, waiting for a lock and giving up, rolled back after a failed step, a save timeout or an
 * operator's abort, and a technical failure left as an incident.
 */
@Deployment(resources = "processes/WparStaticRelocationProcess.bpmn")
class WparStaticRelocationProcessTest {

    static final List<String> DELEGATES = List.of("verifyDepartingWparDelegate", "lockDepartingWparDelegate",
            "verifyAbsentOnArrivalDelegate", "lockArrivingWparDelegate", "writeDepartureSpecDelegate",
            "recordTransitionalDelegate", "stopDepartingWparDelegate", "saveWparDelegate", "checkSaveDelegate",
            "restoreWparDelegate", "checkRestoreDelegate", "startArrivingWparDelegate", "verifyArrivingWparDelegate",
            "verifyWparServicesDelegate", "recordRelocatedDelegate", "removeDepartingWparDelegate",
            "unlockArrivingWparDelegate", "unlockDepartingWparDelegate", "removeImageDelegate",
            "removePartialCopyDelegate", "restoreDepartingWparDelegate", "releaseRelocationLocksDelegate",
            "cancelSaveRunDelegate", "cancelRestoreRunDelegate", "recordRelocationOutcomeDelegate",
            "startApplicationOnArrivalDelegate");

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.recording(DELEGATES);

    final List<String> calls = harness.calls();
    final Map<String, JavaDelegate> behaviour = harness.behaviour();
    boolean wasActive = true;
    boolean application;
    boolean lpar00Down;
    int lockFreeFromAttempt = 1;
    final FakeRemoteRunWait runWait = harness.runWait();

    @BeforeEach
    void mocks() {
        Mocks.register("relocationSettings", new RelocationSettings("R1/PT1M", java.time.Duration.ofHours(1),
                java.time.Duration.ofMinutes(1), 3, java.time.Duration.ofHours(1), java.time.Duration.ofHours(1),
                "/images/relocation", List.of("hostname")));
        behaviour.put("verifyDepartingWparDelegate", e -> {
            e.setVariable("wasActive", wasActive);
            e.setVariable("applicationWpar", application);
        });
        behaviour.put("lockDepartingWparDelegate", e -> {
            int attempt = e.getVariable("lockAttempts") == null ? 1 : ((Number) e.getVariable("lockAttempts")).intValue() + 1;
            e.setVariable("lockAttempts", attempt);
            e.setVariable("departureLocked", attempt >= lockFreeFromAttempt);
            e.setVariable("lockHeldBy", attempt >= lockFreeFromAttempt ? null : "wpar:lpar00/wpr00 is held by other");
            e.setVariable("departureToken", 7L);
        });
        behaviour.put("saveWparDelegate", e -> e.setVariable("saveRunId", "run-save"));
        behaviour.put("restoreWparDelegate", e -> e.setVariable("restoreRunId", "run-restore"));
        behaviour.put("recordRelocationOutcomeDelegate", e -> e.getProcessInstance().setVariable("outcome",
                e.getVariable("recordOutcome")));
    }

    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("WparStaticRelocationProcess",
                Map.of("wpar", "wpr00", "departingLpar", "lpar00", "arrivingLpar", "lpar01"));
    }

    void saveFinished(ProcessInstance instance) {
        harness.runEnded(instance, "run-save", "Event_SaveWparFinished");
    }

    void restoreFinished(ProcessInstance instance) {
        harness.runEnded(instance, "run-restore", "Event_RestoreWparFinished");
    }

    @Test
    void activeWparIsRelocatedRowByRow() {
        ProcessInstance instance = start();
        harness.drive(instance);
        assertThat(instance).isWaitingAt(EVENT_SAVE_WPAR_FINISHED);
        saveFinished(instance);
        harness.drive(instance);
        assertThat(instance).isWaitingAt(EVENT_RESTORE_WPAR_FINISHED);
        restoreFinished(instance);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(END_EVENT_WPAR_RELOCATED, TASK_CHECK_SAVE, TASK_CHECK_RESTORE)
                .hasNotPassed(TASK_REMOVE_PARTIAL_COPY, TASK_CANCEL_SAVE_RUN, TASK_CANCEL_RESTORE_RUN)
                .variables().containsEntry("outcome", "RELOCATED");
        Assertions.assertThat(runWait.begun).containsExactly("run-save", "run-restore");
        Assertions.assertThat(calls).containsExactly("verifyDepartingWparDelegate", "lockDepartingWparDelegate",
                "verifyAbsentOnArrivalDelegate", "lockArrivingWparDelegate", "writeDepartureSpecDelegate",
                "recordTransitionalDelegate", "stopDepartingWparDelegate", "saveWparDelegate", "checkSaveDelegate",
                "restoreWparDelegate", "checkRestoreDelegate", "startArrivingWparDelegate",
                "verifyArrivingWparDelegate", "verifyWparServicesDelegate", "recordRelocatedDelegate",
                "removeDepartingWparDelegate", "unlockArrivingWparDelegate", "unlockDepartingWparDelegate",
                "removeImageDelegate", "recordRelocationOutcomeDelegate");
    }

    @Test
    void applicationWparFollowsTable43WithoutSaveOrRestore() {
        application = true;
        ProcessInstance instance = start();
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_START_APPLICATION_ON_ARRIVAL, END_EVENT_WPAR_RELOCATED)
                .hasNotPassed(TASK_SAVE_WPAR, TASK_RESTORE_WPAR, TASK_VERIFY_WPAR_SERVICES)
                .variables().containsEntry("outcome", "RELOCATED");
        Assertions.assertThat(calls).containsExactly("verifyDepartingWparDelegate", "lockDepartingWparDelegate",
                "verifyAbsentOnArrivalDelegate", "lockArrivingWparDelegate", "writeDepartureSpecDelegate",
                "recordTransitionalDelegate", "stopDepartingWparDelegate", "startApplicationOnArrivalDelegate",
                "verifyArrivingWparDelegate", "recordRelocatedDelegate", "removeDepartingWparDelegate",
                "unlockArrivingWparDelegate", "unlockDepartingWparDelegate", "removeImageDelegate",
                "recordRelocationOutcomeDelegate");
    }

    @Test
    void applicationWparThatFailsToStartOnArrivalIsRolledBack() {
        application = true;
        behaviour.put("startApplicationOnArrivalDelegate", e -> {
            throw new BpmnError("START_FAILED", "wparexec: 0960-033 Error creating file system /mnt/app01.");
        });
        ProcessInstance instance = start();
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_REMOVE_PARTIAL_COPY, TASK_RESTORE_DEPARTING_WPAR,
                END_EVENT_RELOCATION_ROLLED_BACK).variables().containsEntry("outcome", "ROLLED_BACK");
    }

    @Test
    void definedWparIsNeitherStoppedNorStarted() {
        wasActive = false;
        ProcessInstance instance = start();
        harness.drive(instance);
        saveFinished(instance);
        harness.drive(instance);
        restoreFinished(instance);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(END_EVENT_WPAR_RELOCATED, TASK_VERIFY_ARRIVING_WPAR)
                .hasNotPassed(TASK_STOP_DEPARTING_WPAR, TASK_START_ARRIVING_WPAR, TASK_VERIFY_WPAR_SERVICES);
    }

    @Test
    void wparNotMovableIsRefused() {
        behaviour.put("verifyDepartingWparDelegate", e -> {
            throw new BpmnError("WPAR_NOT_FOUND", "WPAR wpr00 does not exist on lpar00");
        });
        ProcessInstance instance = start();
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_DEPARTING_WPAR_REFUSED, TASK_RELEASE_LOCKS_AFTER_REFUSAL,
                END_EVENT_RELOCATION_REFUSED).variables().containsEntry("outcome", "REFUSED")
                .containsEntry("failureCode", "WPAR_NOT_FOUND");
        Assertions.assertThat(calls).doesNotContain("stopDepartingWparDelegate", "saveWparDelegate");
    }

    @Test
    void wparThatVanishesBeforeItsLockIsRefused() {
        behaviour.put("lockDepartingWparDelegate", e -> {
            throw new BpmnError("WPAR_NOT_FOUND", "WPAR wpr00 does not exist on lpar00");
        });
        ProcessInstance instance = start();
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed("BoundaryEvent_DepartingWparVanished",
                "Task_ReleaseLocksAfterRefusal", "EndEvent_RelocationRefused").variables()
                .containsEntry("outcome", "REFUSED").containsEntry("failureCode", "WPAR_NOT_FOUND");
        Assertions.assertThat(calls).doesNotContain("verifyAbsentOnArrivalDelegate", "stopDepartingWparDelegate");
    }

    @Test
    void nameTakenOnTargetIsRefused() {
        behaviour.put("verifyAbsentOnArrivalDelegate", e -> {
            throw new BpmnError("NAME_TAKEN_ON_TARGET", "a WPAR named wpr00 already exists on lpar01");
        });
        ProcessInstance instance = start();
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_NAME_TAKEN_ON_TARGET, END_EVENT_RELOCATION_REFUSED);
        Assertions.assertThat(calls).contains("releaseRelocationLocksDelegate").doesNotContain("stopDepartingWparDelegate");
    }

    @Test
    void arrivalLeaseHeldByAnotherIsRefused() {
        behaviour.put("lockArrivingWparDelegate", e -> {
            throw new BpmnError("WPAR_LOCKED", "wpar:lpar01/wpr00 is held by other");
        });
        ProcessInstance instance = start();
        harness.drive(instance);
        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_ARRIVING_WPAR_LOCKED, END_EVENT_RELOCATION_REFUSED);
    }

    @Test
    void departureLockIsWaitedForThenTaken() {
        lockFreeFromAttempt = 2;
        ProcessInstance instance = start();
        harness.drive(instance);
        assertThat(instance).isWaitingAt(EVENT_WAIT_FOR_LOCK);
        harness.fireTimer(instance, EVENT_WAIT_FOR_LOCK);
        harness.drive(instance);
        assertThat(instance).isWaitingAt(EVENT_SAVE_WPAR_FINISHED);
    }

    @Test
    void departureLockHeldTooLongIsRefused() {
        lockFreeFromAttempt = 99;
        ProcessInstance instance = start();
        harness.drive(instance);
        harness.fireTimer(instance, EVENT_WAIT_FOR_LOCK);
        harness.drive(instance);
        harness.fireTimer(instance, EVENT_WAIT_FOR_LOCK);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(END_EVENT_RELOCATION_REFUSED).hasNotPassed(TASK_VERIFY_ABSENT_ON_ARRIVAL)
                .variables().containsEntry("lockAttempts", 3);
    }

    @Test
    void failedRestoreRollsBack() {
        behaviour.put("checkRestoreDelegate", e -> {
            throw new BpmnError("RESTORE_FAILED", "restwpar exited 1");
        });
        ProcessInstance instance = start();
        harness.drive(instance);
        saveFinished(instance);
        harness.drive(instance);
        restoreFinished(instance); // restwpar exited 1: the check fails
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_MOVE_FAILED, TASK_REMOVE_PARTIAL_COPY,
                TASK_RESTORE_DEPARTING_WPAR, TASK_RELEASE_LOCKS_AFTER_ROLLBACK, TASK_REMOVE_IMAGE_AFTER_ROLLBACK,
                END_EVENT_RELOCATION_ROLLED_BACK).hasNotPassed(TASK_REMOVE_DEPARTING_WPAR)
                .variables().containsEntry("outcome", "ROLLED_BACK").containsEntry("failureCode", "RESTORE_FAILED");
    }

    @Test
    void failedStartOnArrivalRollsBack() {
        behaviour.put("startArrivingWparDelegate", e -> {
            throw new BpmnError("START_FAILED", "startwpar failed");
        });
        ProcessInstance instance = start();
        harness.drive(instance);
        saveFinished(instance);
        harness.drive(instance);
        restoreFinished(instance);
        harness.drive(instance);
        assertThat(instance).isEnded().hasPassed(END_EVENT_RELOCATION_ROLLED_BACK);
    }

    @Test
    void saveWaitIsDueAtTheSaveTimeout() {
        ProcessInstance instance = start();
        harness.drive(instance);
        assertThat(instance).isWaitingAt(EVENT_SAVE_WPAR_FINISHED);
        Job wait = managementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(EVENT_SAVE_WPAR_FINISHED).singleResult();
        // relocationSettings.saveTimeout: one hour
        Assertions.assertThat(wait.getDuedate()).isCloseTo(new java.util.Date(System.currentTimeMillis() + 3_600_000L),
                60_000L);
    }

    @Test
    void saveTimeoutCancelsTheRunAndRollsBack() {
        ProcessInstance instance = start();
        harness.drive(instance);
        assertThat(instance).isWaitingAt(EVENT_SAVE_WPAR_FINISHED);
        // due at the save timeout and savewpar has not ended: the timer fired by itself
        harness.fireTimer(instance, EVENT_SAVE_WPAR_FINISHED);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_CANCEL_SAVE_RUN, END_EVENT_SAVE_TIMED_OUT,
                END_EVENT_RELOCATION_ROLLED_BACK).hasNotPassed(TASK_CHECK_SAVE, TASK_RESTORE_WPAR)
                .variables().containsEntry("failureCode", "SAVE_TIMED_OUT");
        Assertions.assertThat(calls).contains("cancelSaveRunDelegate", "removePartialCopyDelegate",
                "restoreDepartingWparDelegate").doesNotContain("checkSaveDelegate", "restoreWparDelegate");
    }

    @Test
    void restoreTimeoutCancelsTheRunAndRollsBack() {
        ProcessInstance instance = start();
        harness.drive(instance);
        saveFinished(instance);
        harness.drive(instance);
        assertThat(instance).isWaitingAt(EVENT_RESTORE_WPAR_FINISHED);
        // due at the restore timeout and restwpar has not ended
        harness.fireTimer(instance, EVENT_RESTORE_WPAR_FINISHED);
        harness.drive(instance);
        assertThat(instance).isEnded().hasPassed(TASK_CHECK_SAVE, TASK_CANCEL_RESTORE_RUN, END_EVENT_RESTORE_TIMED_OUT,
                END_EVENT_RELOCATION_ROLLED_BACK).hasNotPassed(TASK_CANCEL_SAVE_RUN, TASK_CHECK_RESTORE)
                .variables().containsEntry("failureCode", "RESTORE_TIMED_OUT");
        Assertions.assertThat(calls).contains("cancelRestoreRunDelegate").doesNotContain("checkRestoreDelegate",
                "cancelSaveRunDelegate");
    }

    @Test
    void operatorAbortRollsBack() {
        ProcessInstance instance = start();
        harness.drive(instance);
        assertThat(instance).isWaitingAt(EVENT_SAVE_WPAR_FINISHED);
        runtimeService().createMessageCorrelation("RelocationAbortRequested").processInstanceId(instance.getId())
                .correlate();
        // the wait's timer went with it: when savewpar ends, nobody waits for it any more
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .count()).isZero();
        harness.drive(instance);
        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_ABORT_REQUESTED, END_EVENT_RELOCATION_ROLLED_BACK)
                .hasNotPassed(TASK_CHECK_SAVE, TASK_CANCEL_SAVE_RUN);
    }

    @Test
    void technicalFailureBecomesAnIncidentAndResumesWhereItStopped() {
        behaviour.put("removeDepartingWparDelegate", e -> {
            if (lpar00Down) {
                throw new IllegalStateException("CONNECT_REFUSED on lpar00 running `rmwpar wpr00`");
            }
        });
        lpar00Down = true;
        ProcessInstance instance = start();
        harness.drive(instance);
        saveFinished(instance);
        harness.drive(instance);
        restoreFinished(instance);
        harness.driveThroughFailures(instance);

        assertThat(instance).isWaitingAt(TASK_REMOVE_DEPARTING_WPAR);
        lpar00Down = false;
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult()
                .getIncidentMessage()).contains("lpar00", "rmwpar");
        Job failed = managementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
        managementService().setJobRetries(failed.getId(), 1); // the operator's retry in Cockpit
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(END_EVENT_WPAR_RELOCATED);
        Assertions.assertThat(calls.stream().filter("saveWparDelegate"::equals)).hasSize(1);
    }
}
