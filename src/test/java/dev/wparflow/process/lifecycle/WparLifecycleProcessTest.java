package dev.wparflow.process.lifecycle;

import static dev.wparflow.process.lifecycle.WparLifecycleModel.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 * Every path of WparLifecycleProcess with mocked delegates and a stub approval (a user task): a stop approved and
 * run in lanes until no WPAR is left; a start that needs no approval; some WPARs failing (partial); refused at the
 * checks; rejected; a change refused in a lane (the lanes' boundary); a technical failure left as an incident, the
 * leases released when the instance is cancelled.
 */
@Deployment(resources = { "processes/WparLifecycleProcess.bpmn", "bpmn/relocation/ChangeApprovalProcess.stub.bpmn" })
class WparLifecycleProcessTest {

    static final List<String> DELEGATES = List.of("checkLifecycleRequestDelegate", "claimNextLifecycleWparDelegate",
            "changeLifecycleWparDelegate", "recordLifecycleOutcomeDelegate");

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.recording(DELEGATES);

    final List<String> calls = harness.calls();
    final Map<String, JavaDelegate> behaviour = harness.behaviour();
    /** the WPARs the checks record, claimed one by one; the changed ones and the failed ones */
    final Deque<String> pending = new ArrayDeque<>();
    final List<String> changed = new ArrayList<>();
    final List<String> failing = new ArrayList<>();
    boolean approvalRequired = true;

    @BeforeEach
    void mocks() {
        Mocks.register("changeApprovalRecord", new StubChangeApprovals("decision"));
        Mocks.register("releaseLifecycleLocksOnEndListener", (ExecutionListener) e -> calls.add("end listener"));
        behaviour.put("checkLifecycleRequestDelegate", e -> {
            pending.addAll(List.of("wpr10", "wpr11", "wpr12"));
            e.setVariable("laneCount", 2);
            e.setVariable("approvalRequired", approvalRequired);
            e.setVariable("summary", "Stop 3 WPARs on lpar00");
            e.setVariable("plan", "stopwpar wpr10; stopwpar wpr11; stopwpar wpr12");
        });
        behaviour.put("claimNextLifecycleWparDelegate", e -> e.setVariable("laneWpar", pending.poll()));
        behaviour.put("changeLifecycleWparDelegate", e -> changed.add((String) e.getVariable("laneWpar")));
        // the real rule is WparLifecycleService.outcome; the model routes on it
        behaviour.put("recordLifecycleOutcomeDelegate", e -> {
            Object code = e.getVariable("failureCode");
            String outcome = code != null ? (changed.isEmpty() ? "REFUSED" : "FAILED")
                    : changed.isEmpty() ? "REJECTED" : failing.isEmpty() ? "COMPLETED" : "PARTIAL";
            e.setVariable("outcome", outcome);
            e.setVariable("outcomeReason", outcome + " " + changed);
        });
    }

    ProcessInstance start(String action) {
        return runtimeService().startProcessInstanceByKey("WparLifecycleProcess",
                new HashMap<>(Map.of("lpar", "lpar00", "action", action, "allWpars", true)));
    }

    void decide(ProcessInstance instance, String decision) {
        Task approval = taskService().createTaskQuery().processDefinitionKey("ChangeApprovalProcess").singleResult();
        Assertions.assertThat(approval).as("approval task").isNotNull();
        taskService().complete(approval.getId(), Map.of("decision", decision, "approvers", "approver",
                "reason", "tested"));
    }

    ProcessInstance decided(String action, String decision) {
        ProcessInstance instance = start(action);
        harness.driveAll();
        assertThat(instance).isWaitingAt(CALL_ACTIVITY_APPROVE_LIFECYCLE);
        decide(instance, decision);
        harness.driveAll();
        return instance;
    }

    @Test
    void anApprovedStopChangesEveryWparInLanesUntilNoneIsLeft() {
        ProcessInstance instance = decided("stop", "approve");

        assertThat(instance).isEnded().hasPassed(TASK_CHECK_REQUEST, GATEWAY_APPROVAL_REQUIRED, GATEWAY_APPROVED,
                GATEWAY_JOIN_APPROVAL, SUB_PROCESS_LANES, TASK_CLAIM_NEXT_WPAR, TASK_CHANGE_WPAR, END_EVENT_LANE_DONE,
                GATEWAY_JOIN_OUTCOME, TASK_RECORD_OUTCOME, END_EVENT_LIFECYCLE_COMPLETED)
                .hasNotPassed(BOUNDARY_EVENT_REFUSED, BOUNDARY_EVENT_LANES_FAILED).variables()
                .containsEntry("outcome", "COMPLETED").containsEntry("decision", "approve");
        Assertions.assertThat(changed).containsExactlyInAnyOrder("wpr10", "wpr11", "wpr12");
        // three WPARs and two lanes: a claim per WPAR and one per lane that finds none left
        Assertions.assertThat(calls).filteredOn("claimNextLifecycleWparDelegate"::equals).hasSize(5);
        Assertions.assertThat(historyService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityId(END_EVENT_LANE_DONE).count()).isEqualTo(2);
        Assertions.assertThat(calls).endsWith("recordLifecycleOutcomeDelegate", "end listener");
    }

    @Test
    void aStartNeedsNoApproval() {
        approvalRequired = false;
        ProcessInstance instance = start("start");
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(GATEWAY_JOIN_APPROVAL, END_EVENT_LIFECYCLE_COMPLETED)
                .hasNotPassed(CALL_ACTIVITY_APPROVE_LIFECYCLE, GATEWAY_APPROVED);
        Assertions.assertThat(changed).hasSize(3);
        Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
    }

    @Test
    void someFailedWparsMakeThePartialEnd() {
        behaviour.put("changeLifecycleWparDelegate", e -> {
            String wpar = (String) e.getVariable("laneWpar");
            changed.add(wpar);
            if (wpar.equals("wpr11")) {
                failing.add(wpar);
            }
        });
        ProcessInstance instance = decided("stop", "approve");

        assertThat(instance).isEnded().hasPassed(END_EVENT_LIFECYCLE_PARTIAL).variables()
                .containsEntry("outcome", "PARTIAL");
        Assertions.assertThat(changed).hasSize(3);
    }

    @Test
    void refusedAtTheChecksNobodyIsAskedAndNothingChanges() {
        behaviour.put("checkLifecycleRequestDelegate", e -> {
            throw new BpmnError("WPARS_NOT_FOUND", "not on lpar00: wpr99");
        });
        ProcessInstance instance = start("stop");
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_REFUSED, END_EVENT_LIFECYCLE_REFUSED)
                .hasNotPassed(CALL_ACTIVITY_APPROVE_LIFECYCLE, SUB_PROCESS_LANES).variables()
                .containsEntry("outcome", "REFUSED").containsEntry("failureCode", "WPARS_NOT_FOUND")
                .containsEntry("failureReason", "not on lpar00: wpr99");
        Assertions.assertThat(calls).containsExactly("checkLifecycleRequestDelegate",
                "recordLifecycleOutcomeDelegate", "end listener");
    }

    @Test
    void aRejectedChangeChangesNothing() {
        ProcessInstance instance = decided("reboot", "reject");

        assertThat(instance).isEnded().hasPassed(GATEWAY_APPROVED, END_EVENT_LIFECYCLE_REJECTED)
                .hasNotPassed(SUB_PROCESS_LANES).variables().containsEntry("outcome", "REJECTED");
        Assertions.assertThat(changed).isEmpty();
    }

    @Test
    void aChangeRefusedInALaneEndsTheLanesAndIsRecorded() {
        behaviour.put("changeLifecycleWparDelegate", e -> {
            changed.add((String) e.getVariable("laneWpar"));
            throw new BpmnError("CHANGE_NOT_APPROVED", "no approved change is recorded");
        });
        ProcessInstance instance = decided("stop", "approve");

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_LANES_FAILED, TASK_RECORD_OUTCOME,
                END_EVENT_LIFECYCLE_PARTIAL).variables().containsEntry("outcome", "FAILED")
                .containsEntry("failureCode", "CHANGE_NOT_APPROVED");
    }

    @Test
    void aTechnicalFailureIsAnIncidentAndTheLeasesGoWhenTheInstanceIsCancelled() {
        behaviour.put("changeLifecycleWparDelegate", e -> {
            throw new IllegalStateException("ssh lpar00: connection refused");
        });
        ProcessInstance instance = start("stop");
        harness.driveAll();
        decide(instance, "approve");
        harness.driveAllThroughFailures();

        assertThat(instance).isNotEnded();
        List<Incident> incidents = runtimeService().createIncidentQuery().processInstanceId(instance.getId()).list();
        Assertions.assertThat(incidents).isNotEmpty().allMatch(i -> i.getActivityId().equals(TASK_CHANGE_WPAR)
                && i.getIncidentMessage().contains("connection refused"));
        Assertions.assertThat(calls).doesNotContain("recordLifecycleOutcomeDelegate", "end listener");

        runtimeService().deleteProcessInstance(instance.getId(), "given up by an operator");
        Assertions.assertThat(calls).endsWith("end listener");
    }
}
