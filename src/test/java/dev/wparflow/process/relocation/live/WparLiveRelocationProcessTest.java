package dev.wparflow.process.relocation.live;

import static dev.wparflow.process.relocation.live.LiveRelocationModel.*;
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
import dev.wparflow.process.relocation.RelocationStepException;

/**
 * Every path of WparLiveRelocationProcess with mocked delegates: a system WPAR (pre-staged) and an application
 * WPAR moved, a refusal before anything changed, and the abort path (movewpar -x on both sides) after a failed
 * move, a timed-out move and an operator's abort.
 */
@Deployment(resources = "processes/WparLiveRelocationProcess.bpmn")
class WparLiveRelocationProcessTest {

    static final List<String> DELEGATES = List.of("verifyLiveDepartureDelegate", "prestageArrivingWparDelegate",
            "setArrivalClockDelegate", "startMoveDepartureDelegate", "startMoveArrivalDelegate", "checkMoveDelegate",
            "cleanUpDepartureDelegate", "abortMoveDelegate", "unlockLiveRelocationDelegate",
            "recordRelocationOutcomeDelegate");

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.recording(DELEGATES);

    final List<String> calls = harness.calls();
    final Map<String, JavaDelegate> behaviour = harness.behaviour();
    boolean systemWpar = true;
    final FakeRemoteRunWait runWait = harness.runWait();

    @BeforeEach
    void mocks() {
        Mocks.register("relocationSettings", RelocationSettings.defaults());
        behaviour.put("verifyLiveDepartureDelegate", e -> e.setVariable("systemWpar", systemWpar));
        behaviour.put("startMoveDepartureDelegate", e -> e.setVariable("connectionKey", "48693b810000db09"));
        behaviour.put("startMoveArrivalDelegate", e -> e.setVariable("moveRunId", "run-move"));
        behaviour.put("recordRelocationOutcomeDelegate", e -> e.getProcessInstance().setVariable("outcome",
                e.getVariable("recordOutcome")));
    }

    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("WparLiveRelocationProcess",
                Map.of("wpar", "mob01", "departingLpar", "lpar00", "arrivingLpar", "lpar01"));
    }

    /**
     * What the run watcher does when movewpar -k ends, whatever its exit code (Task_CheckMove judges it): the wait's
     * timer becomes due, and its job runs.
     */
    void moveFinished(ProcessInstance instance) {
        assertThat(instance).isWaitingAt("Event_MoveFinished");
        Assertions.assertThat(runWait.begun).containsExactly("run-move");
        runWait.end("run-move");
        fireWait(instance);
        harness.drive(instance);
    }

    void fireWait(ProcessInstance instance) {
        harness.fireTimer(instance, "Event_MoveFinished");
    }

    @Test
    void systemWparIsPrestagedAndMoved() {
        ProcessInstance instance = start();
        harness.drive(instance);
        assertThat(instance).isWaitingAt(EVENT_MOVE_FINISHED);
        moveFinished(instance);

        assertThat(instance).isEnded().hasPassed(TASK_PRESTAGE_ARRIVING_WPAR, END_EVENT_WPAR_RELOCATED)
                .hasNotPassed(TASK_ABORT_MOVE, END_EVENT_MOVE_TIMED_OUT).variables()
                .containsEntry("outcome", "RELOCATED");
        Assertions.assertThat(calls).containsExactly("verifyLiveDepartureDelegate", "prestageArrivingWparDelegate",
                "setArrivalClockDelegate", "startMoveDepartureDelegate", "startMoveArrivalDelegate",
                "checkMoveDelegate", "cleanUpDepartureDelegate", "unlockLiveRelocationDelegate",
                "recordRelocationOutcomeDelegate");
    }

    @Test
    void applicationWparIsNotPrestaged() {
        systemWpar = false;
        ProcessInstance instance = start();
        harness.drive(instance);
        moveFinished(instance);
        assertThat(instance).isEnded().hasPassed(END_EVENT_WPAR_RELOCATED).hasNotPassed(TASK_PRESTAGE_ARRIVING_WPAR);
    }

    @Test
    void notMovableIsRefusedBeforeAnythingChanges() {
        behaviour.put("verifyLiveDepartureDelegate", e -> {
            throw new BpmnError("NOT_CHECKPOINTABLE", "WPAR mob01 on lpar00 is not checkpointable");
        });
        ProcessInstance instance = start();
        harness.drive(instance);
        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_LIVE_REFUSED, END_EVENT_LIVE_RELOCATION_REFUSED)
                .variables().containsEntry("outcome", "REFUSED").containsEntry("failureCode", "NOT_CHECKPOINTABLE");
        Assertions.assertThat(calls).containsExactly("verifyLiveDepartureDelegate", "unlockLiveRelocationDelegate",
                "recordRelocationOutcomeDelegate");
    }

    @Test
    void failedMoveIsAbortedOnBothSides() {
        behaviour.put("checkMoveDelegate", e -> {
            throw new BpmnError("MOVE_FAILED", "movewpar -k of mob01 on lpar01 failed");
        });
        ProcessInstance instance = start();
        harness.drive(instance);
        moveFinished(instance); // movewpar -k exited 1: the check fails
        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_MOVE_FAILED, TASK_ABORT_MOVE, END_EVENT_MOVE_ABORTED)
                .hasNotPassed(TASK_CLEAN_UP_DEPARTURE).variables().containsEntry("outcome", "ROLLED_BACK")
                .containsEntry("failureCode", "MOVE_FAILED");
    }

    @Test
    void refusedSetclockOrMovewparAbortsToo() {
        behaviour.put("setArrivalClockDelegate", e -> {
            throw new BpmnError("SETCLOCK_FAILED", "setclock: Unable to get the time from 9.3.5.127.");
        });
        ProcessInstance instance = start();
        harness.drive(instance);
        assertThat(instance).isEnded().hasPassed(TASK_ABORT_MOVE, END_EVENT_MOVE_ABORTED)
                .hasNotPassed(TASK_START_DEPARTURE);
    }

    @Test
    void timedOutMoveIsAborted() {
        ProcessInstance instance = start();
        harness.drive(instance);
        assertThat(instance).isWaitingAt(EVENT_MOVE_FINISHED);
        Job wait = managementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(EVENT_MOVE_FINISHED).singleResult();
        // relocationSettings.moveTimeout (defaults: two hours)
        Assertions.assertThat(wait.getDuedate()).isCloseTo(new java.util.Date(System.currentTimeMillis()
                + java.time.Duration.parse(RelocationSettings.defaults().getMoveTimeout()).toMillis()), 60_000L);
        // due at the move timeout and movewpar -k has not ended: the timer fired by itself
        fireWait(instance);
        harness.drive(instance);
        assertThat(instance).isEnded().hasPassed(END_EVENT_MOVE_TIMED_OUT, TASK_ABORT_MOVE, END_EVENT_MOVE_ABORTED)
                .hasNotPassed(TASK_CHECK_MOVE, TASK_CLEAN_UP_DEPARTURE).variables()
                .containsEntry("failureCode", "MOVE_TIMED_OUT");
        Assertions.assertThat(calls).contains("abortMoveDelegate").doesNotContain("checkMoveDelegate");
    }

    @Test
    void operatorAbortRunsMovewparX() {
        ProcessInstance instance = start();
        harness.drive(instance);
        assertThat(instance).isWaitingAt(EVENT_MOVE_FINISHED);
        runtimeService().createMessageCorrelation("RelocationAbortRequested").processInstanceId(instance.getId())
                .correlate();
        // the wait's timer went with it: when movewpar -k ends, nobody waits for it any more
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .count()).isZero();
        harness.drive(instance);
        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_ABORT_REQUESTED, TASK_ABORT_MOVE,
                END_EVENT_MOVE_ABORTED).hasNotPassed(TASK_CHECK_MOVE, END_EVENT_MOVE_TIMED_OUT);
    }

    @Test
    void technicalFailureOfTheAbortIsAnIncident() {
        behaviour.put("checkMoveDelegate", e -> {
            throw new BpmnError("MOVE_FAILED", "failed");
        });
        behaviour.put("abortMoveDelegate", e -> {
            throw new RelocationStepException("abort: mob01 is gone from lpar00; an operator must look");
        });
        ProcessInstance instance = start();
        harness.drive(instance);
        harness.runEnded(instance, "run-move", EVENT_MOVE_FINISHED); // movewpar -k exited 1: the check fails
        harness.driveThroughFailures(instance);
        assertThat(instance).isWaitingAt(TASK_ABORT_MOVE);
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
                .isEqualTo(1);
    }
}
