package dev.wparflow.process.evacuation;

import static dev.wparflow.process.evacuation.EvacuationModel.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.BpmnError;
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
 * Every path of EvacuationProcess with mocked steps, a stub approval and stub relocations (user tasks completed with
 * the relocation's outcome): moves live and static in two lanes; a lane that waits for a free slot; the window;
 * rejected; refused at the plan; nothing to move; a failed move leaving the evacuation incomplete.
 */
@Deployment(resources = { "processes/EvacuationProcess.bpmn", "bpmn/relocation/ChangeApprovalProcess.stub.bpmn",
        "bpmn/relocation/WparStaticRelocationProcess.stub.bpmn",
        "bpmn/relocation/WparLiveRelocationProcess.stub.bpmn", "bpmn/evacuation/EvacuationCaller.stub.bpmn" })
class EvacuationProcessTest {

    static final List<String> DELEGATES = List.of("planEvacuationDelegate", "claimEvacuationMoveDelegate",
            "recordEvacuationMoveDelegate", "recordEvacuationOutcomeDelegate");

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.recording(DELEGATES);

    final List<String> calls = harness.calls();
    final Map<String, org.camunda.bpm.engine.delegate.JavaDelegate> behaviour = harness.behaviour();

    /** what the claims hand out, in order: "wpar/mode", or "blocked" once */
    final Deque<String> moves = new ArrayDeque<>();
    final List<String> recorded = new java.util.ArrayList<>();
    int movable = 2;

    @BeforeEach
    void mocks() {
        Mocks.register("changeApprovalRecord", new StubChangeApprovals("decision"));
        moves.addAll(List.of("web01/live", "db01/static"));
        behaviour.put("planEvacuationDelegate", e -> {
            e.setVariable("movable", movable);
            e.setVariable("lanes", movable == 0 ? 0 : 2);
            e.setVariable("summary", "Evacuate managed system sys570a: 2 of 3 WPARs move");
            e.setVariable("plan", "WPAR FROM TO MODE");
            e.setVariable("riskLevel", "high");
        });
        behaviour.put("claimEvacuationMoveDelegate", e -> {
            String next = moves.poll();
            boolean blocked = "blocked".equals(next);
            String[] move = next == null || blocked ? new String[] {null, null} : next.split("/");
            e.setVariableLocal("moveWpar", move[0]);
            e.setVariableLocal("moveMode", move[1]);
            e.setVariableLocal("moveDeparting", move[0] == null ? null : "lpar00");
            e.setVariableLocal("moveArriving", move[0] == null ? null : "lpar01");
            e.setVariableLocal("laneBlocked", blocked);
            // as the real step: the outcome of the lane's move is the lane's own
            e.setVariableLocal("moveOutcome", null);
            e.setVariableLocal("moveReason", null);
        });
        behaviour.put("recordEvacuationMoveDelegate", e -> recorded.add(e.getVariable("moveWpar") + " "
                + e.getVariable("moveOutcome")));
        behaviour.put("recordEvacuationOutcomeDelegate", e -> {
            String outcome = e.getVariable("failureCode") != null ? "REFUSED"
                    : movable == 0 ? "NOTHING_TO_MOVE"
                            : !"approve".equals(e.getVariable("decision")) ? "REJECTED"
                                    : recorded.stream().allMatch(r -> r.endsWith("RELOCATED")) ? "EVACUATED"
                                            : "PARTIAL";
            e.setVariable("outcome", outcome);
            e.setVariable("outcomeReason", String.join("\n", recorded));
        });
    }

    ProcessInstance start(Map<String, Object> extra) {
        Map<String, Object> v = new HashMap<>(Map.of("managedSystem", "sys570a"));
        v.putAll(extra);
        return runtimeService().startProcessInstanceByKey("EvacuationProcess", v);
    }

    void decide(String decision) {
        Task approval = taskService().createTaskQuery().processDefinitionKey("ChangeApprovalProcess").singleResult();
        Assertions.assertThat(approval).as("the one approval task").isNotNull();
        taskService().complete(approval.getId(), Map.of("decision", decision, "approvers", "approver",
                "reason", "tested"));
        harness.driveAll();
    }

    /** Completes the stub relocation of each WPAR moving now with {@code outcome}; returns their process keys. */
    List<String> finishMoves(String outcome) {
        List<Task> tasks = taskService().createTaskQuery().taskName("Move").list();
        List<String> keys = tasks.stream().map(t -> repositoryService().getProcessDefinition(
                t.getProcessDefinitionId()).getKey()).sorted().toList();
        for (Task t : tasks) {
            taskService().complete(t.getId(), Map.of("outcome", outcome, "outcomeReason", "stub"));
        }
        harness.driveAll();
        return keys;
    }

    @Test
    void oneApprovalThenTheMovesRunLiveAndStaticInLanes() {
        ProcessInstance instance = start(Map.of());
        harness.driveAll();
        assertThat(instance).isWaitingAt(CALL_ACTIVITY_APPROVE_EVACUATION);

        decide("approve");
        Assertions.assertThat(finishMoves("RELOCATED")).containsExactly("WparLiveRelocationProcess",
                "WparStaticRelocationProcess");

        assertThat(instance).isEnded().hasPassed(GATEWAY_ANYTHING_TO_MOVE, GATEWAY_WINDOW_GIVEN, GATEWAY_JOIN_WINDOW,
                TASK_CLAIM_MOVE, CALL_ACTIVITY_LIVE_RELOCATION, CALL_ACTIVITY_STATIC_RELOCATION, TASK_RECORD_MOVE,
                END_EVENT_LANE_DONE, TASK_RECORD_OUTCOME, END_EVENT_EVACUATED)
                .hasNotPassed(TIMER_EVENT_WAIT_FOR_WINDOW, TIMER_EVENT_LANE_WAIT, BOUNDARY_EVENT_PLAN_REFUSED)
                .variables().containsEntry("outcome", "EVACUATED");
        Assertions.assertThat(recorded).containsExactlyInAnyOrder("web01 RELOCATED", "db01 RELOCATED");
        Assertions.assertThat(historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("ChangeApprovalProcess").count()).isEqualTo(1);
        // the lanes' moves stay in the lanes: nothing of them reaches the instance's own variables
        Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(
                instance.getId()).variableName("moveWpar").list()).allSatisfy(
                        v -> Assertions.assertThat(v.getActivityInstanceId()).isNotEqualTo(instance.getId()));
    }

    @Test
    void aLaneWaitsForAFreeSlotWhenTheLimitsAreReached() {
        moves.clear();
        moves.addAll(List.of("web01/static", "blocked", "db01/static"));
        ProcessInstance instance = start(Map.of());
        harness.driveAll();
        decide("approve");
        assertThat(instance).isWaitingAt(TIMER_EVENT_LANE_WAIT);

        finishMoves("RELOCATED");
        harness.fireTimer(instance, TIMER_EVENT_LANE_WAIT);
        harness.driveAll();
        finishMoves("RELOCATED");

        assertThat(instance).isEnded().hasPassed(TIMER_EVENT_LANE_WAIT, END_EVENT_EVACUATED);
        Assertions.assertThat(recorded).containsExactly("web01 RELOCATED", "db01 RELOCATED");
    }

    @Test
    void theMovesWaitForTheWindow() {
        ProcessInstance instance = start(Map.of("maintenanceWindowStart", "2099-11-22T22:00:00Z"));
        harness.driveAll();
        decide("approve");
        assertThat(instance).isWaitingAt(TIMER_EVENT_WAIT_FOR_WINDOW);
        Assertions.assertThat(calls).doesNotContain("claimEvacuationMoveDelegate");

        harness.fireTimer(instance, TIMER_EVENT_WAIT_FOR_WINDOW);
        harness.driveAll();
        finishMoves("RELOCATED");
        assertThat(instance).isEnded().hasPassed(TIMER_EVENT_WAIT_FOR_WINDOW, END_EVENT_EVACUATED);
    }

    @Test
    void aRejectedPlanMovesNothing() {
        ProcessInstance instance = start(Map.of());
        harness.driveAll();
        decide("reject");

        assertThat(instance).isEnded().hasPassed(END_EVENT_EVACUATION_REJECTED).hasNotPassed(SUB_PROCESS_MOVE_LANE)
                .variables().containsEntry("outcome", "REJECTED");
        Assertions.assertThat(calls).containsExactly("planEvacuationDelegate", "recordEvacuationOutcomeDelegate");
    }

    @Test
    void aPlanRefusedEndsRefusedAndNobodyIsAsked() {
        behaviour.put("planEvacuationDelegate", e -> {
            throw new BpmnError("SCOPE_EMPTY", "the inventory knows no LPAR on managed system sys570a");
        });
        ProcessInstance instance = start(Map.of());
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_PLAN_REFUSED, GATEWAY_JOIN_OUTCOME,
                END_EVENT_EVACUATION_REFUSED).hasNotPassed(CALL_ACTIVITY_APPROVE_EVACUATION).variables()
                .containsEntry("failureCode", "SCOPE_EMPTY").containsEntry("outcome", "REFUSED");
        Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
    }

    @Test
    void nothingToMoveEndsWithoutAnApproval() {
        movable = 0;
        ProcessInstance instance = start(Map.of());
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(GATEWAY_ANYTHING_TO_MOVE, END_EVENT_EVACUATION_REFUSED)
                .hasNotPassed(CALL_ACTIVITY_APPROVE_EVACUATION).variables().containsEntry("outcome",
                        "NOTHING_TO_MOVE");
    }

    @Test
    void aFailedMoveLeavesTheEvacuationIncomplete() {
        ProcessInstance instance = start(Map.of());
        harness.driveAll();
        decide("approve");
        finishMoves("ROLLED_BACK");

        assertThat(instance).isEnded().hasPassed(END_EVENT_EVACUATION_INCOMPLETE).variables()
                .containsEntry("outcome", "PARTIAL");
        Assertions.assertThat(recorded).containsExactlyInAnyOrder("web01 ROLLED_BACK", "db01 ROLLED_BACK");
    }

    @Test
    void calledByAnApprovedOperationItAsksNoOneAgain() {
        ProcessInstance caller = runtimeService().startProcessInstanceByKey("EvacuationCallerStub",
                Map.of("lpar", "lpar00", "decision", "approve"));
        harness.driveAll();
        Assertions.assertThat(taskService().createTaskQuery().processDefinitionKey("ChangeApprovalProcess").count())
                .isZero();
        finishMoves("RELOCATED");

        assertThat(caller).isEnded().variables().containsEntry("evacuationOutcome", "EVACUATED");
        Assertions.assertThat(historyService().createHistoricActivityInstanceQuery()
                .activityId(GATEWAY_CALLER_APPROVED).finished().count()).isEqualTo(1);
        Assertions.assertThat(historyService().createHistoricActivityInstanceQuery()
                .activityId(CALL_ACTIVITY_APPROVE_EVACUATION).count()).isZero();
    }
}
