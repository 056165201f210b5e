package dev.wparflow.process.preflight;

import static dev.wparflow.process.preflight.PreflightModel.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.testsupport.ProcessHarness;

/** Every path of PreflightProcess on a plain engine with stand-in delegates. */
@Deployment(resources = "processes/PreflightProcess.bpmn")
class PreflightProcessTest {

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.plain();

    /** What the stand-ins plan, saw and will answer. */
    final List<String> hosts = new ArrayList<>(List.of("hmc01", "lpar00", "nim01"));
    final List<String> checked = Collections.synchronizedList(new ArrayList<>());
    final List<String> plannedWith = new ArrayList<>();
    final Set<String> failing = new java.util.HashSet<>();
    String bugOn;

    /** Stand-in for the collection bean. */
    public class Plan {
        public List<String> hosts(DelegateExecution execution) {
            return hosts;
        }
    }

    @BeforeEach
    void standIns() {
        Mocks.register("preflightPlan", new Plan());
        Mocks.register("planPreflightDelegate", (JavaDelegate) x -> {
            plannedWith.add(x.getVariable("initiator") + " " + x.getVariable("hosts"));
            x.setVariable("hostsTotal", hosts.size());
        });
        Mocks.register("checkHostDelegate", (JavaDelegate) x -> {
            String host = (String) x.getVariable("host");
            if (host.equals(bugOn)) {
                throw new IllegalStateException("a bug while checking " + host);
            }
            checked.add(host);
            x.setVariableLocal("hostPassed", !failing.contains(host));
        });
        Mocks.register("summarizePreflightDelegate", (JavaDelegate) x -> x.setVariable("hostsFailed", failing.size()));
    }

    private ProcessInstance start(String user, Map<String, Object> variables) {
        harness.engine().getIdentityService().setAuthenticatedUserId(user);
        try {
            return runtimeService().startProcessInstanceByKey(PreflightVariables.PROCESS_ID, variables);
        } finally {
            harness.engine().getIdentityService().clearAuthentication();
        }
    }

    @Test
    void everyHostPasses() {
        ProcessInstance pi = start("operator", Map.of());
        assertThat(pi).isWaitingAt(TASK_PLAN_PREFLIGHT);
        execute(job());
        // one job per host, not exclusive: the job executor may check them in parallel
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId())
                .activityId(TASK_CHECK_HOST).list()).hasSize(3);
        harness.drive(pi);
        assertThat(pi).isEnded().hasPassed(START_EVENT_PREFLIGHT_REQUESTED, TASK_PLAN_PREFLIGHT,
                SUB_PROCESS_CHECK_EACH_HOST, START_EVENT_HOST_CHECK_STARTED, TASK_CHECK_HOST, END_EVENT_HOST_CHECKED,
                TASK_SUMMARIZE_PREFLIGHT, GATEWAY_EVERY_HOST_PASSED, END_EVENT_PREFLIGHT_PASSED)
                .hasNotPassed(END_EVENT_PREFLIGHT_FAILED);
        Assertions.assertThat(checked).containsExactlyInAnyOrder("hmc01", "lpar00", "nim01");
        Assertions.assertThat(plannedWith).containsExactly("operator null");
        assertThat(pi).variables().containsEntry("hostsTotal", 3).containsEntry("hostsFailed", 0);
    }

    @Test
    void aHostThatFailsIsReportedNotAnIncident() {
        failing.add("lpar00");
        ProcessInstance pi = start("operator", Map.of("hosts", "lpar00,nim01"));
        harness.drive(pi);
        assertThat(pi).isEnded().hasPassed(END_EVENT_PREFLIGHT_FAILED).hasNotPassed(END_EVENT_PREFLIGHT_PASSED);
        Assertions.assertThat(plannedWith).containsExactly("operator lpar00,nim01");
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(pi).variables().containsEntry("hostsFailed", 1);
    }

    @Test
    void noHostsGoesStraightToTheSummary() {
        hosts.clear();
        ProcessInstance pi = start("operator", Map.of());
        harness.drive(pi);
        assertThat(pi).isEnded().hasNotPassed(TASK_CHECK_HOST).hasPassed(TASK_SUMMARIZE_PREFLIGHT,
                END_EVENT_PREFLIGHT_PASSED);
    }

    @Test
    void theApplicationStartsOneWithoutAUser() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PreflightVariables.PROCESS_ID,
                Map.of("hosts", "nim01"));
        harness.drive(pi);
        assertThat(pi).isEnded().hasPassed(END_EVENT_PREFLIGHT_PASSED);
        Assertions.assertThat(plannedWith).containsExactly("null nim01");
    }

    @Test
    void aBugIsRetriedThenAnIncidentNamingIt() {
        bugOn = "nim01";
        ProcessInstance pi = start("operator", Map.of());
        List<RuntimeException> failures = harness.driveThroughFailures(pi);
        Assertions.assertThat(failures).hasSize(3).allSatisfy(f -> Assertions.assertThat(f).hasMessageContaining("nim01"));
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        Assertions.assertThat(incident.getActivityId()).isEqualTo(TASK_CHECK_HOST);
        Assertions.assertThat(incident.getIncidentMessage()).contains("a bug while checking nim01");
        // the other hosts were checked; the run waits for the fixed one
        Assertions.assertThat(checked).containsExactlyInAnyOrder("hmc01", "lpar00");
        bugOn = null;
        Job failed = managementService().createJobQuery().processInstanceId(pi.getId()).withException().singleResult();
        managementService().setJobRetries(failed.getId(), 1); // what an operator does in Cockpit after the fix
        harness.drive(pi);
        assertThat(pi).isEnded().hasPassed(END_EVENT_PREFLIGHT_PASSED);
    }
}
