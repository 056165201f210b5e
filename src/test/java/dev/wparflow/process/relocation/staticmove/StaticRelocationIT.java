package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationModel.*;

import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.FleetUnderTest;
import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestFleets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import dev.wparflow.lock.HeldLock;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockAcquisition;
import dev.wparflow.lock.LockResource;
import dev.wparflow.process.relocation.RelocationRecords;
import dev.wparflow.run.RemoteRun;
import dev.wparflow.run.RemoteRunService;
import dev.wparflow.simulator.CommandLog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.simulator.fault.FaultType;

/**
 * WparStaticRelocationProcess end to end: the whole application (job executor on, run poller, real SSH) against a
 * simulated fleet of two LPARs on different managed systems sharing an NFS image repository. After every scenario
 * the WPAR exists exactly once, in a sensible state, the image is gone and no lock is held.
 */
@BothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticRelocationIT {

    static final String FLEET = TestFleets.yaml("static-relocation");

    /** The relocation's lease length in these tests (production: PT12H). */
    static final Duration LEASE = Duration.ofSeconds(3);

    @TempDir
    static Path dir;
    FleetUnderTest system;
    Fleet fleet;
    ConfigurableApplicationContext app;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    LeaseLockService locks;

    @BeforeAll
    void start() throws Exception {
        system = FleetUnderTest.start(FLEET, dir.resolve("sim"),
                TestDatabase.selected("reloc")); // dropped by system.close()
        fleet = system.fleet();
        app = system.application(this, application -> application
                .fleet(fleet, "lpar00", "lpar01", "lpar02")
                .property("wparflow.relocation.retry-cycle", "R1/PT1S")
                .property("wparflow.relocation.lock-retry-interval", "PT1S")
                .property("wparflow.relocation.lock-max-attempts", "3")
                .property("wparflow.relocation.save-timeout", "PT6S")
                // leases shorter than most scenarios here: they live on because the renewer keeps them
                .property("wparflow.relocation.lock-lease", LEASE.toString())
                .property("wparflow.locks.renew-interval", "PT0.5S"));
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @BeforeEach
    void freshFleet() throws Exception {
        fleet.host("lpar01").setDown(false);
        system.freshFleet();
    }

    /**
     * Starts the static relocation on its own, as its own operation, with an approved change in our record: the steps
     * that change a host check it. The start and the record commit together, so the first job sees both.
     */
    String relocate(String wpar) {
        dev.wparflow.process.approval.ChangeApprovalRecord record =
                app.getBean(dev.wparflow.process.approval.ChangeApprovalRecord.class);
        return new org.springframework.transaction.support.TransactionTemplate(
                app.getBean(org.springframework.transaction.PlatformTransactionManager.class)).execute(status -> {
                    String id = runtime.startProcessInstanceByKey(StaticRelocationVariables.PROCESS_ID,
                            Map.of("wpar", wpar, "departingLpar", "lpar00", "arrivingLpar", "lpar01")).getId();
                    record.request("approval-of-" + id, id, "operator", 1);
                    record.decide("approval-of-" + id, "approver", "approve", "tested", null);
                    return id;
                });
    }

    HistoricProcessInstance awaitEnd(String instance) {
        await().atMost(Duration.ofSeconds(60)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(instance).finished().count() == 1);
        return history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult();
    }

    Object variable(String instance, String name) {
        var v = history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name)
                .singleResult();
        return v == null ? null : v.getValue();
    }

    void assertPassed(String instance, String activityId) {
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId(activityId)
                .finished().count()).as(activityId + " (outcome " + variable(instance, "outcome") + ": "
                        + variable(instance, "outcomeReason") + "; log " + fleet.log().entries() + ")").isEqualTo(1);
    }

    void assertNotPassed(String instance, String activityId) {
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId(activityId)
                .count()).as(activityId).isZero();
    }

    /** The WPAR's state letter on a host, or null when it does not exist there. */
    String state(String host, String wpar) {
        return fleet.host(host).wpar(wpar).map(w -> String.valueOf(w.state().letter())).orElse(null);
    }

    /** The WPAR exists exactly once, in {@code state} on {@code host}; no image, no lock left. */
    void assertExactlyOnce(String instance, String wpar, String host, String state) {
        String other = host.equals("lpar00") ? "lpar01" : "lpar00";
        assertThat(state(host, wpar)).isEqualTo(state);
        assertThat(state(other, wpar)).isNull();
        assertThat(fleet.host("lpar02").file("/images/relocation/" + wpar + "-" + instance + ".bff")).isNull();
        assertThat(fleet.host("lpar02").file("/images/relocation/" + wpar + "-" + instance + ".spec")).isNull();
        assertThat(locks.heldBy(instance)).isEmpty();
        assertThat(fleet.host(host).wpar(wpar).orElseThrow().lock).as("administrative lock on " + host).isNull();
    }

    /** "host command" for the mutating commands of the log, in order (lswpar and the run protocol left out). */
    List<String> actions() {
        List<String> out = new ArrayList<>();
        for (CommandLog.Entry e : fleet.log().entries()) {
            String c = e.command();
            if (c.equals("lswpar") || c.equals("wparflow-run")) {
                continue;
            }
            String flag = c.equals("wparlockctl") ? " " + e.argv.get(1) : "";
            out.add(e.host + " " + c + flag);
        }
        return out;
    }

    /**
     * The step whose command was abandoned failed (these tests give a step one attempt, R1): its retry, as an
     * operator's retry in Cockpit. After a node's death the retry comes from the job's lock expiring instead.
     */
    void retryTheFailedStep(String activityId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.createIncidentQuery().activityId(activityId)
                .count() == 1);
        var incident = runtime.createIncidentQuery().activityId(activityId).singleResult();
        assertThat(incident.getIncidentMessage()).contains("connection lost");
        management.setJobRetries(incident.getConfiguration(), 1);
    }

    /** The command lines the fleet ran on {@code host} for {@code command}, in order. */
    List<String> sent(String host, String command) {
        return fleet.log().entries().stream().filter(e -> e.host.equals(host) && e.command().equals(command))
                .map(e -> String.join(" ", e.argv)).toList();
    }

    @Test
    void stopwparAbandonedByADeadNodeIsFinishedByTheRetryAndTheMoveGoesOn() {
        // the node that sent stopwpar dies mid-way: the WPAR is left Broken, the step's job is retried
        fleet.faults().add(FaultRule.on("lpar00").command("stopwpar").abandon(200).once().build());
        String instance = relocate("wpr00");
        retryTheFailedStep(TASK_STOP_DEPARTING_WPAR);
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_WPAR_RELOCATED);
        assertThat(variable(instance, "outcome")).isEqualTo("RELOCATED");
        assertExactlyOnce(instance, "wpr00", "lpar01", "A");
        // the retry looked first, found it Broken and brought it to Defined the documented way (RB:2844)
        assertThat(sent("lpar00", "stopwpar")).containsExactly("stopwpar wpr00", "stopwpar -F wpr00");
        assertThat(sent("lpar00", "savewpar")).hasSize(1);
        assertThat(sent("lpar01", "restwpar")).hasSize(1);
        assertThat(sent("lpar00", "rmwpar")).containsExactly("rmwpar wpr00");
    }

    @Test
    void rmwparAbandonedByADeadNodeIsFinishedByTheRetryAndEverythingIsReleased() {
        // the WPAR is already Active on arrival; the node removing the departing copy dies mid-way: Broken there
        fleet.faults().add(FaultRule.on("lpar00").command("rmwpar").abandon(200).once().build());
        String instance = relocate("wpr00");
        retryTheFailedStep(TASK_REMOVE_DEPARTING_WPAR);
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_WPAR_RELOCATED);
        assertThat(variable(instance, "outcome")).isEqualTo("RELOCATED");
        assertExactlyOnce(instance, "wpr00", "lpar01", "A");
        // the recovery of a Broken WPAR, then the forced removal; plain rmwpar is not repeated
        assertThat(sent("lpar00", "rmwpar")).containsExactly("rmwpar wpr00", "rmwpar -F wpr00");
        assertThat(sent("lpar00", "stopwpar")).containsExactly("stopwpar wpr00", "stopwpar -F wpr00");
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void runningSystemWparMovesToAnotherManagedSystemFollowingTable42() {
        String instance = relocate("wpr00");
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_WPAR_RELOCATED);
        assertThat(variable(instance, "outcome")).isEqualTo("RELOCATED");
        assertExactlyOnce(instance, "wpr00", "lpar01", "A");
        assertThat(actions()).containsSubsequence(
                "lpar00 wparlockctl -l",       // row 2 lock (departure)
                "lpar00 mkwpar",               // row 5 spec
                "lpar00 stopwpar",             // row 7
                "lpar00 savewpar",             // row 8
                "lpar01 restwpar",             // row 9
                "lpar01 wparlockctl -l",       // the restored WPAR locked
                "lpar01 startwpar",            // row 10
                "lpar01 clogin",               // row 12
                "lpar00 rmwpar",               // row 14
                "lpar01 wparlockctl -u",       // row 15
                "lpar00 rm");                  // row 17
        assertThat(actions()).containsOnlyOnce("lpar00 savewpar", "lpar01 restwpar", "lpar00 rmwpar");
        assertThat(app.getBean(RelocationRecords.class).find(instance)).get()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo("RELOCATED"));
    }

    @Test
    void definedSystemWparMovesAndStaysDefined() {
        String instance = relocate("wpr05");
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_WPAR_RELOCATED);
        assertExactlyOnce(instance, "wpr05", "lpar01", "D");
        assertThat(actions()).doesNotContain("lpar00 stopwpar", "lpar01 startwpar", "lpar01 clogin");
    }

    @Test
    void failedRestoreIsRolledBackAndTheWparRunsWhereItWas() {
        fleet.faults().add(FaultRule.on("lpar01").command("restwpar").fail(1,
                "restwpar: 0960-033 Error creating file system /.").once().build());
        String instance = relocate("wpr00");
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_RELOCATION_ROLLED_BACK);
        assertThat(variable(instance, "outcome")).isEqualTo("ROLLED_BACK");
        assertThat((String) variable(instance, "outcomeReason")).startsWith("RESTORE_FAILED");
        assertExactlyOnce(instance, "wpr00", "lpar00", "A");
        assertThat(actions()).containsSubsequence("lpar00 stopwpar", "lpar00 savewpar", "lpar01 restwpar",
                "lpar00 startwpar", "lpar00 rm");
    }

    @Test
    void nameTakenOnTargetIsRefusedBeforeAnythingChanges() throws Exception {
        var copy = fleet.host("lpar00").wpar("wpr05").orElseThrow();
        copy.name = "wpr00";
        fleet.host("lpar01").model().locked(() -> fleet.host("lpar01").model().addWpar(copy));
        String instance = relocate("wpr00");
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_RELOCATION_REFUSED);
        assertThat((String) variable(instance, "outcomeReason")).startsWith("NAME_TAKEN_ON_TARGET");
        assertThat(state("lpar00", "wpr00")).isEqualTo("A");
        assertThat(actions()).doesNotContain("lpar00 stopwpar", "lpar00 savewpar");
        assertThat(locks.heldBy(instance)).isEmpty();
        assertThat(fleet.host("lpar00").wpar("wpr00").orElseThrow().lock).isNull();
    }

    @Test
    void aLockHeldByAnotherOperationIsWaitedFor() {
        LockResource resource = LockResource.wpar("lpar00", "wpr00");
        assertThat(locks.acquire(resource, "other-operation", "backup", Duration.ofMinutes(5)).acquired()).isTrue();
        String instance = relocate("wpr00");
        await().atMost(Duration.ofSeconds(20)).until(() -> history.createHistoricActivityInstanceQuery()
                .processInstanceId(instance).activityId(EVENT_WAIT_FOR_LOCK).count() >= 1);
        locks.release(resource, "other-operation");
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_WPAR_RELOCATED);
        assertExactlyOnce(instance, "wpr00", "lpar01", "A");
    }

    @Test
    void aLockHeldTooLongRefusesTheRelocation() {
        LockResource resource = LockResource.wpar("lpar00", "wpr00");
        locks.acquire(resource, "other-operation", "backup", Duration.ofMinutes(5));
        try {
            String instance = relocate("wpr00");
            awaitEnd(instance);
            assertPassed(instance, END_EVENT_RELOCATION_REFUSED);
            assertThat((String) variable(instance, "outcomeReason")).startsWith("WPAR_LOCKED")
                    .contains("other-operation");
            assertThat(state("lpar00", "wpr00")).isEqualTo("A");
            assertThat(locks.heldBy(instance)).isEmpty();
            assertThat(locks.find(resource).owner()).isEqualTo("other-operation");
        } finally {
            locks.release(resource, "other-operation");
        }
    }

    @Test
    void aSaveThatNeverFinishesTimesOutIsCancelledAndRolledBack() {
        fleet.faults().add(FaultRule.on("lpar00").command("savewpar").type(FaultType.HANG).once().build());
        String instance = relocate("wpr00");
        awaitEnd(instance);

        // the wait's timer fired by itself at the save timeout: savewpar had not ended
        assertPassed(instance, TASK_CANCEL_SAVE_RUN);
        assertPassed(instance, END_EVENT_SAVE_TIMED_OUT);
        assertNotPassed(instance, TASK_CHECK_SAVE);
        assertPassed(instance, END_EVENT_RELOCATION_ROLLED_BACK);
        assertExactlyOnce(instance, "wpr00", "lpar00", "A");
        assertThat(state("lpar01", "wpr00")).isNull();
    }

    @Test
    void arrivingHostDownBecomesAnIncidentThatAnOperatorRetries() throws Exception {
        fleet.hold("savewpar"); // until the arriving host is down
        String instance = relocate("wpr00");
        await().atMost(Duration.ofSeconds(60)).until(() -> fleet.log().entries("lpar00").stream()
                .anyMatch(e -> e.command().equals("savewpar")));
        fleet.host("lpar01").setDown(true);
        fleet.release("savewpar");
        await().atMost(Duration.ofSeconds(40)).until(() -> runtime.createIncidentQuery().processInstanceId(instance)
                .count() == 1);
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(TASK_RESTORE_WPAR);
        assertThat(incident.getIncidentMessage()).contains("lpar01");
        assertThat(state("lpar00", "wpr00")).isEqualTo("D"); // stopped and saved, waiting

        fleet.host("lpar01").setDown(false); // the operator fixes the cause and retries in Cockpit
        management.setJobRetries(incident.getConfiguration(), 1);
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_WPAR_RELOCATED);
        assertExactlyOnce(instance, "wpr00", "lpar01", "A");
        assertThat(actions()).containsOnlyOnce("lpar00 savewpar", "lpar01 restwpar");
    }

    /** How many times savewpar itself ran on the departing host (a detached run is logged with its own command). */
    long savewparRuns() {
        return fleet.log().entries("lpar00").stream().filter(e -> e.command().equals("savewpar")).count();
    }

    /** How many {@code wparflow-run start} of the save run the departing host received. */
    long saveStarts() {
        return fleet.log().entries("lpar00").stream().filter(e -> e.command().equals("wparflow-run")
                && e.argv.get(1).equals("start") && e.argv.contains("savewpar")).count();
    }

    /** The save run as wparflow recorded it. */
    RemoteRun saveRun(String instance) {
        return app.getBean(RemoteRunService.class).find((String) variable(instance, "saveRunId")).orElseThrow();
    }

    @Test
    void departingHostDropsTheConnectionDuringTheSavewparStart() {
        // the host starts savewpar, then the connection drops before wparflow learns it did
        fleet.faults().add(FaultRule.on("lpar00").command("wparflow-run").argContains("savewpar")
                .type(FaultType.DROP_CONNECTION).once().build());
        String instance = relocate("wpr00");
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_WPAR_RELOCATED);
        assertExactlyOnce(instance, "wpr00", "lpar01", "A");
        assertThat(saveStarts()).as("the start, sent again on a fresh session").isEqualTo(2);
        assertThat(savewparRuns()).as("savewpar runs").isEqualTo(1);
        assertThat(saveRun(instance).state()).isEqualTo(RemoteRun.State.EXITED);
        assertThat(history.createHistoricIncidentQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void departingHostDropsEveryStartOfTheSaveIncidentThenTheOperatorsRetryFindsTheRun() {
        fleet.hold("savewpar"); // still running when the operator retries
        fleet.faults().add(FaultRule.on("lpar00").command("wparflow-run").argContains("savewpar")
                .type(FaultType.DROP_CONNECTION).times(2).build());
        String instance = relocate("wpr00");
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createIncidentQuery().processInstanceId(instance)
                .count() == 1);
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(TASK_SAVE_WPAR);
        assertThat(incident.getIncidentMessage()).contains("CONNECTION_LOST on lpar00")
                .contains("wparflow-run start").contains("sending it again is safe");
        assertThat(state("lpar00", "wpr00")).isEqualTo("D"); // stopped, savewpar running on the host
        assertThat(fleet.host("lpar00").wpar("wpr00").orElseThrow().lock.command()).as("savewpar holds the lock")
                .isEqualTo("savewpar");

        // the operator's retry meets savewpar still running and holding the WPAR's administrative lock
        management.executeJob(incident.getConfiguration());
        assertThat(saveStarts()).as("two dropped starts and the retry's").isEqualTo(3);
        assertThat(savewparRuns()).as("savewpar runs while it is held").isEqualTo(1);
        fleet.release("savewpar");
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_WPAR_RELOCATED);
        assertExactlyOnce(instance, "wpr00", "lpar01", "A");
        assertThat(saveStarts()).as("two dropped starts and the retry's").isEqualTo(3);
        assertThat(savewparRuns()).as("savewpar runs").isEqualTo(1);
        assertThat(actions()).containsOnlyOnce("lpar00 savewpar", "lpar01 restwpar");
    }

    @Test
    void departingHostDropsTheConnectionWhileTheSaveIsPolled() {
        // savewpar takes 3 s (the rest of the move no time): polled several times while it runs
        fleet.faults().add(FaultRule.on("lpar00").command("savewpar").latency(3000).once().build());
        FaultRule drop = fleet.faults().add(FaultRule.on("lpar00").command("wparflow-run").argContains("wait")
                .type(FaultType.DROP_CONNECTION).times(4).build());
        String instance = relocate("wpr00");
        awaitEnd(instance);

        assertThat(drop.fired()).as("waits for the run dropped").isEqualTo(4);
        assertPassed(instance, END_EVENT_WPAR_RELOCATED);
        assertExactlyOnce(instance, "wpr00", "lpar01", "A");
        assertThat(savewparRuns()).as("savewpar runs").isEqualTo(1);
        assertThat(saveRun(instance).state()).isEqualTo(RemoteRun.State.EXITED);
    }

    @Test
    void departingHostThatNeverAnswersThePollTimesTheSaveOutAndTheWparRunsWhereItWas() {
        fleet.faults().add(FaultRule.on("lpar00").command("savewpar").latency(3000).once().build());
        fleet.faults().add(FaultRule.on("lpar00").command("wparflow-run").argContains("wait")
                .type(FaultType.DROP_CONNECTION).build());
        String instance = relocate("wpr00");
        awaitEnd(instance);

        // the wait's timer fired by itself at the save timeout: savewpar had not ended
        assertPassed(instance, TASK_CANCEL_SAVE_RUN);
        assertPassed(instance, END_EVENT_SAVE_TIMED_OUT);
        assertNotPassed(instance, TASK_CHECK_SAVE);
        assertPassed(instance, END_EVENT_RELOCATION_ROLLED_BACK);
        assertExactlyOnce(instance, "wpr00", "lpar00", "A");
        assertThat(savewparRuns()).as("savewpar runs").isEqualTo(1);
        assertThat(saveRun(instance).state()).isEqualTo(RemoteRun.State.CANCELLED);
        assertThat(actions()).doesNotContain("lpar01 restwpar");
    }

    /** Well past the lease, so that the save outlives it. */
    static final int SAVE_SECONDS = 8;

    @Test
    void leasesShorterThanTheSaveAreRenewedAndNobodyElseGetsTheWpar() throws Exception {
        // savewpar takes 8 s; the relocation's leases last 3 s and are renewed while its process instance lives
        fleet.faults().add(FaultRule.on("lpar00").command("savewpar").latency(SAVE_SECONDS * 1000L).once().build());
        LockResource departure = LockResource.wpar("lpar00", "wpr00");
        String instance = relocate("wpr00");
        await().atMost(Duration.ofSeconds(30)).until(() -> savewparRuns() == 1);
        long token = locks.find(departure).fencingToken();
        // another operation (a backup, say) asks for the WPAR while savewpar runs, until it asks after the relocation's
        // first lease would have expired: refused every time, so the lease was renewed, not lost
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            LockAcquisition other = locks.acquire(departure, "other-operation", "backup", Duration.ofMinutes(1));
            assertThat(other.acquired()).as("the WPAR's lease went to another operation mid-relocation").isFalse();
            HeldLock held = locks.find(departure);
            assertThat(held.owner()).isEqualTo(instance);
            assertThat(held.fencingToken()).isEqualTo(token);
            return Instant.now().isAfter(held.acquiredAt().plus(LEASE));
        });
        assertThat(locks.find(departure).expiresAt()).as("renewed").isAfter(locks.find(departure).acquiredAt().plus(LEASE));
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_WPAR_RELOCATED);
        assertExactlyOnce(instance, "wpr00", "lpar01", "A");
        assertThat(locks.find(departure).owner()).isNull();
    }
}
