package dev.wparflow.process.maintenance;

import static dev.wparflow.process.maintenance.LparMaintenanceModel.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
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
 * Every path of LparMaintenanceProcess with mocked steps, a stub approval, a stub evacuation and a stub global backup
 * (user tasks completed with their outcomes): two LPARs one at a time, the first evacuated and brought back; a
 * failed update that stops the rollout; an LPAR held by another operation, reported while the rollout goes on; an
 * update that times out and is cancelled; a failed backup; the window; rejected; refused at the plan; nothing to do;
 * two lanes.
 */
@Deployment(resources = { "processes/LparMaintenanceProcess.bpmn", "bpmn/relocation/ChangeApprovalProcess.stub.bpmn",
        "bpmn/maintenance/EvacuationProcess.stub.bpmn", "bpmn/maintenance/GlobalBackupProcess.stub.bpmn" })
class LparMaintenanceProcessTest {

    static final List<String> DELEGATES = List.of("planMaintenanceDelegate", "claimMaintenanceLparDelegate",
            "prepareMaintenanceLparDelegate", "startMaintenanceApplyDelegate", "cancelMaintenanceApplyDelegate",
            "checkMaintenanceApplyDelegate", "syncMaintenanceWparDelegate", "verifyMaintenanceLparDelegate",
            "finishMaintenanceLparDelegate", "recordMaintenanceOutcomeDelegate",
            "releaseMaintenanceLeasesOnEndListener");

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.recording(DELEGATES);

    final List<String> calls = harness.calls();
    final Map<String, org.camunda.bpm.engine.delegate.JavaDelegate> behaviour = harness.behaviour();

    /** the LPARs the claims hand out, in order */
    final Deque<String> lpars = new ArrayDeque<>();
    /** LPARs whose Active WPARs are evacuated */
    final List<String> evacuating = new ArrayList<>();
    /** LPARs another operation holds (host:LPAR) */
    final List<String> held = new ArrayList<>();
    /** LPARs whose update fails */
    final List<String> failing = new ArrayList<>();
    final List<String> synced = new ArrayList<>();
    final List<String> finished = new ArrayList<>();
    int toUpdate = 2;
    int lanes = 1;
    boolean backupFirst = true;
    boolean stopped;

    public class Wpars {
        public List<String> of(DelegateExecution e) {
            return List.of(e.getVariable("maintLpar") + "-w1", e.getVariable("maintLpar") + "-w2");
        }
    }

    @BeforeEach
    void mocks() {
        Mocks.register("changeApprovalRecord", new StubChangeApprovals("decision"));
        Mocks.register("maintenanceWpars", new Wpars());
        Mocks.register("maintenanceSettings", MaintenanceSettings.defaults());
        lpars.addAll(List.of("lpar00", "lpar01"));
        behaviour.put("planMaintenanceDelegate", e -> {
            e.setVariable("toUpdate", toUpdate);
            e.setVariable("lanes", lanes);
            e.setVariable("backupFirst", backupFirst);
            e.setVariable("summary", "Software maintenance: installp bos.rte.libc on 2 of 2 LPAR(s)");
            e.setVariable("plan", "lpar00: PLANNED");
            e.setVariable("riskLevel", "high");
        });
        behaviour.put("claimMaintenanceLparDelegate", e -> {
            String next = stopped ? null : lpars.poll();
            e.setVariableLocal("maintLpar", next);
            for (String v : List.of("evacuationId", "evacuationOutcome", "backupOutcome", "backupReason",
                    "backupImageIds", "applyRunId", "returnOutcome")) {
                e.setVariableLocal(v, null);
            }
            e.setVariableLocal("lparLeased", false);
            e.setVariableLocal("lparEvacuate", false);
            e.setVariableLocal("applied", false);
        });
        behaviour.put("prepareMaintenanceLparDelegate", e -> {
            boolean leased = !held.contains((String) e.getVariable("maintLpar"));
            e.setVariable("lparLeased", leased);
            e.setVariable("lparEvacuate", leased && evacuating.contains((String) e.getVariable("maintLpar")));
        });
        behaviour.put("startMaintenanceApplyDelegate", e -> e.setVariable("applyRunId", "run-" + e.getVariable(
                "maintLpar")));
        behaviour.put("checkMaintenanceApplyDelegate", e -> {
            boolean ok = harness.runWait().ended((String) e.getVariable("applyRunId"))
                    && !failing.contains((String) e.getVariable("maintLpar"));
            e.setVariable("applied", ok);
            stopped |= !ok;
        });
        behaviour.put("syncMaintenanceWparDelegate", e -> synced.add((String) e.getVariable("syncWpar")));
        behaviour.put("finishMaintenanceLparDelegate", e -> finished.add(e.getVariable("maintLpar") + " "
                + e.getVariable("applied") + " " + e.getVariable("backupOutcome") + " "
                + e.getVariable("evacuationOutcome") + " " + e.getVariable("returnOutcome")));
        behaviour.put("recordMaintenanceOutcomeDelegate", e -> {
            String outcome = e.getVariable("failureCode") != null ? "REFUSED"
                    : toUpdate == 0 ? "NOTHING_TO_DO"
                            : !"approve".equals(e.getVariable("decision")) ? "REJECTED"
                                    : finished.stream().allMatch(f -> f.contains(" true ")) ? "COMPLETED"
                                            : "PARTIAL";
            e.setVariable("outcome", outcome);
            e.setVariable("outcomeReason", String.join("\n", finished));
        });
    }

    ProcessInstance start(Map<String, Object> extra) {
        Map<String, Object> v = new HashMap<>(Map.of("lpars", "lpar00,lpar01", "updateKind", "installp",
                "softwareSource", "/images/updates", "filesets", "bos.rte.libc"));
        v.putAll(extra);
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("LparMaintenanceProcess", v);
        harness.driveAll();
        return instance;
    }

    void decide(String decision) {
        Task approval = taskService().createTaskQuery().processDefinitionKey("ChangeApprovalProcess").singleResult();
        Assertions.assertThat(approval).as("the one approval task").isNotNull();
        taskService().complete(approval.getId(), Map.of("decision", decision, "approvers", "approver",
                "reason", "tested"));
        harness.driveAll();
    }

    /** Completes the one stub task of {@code process} with {@code outcome}. */
    void finishStub(String process, String outcome) {
        Task task = taskService().createTaskQuery().processDefinitionKey(process).singleResult();
        Assertions.assertThat(task).as("the " + process + " stub's task").isNotNull();
        taskService().complete(task.getId(), Map.of("outcome", outcome, "outcomeReason", "stub", "imageIds",
                "img-1,img-2"));
        harness.driveAll();
    }

    void applyEnds(ProcessInstance instance, String lpar) {
        harness.runEnded(instance, "run-" + lpar, EVENT_APPLY_FINISHED);
        harness.driveAll();
    }

    @Test
    void twoLparsOneAtATimeTheFirstEvacuatedAndBroughtBack() {
        evacuating.add("lpar00");
        ProcessInstance instance = start(Map.of("evacuate", "active"));
        assertThat(instance).isWaitingAt(CALL_ACTIVITY_APPROVE_MAINTENANCE);
        Assertions.assertThat(calls).containsExactly("planMaintenanceDelegate");

        decide("approve");
        finishStub("EvacuationProcess", "EVACUATED");
        finishStub("GlobalBackupProcess", "BACKED_UP");
        assertThat(instance).isWaitingAt(EVENT_APPLY_FINISHED);
        applyEnds(instance, "lpar00");
        // the evacuated WPARs come back before the sync, which then includes them
        Assertions.assertThat(synced).isEmpty();
        finishStub("EvacuationProcess", "EVACUATED");
        Assertions.assertThat(synced).containsExactlyInAnyOrder("lpar00-w1", "lpar00-w2");

        // the second LPAR: nothing to evacuate
        finishStub("GlobalBackupProcess", "BACKED_UP");
        applyEnds(instance, "lpar01");

        assertThat(instance).isEnded().hasPassed(CALL_ACTIVITY_EVACUATE, CALL_ACTIVITY_GLOBAL_BACKUP,
                GATEWAY_BACKED_UP, TASK_START_APPLY, GATEWAY_APPLY_ENDED, TASK_CHECK_APPLY, TASK_SYNC_WPAR,
                TASK_VERIFY_LPAR, CALL_ACTIVITY_RETURN_WPARS, GATEWAY_JOIN_RETURN, TASK_FINISH_LPAR,
                END_EVENT_LANE_DONE, END_EVENT_MAINTENANCE_COMPLETED)
                .hasNotPassed(TIMER_EVENT_WAIT_FOR_WINDOW, TASK_CANCEL_APPLY, BOUNDARY_EVENT_PLAN_REFUSED)
                .variables().containsEntry("outcome", "COMPLETED");
        Assertions.assertThat(finished).containsExactly("lpar00 true BACKED_UP EVACUATED EVACUATED",
                "lpar01 true BACKED_UP null null");
        Assertions.assertThat(synced).hasSize(4);
        Assertions.assertThat(historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("ChangeApprovalProcess").count()).isEqualTo(1);
        // the return home was asked for the evacuation the lane made
        Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().variableName("returnFrom")
                .list()).singleElement().satisfies(v -> Assertions.assertThat(v.getValue()).isNotNull());
        // the lanes' variables stay in the lanes
        Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(
                instance.getId()).variableName("maintLpar").list()).allSatisfy(
                        v -> Assertions.assertThat(v.getActivityInstanceId()).isNotEqualTo(instance.getId()));
        Assertions.assertThat(calls).endsWith("recordMaintenanceOutcomeDelegate",
                "releaseMaintenanceLeasesOnEndListener");
    }

    @Test
    void aFailedUpdateStopsTheRolloutBeforeTheNextLpar() {
        failing.add("lpar00");
        ProcessInstance instance = start(Map.of());
        decide("approve");
        finishStub("GlobalBackupProcess", "BACKED_UP");
        applyEnds(instance, "lpar00");

        assertThat(instance).isEnded().hasPassed(GATEWAY_JOIN_UPDATE_DONE, GATEWAY_APPLIED, GATEWAY_JOIN_TAIL,
                TASK_FINISH_LPAR,
                END_EVENT_MAINTENANCE_INCOMPLETE).hasNotPassed(TASK_SYNC_WPAR, TASK_VERIFY_LPAR,
                        CALL_ACTIVITY_RETURN_WPARS).variables().containsEntry("outcome", "PARTIAL");
        Assertions.assertThat(finished).containsExactly("lpar00 false BACKED_UP null null");
        Assertions.assertThat(calls).filteredOn("startMaintenanceApplyDelegate"::equals).hasSize(1);
    }

    @Test
    void anLparHeldByAnotherOperationIsReportedUntouchedAndTheRolloutGoesOn() {
        held.add("lpar00");
        ProcessInstance instance = start(Map.of("evacuate", "active"));
        decide("approve");
        // lpar00: nothing evacuated, backed up or installed; lpar01 is next
        Assertions.assertThat(taskService().createTaskQuery().processDefinitionKey("EvacuationProcess").count())
                .isZero();
        finishStub("GlobalBackupProcess", "BACKED_UP");
        applyEnds(instance, "lpar01");

        assertThat(instance).isEnded().hasPassed(GATEWAY_LPAR_LEASED, GATEWAY_JOIN_TAIL, TASK_FINISH_LPAR,
                END_EVENT_MAINTENANCE_INCOMPLETE).variables().containsEntry("outcome", "PARTIAL");
        Assertions.assertThat(finished).containsExactly("lpar00 false null null null",
                "lpar01 true BACKED_UP null null");
        Assertions.assertThat(synced).containsExactlyInAnyOrder("lpar01-w1", "lpar01-w2");
        Assertions.assertThat(calls).filteredOn("startMaintenanceApplyDelegate"::equals).hasSize(1);
        Assertions.assertThat(runtimeService().createIncidentQuery().count()).isZero();
    }

    @Test
    void anUpdateThatDoesNotEndInTimeIsCancelledWithoutABackupAsked() {
        backupFirst = false;
        lpars.clear();
        lpars.add("lpar00");
        ProcessInstance instance = start(Map.of("globalBackup", "false"));
        decide("approve");
        assertThat(instance).isWaitingAt(EVENT_APPLY_FINISHED);
        harness.fireTimer(instance, EVENT_APPLY_FINISHED);
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(TASK_CANCEL_APPLY, TASK_CHECK_APPLY, END_EVENT_MAINTENANCE_INCOMPLETE)
                .hasNotPassed(CALL_ACTIVITY_GLOBAL_BACKUP, TASK_SYNC_WPAR);
        Assertions.assertThat(calls).contains("cancelMaintenanceApplyDelegate");
    }

    @Test
    void aFailedBackupStopsThatLparBeforeAnythingIsInstalled() {
        lpars.clear();
        lpars.add("lpar00");
        ProcessInstance instance = start(Map.of());
        decide("approve");
        finishStub("GlobalBackupProcess", "FAILED");

        assertThat(instance).isEnded().hasPassed(GATEWAY_BACKED_UP, TASK_FINISH_LPAR).hasNotPassed(TASK_START_APPLY)
                .variables().containsEntry("outcome", "PARTIAL");
        Assertions.assertThat(finished).containsExactly("lpar00 false FAILED null null");
        Assertions.assertThat(calls).doesNotContain("startMaintenanceApplyDelegate");
    }

    @Test
    void nothingChangesBeforeTheWindowOpens() {
        lpars.clear();
        lpars.add("lpar00");
        ProcessInstance instance = start(Map.of("maintenanceWindowStart", "2099-11-22T22:00:00Z"));
        decide("approve");
        assertThat(instance).isWaitingAt(TIMER_EVENT_WAIT_FOR_WINDOW);
        Assertions.assertThat(calls).containsExactly("planMaintenanceDelegate");

        harness.fireTimer(instance, TIMER_EVENT_WAIT_FOR_WINDOW);
        harness.driveAll();
        finishStub("GlobalBackupProcess", "BACKED_UP");
        applyEnds(instance, "lpar00");
        assertThat(instance).isEnded().hasPassed(TIMER_EVENT_WAIT_FOR_WINDOW, END_EVENT_MAINTENANCE_COMPLETED);
    }

    @Test
    void aRejectedPlanChangesNothing() {
        ProcessInstance instance = start(Map.of());
        decide("reject");

        assertThat(instance).isEnded().hasPassed(END_EVENT_MAINTENANCE_REJECTED).hasNotPassed(SUB_PROCESS_LPAR_LANE)
                .variables().containsEntry("outcome", "REJECTED");
        Assertions.assertThat(calls).containsExactly("planMaintenanceDelegate", "recordMaintenanceOutcomeDelegate",
                "releaseMaintenanceLeasesOnEndListener");
    }

    @Test
    void aPlanRefusedEndsRefusedAndNobodyIsAsked() {
        behaviour.put("planMaintenanceDelegate", e -> {
            throw new BpmnError("SOURCE_NOT_ALLOWED", "source /tmp is not configured");
        });
        ProcessInstance instance = start(Map.of());

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_PLAN_REFUSED, GATEWAY_JOIN_OUTCOME,
                END_EVENT_MAINTENANCE_REFUSED).hasNotPassed(CALL_ACTIVITY_APPROVE_MAINTENANCE).variables()
                .containsEntry("failureCode", "SOURCE_NOT_ALLOWED").containsEntry("outcome", "REFUSED");
        Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
    }

    @Test
    void nothingToDoEndsWithoutAnApproval() {
        toUpdate = 0;
        ProcessInstance instance = start(Map.of());

        assertThat(instance).isEnded().hasPassed(GATEWAY_ANYTHING_TO_UPDATE, END_EVENT_MAINTENANCE_REFUSED)
                .hasNotPassed(CALL_ACTIVITY_APPROVE_MAINTENANCE).variables().containsEntry("outcome",
                        "NOTHING_TO_DO");
    }

    @Test
    void twoLanesUpdateTwoLparsAtOnce() {
        lanes = 2;
        ProcessInstance instance = start(Map.of("rollout", "parallel", "parallel", 2));
        decide("approve");
        Assertions.assertThat(taskService().createTaskQuery().processDefinitionKey("GlobalBackupProcess").count())
                .isEqualTo(2);
        for (Task t : taskService().createTaskQuery().processDefinitionKey("GlobalBackupProcess").list()) {
            taskService().complete(t.getId(), Map.of("outcome", "BACKED_UP", "outcomeReason", "stub"));
        }
        harness.driveAll();
        List<Job> waits = managementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(EVENT_APPLY_FINISHED).list();
        Assertions.assertThat(waits).hasSize(2);
        harness.runWait().end("run-lpar00");
        harness.runWait().end("run-lpar01");
        waits.forEach(j -> managementService().executeJob(j.getId()));
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(END_EVENT_MAINTENANCE_COMPLETED);
        Assertions.assertThat(finished).hasSize(2);
        Assertions.assertThat(synced).hasSize(4);
    }
}
