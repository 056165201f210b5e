package dev.wparflow.process.checkpoint.schedule;

import static dev.wparflow.process.checkpoint.schedule.CheckpointScheduleModel.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.testsupport.ProcessHarness;

/**
 * WparCheckpointScheduleProcess with mocked steps: it waits the interval, takes a checkpoint, applies the retention
 * and waits again, cycle after cycle (each timer fired by the test); the timer is due one interval after it was set;
 * a stopped schedule (the instance deleted) releases its leases.
 */
@Deployment(resources = "processes/WparCheckpointScheduleProcess.bpmn")
class CheckpointScheduleProcessTest {

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.recording(List.of("takeScheduledCheckpointDelegate",
            "applyCheckpointRetentionDelegate"));

    final List<String> calls = harness.calls();
    final Map<String, JavaDelegate> behaviour = harness.behaviour();

    @BeforeEach
    void mocks() {
        Mocks.register("releaseScheduleLocksOnEndListener", (ExecutionListener) e -> calls.add("end listener"));
        behaviour.put("takeScheduledCheckpointDelegate", e -> {
            long cycles = e.getVariable("cycles") == null ? 0 : (Long) e.getVariable("cycles");
            e.setVariable("cycles", cycles + 1);
        });
    }

    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("WparCheckpointScheduleProcess", "checkpoint-schedule:lpar00/mob01",
                new HashMap<>(Map.of("lpar", "lpar00", "wpar", "mob01", "interval", "PT6H", "keep", 2L)));
    }

    @Test
    void eachCycleWaitsTheIntervalTakesACheckpointAndAppliesTheRetention() {
        long before = System.currentTimeMillis();
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt(TIMER_NEXT_CHECKPOINT);
        Job timer = managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        Assertions.assertThat(timer.getDuedate()).isAfterOrEqualTo(new Date(before + 6 * 3600_000L - 1000));
        Assertions.assertThat(calls).isEmpty();

        for (int cycle = 1; cycle <= 3; cycle++) {
            harness.fireTimer(instance, TIMER_NEXT_CHECKPOINT);
            harness.driveAll();
            assertThat(instance).isWaitingAt(TIMER_NEXT_CHECKPOINT).variables().containsEntry("cycles", (long) cycle);
        }
        assertThat(instance).hasPassed(GATEWAY_JOIN_CYCLE, TASK_TAKE_SCHEDULED_CHECKPOINT, TASK_APPLY_RETENTION);
        Assertions.assertThat(calls).containsExactly("takeScheduledCheckpointDelegate",
                "applyCheckpointRetentionDelegate", "takeScheduledCheckpointDelegate",
                "applyCheckpointRetentionDelegate", "takeScheduledCheckpointDelegate",
                "applyCheckpointRetentionDelegate");
    }

    @Test
    void aStoppedScheduleReleasesItsLeases() {
        ProcessInstance instance = start();
        runtimeService().deleteProcessInstance(instance.getId(), "checkpoint schedule stopped");
        assertThat(instance).isEnded();
        Assertions.assertThat(calls).containsExactly("end listener");
    }
}
