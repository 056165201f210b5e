package dev.wparflow.process.relocation.live;

import static dev.wparflow.process.relocation.live.LiveRelocationModel.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.testsupport.FakeRemoteRunWait;
import dev.wparflow.testsupport.TestDatabases;
import dev.wparflow.process.relocation.RelocationSettings;
import dev.wparflow.process.relocation.RelocationStepException;

/**
 * Every path of WparLiveRelocationProcess with mocked delegates: a system WPAR (pre-staged) and an application
 * WPAR moved, a refusal before anything changed, and the abort path (movewpar -x on both sides) after a failed
 * move, a timed-out move and an operator's abort.
 */
@Deployment(resources = "processes/WparLiveRelocationProcess.bpmn")
class WparLiveRelocationProcessTest {

    @RegisterExtension
    ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .useProcessEngine(TestDatabases.h2Engine()).build();

    static final List<String> DELEGATES = List.of("verifyLiveDepartureDelegate", "prestageArrivingWparDelegate",
            "setArrivalClockDelegate", "startMoveDepartureDelegate", "startMoveArrivalDelegate", "checkMoveDelegate",
            "cleanUpDepartureDelegate", "abortMoveDelegate", "unlockLiveRelocationDelegate",
            "recordRelocationOutcomeDelegate");

    final List<String> calls = new ArrayList<>();
    final Map<String, JavaDelegate> behaviour = new HashMap<>();
    boolean systemWpar = true;
    final FakeRemoteRunWait runWait = new FakeRemoteRunWait();

    ProcessEngine engine() {
        return extension.getProcessEngine();
    }

    @BeforeEach
    void mocks() {
        init(engine());
        Mocks.register("remoteRunWait", runWait);
        Mocks.register("relocationSettings", RelocationSettings.defaults());
        behaviour.put("verifyLiveDepartureDelegate", e -> e.setVariable("systemWpar", systemWpar));
        behaviour.put("startMoveDepartureDelegate", e -> e.setVariable("connectionKey", "48693b810000db09"));
        behaviour.put("startMoveArrivalDelegate", e -> e.setVariable("moveRunId", "run-move"));
        behaviour.put("recordRelocationOutcomeDelegate", e -> e.getProcessInstance().setVariable("outcome",
                e.getVariable("recordOutcome")));
        for (String name : DELEGATES) {
            Mocks.register(name, (JavaDelegate) execution -> {
                calls.add(name);
                JavaDelegate b = behaviour.get(name);
                if (b != null) {
                    b.execute(execution);
                }
            });
        }
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("WparLiveRelocationProcess",
                Map.of("wpar", "mob01", "departingLpar", "lpar00", "arrivingLpar", "lpar01"));
    }

    void drive(ProcessInstance instance) {
        for (int i = 0; i < 100; i++) {
            List<Job> due = managementService().createJobQuery().processInstanceId(instance.getId()).messages().list()
                    .stream().filter(j -> j.getRetries() > 0).toList();
            if (due.isEmpty()) {
                return;
            }
            try {
                managementService().executeJob(due.get(0).getId());
            } catch (RuntimeException failed) {
                // technical failure: fewer retries
            }
        }
        throw new AssertionError("process does not settle");
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
        drive(instance);
    }

    void fireWait(ProcessInstance instance) {
        Job timer = managementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId("Event_MoveFinished").singleResult();
        Assertions.assertThat(timer).as("timer at Event_MoveFinished").isNotNull();
        execute(timer);
    }

    @Test
    void systemWparIsPrestagedAndMoved() {
        ProcessInstance instance = start();
        drive(instance);
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
        drive(instance);
        moveFinished(instance);
        assertThat(instance).isEnded().hasPassed(END_EVENT_WPAR_RELOCATED).hasNotPassed(TASK_PRESTAGE_ARRIVING_WPAR);
    }

    @Test
    void notMovableIsRefusedBeforeAnythingChanges() {
        behaviour.put("verifyLiveDepartureDelegate", e -> {
            throw new BpmnError("NOT_CHECKPOINTABLE", "WPAR mob01 on lpar00 is not checkpointable");
        });
        ProcessInstance instance = start();
        drive(instance);
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
        drive(instance);
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
        drive(instance);
        assertThat(instance).isEnded().hasPassed(TASK_ABORT_MOVE, END_EVENT_MOVE_ABORTED)
                .hasNotPassed(TASK_START_DEPARTURE);
    }

    @Test
    void timedOutMoveIsAborted() {
        ProcessInstance instance = start();
        drive(instance);
        assertThat(instance).isWaitingAt(EVENT_MOVE_FINISHED);
        Job wait = managementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(EVENT_MOVE_FINISHED).singleResult();
        // relocationSettings.moveTimeout (defaults: two hours)
        Assertions.assertThat(wait.getDuedate()).isCloseTo(new java.util.Date(System.currentTimeMillis()
                + java.time.Duration.parse(RelocationSettings.defaults().getMoveTimeout()).toMillis()), 60_000L);
        // due at the move timeout and movewpar -k has not ended: the timer fired by itself
        fireWait(instance);
        drive(instance);
        assertThat(instance).isEnded().hasPassed(END_EVENT_MOVE_TIMED_OUT, TASK_ABORT_MOVE, END_EVENT_MOVE_ABORTED)
                .hasNotPassed(TASK_CHECK_MOVE, TASK_CLEAN_UP_DEPARTURE).variables()
                .containsEntry("failureCode", "MOVE_TIMED_OUT");
        Assertions.assertThat(calls).contains("abortMoveDelegate").doesNotContain("checkMoveDelegate");
    }

    @Test
    void operatorAbortRunsMovewparX() {
        ProcessInstance instance = start();
        drive(instance);
        assertThat(instance).isWaitingAt(EVENT_MOVE_FINISHED);
        runtimeService().createMessageCorrelation("RelocationAbortRequested").processInstanceId(instance.getId())
                .correlate();
        // the wait's timer went with it: when movewpar -k ends, nobody waits for it any more
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .count()).isZero();
        drive(instance);
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
        drive(instance);
        moveFinished(instance); // movewpar -k exited 1: the check fails
        assertThat(instance).isWaitingAt(TASK_ABORT_MOVE);
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
                .isEqualTo(1);
    }
}
