package dev.wparflow.process.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import dev.wparflow.audit.CommandRecord;
import dev.wparflow.audit.CommandTranscriptService;
import dev.wparflow.catalog.RelocationGroup;
import dev.wparflow.catalog.RelocationGroups;
import dev.wparflow.engine.InputRefusedException;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.inventory.LparScan;
import dev.wparflow.lock.HeldLock;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.simulator.CommandLog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.simulator.model.WparState;
import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.FleetUnderTest;
import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestFleets;
import dev.wparflow.testsupport.TestUsers;

/**
 * WparLifecycleProcess end to end: the application (job executor on, real SSH) against a simulated LPAR with six
 * Active WPARs, the fleet reset before each test. Every WPAR of the LPAR stopped then started three at a time, one
 * failing stop reported without stopping the others; a WPAR injected into Broken recovered to Defined and Active with
 * what 4.1.2 says to look at in the transcript; bad input refused before any command reaches the host; the members of
 * a relocation group on two LPARs (lpar00, lpar01) stopped and started each on its own LPAR.
 */
@BothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WparLifecycleIT {

    static final String FLEET = TestFleets.yaml("lifecycle");
    static final List<String> WPARS = List.of("wpr10", "wpr11", "wpr12", "wpr13", "wpr14", "wpr15");

    @TempDir
    static Path dir;
    FleetUnderTest system;
    Fleet fleet;
    org.springframework.context.ConfigurableApplicationContext app;
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
    @Autowired
    LifecycleItems items;
    @Autowired
    CommandTranscriptService transcripts;
    @Autowired
    InventoryRepository inventory;
    @Autowired
    RelocationGroups groups;

    @BeforeAll
    void start() throws Exception {
        system = FleetUnderTest.start(FLEET, dir.resolve("sim"), TestDatabase.selected("lifecycle"));
        fleet = system.fleet();
        app = system.application(this, application -> application.fleet(fleet, "lpar00", "lpar01"));
        TestUsers.ensure(identity, "operator", "wparflow-operators");
        TestUsers.ensure(identity, "approver", "wparflow-approvers");
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
        fleet.faults().clear();
        fleet.log().clear();
    }

    @Test
    void everyWparOfTheLparIsStoppedThenStartedThreeAtATimeAndAFailingOneIsReported() {
        fleet.faults().add(FaultRule.on("lpar00").command("stopwpar").argContains("wpr12")
                .fail(1, "stopwpar: 0960-999 Could not stop workload partition wpr12.").build());
        long mark = fleet.stateHistory().lastSeq();
        // every stopwpar waits in T until released: the lanes fill up, and no fourth WPAR starts
        fleet.hold("stopwpar");
        String stop;
        try {
            stop = start(new HashMap<>(Map.of("lpar", "lpar00", "action", "stop", "allWpars", true, "parallelism", 3,
                    "changeReason", "patching (CHG-1)")));
            approveWhenAsked(stop);
            await().atMost(Duration.ofSeconds(60)).until(() -> inTransition() == 3);
            assertThat(dev.wparflow.simulator.model.WparStateHistory.maxSimultaneous(
                    fleet.stateHistory().since(mark), WparState.TRANSITIONAL)).isEqualTo(3);
        } finally {
            fleet.release("stopwpar");
        }
        awaitEnd(stop);

        assertThat(variable(stop, "outcome")).as(reason(stop)).isEqualTo("PARTIAL");
        assertThat(fleet.host("lpar00").states()).contains("wpr10=D", "wpr11=D", "wpr12=A", "wpr13=D", "wpr14=D",
                "wpr15=D");
        assertThat(variable(stop, "succeeded")).isEqualTo(5);
        assertThat(variable(stop, "failed")).isEqualTo(1);
        assertThat(reason(stop)).contains("wpr12: FAILED Active → Active", "0960-999", "wpr10: Active → Defined");
        LifecycleItems.Item failed = items.find(stop, "wpr12").orElseThrow();
        assertThat(failed.failed()).isTrue();
        assertThat(failed.error()).contains("0960-999");
        assertThat(items.items(stop)).filteredOn(i -> !i.failed()).extracting(LifecycleItems.Item::toState)
                .containsOnly("Defined").hasSize(5);
        var changes = fleet.stateHistory().since(mark);
        assertThat(dev.wparflow.simulator.model.WparStateHistory.maxSimultaneous(changes, WparState.TRANSITIONAL))
                .as("WPARs in T at once").isEqualTo(3);
        assertNoOperationLocks();

        fleet.faults().clear();
        long startMark = fleet.stateHistory().lastSeq();
        String start = run(Map.of("lpar", "lpar00", "action", "start", "wpars", String.join(",", WPARS)), null);

        assertThat(variable(start, "outcome")).as(reason(start)).isEqualTo("COMPLETED");
        assertThat(variable(start, "approvalRequired")).isEqualTo(false);
        assertThat(tasksOf(start)).isZero();
        for (String w : WPARS) {
            assertThat(fleet.host("lpar00").wpar(w)).get().extracting(x -> x.state()).isEqualTo(WparState.ACTIVE);
        }
        assertThat(dev.wparflow.simulator.model.WparStateHistory.maxSimultaneous(
                fleet.stateHistory().since(startMark), WparState.TRANSITIONAL)).isBetween(1, 3);
        assertThat(fleet.stateHistory().path("lpar00", "wpr12", startMark)).isEmpty();
        assertThat(reason(start)).contains("wpr12: Active → Active", "wpr10: Defined → Active");
        assertNoOperationLocks();
    }

    @Test
    void aBrokenWparIsRecoveredToDefinedThenActiveWithItsStateInTheTranscript() {
        assertThat(fleet.host("lpar00").breakWpar("wpr13", "startwpar interrupted")).isTrue();
        assertThat(fleet.host("lpar00").states()).contains("wpr13=B");
        long mark = fleet.stateHistory().lastSeq();

        String recover = run(Map.of("lpar", "lpar00", "action", "recover", "wpars", "wpr13", "startAfterRecovery",
                true), "approve");

        assertThat(variable(recover, "outcome")).as(reason(recover)).isEqualTo("COMPLETED");
        assertThat(fleet.stateHistory().path("lpar00", "wpr13", mark)).isEqualTo("BTDTA");
        assertThat(fleet.host("lpar00").states()).contains("wpr13=A");
        LifecycleItems.Item item = items.find(recover, "wpr13").orElseThrow();
        assertThat(item.fromState()).isEqualTo("Broken");
        assertThat(item.toState()).isEqualTo("Active");
        assertThat(item.findings()).contains("$ lswpar -L wpr13", "wpr13 - Broken", "$ ps -ef -@ wpr13",
                "/etc/init", "$ ls /var/adm/ras /var/adm/WPARs", "wpr13.log", "$ lswpar -M wpr13");
        assertThat(reason(recover)).contains("wpr13: Broken → Active", "stopwpar -F wpr13", "startwpar wpr13",
                "lswpar -L 'wpr13 - Broken'", "1 process(es) left");
        List<String> transcript = transcripts.forProcessInstance(recover).stream().map(CommandRecord::command)
                .toList();
        assertThat(transcript).contains("lswpar -L wpr13", "ps -ef -@ wpr13", "stopwpar -F wpr13",
                "startwpar wpr13");
        assertThat(transcripts.forProcessInstance(recover).stream().filter(r -> r.command().equals("lswpar -L wpr13"))
                .findFirst().orElseThrow().stdout()).contains("Broken");

        // a stop of a Broken WPAR takes the recovery path and ends Defined
        fleet.host("lpar00").breakWpar("wpr14", "stopwpar interrupted");
        String stop = run(Map.of("lpar", "lpar00", "action", "stop", "wpars", "wpr14"), "approve");
        assertThat(variable(stop, "outcome")).as(reason(stop)).isEqualTo("COMPLETED");
        assertThat(fleet.host("lpar00").states()).contains("wpr14=D");
        assertThat(items.find(stop, "wpr14").orElseThrow().commands()).contains("lswpar -L wpr14",
                "stopwpar -F wpr14");
        assertNoOperationLocks();
    }

    @Test
    void badInputIsRefusedBeforeAnyCommandReachesAHost() throws Exception {
        long before = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(WparLifecycleVariables.PROCESS_ID).count();
        assertRefused(Map.of("lpar", "lpar00", "action", "stop", "wpars", "wpr10;reboot"), "wpars");
        assertRefused(Map.of("lpar", "lpar00", "action", "stop", "wpars", "wpr10,$(id)"), "wpars");
        assertRefused(Map.of("lpar", "lpar00", "action", "halt", "wpars", "wpr10"), "action");
        assertRefused(Map.of("lpar", "lpar99", "action", "stop", "wpars", "wpr10"), "lpar");
        assertRefused(Map.of("lpar", "lpar00", "action", "stop", "wpars", "wpr10", "parallelism", 0), "parallelism");
        assertRefused(Map.of("lpar", "lpar00", "action", "stop", "wpars", "wpr10", "parallelism", 11), "parallelism");
        assertRefused(Map.of("lpar", "lpar00", "action", "stop"), "wpars");
        assertRefused(Map.of("lpar", "lpar00", "action", "stop", "wpars", "wpr10", "allWpars", true), "wpars");
        assertRefused(Map.of("lpar", "lpar00", "action", "stop", "wpars", "wpr10", "drainCommand", "stopsrc;rm"),
                "drainCommand");
        assertRefused(Map.of("lpar", "lpar00", "action", "stop", "wpars", "wpr10", "laneCount", 50), "laneCount");
        assertThat(history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(WparLifecycleVariables.PROCESS_ID).count()).isEqualTo(before);
        assertThat(fleet.log().entries()).as("the simulator's command log").isEmpty();

        // over REST, as the README starts it: 400 naming the field, nothing reaches the host
        var rest = restStart("""
                {"variables":{"lpar":{"value":"lpar00"},"action":{"value":"stop"},"wpars":{"value":"wpr10`reboot`"}}}""");
        assertThat(rest.statusCode()).isEqualTo(400);
        assertThat(rest.body()).contains("wpars");
        assertThat(fleet.log().entries()).isEmpty();

        // WPARs the LPAR does not have: refused after one lswpar, nobody asked, nothing changed
        String unknown = run(Map.of("lpar", "lpar00", "action", "stop", "wpars", "wpr10,wpr99"), null);
        assertThat(variable(unknown, "outcome")).isEqualTo("REFUSED");
        assertThat(variable(unknown, "failureCode")).isEqualTo("WPARS_NOT_FOUND");
        assertThat(reason(unknown)).contains("wpr99");
        assertThat(fleet.log().entries()).extracting(CommandLog.Entry::command).containsOnly("lswpar");
        assertThat(fleet.host("lpar00").states()).contains("wpr10=A");
    }

    @Test
    void aRebootDrainsTheWparFirstAndAFailingDrainLeavesItRunning() {
        long mark = fleet.stateHistory().lastSeq();
        String reboot = run(Map.of("lpar", "lpar00", "action", "reboot", "wpars", "wpr15", "drainCommand", "true"),
                "approve");

        assertThat(variable(reboot, "outcome")).as(reason(reboot)).isEqualTo("COMPLETED");
        assertThat(fleet.stateHistory().path("lpar00", "wpr15", mark)).isEqualTo("ATA");
        assertThat(items.find(reboot, "wpr15").orElseThrow().commands()).isEqualTo(
                "lpar00: clogin wpr15 true\nlpar00: rebootwpar wpr15");

        String stop = run(Map.of("lpar", "lpar00", "action", "stop", "wpars", "wpr14", "drainCommand", "false"),
                "approve");
        assertThat(variable(stop, "outcome")).as(reason(stop)).isEqualTo("FAILED");
        assertThat(fleet.host("lpar00").states()).contains("wpr14=A");
        assertThat(items.find(stop, "wpr14").orElseThrow().error()).startsWith("DRAIN_FAILED: clogin wpr14 false");
        assertThat(fleet.log().entries("lpar00")).extracting(CommandLog.Entry::command).doesNotContain("stopwpar");
        assertNoOperationLocks();
    }

    @Test
    void aStartOverRestAsTheReadmeShowsNeedsNoApproval() throws Exception {
        assertThat(fleet.host("lpar00").wpar("wpr10").orElseThrow().state()).isEqualTo(WparState.ACTIVE);
        var rest = restStart("""
                {"variables":{"lpar":{"value":"lpar00"},"action":{"value":"start"},"wpars":{"value":"wpr10,wpr11"},
                 "parallelism":{"value":2}}}""");
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(200);
        String id = rest.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        awaitEnd(id);
        assertThat(variable(id, "outcome")).as(reason(id)).isEqualTo("COMPLETED");
        assertThat(reason(id)).contains("wpr10: Active → Active", "wpr11: Active → Active");
        assertThat(fleet.log().entries()).extracting(CommandLog.Entry::command).containsOnly("lswpar");
    }

    @Test
    void aRelocationGroupOnTwoLparsIsStoppedAndStartedEachMemberOnItsOwnLpar() throws Exception {
        discovered(Map.of());
        groups.save("lifecycle-web", new RelocationGroup.Definition("web tier", List.of("wpr11", "web20", "web21"),
                List.of(), List.of(), null, null), "admin");
        long mark = fleet.stateHistory().lastSeq();

        String stop = run(Map.of("group", "lifecycle-web", "action", "stop", "parallelism", 2), "approve");

        assertThat(variable(stop, "outcome")).as(reason(stop)).isEqualTo("COMPLETED");
        assertThat(variable(stop, "approvalRequired")).isEqualTo(true);
        assertThat(variable(stop, "summary")).isEqualTo(
                "Stop relocation group lifecycle-web: 3 WPAR(s) on lpar01, lpar00");
        assertThat(fleet.host("lpar00").states()).contains("wpr10=A", "wpr11=D", "wpr12=A");
        assertThat(fleet.host("lpar01").states()).contains("web20=D", "web21=D");
        assertThat(fleet.stateHistory().path("lpar01", "web20", mark)).isEqualTo("ATD");
        assertThat(items.items(stop)).extracting(i -> i.lpar() + "/" + i.wpar() + "=" + i.toState())
                .containsExactlyInAnyOrder("lpar00/wpr11=Defined", "lpar01/web20=Defined", "lpar01/web21=Defined");
        assertThat(fleet.log().entries("lpar00")).extracting(CommandLog.Entry::command).contains("stopwpar");
        assertThat(fleet.log().entries("lpar01")).extracting(CommandLog.Entry::command).contains("stopwpar");
        assertThat(reason(stop)).contains("stop of relocation group lifecycle-web: 3 of 3 WPAR(s) done",
                "lpar01/web20: Active → Defined (ran: lpar01: stopwpar web20)",
                "lpar00/wpr11: Active → Defined (ran: lpar00: stopwpar wpr11)");
        assertThat(dev.wparflow.process.OperationSubject.of(WparLifecycleVariables.PROCESS_ID, null,
                n -> variable(stop, n))).isEqualTo("stop relocation group lifecycle-web");
        assertNoOperationLocks();

        String start = run(Map.of("group", "lifecycle-web", "action", "start"), null);
        assertThat(variable(start, "outcome")).as(reason(start)).isEqualTo("COMPLETED");
        assertThat(variable(start, "approvalRequired")).isEqualTo(false);
        assertThat(fleet.host("lpar00").states()).contains("wpr11=A");
        assertThat(fleet.host("lpar01").states()).contains("web20=A", "web21=A");
        assertThat(fleet.stateHistory().path("lpar01", "web21", mark)).isEqualTo("ATDTA");
        assertNoOperationLocks();
    }

    @Test
    void aGroupRequestThatIsNotCertainIsRefusedWithNothingSentToAHost() throws Exception {
        // the inventory lists wpr13 on lpar01 too (a relocation caught half way): which one is meant is not certain
        discovered(Map.of("lpar01", List.of("wpr13")));
        groups.save("lifecycle-twice", new RelocationGroup.Definition(null, List.of("wpr13", "wpr12"), List.of(),
                List.of(), null, null), "admin");
        groups.save("lifecycle-gone", new RelocationGroup.Definition(null, List.of("wpr14", "wpr77"), List.of(),
                List.of(), null, null), "admin");
        long before = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(WparLifecycleVariables.PROCESS_ID).count();
        assertRefused(Map.of("group", "lifecycle-twice", "lpar", "lpar00", "action", "stop"), "lpar");
        assertRefused(Map.of("group", "lifecycle-twice", "wpars", "wpr13", "action", "stop"), "wpars");
        assertRefused(Map.of("group", "lifecycle-twice", "allWpars", true, "action", "stop"), "wpars");
        assertRefused(Map.of("group", "no-such-group", "action", "stop"), "group");
        assertRefused(Map.of("group", "web;reboot", "action", "stop"), "group");
        assertRefused(Map.of("action", "stop", "wpars", "wpr10"), "lpar");
        assertThat(history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(WparLifecycleVariables.PROCESS_ID).count()).isEqualTo(before);
        var rest = restStart("""
                {"variables":{"group":{"value":"lifecycle-twice"},"lpar":{"value":"lpar00"},"action":{"value":"stop"}}}""");
        assertThat(rest.statusCode()).isEqualTo(400);
        assertThat(rest.body()).contains("lpar");

        String twice = run(Map.of("group", "lifecycle-twice", "action", "stop"), null);
        assertThat(variable(twice, "outcome")).isEqualTo("REFUSED");
        assertThat(variable(twice, "failureCode")).isEqualTo("WPAR_ON_TWO_LPARS");
        assertThat(reason(twice)).contains("wpr13 (on lpar00 and lpar01)").doesNotContain("wpr12 (");
        String gone = run(Map.of("group", "lifecycle-gone", "action", "stop"), null);
        assertThat(variable(gone, "outcome")).isEqualTo("REFUSED");
        assertThat(variable(gone, "failureCode")).isEqualTo("WPARS_NOT_FOUND");
        assertThat(reason(gone)).contains("on no LPAR: wpr77");
        assertThat(items.items(twice)).isEmpty();
        assertThat(fleet.log().entries()).as("the simulator's command log").isEmpty();
        assertThat(fleet.host("lpar00").states()).contains("wpr13=A", "wpr14=A");
        assertThat(fleet.host("lpar01").states()).contains("web21=A");
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** What discovery would have found: each LPAR's WPARs, and {@code extra} names listed on an LPAR besides. */
    void discovered(Map<String, List<String>> extra) {
        java.time.Instant now = java.time.Instant.now();
        int id = 1;
        for (String lpar : List.of("lpar00", "lpar01")) {
            inventory.saveHmcLpar(lpar, "sys01", id++, "Running", "aixlinux", "AIX 6.1", now);
            List<String> names = new java.util.ArrayList<>(fleet.host(lpar).wpars().stream().map(w -> w.name)
                    .toList());
            names.addAll(extra.getOrDefault(lpar, List.of()));
            List<LparScan.Wpar> ws = names.stream().map(w -> new LparScan.Wpar(w, "SYSTEM", "ACTIVE", w, null, null,
                    "/wpars/" + w, false, true, false, null)).toList();
            inventory.saveScan(new LparScan(lpar, "sys01", "6100-02-01-0847", null, null, null, null, List.of(),
                    Map.of(), List.of(), ws), now);
        }
    }

    java.net.http.HttpResponse<String> restStart(String json) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                + "/engine-rest/process-definition/key/" + WparLifecycleVariables.PROCESS_ID + "/start"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("operator:" + TestUsers.password("operator")).getBytes(
                                java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
        return java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    void assertNoOperationLocks() {
        assertThat(locks.held()).extracting(HeldLock::resource).noneMatch(r -> r.startsWith("wpar:"));
    }

    void assertRefused(Map<String, Object> variables, String field) {
        assertThatThrownBy(() -> start(new HashMap<>(variables))).isInstanceOf(InputRefusedException.class)
                .hasMessageContaining(field);
    }

    String start(Map<String, Object> variables) {
        identity.setAuthentication("operator", List.of("wparflow-operators"));
        try {
            return runtime.startProcessInstanceByKey(WparLifecycleVariables.PROCESS_ID, variables).getId();
        } finally {
            identity.clearAuthentication();
        }
    }

    long inTransition() {
        return fleet.host("lpar00").wpars().stream().filter(w -> w.state() == WparState.TRANSITIONAL).count();
    }

    void approveWhenAsked(String instance) {
        await().atMost(Duration.ofSeconds(60)).until(() -> decide(instance, "approve"));
    }

    /** Completes the approval task of {@code instance} as the approver; false while there is none. */
    boolean decide(String instance, String decision) {
        for (Task t : tasks.createTaskQuery().processDefinitionKey("ChangeApprovalProcess").list()) {
            String root = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                    .singleResult().getRootProcessInstanceId();
            if (instance.equals(root)) {
                identity.setAuthentication("approver", List.of("wparflow-approvers"));
                try {
                    tasks.complete(t.getId(), Map.of("decision", decision, "reason", "tested lifecycle"));
                } finally {
                    identity.clearAuthentication();
                }
                return true;
            }
        }
        return false;
    }

    void awaitEnd(String instance) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() ->
                history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1);
    }

    long tasksOf(String instance) {
        return history.createHistoricProcessInstanceQuery().superProcessInstanceId(instance).count();
    }

    /** Started by the operator; its approval decided by the approver; until it ends, without incidents. */
    String run(Map<String, Object> variables, String decision) {
        Set<String> incidentsBefore = incidents();
        String instance = start(new HashMap<>(variables));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(incidents()).as("incidents").isEqualTo(incidentsBefore);
            if (decision != null) {
                decide(instance, decision);
            }
            return history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1;
        });
        return instance;
    }

    Set<String> incidents() {
        return runtime.createIncidentQuery().list().stream().map(i -> i.getActivityId() + ": " + i.getIncidentMessage())
                .collect(Collectors.toSet());
    }

    Object variable(String instance, String name) {
        var v = history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name)
                .singleResult();
        return v == null ? null : v.getValue();
    }

    String reason(String instance) {
        return variable(instance, "outcome") + ": " + variable(instance, "outcomeReason");
    }
}
