package dev.wparflow.process.decommission;

import static dev.wparflow.process.decommission.WparDecommissionModel.*;
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

import dev.wparflow.testsupport.ProcessHarness;
import dev.wparflow.testsupport.StubChangeApprovals;

/**
 * Every path of WparDecommissionProcess with mocked delegates, a stub approval (a user task) and a stub backup (one
 * mocked step): direct and NIM-managed removal; a recent image found or taken first; refused at the checks (locked
 * WPAR, no recent image), by a failed backup, after the approval at the lock; rejected; a failure mid-way; a
 * technical failure left as an incident. The locks are released on every path, a cancelled instance included.
 */
@Deployment(resources = { "processes/WparDecommissionProcess.bpmn", "bpmn/relocation/ChangeApprovalProcess.stub.bpmn",
        "bpmn/WparBackupProcessStub.bpmn" })
class WparDecommissionProcessTest {

    static final List<String> DELEGATES = List.of("validateDecommissionDelegate", "findDecommissionBackupDelegate",
            "stubBackupDelegate", "checkDecommissionBackupDelegate", "planDecommissionDelegate",
            "lockDecommissionDelegate", "deactivateNimWparForDecommissionDelegate",
            "destroyNimWparForDecommissionDelegate", "removeNimMachineForDecommissionDelegate",
            "stopWparForDecommissionDelegate", "removeDecommissionedWparDelegate", "verifyDecommissionDelegate",
            "removeWparFromInventoryDelegate", "releaseDecommissionLocksDelegate", "recordDecommissionOutcomeDelegate");

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.recording(DELEGATES);

    static final List<String> DIRECT = List.of("validateDecommissionDelegate", "findDecommissionBackupDelegate",
            "planDecommissionDelegate", "lockDecommissionDelegate", "stopWparForDecommissionDelegate",
            "removeDecommissionedWparDelegate", "verifyDecommissionDelegate", "removeWparFromInventoryDelegate",
            "releaseDecommissionLocksDelegate", "recordDecommissionOutcomeDelegate", "end listener");

    final List<String> calls = harness.calls();
    final Map<String, JavaDelegate> behaviour = harness.behaviour();
    /** what the checks find: the NIM machine (null: direct) and whether the catalog has a recent image */
    String nimMachine;
    boolean recentImage = true;

    @BeforeEach
    void mocks() {
        Mocks.register("changeApprovalRecord", new StubChangeApprovals("decision"));
        Mocks.register("releaseDecommissionLocksOnEndListener", (ExecutionListener) e -> calls.add("end listener"));
        behaviour.put("validateDecommissionDelegate", e -> {
            e.setVariable("wparState", "ACTIVE");
            if (nimMachine != null) {
                e.setVariable("nimMaster", "nim01");
                e.setVariable("nimMachine", nimMachine);
            }
        });
        behaviour.put("findDecommissionBackupDelegate", e -> {
            e.setVariable("backupFound", recentImage);
            e.setVariable("backupImageId", recentImage ? "img-1" : null);
        });
        behaviour.put("stubBackupDelegate", e -> e.setVariable("imageId", "img-2"));
        behaviour.put("checkDecommissionBackupDelegate", e -> e.setVariable("backupImageId", e.getVariable("newImageId")));
        behaviour.put("planDecommissionDelegate", e -> {
            e.setVariable("summary", "Decommission wpr10 on lpar00");
            e.setVariable("plan", "stopwpar wpr10, rmwpar wpr10");
        });
        behaviour.put("lockDecommissionDelegate", e -> {
            e.setVariable("fencingToken", 7L);
            e.setVariable("adminLocked", true);
        });
        behaviour.put("stopWparForDecommissionDelegate", e -> done(e, "lpar00: stopwpar wpr10"));
        behaviour.put("removeDecommissionedWparDelegate", e -> done(e, "lpar00: rmwpar wpr10"));
        behaviour.put("deactivateNimWparForDecommissionDelegate", e -> done(e, "nim01: nim -o deactivate wpr10"));
        behaviour.put("destroyNimWparForDecommissionDelegate", e -> done(e, "nim01: nim -o destroy wpr10"));
        behaviour.put("removeNimMachineForDecommissionDelegate", e -> done(e, "nim01: nim -o remove wpr10"));
        behaviour.put("verifyDecommissionDelegate", e -> e.setVariable("removed", true));
        behaviour.put("removeWparFromInventoryDelegate", e -> done(e, "removed from the inventory"));
        behaviour.put("releaseDecommissionLocksDelegate", e -> e.setVariable("adminLocked", false));
        // the real rule is WparDecommissionService.outcome (WparDecommissionServiceTest); the model routes on it
        behaviour.put("recordDecommissionOutcomeDelegate", e -> {
            Object code = e.getVariable("failureCode");
            String outcome = code == null ? (Boolean.TRUE.equals(e.getVariable("removed")) ? "DECOMMISSIONED" : "REJECTED")
                    : e.getVariable("done") == null && WparDecommissionService.REFUSALS.contains(code) ? "REFUSED"
                            : "FAILED";
            e.setVariable("outcome", outcome);
            e.setVariable("outcomeReason", outcome + " " + e.getVariable("done"));
        });
    }

    static void done(DelegateExecution e, String command) {
        Object done = e.getVariable("done");
        e.setVariable("done", done == null ? command : done + "\n" + command);
    }

    ProcessInstance start() {
        Map<String, Object> v = new HashMap<>(Map.of("lpar", "lpar00", "wpar", "wpr10", "changeReason",
                "application retired"));
        return runtimeService().startProcessInstanceByKey("WparDecommissionProcess", v);
    }

    void decide(ProcessInstance instance, String decision) {
        Task approval = taskService().createTaskQuery().processDefinitionKey("ChangeApprovalProcess").singleResult();
        Assertions.assertThat(approval).as("approval task").isNotNull();
        Assertions.assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .singleResult().getId()).isEqualTo(approval.getProcessInstanceId());
        taskService().complete(approval.getId(), Map.of("decision", decision, "approvers", "approver",
                "reason", "tested"));
    }

    /** Up to the approval, then decided. */
    ProcessInstance decided(String decision) {
        ProcessInstance instance = start();
        harness.driveAll();
        assertThat(instance).isWaitingAt(CALL_ACTIVITY_APPROVE_DECOMMISSION);
        decide(instance, decision);
        harness.driveAll();
        return instance;
    }

    void fail(String delegate, String code) {
        behaviour.put(delegate, e -> {
            throw new BpmnError(code, delegate + " says " + code);
        });
    }

    @Test
    void aDirectWparWithARecentImageIsStoppedAndRemovedAfterApproval() {
        ProcessInstance instance = decided("approve");

        assertThat(instance).isEnded().hasPassed(GATEWAY_BACKUP_FOUND, GATEWAY_JOIN_BACKUP, TASK_STOP_WPAR,
                TASK_REMOVE_WPAR, GATEWAY_JOIN_REMOVAL, TASK_VERIFY_REMOVED, TASK_REMOVE_FROM_INVENTORY,
                END_EVENT_REMOVED, TASK_RELEASE_LOCKS, END_EVENT_WPAR_DECOMMISSIONED)
                .hasNotPassed(CALL_ACTIVITY_BACK_UP_WPAR, TASK_DEACTIVATE_NIM_WPAR, BOUNDARY_EVENT_DECOMMISSION_FAILED)
                .variables().containsEntry("outcome", "DECOMMISSIONED").containsEntry("decision", "approve")
                .containsEntry("backupImageId", "img-1").containsEntry("adminLocked", false)
                .containsEntry("done", "lpar00: stopwpar wpr10\nlpar00: rmwpar wpr10\nremoved from the inventory")
                .doesNotContainKey("failureCode");
        Assertions.assertThat(calls).containsExactlyElementsOf(DIRECT);
    }

    @Test
    void aNimManagedWparWithoutARecentImageIsBackedUpFirstThenRemovedThroughNim() {
        nimMachine = "wpr10";
        recentImage = false;
        ProcessInstance instance = decided("approve");

        assertThat(instance).isEnded().hasPassed(CALL_ACTIVITY_BACK_UP_WPAR, TASK_CHECK_NEW_BACKUP,
                TASK_DEACTIVATE_NIM_WPAR, TASK_DESTROY_NIM_WPAR, TASK_REMOVE_NIM_MACHINE, TASK_VERIFY_REMOVED,
                END_EVENT_WPAR_DECOMMISSIONED).hasNotPassed(TASK_STOP_WPAR, TASK_REMOVE_WPAR)
                .variables().containsEntry("outcome", "DECOMMISSIONED").containsEntry("newImageId", "img-2")
                .containsEntry("backupImageId", "img-2");
        Assertions.assertThat(calls).containsExactly("validateDecommissionDelegate", "findDecommissionBackupDelegate",
                "stubBackupDelegate", "checkDecommissionBackupDelegate", "planDecommissionDelegate",
                "lockDecommissionDelegate", "deactivateNimWparForDecommissionDelegate",
                "destroyNimWparForDecommissionDelegate", "removeNimMachineForDecommissionDelegate",
                "verifyDecommissionDelegate", "removeWparFromInventoryDelegate", "releaseDecommissionLocksDelegate",
                "recordDecommissionOutcomeDelegate", "end listener");
        // the backup got the decommission's LPAR as its host
        Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().variableName("host")
                .singleResult().getValue()).isEqualTo("lpar00");
    }

    @Test
    void aLockedWparIsRefusedAtTheChecksAndNobodyIsAsked() {
        fail("validateDecommissionDelegate", "WPAR_LOCKED");
        ProcessInstance instance = start();
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_REFUSED, GATEWAY_JOIN_CLEANUP, TASK_RELEASE_LOCKS,
                END_EVENT_DECOMMISSION_REFUSED).hasNotPassed(TASK_FIND_BACKUP, CALL_ACTIVITY_APPROVE_DECOMMISSION,
                SUB_PROCESS_DECOMMISSION).variables().containsEntry("outcome", "REFUSED")
                .containsEntry("failureCode", "WPAR_LOCKED")
                .containsEntry("failureReason", "validateDecommissionDelegate says WPAR_LOCKED");
        Assertions.assertThat(calls).containsExactly("validateDecommissionDelegate", "releaseDecommissionLocksDelegate",
                "recordDecommissionOutcomeDelegate", "end listener");
        Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
    }

    @Test
    void noRecentImageAndNoBackupAllowedIsRefused() {
        fail("findDecommissionBackupDelegate", "BACKUP_MISSING");
        ProcessInstance instance = start();
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_REFUSED, END_EVENT_DECOMMISSION_REFUSED)
                .hasNotPassed(CALL_ACTIVITY_BACK_UP_WPAR, CALL_ACTIVITY_APPROVE_DECOMMISSION).variables()
                .containsEntry("failureCode", "BACKUP_MISSING");
    }

    @Test
    void aBackupThatMadeNoImageFailsTheDecommissionBeforeAnyoneIsAsked() {
        recentImage = false;
        behaviour.put("stubBackupDelegate", e -> {
            e.setVariable("failureCode", "SAVEWPAR_FAILED");
            e.setVariable("failureReason", "savewpar exited 1");
        });
        fail("checkDecommissionBackupDelegate", "BACKUP_FAILED");
        ProcessInstance instance = start();
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(CALL_ACTIVITY_BACK_UP_WPAR, TASK_CHECK_NEW_BACKUP,
                BOUNDARY_EVENT_REFUSED, END_EVENT_DECOMMISSION_FAILED).hasNotPassed(CALL_ACTIVITY_APPROVE_DECOMMISSION)
                .variables().containsEntry("outcome", "FAILED").containsEntry("failureCode", "BACKUP_FAILED")
                .containsEntry("backupFailureCode", "SAVEWPAR_FAILED")
                .containsEntry("backupFailureReason", "savewpar exited 1");
    }

    @Test
    void aRejectedDecommissionChangesNothing() {
        ProcessInstance instance = decided("reject");

        assertThat(instance).isEnded().hasPassed(GATEWAY_APPROVED, TASK_RELEASE_LOCKS, GATEWAY_OUTCOME,
                END_EVENT_DECOMMISSION_REJECTED).hasNotPassed(SUB_PROCESS_DECOMMISSION, TASK_LOCK_WPAR)
                .variables().containsEntry("outcome", "REJECTED").containsEntry("decision", "reject")
                .doesNotContainKey("done");
        Assertions.assertThat(calls).containsExactly("validateDecommissionDelegate", "findDecommissionBackupDelegate",
                "planDecommissionDelegate", "releaseDecommissionLocksDelegate", "recordDecommissionOutcomeDelegate",
                "end listener");
    }

    @Test
    void aWparLockedMeanwhileIsRefusedAtTheLockWithNothingChanged() {
        fail("lockDecommissionDelegate", "WPAR_LOCKED");
        ProcessInstance instance = decided("approve");

        assertThat(instance).isEnded().hasPassed(TASK_LOCK_WPAR, BOUNDARY_EVENT_DECOMMISSION_FAILED,
                TASK_RELEASE_LOCKS, END_EVENT_DECOMMISSION_REFUSED).hasNotPassed(GATEWAY_NIM_MANAGED, TASK_STOP_WPAR)
                .variables().containsEntry("outcome", "REFUSED").containsEntry("failureCode", "WPAR_LOCKED");
    }

    @Test
    void aFailureMidWaySaysWhatWasDoneAndReleasesTheLocks() {
        fail("verifyDecommissionDelegate", "VERIFY_FAILED");
        ProcessInstance instance = decided("approve");

        assertThat(instance).isEnded().hasPassed(TASK_REMOVE_WPAR, TASK_VERIFY_REMOVED,
                BOUNDARY_EVENT_DECOMMISSION_FAILED, TASK_RELEASE_LOCKS, END_EVENT_DECOMMISSION_FAILED)
                .hasNotPassed(TASK_REMOVE_FROM_INVENTORY).variables().containsEntry("outcome", "FAILED")
                .containsEntry("failureCode", "VERIFY_FAILED").containsEntry("adminLocked", false)
                .containsEntry("outcomeReason", "FAILED lpar00: stopwpar wpr10\nlpar00: rmwpar wpr10");
        Assertions.assertThat(calls).endsWith("verifyDecommissionDelegate", "releaseDecommissionLocksDelegate",
                "recordDecommissionOutcomeDelegate", "end listener");
    }

    @Test
    void aTechnicalFailureIsAnIncidentAndTheLeasesGoWhenTheInstanceIsCancelled() {
        behaviour.put("removeDecommissionedWparDelegate", e -> {
            throw new IllegalStateException("ssh lpar00: connection refused");
        });
        ProcessInstance instance = start();
        harness.driveAll();
        decide(instance, "approve");
        harness.driveAllThroughFailures();

        assertThat(instance).isNotEnded();
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        Assertions.assertThat(incident.getActivityId()).isEqualTo(TASK_REMOVE_WPAR);
        Assertions.assertThat(incident.getIncidentMessage()).contains("connection refused");
        Assertions.assertThat(calls).filteredOn("removeDecommissionedWparDelegate"::equals).hasSize(3);
        Assertions.assertThat(calls).doesNotContain("releaseDecommissionLocksDelegate", "end listener");

        runtimeService().deleteProcessInstance(instance.getId(), "given up by an operator");
        Assertions.assertThat(calls).endsWith("end listener");
    }
}
