package dev.wparflow.process.software.sync;

import static dev.wparflow.process.software.sync.WparSyncModel.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.BpmnError;
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

import dev.wparflow.testsupport.ProcessHarness;
import dev.wparflow.testsupport.StubChangeApprovals;

/**
 * Every path of WparSyncProcess with mocked delegates and a stub approval (a user task): the drifting WPARs approved
 * and synced; a WPAR synced at its second attempt and one failing after its attempts (partial) without approval
 * (exempt); nothing drifting; refused at the measurement; rejected; a sync refused (the per-WPAR boundary); a
 * technical failure left as an incident, the leases released when the instance is cancelled.
 */
@Deployment(resources = { "processes/WparSyncProcess.bpmn", "bpmn/relocation/ChangeApprovalProcess.stub.bpmn" })
class WparSyncProcessTest {

    static final List<String> DELEGATES = List.of("measureDriftDelegate", "syncWparDelegate",
            "refreshSoftwareInventoryDelegate", "recordSyncOutcomeDelegate");

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.recording(DELEGATES);

    final List<String> calls = harness.calls();
    final Map<String, JavaDelegate> behaviour = harness.behaviour();
    /** the WPARs measured drifting; each attempt; the synced and the failed ones; attempts each WPAR needs */
    List<String> drifting = new ArrayList<>(List.of("wpr00", "wpr01"));
    final List<String> attempts = new ArrayList<>();
    final List<String> synced = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
    final Map<String, Integer> needs = new HashMap<>();
    int maxAttempts = 3;
    boolean approvalRequired = true;

    @BeforeEach
    void mocks() {
        Mocks.register("changeApprovalRecord", new StubChangeApprovals("decision"));
        Mocks.register("releaseSyncLocksOnEndListener", (ExecutionListener) e -> calls.add("end listener"));
        Mocks.register("wparSyncPlan", new WparSyncPlan());
        behaviour.put("measureDriftDelegate", e -> {
            e.setVariable("wparsToSync", String.join(",", drifting));
            e.setVariable("approvalRequired", approvalRequired);
            e.setVariable("summary", "Sync " + drifting + " on lpar00");
            e.setVariable("plan", "syncwpar wpr00; syncwpar wpr01");
        });
        // the real rule is WparSyncService.sync: in sync, or another attempt while some are left
        behaviour.put("syncWparDelegate", e -> {
            String wpar = (String) e.getVariable("syncWpar");
            attempts.add(wpar);
            long made = attempts.stream().filter(wpar::equals).count();
            boolean ok = made >= needs.getOrDefault(wpar, 1);
            if (ok) {
                synced.add(wpar);
            } else if (made >= maxAttempts) {
                failed.add(wpar);
            }
            e.setVariableLocal("wparSynced", ok);
            e.setVariableLocal("retryWpar", !ok && made < maxAttempts);
        });
        // the real rule is WparSyncService.outcome; the model routes on it
        behaviour.put("recordSyncOutcomeDelegate", e -> {
            Object code = e.getVariable("failureCode");
            String toSync = (String) e.getVariable("wparsToSync");
            String outcome = code != null ? (attempts.isEmpty() ? "REFUSED" : "FAILED")
                    : toSync.isEmpty() ? "NOTHING_TO_SYNC" : attempts.isEmpty() ? "REJECTED"
                            : failed.isEmpty() ? "COMPLETED" : synced.isEmpty() ? "FAILED" : "PARTIAL";
            e.setVariable("outcome", outcome);
            e.setVariable("outcomeReason", outcome + " " + synced + " " + failed);
        });
    }

    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("WparSyncProcess", new HashMap<>(Map.of("lpar", "lpar00")));
    }

    void decide(String decision) {
        Task approval = taskService().createTaskQuery().processDefinitionKey("ChangeApprovalProcess").singleResult();
        Assertions.assertThat(approval).as("approval task").isNotNull();
        taskService().complete(approval.getId(), Map.of("decision", decision, "approvers", "approver",
                "reason", "tested"));
    }

    ProcessInstance decided(String decision) {
        ProcessInstance instance = start();
        harness.driveAll();
        assertThat(instance).isWaitingAt(CALL_ACTIVITY_APPROVE_SYNC);
        decide(decision);
        harness.driveAll();
        return instance;
    }

    @Test
    void approvedDriftingWparsAreSyncedAndTheInventoryRefreshed() {
        ProcessInstance instance = decided("approve");

        assertThat(instance).isEnded().hasPassed(TASK_MEASURE_DRIFT, GATEWAY_ANYTHING_TO_SYNC,
                GATEWAY_APPROVAL_REQUIRED, CALL_ACTIVITY_APPROVE_SYNC, GATEWAY_APPROVED, GATEWAY_JOIN_APPROVAL,
                SUB_PROCESS_EACH_WPAR, START_EVENT_WPAR, TASK_SYNC_WPAR, GATEWAY_WPAR_SYNCED, END_EVENT_WPAR_SYNCED,
                TASK_REFRESH_INVENTORY, GATEWAY_JOIN_OUTCOME, TASK_RECORD_OUTCOME, GATEWAY_OUTCOME,
                END_EVENT_SYNC_COMPLETED)
                .hasNotPassed(BOUNDARY_EVENT_REFUSED, BOUNDARY_EVENT_SYNC_FAILED, END_EVENT_WPAR_FAILED).variables()
                .containsEntry("outcome", "COMPLETED").containsEntry("decision", "approve");
        Assertions.assertThat(attempts).containsExactly("wpr00", "wpr01");
        Assertions.assertThat(calls).endsWith("refreshSoftwareInventoryDelegate", "recordSyncOutcomeDelegate",
                "end listener");
    }

    @Test
    void aWparIsRetriedAndOneThatFailsAfterItsAttemptsIsReportedWhileTheOthersGoOn() {
        approvalRequired = false;
        drifting = new ArrayList<>(List.of("wpr00", "wpr01", "wpr02"));
        needs.put("wpr00", 99);
        needs.put("wpr01", 2);
        ProcessInstance instance = start();
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(END_EVENT_WPAR_FAILED, END_EVENT_WPAR_SYNCED,
                TASK_REFRESH_INVENTORY, END_EVENT_SYNC_PARTIAL).hasNotPassed(CALL_ACTIVITY_APPROVE_SYNC)
                .variables().containsEntry("outcome", "PARTIAL");
        Assertions.assertThat(attempts).containsExactly("wpr00", "wpr00", "wpr00", "wpr01", "wpr01", "wpr02");
        Assertions.assertThat(failed).containsExactly("wpr00");
        Assertions.assertThat(synced).containsExactly("wpr01", "wpr02");
        Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
    }

    @Test
    void nothingDriftingAsksNobodyAndChangesNothing() {
        drifting = new ArrayList<>();
        ProcessInstance instance = start();
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(GATEWAY_ANYTHING_TO_SYNC, END_EVENT_NOTHING_TO_SYNC)
                .hasNotPassed(GATEWAY_APPROVAL_REQUIRED, SUB_PROCESS_EACH_WPAR, TASK_REFRESH_INVENTORY).variables()
                .containsEntry("outcome", "NOTHING_TO_SYNC");
        Assertions.assertThat(calls).containsExactly("measureDriftDelegate", "recordSyncOutcomeDelegate",
                "end listener");
    }

    @Test
    void refusedAtTheMeasurementNobodyIsAskedAndNothingChanges() {
        behaviour.put("measureDriftDelegate", e -> {
            throw new BpmnError("SOURCE_NEEDED", "detached WPARs get software with inuwpar from a software source");
        });
        ProcessInstance instance = start();
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_REFUSED, END_EVENT_SYNC_REFUSED)
                .hasNotPassed(CALL_ACTIVITY_APPROVE_SYNC, SUB_PROCESS_EACH_WPAR).variables()
                .containsEntry("outcome", "REFUSED").containsEntry("failureCode", "SOURCE_NEEDED");
        Assertions.assertThat(calls).containsExactly("measureDriftDelegate", "recordSyncOutcomeDelegate",
                "end listener");
    }

    @Test
    void aRejectedSyncChangesNothing() {
        ProcessInstance instance = decided("reject");

        assertThat(instance).isEnded().hasPassed(GATEWAY_APPROVED, END_EVENT_SYNC_REJECTED)
                .hasNotPassed(SUB_PROCESS_EACH_WPAR, TASK_REFRESH_INVENTORY).variables()
                .containsEntry("outcome", "REJECTED");
        Assertions.assertThat(attempts).isEmpty();
    }

    @Test
    void aSyncRefusedForAWparEndsTheIterationsAndIsRecorded() {
        behaviour.put("syncWparDelegate", e -> {
            attempts.add((String) e.getVariable("syncWpar"));
            throw new BpmnError("CHANGE_NOT_APPROVED", "no approved change is recorded");
        });
        ProcessInstance instance = decided("approve");

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_SYNC_FAILED, TASK_RECORD_OUTCOME,
                END_EVENT_SYNC_PARTIAL).hasNotPassed(TASK_REFRESH_INVENTORY).variables()
                .containsEntry("outcome", "FAILED").containsEntry("failureCode", "CHANGE_NOT_APPROVED");
    }

    @Test
    void aTechnicalFailureIsAnIncidentAndTheLeasesGoWhenTheInstanceIsCancelled() {
        behaviour.put("syncWparDelegate", e -> {
            throw new IllegalStateException("ssh lpar00: connection refused");
        });
        ProcessInstance instance = start();
        harness.driveAll();
        decide("approve");
        harness.driveAllThroughFailures();

        assertThat(instance).isNotEnded();
        List<Incident> incidents = runtimeService().createIncidentQuery().processInstanceId(instance.getId()).list();
        Assertions.assertThat(incidents).isNotEmpty().allMatch(i -> i.getActivityId().equals(TASK_SYNC_WPAR)
                && i.getIncidentMessage().contains("connection refused"));
        Assertions.assertThat(calls).doesNotContain("recordSyncOutcomeDelegate", "end listener");

        runtimeService().deleteProcessInstance(instance.getId(), "given up by an operator");
        Assertions.assertThat(calls).endsWith("end listener");
    }
}
