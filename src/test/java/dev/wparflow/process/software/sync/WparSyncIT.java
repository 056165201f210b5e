package dev.wparflow.process.software.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.FilesetName;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.Software;
import dev.wparflow.aix.SoftwareSource;
import dev.wparflow.aix.WparName;
import dev.wparflow.inventory.DiscoverySummary;
import dev.wparflow.inventory.FleetDiscoveryService;
import dev.wparflow.lock.HeldLock;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.FleetUnderTest;
import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestFleets;
import dev.wparflow.testsupport.TestUsers;

/**
 * WparSyncProcess end to end: the application (job executor on, real SSH) against a simulated LPAR, the fleet reset
 * before each test. An update applied in the global environment over SSH without a sync makes the WPARs drift;
 * discovery flags them in /api/wpars (the Defined one "not checked"); the sync (approved by another user) brings the
 * shared WPARs back with syncwpar and the detached one with inuwpar, clogin NAME lslpp -l shows the global level and
 * discovery clears the flags. A WPAR that stays out of sync after its attempts is reported while the others go on;
 * nothing drifting ends NOTHING_TO_SYNC; bad input is refused with 400 before anything reaches a host.
 */
@BothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WparSyncIT {

    static final String FLEET = TestFleets.yaml("software-sync");
    static final SoftwareSource SRC = SoftwareSource.of("/images/updates/6100-02-03");
    static final ObjectMapper JSON = new ObjectMapper();

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
    WparSyncItems items;
    @Autowired
    AixGateway aix;

    @BeforeAll
    void start() throws Exception {
        system = FleetUnderTest.start(FLEET, dir.resolve("sim"), TestDatabase.selected("softwaresync"));
        fleet = system.fleet();
        app = system.application(this, application -> application.fleet(fleet, "lpar00")
                .property("wparflow.inventory.file", fleet.inventoryPath())); // what discovery reads
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

    AixHost lpar00() {
        return aix.on("lpar00", Origin.background("WparSyncIT"));
    }

    /** An operator applies the update in the global environment and does not sync the WPARs. */
    void updateWithoutSync() {
        Software.InstallResult r = lpar00().applyInstall(SRC, List.of(FilesetName.of("bos.rte"),
                FilesetName.of("bos.rte.libc")), Software.Commit.APPLY_AND_COMMIT);
        assertThat(r.succeeded()).as(r.toString()).isTrue();
    }

    @Test
    void aWparMadeToDriftIsFlaggedByDiscoveryAndFixedByTheSync() throws Exception {
        updateWithoutSync();
        discover();
        Map<String, JsonNode> wpars = wpars();
        assertThat(wpars).as(get("/api/wpars").toString()).containsKeys("wpr00", "wpr01", "wpr02", "det01");
        assertThat(wpars.get("wpr00").get("softwareInSync").asBoolean()).isFalse();
        assertThat(wpars.get("wpr00").get("driftingFilesets").toString()).contains(
                "{\"fileset\":\"bos.rte\",\"globalLevel\":\"6.1.2.3\",\"wparLevel\":\"6.1.2.1\",\"part\":\"ROOT\"}");
        assertThat(wpars.get("det01").get("softwareInSync").asBoolean()).isFalse();
        assertThat(wpars.get("wpr02").get("softwareInSync").isNull()).as("Defined: not checked").isTrue();
        assertThat(wpars.get("wpr02").get("softwareNote").asText()).contains("wpr02 is Defined");
        assertThat(get("/api/wpars?softwareInSync=false")).extracting(w -> w.get("name").asText())
                .containsExactlyInAnyOrder("wpr00", "wpr01", "det01");

        fleet.log().clear();
        String id = run(Map.of("lpar", "lpar00", "softwareSource", SRC.value(), "changeReason", "after 6100-02-03"),
                "approve");

        assertThat(variable(id, "outcome")).as(reason(id)).isEqualTo("COMPLETED");
        assertThat(variable(id, "synced")).isEqualTo(3);
        assertThat(variable(id, "plan").toString()).contains("Reason: after 6100-02-03", "wpr00 (SHARED, Active):"
                + " syncwpar wpr00; drift: bos.rte 6.1.2.1 → 6.1.2.3", "wpr02 (SHARED, Defined): not checked");
        assertThat(reason(id)).contains("3 of 3 WPAR(s) in sync", "approved by approver",
                "wpr00 (SHARED): SYNCED after 1 attempt(s) (ran: syncwpar wpr00; clogin wpr00 lslpp -l)",
                "det01 (DETACHED): SYNCED after 1 attempt(s) (ran: clogin det01 lslpp -l; inuwpar -d"
                        + " /images/updates/6100-02-03 -w det01 installp -apX bos.rte 6.1.2.3 bos.rte.libc 6.1.2.3;"
                        + " inuwpar -d /images/updates/6100-02-03 -w det01 installp -acXY bos.rte 6.1.2.3"
                        + " bos.rte.libc 6.1.2.3; clogin det01 lslpp -l)");
        assertThat(items.items(id)).extracting(WparSyncItems.Item::wpar).containsExactly("wpr00", "wpr01", "det01");
        assertThat(items.items(id)).allMatch(i -> "SYNCED".equals(i.state()) && Boolean.TRUE.equals(i.inSync()));
        assertThat(items.item(id, "wpr00").orElseThrow().levelsAfter()).contains("bos.rte 6.1.2.3");
        // inside the WPARs: the global level in both parts
        for (String w : List.of("wpr00", "wpr01", "det01")) {
            String[] parts = lpar00().collect(Software.lslppInside(WparName.of(w))).split("Path: /etc/objrepos");
            assertThat(parts).as(w).hasSize(2);
            assertThat(parts[0]).as(w + " usr part").contains("Path: /usr/lib/objrepos",
                    "  bos.rte                    6.1.2.3  COMMITTED");
            assertThat(parts[1]).as(w + " root part").contains("  bos.rte                    6.1.2.3  COMMITTED");
        }
        // the Defined WPAR was neither measured nor synced
        assertThat(fleet.host("lpar00").model().wpar("wpr02").orElseThrow().filesets).containsEntry("bos.rte",
                "6.1.2.1");
        assertThat(fleet.log().entries().stream().map(e -> e.raw)).contains("syncwpar wpr00", "syncwpar wpr01")
                .noneMatch(c -> c.contains("wpr02") && !c.startsWith("lswpar"));
        // the sync refreshed the inventory; discovery agrees
        assertThat(wpars().get("wpr00").get("softwareInSync").asBoolean()).isTrue();
        discover();
        wpars = wpars();
        assertThat(wpars.get("wpr00").get("softwareInSync").asBoolean()).isTrue();
        assertThat(wpars.get("det01").get("softwareInSync").asBoolean()).isTrue();
        assertThat(wpars.get("wpr00").get("driftingFilesets")).isEmpty();
        assertThat(get("/api/wpars?softwareInSync=false")).isEmpty();
        assertNoOperationLocks();
    }

    @Test
    void aWparThatStaysOutOfSyncAfterItsAttemptsIsReportedAndTheOthersGoOn() throws Exception {
        updateWithoutSync();
        // the first two root-part installs of bos.rte fail: wpr00's two attempts
        fleet.faults().add(FaultRule.on("lpar00").filesetFails("bos.rte").command("syncroot").times(2).build());
        String id = run(Map.of("lpar", "lpar00", "wpars", "wpr00,wpr01", "attempts", 2), "approve");

        assertThat(variable(id, "outcome")).as(reason(id)).isEqualTo("PARTIAL");
        assertThat(variable(id, "failed")).isEqualTo(1);
        WparSyncItems.Item failed = items.item(id, "wpr00").orElseThrow();
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.error()).contains("syncwpar wpr00 failed for bos.rte", "0503-464");
        assertThat(items.item(id, "wpr01").orElseThrow().state()).isEqualTo("SYNCED");
        assertThat(reason(id)).contains("1 of 2 WPAR(s) in sync, 1 failed", "wpr00 (SHARED): FAILED after 2");
        assertThat(fleet.log().entries().stream().filter(e -> e.raw.equals("syncwpar wpr00")).count()).isEqualTo(2);
        // the sync measured the LPAR again for the inventory: wpr00 still drifts
        assertThat(app.getBean(dev.wparflow.inventory.WparSoftwareRepository.class).find("lpar00", "wpr00")
                .orElseThrow().inSync()).isFalse();
        assertNoOperationLocks();
    }

    @Test
    void nothingDriftingEndsWithoutAskingAnyoneAndADetachedWparNeedsASource() throws Exception {
        String id = run(Map.of("lpar", "lpar00"), null);
        assertThat(variable(id, "outcome")).as(reason(id)).isEqualTo("NOTHING_TO_SYNC");
        assertThat(history.createHistoricProcessInstanceQuery().superProcessInstanceId(id).count()).isZero();
        assertThat(fleet.log().entries().stream().map(e -> e.raw)).noneMatch(c -> c.startsWith("syncwpar"));

        updateWithoutSync();
        String refused = run(Map.of("lpar", "lpar00"), null);
        assertThat(variable(refused, "outcome")).isEqualTo("REFUSED");
        assertThat(variable(refused, "failureCode")).isEqualTo("SOURCE_NEEDED");
        assertThat(reason(refused)).contains("drifting: det01", "nothing was changed");
        assertThat(fleet.log().entries().stream().map(e -> e.raw)).noneMatch(c -> c.startsWith("syncwpar")
                || c.startsWith("inuwpar"));
    }

    @Test
    void badInputIsRefusedWithA400BeforeAnythingReachesAHost() throws Exception {
        long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(WparSyncVariables.PROCESS_ID)
                .count();
        for (String body : List.of(
                "{\"variables\":{\"lpar\":{\"value\":\"lpar00\"},\"wpars\":{\"value\":\"wpr00;reboot\"}}}",
                "{\"variables\":{\"lpar\":{\"value\":\"lpar99\"}}}",
                "{\"variables\":{\"wpars\":{\"value\":\"wpr00\"}}}",
                "{\"variables\":{\"lpar\":{\"value\":\"lpar00\"},\"attempts\":{\"value\":0}}}",
                "{\"variables\":{\"lpar\":{\"value\":\"lpar00\"},\"softwareSource\":{\"value\":\"/a/../b\"}}}",
                "{\"variables\":{\"lpar\":{\"value\":\"lpar00\"},\"wparsToSync\":{\"value\":\"wpr00\"}}}")) {
            HttpResponse<String> r = restStart(body);
            assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(400);
        }
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(WparSyncVariables.PROCESS_ID)
                .count()).isEqualTo(before);
        assertThat(fleet.log().entries()).isEmpty();
        // the README's example is accepted
        HttpResponse<String> ok = restStart("""
                {"variables":{"lpar":{"value":"lpar00"},"softwareSource":{"value":"/images/updates/6100-02-03"}}}""");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        String id = ok.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        awaitEnd(id);
        assertThat(variable(id, "outcome")).as(reason(id)).isEqualTo("NOTHING_TO_SYNC");
    }

    // ------------------------------------------------------------------ helpers

    void discover() {
        identity.setAuthentication("operator", List.of("wparflow-operators"));
        String id;
        try {
            id = runtime.startProcessInstanceByMessage("FleetDiscoveryRequested").getId();
        } finally {
            identity.clearAuthentication();
        }
        awaitEnd(id);
        DiscoverySummary summary = app.getBean(FleetDiscoveryService.class).summary(id).orElseThrow();
        assertThat(summary.hostsFailed()).as("discovery failures " + summary.failures()).isZero();
    }

    Map<String, JsonNode> wpars() throws Exception {
        return get("/api/wpars?host=lpar00").stream().collect(Collectors.toMap(w -> w.get("name").asText(), w -> w));
    }

    List<JsonNode> get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", basic("operator")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new java.util.ArrayList<>();
        JSON.readTree(r.body()).forEach(out::add);
        return out;
    }

    HttpResponse<String> restStart(String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/engine-rest/process-definition/key/"
                + WparSyncVariables.PROCESS_ID + "/start")).header("Authorization", basic("operator"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + path);
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestUsers.password(user))
                .getBytes(StandardCharsets.UTF_8));
    }

    void assertNoOperationLocks() {
        assertThat(locks.held()).extracting(HeldLock::resource).noneMatch(r -> r.startsWith("wpar:"));
    }

    /** Started by the operator; its approval decided by the approver; until it ends, without incidents. */
    String run(Map<String, Object> variables, String decision) {
        Set<String> incidentsBefore = incidents();
        identity.setAuthentication("operator", List.of("wparflow-operators"));
        String instance;
        try {
            instance = runtime.startProcessInstanceByKey(WparSyncVariables.PROCESS_ID, new HashMap<>(variables))
                    .getId();
        } finally {
            identity.clearAuthentication();
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(incidents()).as("incidents").isEqualTo(incidentsBefore);
            if (decision != null) {
                decide(instance, decision);
            }
            return history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1;
        });
        return instance;
    }

    /** Completes the approval task of {@code instance} as the approver; false while there is none. */
    boolean decide(String instance, String decision) {
        for (Task t : tasks.createTaskQuery().processDefinitionKey("ChangeApprovalProcess").list()) {
            String root = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                    .singleResult().getRootProcessInstanceId();
            if (instance.equals(root)) {
                identity.setAuthentication("approver", List.of("wparflow-approvers"));
                try {
                    tasks.complete(t.getId(), Map.of("decision", decision, "reason", "tested sync"));
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

    Object variable(String instance, String name) {
        var v = history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name)
                .singleResult();
        return v == null ? null : v.getValue();
    }

    String reason(String instance) {
        Object r = variable(instance, "outcomeReason");
        return r == null ? "" : r.toString();
    }

    Set<String> incidents() {
        return runtime.createIncidentQuery().list().stream().map(i -> i.getActivityId() + ": " + i.getIncidentMessage())
                .collect(Collectors.toSet());
    }
}
