package dev.wparflow.process.relocation.request;

import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.FleetUnderTest;
import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestFleets;
import static dev.wparflow.process.relocation.request.RelocationModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import dev.wparflow.inventory.DiscoverySummary;
import dev.wparflow.inventory.FleetDiscoveryService;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.process.relocation.RelocationRecords;
import dev.wparflow.process.relocation.live.LiveRelocationModel;
import dev.wparflow.process.relocation.live.LiveRelocationVariables;
import dev.wparflow.run.RemoteRun;
import dev.wparflow.run.RemoteRunService;
import dev.wparflow.simulator.CommandLog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.simulator.model.Timing;

/**
 * WparRelocationProcess end to end: the whole application (job executor on, run poller, real SSH) against a
 * simulated fleet of two compatible LPARs on different managed systems sharing an NFS image repository. The
 * approval is decided through the engine API by a user other than the requester (four-eyes is enforced).
 */
@BothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelocationIT {

    static final String FLEET = TestFleets.yaml("relocation");

    /** What a read-only relocation may run: the checks' reads and nothing else. */
    static final Set<String> READS = Set.of("lswpar", "oslevel", "lslpp", "prtconf", "lssrc", "lsvg",
            "ifconfig", "cat", "showmount", "lsdev");

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
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    LeaseLockService locks;

    @BeforeAll
    void start() throws Exception {
        system = FleetUnderTest.start(FLEET, dir.resolve("sim"),
                TestDatabase.selected("reloc2")); // dropped by system.close()
        fleet = system.fleet();
        app = system.application(this, application -> application
                .fleet(fleet, "lpar00", "lpar01", "lpar02", "lpar03")
                .property("wparflow.inventory.file", fleet.inventoryPath()) // what discovery reads
                .property("wparflow.relocation.retry-cycle", "R1/PT1S")
                .property("wparflow.relocation.lock-retry-interval", "PT1S")
                .property("wparflow.relocation.lock-max-attempts", "2")
                .property("wparflow.relocation.save-timeout", "PT20S")
                .property("wparflow.relocation.move-timeout", "PT6S"));
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @BeforeEach
    void freshFleet() throws Exception {
        system.freshFleet();
    }

    /** Starts a relocation as alice (an operator, the requester). */
    String relocate(String wpar, Map<String, Object> extra) {
        Map<String, Object> v = new HashMap<>(Map.of("wpar", wpar, "departingLpar", "lpar00", "arrivingLpar",
                "lpar01", "mode", "auto", "validateOnly", false));
        v.putAll(extra);
        identity.setAuthentication("alice", List.of("wparflow-operators"));
        try {
            return runtime.startProcessInstanceByKey(RelocationVariables.PROCESS_ID, v).getId();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The approval task of the relocation, once it is there. */
    Task approvalTask(String instance) {
        await().atMost(Duration.ofSeconds(60)).until(() -> approval(instance) != null);
        return approval(instance);
    }

    private Task approval(String instance) {
        var sub = runtime.createProcessInstanceQuery().superProcessInstanceId(instance).singleResult();
        return sub == null ? null : tasks.createTaskQuery().processInstanceId(sub.getId()).singleResult();
    }

    void decide(String instance, String user, String decision, String reason) {
        Task task = approvalTask(instance);
        identity.setAuthentication(user, List.of("wparflow-approvers"));
        try {
            tasks.complete(task.getId(), Variables.createVariables().putValue("decision", decision)
                    .putValue("reason", reason));
        } finally {
            identity.clearAuthentication();
        }
    }

    void awaitEnd(String instance) {
        await().atMost(Duration.ofSeconds(90)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(instance).finished().count() == 1);
    }

    Object variable(String instance, String name) {
        var v = history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name)
                .singleResult();
        return v == null ? null : v.getValue();
    }

    void assertPassed(String instance, String activityId) {
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId(activityId)
                .finished().count()).as(activityId + " (outcome " + variable(instance, "outcome") + ": "
                        + variable(instance, "outcomeReason") + ")").isEqualTo(1);
    }

    String state(String host, String wpar) {
        return fleet.host(host).wpar(wpar).map(w -> String.valueOf(w.state().letter())).orElse(null);
    }

    /**
     * Every command the fleet ran that is not a read of the checks (nor the detached-run protocol), nor discovery's
     * read of a WPAR's software levels ({@code clogin NAME lslpp -l}).
     */
    List<String> changes() {
        return fleet.log().entries().stream().filter(e -> !READS.contains(e.command()))
                .filter(e -> !e.raw.matches("clogin \\S+ lslpp -l"))
                .map((CommandLog.Entry e) -> e.host + " " + e.raw).toList();
    }

    void assertNothingChanged(String instance) {
        assertThat(changes()).as("commands other than reads").isEmpty();
        assertThat(state("lpar00", "wpr00")).isEqualTo("A");
        assertThat(state("lpar01", "wpr00")).isNull();
        assertThat(locks.heldBy(instance)).isEmpty();
    }

    @Test
    void validateOnlyReportsAndRunsOnlyReads() {
        String instance = relocate("wpr00", Map.of("validateOnly", true));
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_VALIDATED);
        assertThat(variable(instance, "outcome")).isEqualTo("VALIDATED");
        assertThat((String) variable(instance, "outcomeReason")).startsWith("compatible (static)")
                .contains("CHECK").contains("live: INCOMPATIBLE");
        assertThat(fleet.log().entries()).isNotEmpty();
        assertNothingChanged(instance);
        assertThat(app.getBean(RelocationRecords.class).find(instance)).get().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("VALIDATED");
            assertThat(r.checkReport()).contains("checkpointable");
            assertThat(r.validateOnly()).isTrue();
        });
    }

    @Test
    void invalidRequestIsRefusedBeforeAnyHostIsTouched() {
        // an LPAR the inventory does not know is refused at an operator's start: no instance (OperationsH2IT: 400)
        long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(RelocationVariables.PROCESS_ID)
                .count();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> relocate("wpr00", Map.of("departingLpar", "lpar99")))
                .isInstanceOf(dev.wparflow.engine.InputRefusedException.class)
                .hasMessageContaining("departingLpar").hasMessageContaining("not 'lpar99'");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(RelocationVariables.PROCESS_ID)
                .count()).isEqualTo(before);
        // a start that no guard saw (the application's own) is still refused by the process, before any host
        String instance = runtime.startProcessInstanceByKey(RelocationVariables.PROCESS_ID, Map.of("wpar", "wpr00",
                "departingLpar", "lpar99", "arrivingLpar", "lpar01", "mode", "auto", "validateOnly", false)).getId();
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_REQUEST_REFUSED);
        assertThat((String) variable(instance, "outcomeReason")).startsWith("REQUEST_INVALID")
                .contains("lpar99 is not in the inventory")
                .contains("the LPARs the inventory knows").contains("lpar01");
        assertThat(fleet.log().entries()).isEmpty();
    }

    @Test
    void aWparMissingOnTheDepartingLparIsRefusedBeforeApprovalWithoutIncident() {
        String instance = relocate("wpr09", Map.of());
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_REQUEST_REFUSED);
        assertThat(variable(instance, "outcome")).isEqualTo("REFUSED");
        assertThat((String) variable(instance, "outcomeReason"))
                .startsWith("WPAR_NOT_FOUND: WPAR wpr09 not found on lpar00 (lswpar: ").contains("wpr00");
        assertThat(history.createHistoricProcessInstanceQuery().superProcessInstanceId(instance).count())
                .as("approvals asked").isZero();
        assertThat(history.createHistoricIncidentQuery().processInstanceId(instance).count()).as("incidents").isZero();
        assertThat(changes()).isEmpty();
    }

    @Test
    void incompatibleTargetIsRefusedWithTheCheckReport() {
        String instance = relocate("wpr07", Map.of());
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_TARGET_INCOMPATIBLE);
        assertThat(variable(instance, "outcome")).isEqualTo("INCOMPATIBLE");
        assertThat((String) variable(instance, "outcomeReason")).contains("static: INCOMPATIBLE");
        assertThat(changes()).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(instance).count()).isZero();
    }

    @Test
    void rejectedApprovalChangesNothingAndHoldsNoLock() {
        String instance = relocate("wpr00", Map.of());
        Task task = approvalTask(instance);
        assertThat(task.getName()).isEqualTo("Approve: relocate wpr00 lpar00 → lpar01 (static)");
        assertThat((String) tasks.getVariable(task.getId(), "plan")).contains("Relocate WPAR wpr00 from lpar00 to lpar01")
                .contains("chosen mode: static").contains("Expected outage").contains("CHECK");
        decide(instance, "bob", "reject", "not during the quarter close");
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_CHANGE_REJECTED);
        assertThat(variable(instance, "outcome")).isEqualTo("REJECTED");
        assertThat((String) variable(instance, "outcomeReason")).contains("not during the quarter close");
        assertNothingChanged(instance);
    }

    @Test
    void requesterCannotApproveTheirOwnRelocation() {
        String instance = relocate("wpr00", Map.of("validateOnly", false));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decide(instance, "alice", "approve", "mine"))
                .hasMessageContaining("four-eyes");
        decide(instance, "bob", "reject", "cleanup");
        awaitEnd(instance);
    }

    @Test
    void approvalTimeoutEndsWithNothingChanged() {
        String instance = relocate("wpr00", Map.of("approvalTimeout", "PT1S", "escalationTimeout", "PT1S"));
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_CHANGE_REJECTED);
        assertThat(variable(instance, "outcome")).isEqualTo("REJECTED");
        assertNothingChanged(instance);
    }

    @Test
    void approvedRelocationMovesTheWparAndReleasesEveryLock() {
        String instance = relocate("wpr00", Map.of());
        decide(instance, "bob", "approve", "window agreed");
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_WPAR_RELOCATED);
        assertPassed(instance, CALL_ACTIVITY_STATIC_RELOCATION);
        assertThat(variable(instance, "outcome")).isEqualTo("RELOCATED");
        assertThat(state("lpar01", "wpr00")).isEqualTo("A");
        assertThat(state("lpar00", "wpr00")).isNull();
        assertThat(locks.heldBy(instance)).isEmpty();
        assertThat(fleet.host("lpar01").wpar("wpr00").orElseThrow().lock).isNull();
        assertThat(app.getBean(RelocationRecords.class).find(instance)).get().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("RELOCATED");
            assertThat(r.chosenMode()).isEqualTo("static");
        });
    }

    /** FleetDiscoveryProcess on demand, as POST /api/discovery starts it: the inventory tables "choose for me" reads. */
    void discoverFleet() {
        identity.setAuthentication("alice", List.of("wparflow-operators"));
        String id;
        try {
            id = runtime.startProcessInstanceByMessage("FleetDiscoveryRequested").getId();
        } finally {
            identity.clearAuthentication();
        }
        awaitEnd(id);
        DiscoverySummary summary = app.getBean(FleetDiscoveryService.class).summary(id).orElseThrow();
        assertThat(summary.failures()).as("discovery failures").isEmpty();
        InventoryRepository inventory = app.getBean(InventoryRepository.class);
        assertThat(inventory.lpar("lpar01").orElseThrow().managedSystem()).isEqualTo("sys570b");
        assertThat(inventory.lpar("lpar03").orElseThrow().managedSystem()).isEqualTo("sys570a");
        assertThat(RelocationRequestService.rootvgFreeMb(inventory.lpar("lpar03").orElseThrow()))
                .as("lpar03 has more room than lpar01")
                .isGreaterThan(RelocationRequestService.rootvgFreeMb(inventory.lpar("lpar01").orElseThrow()));
        fleet.log().clear(); // the relocation's commands from here on
    }

    /** Starts a relocation as alice with no arriving LPAR ("choose for me"). */
    String relocateChoosingForMe(String wpar) {
        identity.setAuthentication("alice", List.of("wparflow-operators"));
        try {
            return runtime.startProcessInstanceByKey(RelocationVariables.PROCESS_ID, Map.of("wpar", wpar,
                    "departingLpar", "lpar00", "mode", "auto", "validateOnly", false)).getId();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The value the arriving LPAR had each time it was written, oldest first (history level full). */
    List<Object> arrivingLparHistory(String instance) {
        return history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates()
                .orderPartiallyByOccurrence().asc().list().stream()
                .map(d -> (org.camunda.bpm.engine.history.HistoricVariableUpdate) d)
                .filter(u -> u.getVariableName().equals("arrivingLpar")).map(u -> u.getValue()).toList();
    }

    @Test
    void chooseForMePrefersAnotherManagedSystemAndMovesTheWparThere() {
        discoverFleet();
        String instance = relocateChoosingForMe("wpr00");
        assertThat((String) tasks.getVariable(approvalTask(instance).getId(), "plan"))
                .contains("Relocate WPAR wpr00 from lpar00 to lpar01 (chosen for you)");
        decide(instance, "bob", "approve", "any compatible LPAR");
        awaitEnd(instance);

        // lpar01 (managed system sys570b) before lpar03 (sys570a, the departing system's, more free space)
        assertPassed(instance, END_EVENT_WPAR_RELOCATED);
        assertThat(variable(instance, "arrivingLpar")).isEqualTo("lpar01");
        assertThat(arrivingLparHistory(instance)).containsSubsequence(null, "lpar01");
        assertThat(state("lpar01", "wpr00")).isEqualTo("A");
        assertThat(state("lpar00", "wpr00")).isNull();
        assertThat(state("lpar03", "wpr00")).isNull();
        assertThat(locks.heldBy(instance)).isEmpty();
        assertThat(app.getBean(RelocationRecords.class).find(instance)).get().satisfies(r -> {
            assertThat(r.arrivingLpar()).isEqualTo("lpar01");
            assertThat(r.outcome()).isEqualTo("RELOCATED");
        });
        assertThat(fleet.log().entries("lpar03")).as("lpar03 not even asked: the first candidate fitted").isEmpty();
    }

    @Test
    void chooseForMeSkipsATargetWhereTheNameIsTakenAndPicksTheNextOne() {
        discoverFleet();
        // wpr07 exists on lpar01 already: the first candidate fails the name check, lpar03 fits
        String instance = relocateChoosingForMe("wpr07");
        assertThat((String) tasks.getVariable(approvalTask(instance).getId(), "plan"))
                .contains("to lpar03 (chosen for you)").contains("chosen mode: static");
        decide(instance, "bob", "approve", "any compatible LPAR");
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_WPAR_RELOCATED);
        assertThat(variable(instance, "arrivingLpar")).isEqualTo("lpar03");
        assertThat(state("lpar03", "wpr07")).isEqualTo("A");
        assertThat(state("lpar00", "wpr07")).isNull();
        assertThat(state("lpar01", "wpr07")).as("the other wpr07, untouched").isEqualTo("D");
        assertThat(fleet.host("lpar03").wpar("wpr07").orElseThrow().lock).isNull();
        assertThat(locks.heldBy(instance)).isEmpty();
        assertThat(app.getBean(RelocationRecords.class).find(instance)).get().satisfies(r -> {
            assertThat(r.arrivingLpar()).isEqualTo("lpar03");
            assertThat(r.chosenMode()).isEqualTo("static");
            assertThat(r.outcome()).isEqualTo("RELOCATED");
        });
        assertThat(changes()).as("lpar01 was only read").noneMatch(c -> c.startsWith("lpar01 "));
    }

    @Test
    void twoRelocationsOfOneWparAtOnceOneRunsTheOtherIsRefusedWithTheReason() {
        fleet.setTimeScale(1.0); // savewpar takes 3 s: the first holds the locks while the second asks
        String first = relocate("wpr00", Map.of());
        String second = relocate("wpr00", Map.of());
        decide(first, "bob", "approve", "first");
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.createProcessInstanceQuery()
                .superProcessInstanceId(first).processDefinitionKey("WparStaticRelocationProcess").count() == 1);
        decide(second, "carol", "approve", "second");
        awaitEnd(first);
        awaitEnd(second);

        assertThat(variable(first, "outcome")).isEqualTo("RELOCATED");
        assertThat(variable(second, "outcome")).isEqualTo("REFUSED");
        assertThat((String) variable(second, "outcomeReason")).matches("(?s)(WPAR_LOCKED: .*" + first
                + ".*|WPAR_NOT_FOUND: .*)");
        assertThat(state("lpar01", "wpr00")).isEqualTo("A");
        assertThat(state("lpar00", "wpr00")).isNull();
        assertThat(locks.heldBy(first)).isEmpty();
        assertThat(locks.heldBy(second)).isEmpty();
    }

    @Test
    void liveRelocationOfMob01PassesThroughFigure42States() throws Exception {
        fleet.setTimeScale(0.1); // movewpar: about 0.8 s in all, far inside the 6 s move timeout on a loaded machine
        String instance = relocate("mob01", Map.of("mode", "live"));
        assertThat((String) tasks.getVariable(approvalTask(instance).getId(), "plan")).contains("chosen mode: live");
        long mark = fleet.stateHistory().lastSeq();
        decide(instance, "bob", "approve", "live move agreed");
        awaitEnd(instance);

        assertPassed(instance, CALL_ACTIVITY_LIVE_RELOCATION);
        assertPassed(instance, END_EVENT_WPAR_RELOCATED);
        // Figure 4-2 on both sides (A T M T D departing, D T A arriving), then the departing copy removed
        assertThat(fleet.stateHistory().path("lpar00", "mob01", mark)).isEqualTo("ATMTDT-");
        assertThat(fleet.stateHistory().path("lpar01", "mob01", mark)).isEqualTo("-TDTA");
        assertThat(state("lpar01", "mob01")).isEqualTo("A");
        assertThat(state("lpar00", "mob01")).isNull();
        assertThat(locks.heldBy(instance)).isEmpty();
        assertThat(changes()).anyMatch(c -> c.startsWith("lpar00 mkwpar -w -o"))
                .anyMatch(c -> c.startsWith("lpar01 mkwpar -p -f"))
                .anyMatch(c -> c.startsWith("lpar01 setclock 9.3.5.127"))
                .anyMatch(c -> c.startsWith("lpar00 /opt/mcr/bin/movewpar -s"))
                .anyMatch(c -> c.contains("movewpar -k") && c.endsWith("mob01 9.3.5.127"))
                .anyMatch(c -> c.startsWith("lpar00 rmwpar -p mob01"))
                .noneMatch(c -> c.contains("movewpar -x"));
        // the administrative lock while wparflow prepares the move, handed over to movewpar on each side
        assertThat(mobility()).containsSubsequence(
                "lpar00 wparlockctl -l -> 0",   // the departing WPAR, after the leases
                "lpar00 wparlockctl -u -> 0", "lpar00 mkwpar -w -> 0", "lpar00 wparlockctl -l -> 0",
                "lpar01 mkwpar -p -> 0",
                "lpar01 wparlockctl -l -> 0",   // the pre-staged copy
                "lpar00 wparlockctl -u -> 0", "lpar00 movewpar -s -> 0",
                "lpar01 wparlockctl -u -> 0", "lpar01 movewpar -k -> 0");
        assertThat(fleet.host("lpar01").wpar("mob01").orElseThrow().lock).as("administrative lock").isNull();
    }

    @Test
    void liveMoveTimedOutMidWayIsAbortedOnBothSides() throws Exception {
        // every command instant but the memory transfer, which would take an hour: the 6 s move timeout strikes
        // while it runs, however slow the machine (with a transfer of seconds, the move could end first)
        fleet.setTimeScale(1.0);
        for (var h : fleet.hosts()) {
            java.util.stream.Stream.of(Timing.DEFAULTS.keySet(), Timing.PART2.keySet()).flatMap(java.util.Set::stream)
                    .forEach(command -> h.model().timing.setDuration(command, 0));
            h.model().timing.setDuration("movewpar-memory", Duration.ofHours(1).toMillis());
        }
        String instance = relocate("mob01", Map.of("mode", "live"));
        long mark = fleet.stateHistory().lastSeq();
        decide(instance, "bob", "approve", "live move agreed");
        awaitEnd(instance);
        // the departing WPAR left Active for the move, was Moving when the timeout struck, then came back; the
        // pre-staged copy went back to Defined and was removed
        assertThat(fleet.stateHistory().path("lpar00", "mob01", mark)).isEqualTo("ATMA");
        assertThat(fleet.stateHistory().path("lpar01", "mob01", mark)).isEqualTo("-TDTDT-");
        assertPassed(instance, END_EVENT_WPAR_STAYED);
        assertThat(variable(instance, "outcome")).isEqualTo("ROLLED_BACK");
        assertThat((String) variable(instance, "outcomeReason")).startsWith("MOVE_TIMED_OUT");
        assertThat(state("lpar00", "mob01")).isEqualTo("A");
        assertThat(state("lpar01", "mob01")).isNull();
        assertThat(locks.heldBy(instance)).isEmpty();
        assertThat(fleet.host("lpar00").wpar("mob01").orElseThrow().lock).as("administrative lock").isNull();
        assertThat(changes()).anyMatch(c -> c.equals("lpar00 /opt/mcr/bin/movewpar -x mob01"))
                .anyMatch(c -> c.equals("lpar01 /opt/mcr/bin/movewpar -x mob01"));
    }

    /** "host command flag" for the live move's commands on both sides, in order, with the exit status. */
    List<String> mobility() {
        List<String> out = new java.util.ArrayList<>();
        for (CommandLog.Entry e : fleet.log().entries()) {
            if (Set.of("movewpar", "mkwpar", "rmwpar", "setclock", "stopwpar", "wparlockctl").contains(e.command())) {
                out.add(e.host + " " + e.command() + (e.argv.size() > 1 && e.argv.get(1).startsWith("-")
                        ? " " + e.argv.get(1) : "") + " -> " + e.exitStatus());
            }
        }
        return out;
    }

    @Test
    void liveMoveRefusedOnArrivalIsAbortedOnBothSides() throws Exception {
        // the arriving clock is 42 s off and setclock answers 0 but leaves it so (an NTP step or an operator's date
        // right after it): movewpar -k refuses
        fleet.host("lpar01").model().clockOffsetSeconds = 42;
        fleet.faults().add(FaultRule.on("lpar01").command("setclock").fail(0, null).once().build());
        String instance = relocate("mob01", Map.of("mode", "live"));
        decide(instance, "bob", "approve", "live move agreed");
        awaitEnd(instance);

        assertPassed(instance, CALL_ACTIVITY_LIVE_RELOCATION);
        assertPassed(instance, END_EVENT_WPAR_STAYED);
        assertThat(variable(instance, "outcome")).isEqualTo("ROLLED_BACK");
        assertThat((String) variable(instance, "outcomeReason")).startsWith("MOVE_FAILED")
                .contains("differ by 42 seconds");
        // exactly once, Active where it was, nothing left on the arriving side, no lock of any kind
        assertThat(state("lpar00", "mob01")).isEqualTo("A");
        assertThat(state("lpar01", "mob01")).isNull();
        assertThat(fleet.host("lpar00").wpar("mob01").orElseThrow().lock).as("administrative lock").isNull();
        assertThat(locks.heldBy(instance)).isEmpty();
        var live = history.createHistoricProcessInstanceQuery().superProcessInstanceId(instance)
                .processDefinitionKey(LiveRelocationVariables.PROCESS_ID).singleResult();
        assertThat(locks.heldBy(live.getId())).isEmpty();
        assertThat(mobility()).containsSubsequence(
                "lpar00 wparlockctl -l -> 0",   // the departing WPAR's administrative lock
                "lpar00 mkwpar -w -> 0",        // spec of the departing WPAR
                "lpar01 mkwpar -p -> 0",        // pre-staged, Defined
                "lpar01 wparlockctl -l -> 0",   // and locked
                "lpar01 setclock -> 0",
                "lpar00 wparlockctl -u -> 0",   // handed over to movewpar
                "lpar00 movewpar -s -> 0",      // connection key, departing T
                "lpar01 wparlockctl -u -> 0",
                "lpar01 movewpar -k -> 1",      // refused: clocks differ
                "lpar01 movewpar -x -> 0",      // abort on both sides, arriving first: the migration server stops
                "lpar00 movewpar -x -> 0",
                "lpar01 rmwpar -p -> 0");       // the pre-staged copy removed, its NFS file systems kept
        assertThat(mobility()).filteredOn(c -> c.contains("movewpar -k")).hasSize(1);
        assertThat(app.getBean(RemoteRunService.class).find((String) history.createHistoricVariableInstanceQuery()
                .processInstanceId(live.getId()).variableName("moveRunId").singleResult().getValue()))
                .get().satisfies(run -> {
                    assertThat(run.state()).isEqualTo(RemoteRun.State.EXITED);
                    assertThat(run.exitCode()).isEqualTo(1);
                });
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
        app.getBean(org.camunda.bpm.engine.ManagementService.class).setJobRetries(incident.getConfiguration(), 1);
    }

    /** The command lines the fleet ran on {@code host} for {@code command}, in order. */
    List<String> sent(String host, String command) {
        return fleet.log().entries().stream().filter(e -> e.host.equals(host) && e.command().equals(command))
                .map(e -> String.join(" ", e.argv)).toList();
    }

    @Test
    void prestageAbandonedByADeadNodeIsRemovedAndMadeAgainAndTheMoveGoesOn() {
        // the node that sent mkwpar -p -f SPEC to lpar01 dies mid-way: the pre-staged copy is left Broken
        fleet.faults().add(FaultRule.on("lpar01").command("mkwpar").argContains("-p").abandon(200).once().build());
        String instance = relocate("mob01", Map.of("mode", "live"));
        decide(instance, "bob", "approve", "live move agreed");
        retryTheFailedStep(LiveRelocationModel.TASK_PRESTAGE_ARRIVING_WPAR);
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_WPAR_RELOCATED);
        assertThat(state("lpar01", "mob01")).isEqualTo("A");
        assertThat(state("lpar00", "mob01")).isNull();
        assertThat(locks.heldBy(instance)).isEmpty();
        assertThat(fleet.host("lpar01").wpar("mob01").orElseThrow().lock).as("administrative lock").isNull();
        // the Broken half-made copy (this step's: its transcript has this relocation's spec) removed, then made again
        assertThat(sent("lpar01", "stopwpar")).containsExactly("stopwpar -F mob01");
        assertThat(sent("lpar01", "rmwpar")).containsExactly("rmwpar -F -p mob01");
        assertThat(sent("lpar01", "mkwpar")).hasSize(2).allMatch(c -> c.startsWith("mkwpar -p -f "));
        assertThat(changes()).noneMatch(c -> c.contains("movewpar -x"));
    }

    @Test
    void departingCopyRemovalAbandonedByADeadNodeIsFinishedAfterALiveMove() {
        // mob01 is already Active on lpar01; the node removing the departing copy dies mid-way: Broken on lpar00
        fleet.faults().add(FaultRule.on("lpar00").command("rmwpar").abandon(200).once().build());
        String instance = relocate("mob01", Map.of("mode", "live"));
        decide(instance, "bob", "approve", "live move agreed");
        retryTheFailedStep(LiveRelocationModel.TASK_CLEAN_UP_DEPARTURE);
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_WPAR_RELOCATED);
        assertThat(state("lpar01", "mob01")).isEqualTo("A");
        assertThat(state("lpar00", "mob01")).isNull();
        assertThat(locks.heldBy(instance)).isEmpty();
        assertThat(sent("lpar00", "rmwpar")).containsExactly("rmwpar -p mob01", "rmwpar -F -p mob01");
        assertThat(sent("lpar00", "stopwpar")).containsExactly("stopwpar -F mob01");
    }

    @Test
    void liveMoveWhosePrestageIsRefusedReleasesTheAdministrativeLockItHeld() {
        // another WPAR took the address on lpar01 after the checks: mkwpar -p refuses (0960-105), before movewpar
        fleet.faults().add(FaultRule.on("lpar01").command("mkwpar").argContains("-p")
                .fail(1, "mkwpar: 0960-105 The network address 9.3.5.186 is already in use.").once().build());
        String instance = relocate("mob01", Map.of("mode", "live"));
        decide(instance, "bob", "approve", "live move agreed");
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_WPAR_STAYED);
        assertThat(variable(instance, "outcome")).isEqualTo("ROLLED_BACK");
        assertThat((String) variable(instance, "outcomeReason")).startsWith("PRESTAGE_FAILED").contains("0960-105");
        assertThat(state("lpar00", "mob01")).isEqualTo("A");
        assertThat(state("lpar01", "mob01")).isNull();
        assertThat(fleet.host("lpar00").wpar("mob01").orElseThrow().lock).as("administrative lock").isNull();
        assertThat(locks.heldBy(instance)).isEmpty();
        assertThat(mobility()).containsSubsequence("lpar00 wparlockctl -l -> 0", "lpar01 mkwpar -p -> 1",
                "lpar01 movewpar -x -> 1", "lpar00 movewpar -x -> 1", "lpar00 wparlockctl -u -> 0")
                .noneMatch(c -> c.contains("movewpar -s") || c.contains("movewpar -k"));
    }

    @Test
    void applicationWparMovesStaticallyFollowingTable43() {
        String instance = relocate("app01", Map.of("mode", "static"));
        assertThat((String) tasks.getVariable(approvalTask(instance).getId(), "plan")).contains("chosen mode: static");
        decide(instance, "bob", "approve", "application move agreed");
        awaitEnd(instance);

        assertPassed(instance, END_EVENT_WPAR_RELOCATED);
        assertThat(state("lpar01", "app01")).isEqualTo("A");
        assertThat(state("lpar00", "app01")).isNull();
        assertThat(fleet.host("lpar01").wpar("app01").orElseThrow().application).isEqualTo("/hga/myapp");
        assertThat(fleet.host("lpar01").wpar("app01").orElseThrow().lock).isNull();
        assertThat(locks.heldBy(instance)).isEmpty();
        assertThat(changes()).anyMatch(c -> c.startsWith("lpar00 mkwpar -w -o"))
                .anyMatch(c -> c.startsWith("lpar00 stopwpar"))
                .anyMatch(c -> c.startsWith("lpar01 wparexec -f /images/relocation/app01-"))
                .noneMatch(c -> c.contains("savewpar") || c.contains("restwpar") || c.contains("rmwpar"));
    }
}
