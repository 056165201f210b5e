package dev.wparflow.process.discovery;

import static dev.wparflow.process.discovery.FleetDiscoveryModel.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.testsupport.ProcessHarness;

/** Every path of FleetDiscoveryProcess on a plain engine with stand-in delegates. */
@Deployment(resources = "processes/FleetDiscoveryProcess.bpmn")
class FleetDiscoveryProcessTest {

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.plain();

    /** What the stand-ins saw and will answer. */
    final List<String> lpars = new ArrayList<>(List.of("lpar00", "lpar01", "lpar02"));
    final List<String> discovered = Collections.synchronizedList(new ArrayList<>());
    final List<String> initiators = new ArrayList<>();
    int systemsFailed;
    int hostsFailed;
    String failOn;

    /** Stand-in for the collection bean. */
    public class Plan {
        public List<String> lpars(DelegateExecution execution) {
            return lpars;
        }
    }

    /** Stand-in for FleetDiscoverySettings. */
    public static class Settings {
        public String getCycle() {
            return "R/PT15M";
        }
    }

    @BeforeEach
    void standIns() {
        Mocks.register("fleetDiscoverySettings", new Settings());
        Mocks.register("fleetDiscoveryPlan", new Plan());
        Mocks.register("discoverManagedSystemsDelegate", (JavaDelegate) x -> {
            initiators.add(String.valueOf(x.getVariable("initiator")));
            x.setVariable("systemsTotal", 2);
            x.setVariable("systemsFailed", systemsFailed);
            x.setVariable("hostsTotal", lpars.size());
        });
        Mocks.register("discoverLparDelegate", (JavaDelegate) x -> {
            String lpar = (String) x.getVariable("lparName");
            if (lpar.equals(failOn)) {
                throw new IllegalStateException("a bug while discovering " + lpar);
            }
            discovered.add(lpar);
            x.setVariableLocal("hostOk", true);
        });
        Mocks.register("summarizeDiscoveryDelegate", (JavaDelegate) x -> {
            x.setVariable("hostsOk", lpars.size() - hostsFailed);
            x.setVariable("hostsFailed", hostsFailed);
            x.setVariable("wparCount", 12);
        });
    }

    @AfterEach
    void clear() {
        // timer-started instances of other tests must not linger
        runtimeService().createProcessInstanceQuery().processDefinitionKey(FleetDiscoveryVariables.PROCESS_ID).list()
                .forEach(p -> runtimeService().deleteProcessInstance(p.getId(), "test done"));
    }

    private ProcessInstance requested(String user) {
        harness.engine().getIdentityService().setAuthenticatedUserId(user);
        try {
            return runtimeService().startProcessInstanceByMessage(FleetDiscoveryVariables.REQUESTED_MESSAGE);
        } finally {
            harness.engine().getIdentityService().clearAuthentication();
        }
    }

    /** Runs every job of the instance until none is left (or only failing ones). */
    private void runJobs(ProcessInstance pi) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = managementService().createJobQuery().processInstanceId(pi.getId()).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job j : jobs) {
                managementService().executeJob(j.getId());
            }
        }
    }

    @Test
    void everyHostDiscovered() {
        ProcessInstance pi = requested("operator");
        assertThat(pi).isWaitingAt(TASK_DISCOVER_MANAGED_SYSTEMS);
        execute(job());
        assertThat(pi).isWaitingAt(TASK_DISCOVER_LPAR);
        // one job per LPAR, not exclusive: the job executor may run them in parallel
        List<Job> hostJobs = managementService().createJobQuery().processInstanceId(pi.getId()).activityId(TASK_DISCOVER_LPAR).list();
        Assertions.assertThat(hostJobs).hasSize(3);
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed(TASK_DISCOVER_MANAGED_SYSTEMS, TASK_DISCOVER_LPAR, END_EVENT_LPAR_DISCOVERED,
                TASK_SUMMARIZE_DISCOVERY, END_EVENT_FLEET_DISCOVERED).hasNotPassed(END_EVENT_FLEET_PARTLY_DISCOVERED);
        Assertions.assertThat(discovered).containsExactlyInAnyOrder("lpar00", "lpar01", "lpar02");
        Assertions.assertThat(initiators).containsExactly("operator");
        assertThat(pi).variables().containsEntry("hostsOk", 3).containsEntry("hostsFailed", 0)
                .containsEntry("wparCount", 12);
    }

    @Test
    void aFailedHostEndsPartlyDiscovered() {
        hostsFailed = 1;
        ProcessInstance pi = requested("operator");
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed(END_EVENT_FLEET_PARTLY_DISCOVERED).hasNotPassed(END_EVENT_FLEET_DISCOVERED);
        assertThat(pi).variables().containsEntry("hostsFailed", 1).containsEntry("hostsOk", 2);
    }

    @Test
    void aFailedManagedSystemEndsPartlyDiscovered() {
        systemsFailed = 1;
        ProcessInstance pi = requested("operator");
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed(END_EVENT_FLEET_PARTLY_DISCOVERED);
    }

    @Test
    void anEmptyInventoryGoesStraightToTheSummary() {
        lpars.clear();
        ProcessInstance pi = requested("operator");
        runJobs(pi);
        assertThat(pi).isEnded().hasNotPassed(TASK_DISCOVER_LPAR).hasPassed(TASK_SUMMARIZE_DISCOVERY,
                END_EVENT_FLEET_DISCOVERED);
    }

    @Test
    void theTimerStartsARunEveryCycle() {
        Job timer = managementService().createJobQuery().timers().processDefinitionKey(FleetDiscoveryVariables.PROCESS_ID)
                .singleResult();
        Assertions.assertThat(timer).isNotNull();
        Assertions.assertThat(timer.getDuedate()).isInTheFuture();
        managementService().executeJob(timer.getId());
        ProcessInstance pi = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(FleetDiscoveryVariables.PROCESS_ID).singleResult();
        assertThat(pi).isWaitingAt(TASK_DISCOVER_MANAGED_SYSTEMS);
        // the next firing is scheduled
        Assertions.assertThat(managementService().createJobQuery().timers()
                .processDefinitionKey(FleetDiscoveryVariables.PROCESS_ID).count()).isEqualTo(1);
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed(START_EVENT_DISCOVERY_DUE, END_EVENT_FLEET_DISCOVERED);
        Assertions.assertThat(initiators).containsExactly("null");
    }

    @Test
    void aBugIsRetriedThenAnIncidentNamingIt() {
        failOn = "lpar01";
        ProcessInstance pi = requested("operator");
        assertThat(pi).isWaitingAt(TASK_DISCOVER_MANAGED_SYSTEMS);
        execute(job());
        List<Job> hostJobs = managementService().createJobQuery().processInstanceId(pi.getId()).activityId(TASK_DISCOVER_LPAR).list();
        for (Job j : hostJobs) {
            try {
                managementService().executeJob(j.getId());
            } catch (IllegalStateException expected) {
                Assertions.assertThat(expected).hasMessageContaining("lpar01");
            }
        }
        Job failing = managementService().createJobQuery().processInstanceId(pi.getId()).withException().singleResult();
        Assertions.assertThat(failing.getRetries()).isEqualTo(2); // R3/PT1M
        Assertions.assertThat(failing.getExceptionMessage()).contains("a bug while discovering lpar01");
        managementService().setJobRetries(failing.getId(), 1);
        assertThatThrownBy(() -> managementService().executeJob(failing.getId())).hasMessageContaining("lpar01");
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        Assertions.assertThat(incident.getActivityId()).isEqualTo(TASK_DISCOVER_LPAR);
        Assertions.assertThat(incident.getIncidentMessage()).contains("a bug while discovering lpar01");
        assertThat(pi).isActive();
        // the other hosts were discovered; the run waits for the fixed one
        Assertions.assertThat(discovered).containsExactlyInAnyOrder("lpar00", "lpar02");
        failOn = null;
        managementService().setJobRetries(failing.getId(), 1); // what an operator does in Cockpit after the fix
        managementService().executeJob(failing.getId());
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed(END_EVENT_FLEET_DISCOVERED);
    }
}
