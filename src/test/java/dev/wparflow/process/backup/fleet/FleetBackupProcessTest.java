package dev.wparflow.process.backup.fleet;

import static dev.wparflow.process.backup.fleet.FleetBackupModel.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.testsupport.ProcessHarness;
import dev.wparflow.process.backup.BackupSchedule;
import dev.wparflow.process.backup.BackupSettings;
import dev.wparflow.process.backup.host.HostBackupModel;

/**
 * Every path of FleetBackupProcess and its HostBackupProcess with mocked delegates and a stub WparBackupProcess: hosts
 * with WPARs drained by their lanes (each WPAR backed up exactly once, with the fleet run's ids), a host with nothing
 * (or down), a lane waiting for a global slot, the nightly timer start, and a failed child backup that the run
 * survives. The lane's own steps add no job: a host's WPARs cost the stub's job each plus the listing and the ends.
 */
@Deployment(resources = {"processes/FleetBackupProcess.bpmn", "processes/HostBackupProcess.bpmn",
        "bpmn/WparBackupProcessStub.bpmn", "bpmn/GlobalBackupProcessStub.bpmn", "forms/fleet-backup-request.form"})
class FleetBackupProcessTest {

    static final List<String> DELEGATES = List.of("planFleetBackupDelegate", "listHostWparsDelegate",
            "claimNextWparDelegate", "acquireGlobalSlotDelegate", "releaseGlobalSlotDelegate",
            "summarizeFleetBackupDelegate", "stubBackupDelegate", "stubGlobalBackupDelegate");

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.recording(DELEGATES);

    final List<String> calls = harness.calls();
    final Map<String, JavaDelegate> behaviour = harness.behaviour();
    final Map<String, Deque<String>> queues = new HashMap<>();
    final List<String> backedUp = new ArrayList<>();
    int slotRefusals;
    /** wparflow.backup.global.order of the run; off unless a test says otherwise */
    String globalOrder = "off";
    final List<String> globallyBackedUp = new ArrayList<>();

    @BeforeEach
    void mocks() {
        Mocks.register("backupSchedule", new BackupSchedule(new BackupSettings("0 0 2 * * ?", null, null, null, null,
                null, null, null, null, null, null, null, null, java.time.Duration.ofSeconds(5), null)));
        queues.put("lpar00", new ArrayDeque<>(List.of("wpr00", "wpr01", "wpr02")));
        queues.put("lpar01", new ArrayDeque<>());
        behaviour.put("planFleetBackupDelegate", e -> {
            e.setVariable("backupRunId", "run-1");
            e.setVariable("fleetHosts", "lpar00,lpar01");
            e.setVariable("perHost", 2);
            e.setVariable("globalLimit", 0);
            e.setVariable("globalOrder", globalOrder);
        });
        Mocks.register("globalBackup", new dev.wparflow.process.backup.global.GlobalBackupSchedule(
                new dev.wparflow.process.backup.global.GlobalBackupSettings(null, null, null, null, null, null)));
        behaviour.put("stubGlobalBackupDelegate", e -> {
            Assertions.assertThat(e.getVariable("backupRunId")).isEqualTo("run-1");
            globallyBackedUp.add(e.getVariable("lpar") + (backedUp.isEmpty() ? " before" : " after"));
        });
        behaviour.put("listHostWparsDelegate", e -> e.setVariable("laneCount",
                Math.min(2, queues.get((String) e.getVariable("host")).size())));
        behaviour.put("claimNextWparDelegate", e -> {
            String w = queues.get((String) e.getVariable("host")).poll();
            e.setVariable("itemId", w == null ? null : "item-" + w);
            e.setVariable("wpar", w);
        });
        behaviour.put("acquireGlobalSlotDelegate", e -> {
            if (slotRefusals > 0) {
                slotRefusals--;
                e.setVariable("slot", null);
            } else {
                e.setVariable("slot", "slot-" + e.getVariable("wpar"));
            }
        });
        behaviour.put("stubBackupDelegate", this::backup);
        behaviour.put("summarizeFleetBackupDelegate", e -> e.setVariable("summary", "done " + backedUp.size()));
    }

    void backup(DelegateExecution e) {
        Assertions.assertThat(e.getVariable("backupRunId")).isEqualTo("run-1");
        Assertions.assertThat(e.getVariable("itemId")).isEqualTo("item-" + e.getVariable("wpar"));
        backedUp.add(e.getVariable("host") + "/" + e.getVariable("wpar"));
    }

    /** How often {@code activityId} was passed in any HostBackupProcess instance. */
    long hostPassed(String activityId) {
        return historyService().createHistoricActivityInstanceQuery().activityId(activityId).finished().list().stream()
                .filter(a -> a.getProcessDefinitionKey().equals("HostBackupProcess")).count();
    }

    ProcessInstance request() {
        return runtimeService().startProcessInstanceByMessage("FleetBackupRequested", Map.of("scope", "all"));
    }

    @Test
    void everyWparOfTheHostIsBackedUpOnceByItsLanes() {
        ProcessInstance instance = request();
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(TASK_PLAN_FLEET_BACKUP, CALL_ACTIVITY_BACKUP_HOST,
                TASK_SUMMARIZE_FLEET_BACKUP, END_EVENT_FLEET_BACKED_UP).variables().containsEntry("summary", "done 3");
        Assertions.assertThat(hostPassed(HostBackupModel.SUB_PROCESS_LANE)).as("lanes of lpar00").isEqualTo(2);
        Assertions.assertThat(hostPassed(HostBackupModel.END_EVENT_NOTHING_TO_BACK_UP)).as("lpar01 has nothing").isEqualTo(1);
        Assertions.assertThat(hostPassed(HostBackupModel.END_EVENT_HOST_DONE)).isEqualTo(1);
        Assertions.assertThat(backedUp).containsExactlyInAnyOrder("lpar00/wpr00", "lpar00/wpr01", "lpar00/wpr02");
        Assertions.assertThat(calls.stream().filter("listHostWparsDelegate"::equals)).hasSize(2);
        // 3 WPARs claimed + one empty claim per lane (2 lanes)
        Assertions.assertThat(calls.stream().filter("claimNextWparDelegate"::equals)).hasSize(5);
        Assertions.assertThat(calls.stream().filter("releaseGlobalSlotDelegate"::equals)).hasSize(3);
        // plan, 2 listings, 3 backups, 2 lane ends, 2 host ends, summary: claiming and the slots ride along
        Assertions.assertThat(historyService().createHistoricJobLogQuery().successLog().list().stream()
                .map(l -> l.getActivityId() + "/" + l.getJobDefinitionConfiguration()).toList())
                .containsExactlyInAnyOrder("Task_PlanFleetBackup/async-before", "Task_ListHostWpars/async-before",
                        "Task_ListHostWpars/async-before", "Task_StubBackup/async-before",
                        "Task_StubBackup/async-before", "Task_StubBackup/async-before",
                        "EndEvent_LaneDone/async-before", "EndEvent_LaneDone/async-before",
                        // each host's end is a job of the fleet instance: they run one at a time, no races
                        "CallActivity_BackupHost/async-after", "CallActivity_BackupHost/async-after",
                        "Task_SummarizeFleetBackup/async-before");
    }

    @Test
    void theGlobalEnvironmentsAreBackedUpAfterTheWparsByDefault() {
        globalOrder = "after";
        ProcessInstance instance = request();
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(GATEWAY_GLOBAL_BEFORE, CALL_ACTIVITY_BACKUP_HOST,
                GATEWAY_GLOBAL_AFTER, CALL_ACTIVITY_GLOBAL_BACKUPS_AFTER, GATEWAY_JOIN_AFTER,
                END_EVENT_FLEET_BACKED_UP).hasNotPassed(CALL_ACTIVITY_GLOBAL_BACKUPS_BEFORE);
        Assertions.assertThat(globallyBackedUp).containsExactlyInAnyOrder("lpar00 after", "lpar01 after");
        Assertions.assertThat(backedUp).hasSize(3);
    }

    @Test
    void theGlobalEnvironmentsAreBackedUpBeforeTheWparsWhenConfiguredSo() {
        globalOrder = "before";
        ProcessInstance instance = request();
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(CALL_ACTIVITY_GLOBAL_BACKUPS_BEFORE, GATEWAY_JOIN_BEFORE,
                CALL_ACTIVITY_BACKUP_HOST, END_EVENT_FLEET_BACKED_UP).hasNotPassed(CALL_ACTIVITY_GLOBAL_BACKUPS_AFTER);
        Assertions.assertThat(globallyBackedUp).containsExactlyInAnyOrder("lpar00 before", "lpar01 before");
        Assertions.assertThat(backedUp).hasSize(3);
    }

    @Test
    void offTakesNoGlobalBackup() {
        ProcessInstance instance = request();
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(END_EVENT_FLEET_BACKED_UP)
                .hasNotPassed(CALL_ACTIVITY_GLOBAL_BACKUPS_BEFORE, CALL_ACTIVITY_GLOBAL_BACKUPS_AFTER);
        Assertions.assertThat(globallyBackedUp).isEmpty();
    }

    @Test
    void hostWithNothingToBackUpEndsAtOnce() {
        queues.get("lpar00").clear();
        ProcessInstance instance = request();
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(END_EVENT_FLEET_BACKED_UP);
        Assertions.assertThat(hostPassed(HostBackupModel.END_EVENT_NOTHING_TO_BACK_UP)).isEqualTo(2);
        Assertions.assertThat(hostPassed(HostBackupModel.SUB_PROCESS_LANE)).isZero();
        Assertions.assertThat(calls).doesNotContain("claimNextWparDelegate", "stubBackupDelegate");
    }

    @Test
    void laneWaitsForAGlobalSlot() {
        queues.get("lpar00").retainAll(List.of("wpr00"));
        slotRefusals = 1;
        ProcessInstance instance = request();
        harness.driveAll();
        Job timer = managementService().createJobQuery().timers().activityId(HostBackupModel.EVENT_WAIT_FOR_SLOT).singleResult();
        Assertions.assertThat(timer).as("waiting for a slot").isNotNull();
        Assertions.assertThat(backedUp).isEmpty();
        execute(timer);
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(END_EVENT_FLEET_BACKED_UP);
        Assertions.assertThat(hostPassed(HostBackupModel.EVENT_WAIT_FOR_SLOT)).isEqualTo(1);
        Assertions.assertThat(backedUp).containsExactly("lpar00/wpr00");
        Assertions.assertThat(calls.stream().filter("acquireGlobalSlotDelegate"::equals)).hasSize(2);
    }

    @Test
    void aFailedChildIsAnIncidentTheRunWaitsFor() {
        behaviour.put("stubBackupDelegate", e -> {
            if ("wpr01".equals(e.getVariable("wpar"))) {
                throw new IllegalStateException("ssh: connection lost");
            }
            backup(e);
        });
        ProcessInstance instance = request();
        harness.driveAllThroughFailures();

        assertThat(instance).isNotEnded();
        Assertions.assertThat(runtimeService().createIncidentQuery().list()).isNotEmpty();
        Assertions.assertThat(backedUp).containsExactlyInAnyOrder("lpar00/wpr00", "lpar00/wpr02");
        Assertions.assertThat(calls).doesNotContain("summarizeFleetBackupDelegate");

        // the operator fixes it and retries in Cockpit: the run finishes with its summary
        behaviour.put("stubBackupDelegate", this::backup);
        managementService().createJobQuery().withException().list()
                .forEach(j -> managementService().setJobRetries(j.getId(), 1));
        harness.driveAll();
        assertThat(instance).isEnded().hasPassed(END_EVENT_FLEET_BACKED_UP).variables().containsEntry("summary", "done 3");
    }

    @Test
    void tasklistsStartFormStartsARunAtTheTimerStartEvent() {
        String definition = repositoryService().createProcessDefinitionQuery().processDefinitionKey("FleetBackupProcess")
                .singleResult().getId();
        Assertions.assertThat(formService().getDeployedStartForm(definition))
                .asString(java.nio.charset.StandardCharsets.UTF_8).contains("\"id\": \"FleetBackupRequestForm\"");
        // as Tasklist submits the form: its fields as start variables
        ProcessInstance instance = formService().submitStartForm(definition, Map.of("scope", "host:lpar00",
                "perHost", 1, "consistency", "stop"));
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(START_EVENT_NIGHTLY, TASK_PLAN_FLEET_BACKUP, END_EVENT_FLEET_BACKED_UP)
                .hasNotPassed(START_EVENT_ON_DEMAND).variables().containsEntry("scope", "host:lpar00")
                .containsEntry("consistency", "stop");
        Assertions.assertThat(backedUp).containsExactlyInAnyOrder("lpar00/wpr00", "lpar00/wpr01", "lpar00/wpr02");
    }

    @Test
    void theNightlyTimerStartsARun() {
        Job timer = managementService().createJobQuery().timers().activityId(START_EVENT_NIGHTLY).singleResult();
        Assertions.assertThat(timer).as("nightly timer").isNotNull();
        execute(timer);
        harness.driveAll();

        Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey("FleetBackupProcess")
                .finished().count()).isEqualTo(1);
        Assertions.assertThat(backedUp).hasSize(3);
    }
}
