package dev.wparflow.process.resources;

import static dev.wparflow.process.resources.WparResourceChangeModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.springframework.context.ConfigurableApplicationContext;

import dev.wparflow.engine.InputRefusedException;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.inventory.LparScan;
import dev.wparflow.lock.HeldLock;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.simulator.CommandLog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.FleetUnderTest;
import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestFleets;
import dev.wparflow.testsupport.TestUsers;

/**
 * WparResourceChangeProcess end to end: the application (job executor on, real SSH) against a simulated LPAR whose
 * WPARs have resource controls, the fleet reset before each test. Requested by an operator and approved by an
 * approver through the engine API. An accepted change is what lswpar -R shows on the host afterwards; a change that
 * would take the CPU minimums of the running WPARs over 100 % is refused before anyone is asked, with the numbers; when
 * lswpar -R does not show the change, the previous values are put back on the host and the change ends failed; bad
 * input, a WPAR the LPAR's last discovery did not find there included, never reaches a host; on an LPAR never
 * discovered, an unknown WPAR is refused after one lswpar.
 */
@BothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WparResourceChangeIT {

    static final String FLEET = TestFleets.yaml("resource-change");
    static final String RULE = "=".repeat(65) + "\n";

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
    @Autowired
    InventoryRepository inventory;
    final List<String> approvalTitles = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        system = FleetUnderTest.start(FLEET, dir.resolve("sim"), TestDatabase.selected("resourcechange"));
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
        approvalTitles.clear();
        fleet.log().clear();
    }

    @Test
    void anAcceptedChangeIsWhatLswparRShowsOnTheHost() {
        String instance = change("wpr10", Map.of("cpuShares", "30", "cpuLimits", "10%-30%,45%", "totalProcesses",
                "128", "totalThreads", "512"));
        decideAll(instance, "approve");
        awaitEnd(instance);

        assertThat(variable(instance, "outcome")).as(reason(instance)).isEqualTo("CHANGED");
        assertPassed(instance, TASK_CHANGE_RESOURCES, TASK_VERIFY_RESOURCES, END_EVENT_RESOURCES_CHANGED);
        assertThat(approvalTitles).hasSize(1);
        assertThat(changes("lpar00")).containsExactly(
                "chwpar -R shares_CPU=30 CPU=10%-30%,45% totalProcesses=128 totalThreads=512 wpr10");
        assertThat(lswparR("wpr10")).isEqualTo(block("wpr10", "30", "10%-30%,45%", "0%-100%,100%", "128", "512"));
        assertThat((String) variable(instance, "plan")).contains("* shares_CPU: 10 -> 30",
                "* CPU: 20%-50%,60% -> 10%-30%,45%", "* totalProcesses: unlimited -> 128",
                "chwpar -R shares_CPU=30 CPU=10%-30%,45% totalProcesses=128 totalThreads=512 wpr10",
                "chwpar -K -R totalProcesses totalThreads wpr10", "chwpar -R shares_CPU=10 CPU=20%-50%,60% wpr10");
        assertNoLease();
    }

    @Test
    void minimumsOver100AreRefusedBeforeTheApprovalWithTheNumbers() {
        String instance = change("wpr10", Map.of("cpuLimits", "45%-50%,60%"));
        awaitEnd(instance);

        assertThat(variable(instance, "outcome")).isEqualTo("REFUSED");
        assertThat(variable(instance, "failureCode")).isEqualTo("MINIMUMS_OVER_100");
        assertThat((String) variable(instance, "outcomeReason")).contains(
                "the CPU minimums of the running WPARs of lpar00 would add up to 105%",
                "wpr10 45% (requested) + wpr11 60%", "must not exceed 100%", "nothing was changed")
                .doesNotContain("wpr12");
        assertThat(tasks.createTaskQuery().processDefinitionKey("ChangeApprovalProcess").count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().superProcessInstanceId(instance).count()).isZero();
        assertThat(changes("lpar00")).isEmpty();
        assertThat(lswparR("wpr10")).isEqualTo(block("wpr10", "10", "20%-50%,60%", "0%-100%,100%", "unlimited",
                "unlimited"));

        // the memory minimums too, with what they mean on this LPAR's 4096 MB
        String memory = change("wpr10", Map.of("memoryLimits", "80%-90%,95%"));
        awaitEnd(memory);
        assertThat((String) variable(memory, "outcomeReason")).contains("memory minimums", "110%",
                "4506 MB of the LPAR's 4096 MB", "wpr10 80% (requested) + wpr11 30%");
        assertThat(changes("lpar00")).isEmpty();
    }

    @Test
    void aFailedVerificationPutsThePreviousValuesBackOnTheHost() {
        fleet.hold("chwpar"); // until the rule that makes the verification's lswpar -R show nothing is in place
        String instance = change("wpr10", Map.of("cpuShares", "30", "cpuLimits", "10%-30%,45%", "totalProcesses",
                "128"));
        decideAll(instance, "approve");
        await().atMost(Duration.ofSeconds(60)).until(() -> fleet.log().entries("lpar00").stream()
                .anyMatch(e -> e.command().equals("chwpar")));
        fleet.faults().add(FaultRule.on("lpar00").command("lswpar").argContains("-R").ignore().once().build());
        fleet.release("chwpar");
        awaitEnd(instance);

        assertThat(variable(instance, "outcome")).as(reason(instance)).isEqualTo("FAILED");
        assertThat(variable(instance, "rolledBack")).isEqualTo(true);
        assertPassed(instance, TASK_VERIFY_RESOURCES, TASK_ROLL_BACK_RESOURCES, END_EVENT_ROLLED_BACK,
                END_EVENT_RESOURCE_CHANGE_FAILED);
        assertThat((String) variable(instance, "outcomeReason")).contains("VERIFY_FAILED",
                "rolled back to the previous values");
        assertThat(changes("lpar00")).containsExactly("chwpar -R shares_CPU=30 CPU=10%-30%,45% totalProcesses=128 wpr10",
                "chwpar -K -R totalProcesses wpr10", "chwpar -R shares_CPU=10 CPU=20%-50%,60% wpr10");
        // the host has its previous values again
        assertThat(lswparR("wpr10")).isEqualTo(block("wpr10", "10", "20%-50%,60%", "0%-100%,100%", "unlimited",
                "unlimited"));
        assertNoLease();
    }

    @Test
    void badInputIsRefusedBeforeAnyCommandReachesAHost() throws Exception {
        long before = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(WparResourceChangeVariables.PROCESS_ID).count();
        assertRefused(Map.of("cpuLimits", "10%-30%,101%"), "cpuLimits");
        assertRefused(Map.of("cpuLimits", "40%-30%,45%"), "cpuLimits");
        assertRefused(Map.of("memoryLimits", "5%-50%,45%"), "memoryLimits");
        assertRefused(Map.of("cpuShares", "0"), "cpuShares");
        assertRefused(Map.of("cpuShares", "65536"), "cpuShares");
        assertRefused(Map.of("totalProcesses", "128", "totalThreads", "64"), "totalThreads");
        assertRefused(Map.of("cpuLimits", "10%-30%,45%;reboot"), "cpuLimits");
        assertRefused(Map.of("procVirtMem", "1TB$(reboot)"), "procVirtMem");
        assertRefused(Map.of(), "at least one control");
        assertRefusedFor("wpr10;rm -rf /", Map.of("cpuShares", "30"), "wpar");
        assertRefusedFor("wpr10", Map.of("cpuShares", "30", "done", "chwpar"), "done");
        HttpResponse<String> rest = restStart("""
                {"variables":{"lpar":{"value":"lpar00"},"wpar":{"value":"wpr10"},"changeReason":{"value":"x"},
                 "cpuLimits":{"value":"60%-50%,70%"}}}""");
        assertThat(rest.statusCode()).isEqualTo(400);
        assertThat(rest.body()).contains("cpuLimits");

        assertThat(history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(WparResourceChangeVariables.PROCESS_ID).count()).isEqualTo(before);
        assertThat(fleet.log().entries()).as("the simulator's command log").isEmpty();

        // a WPAR that lpar00's last discovery did not find there: refused at the start, nothing sent
        inventory.saveScan(scan("lpar00", "wpr10", "wpr11", "wpr12"), Instant.now());
        assertRefusedFor("wpr99", Map.of("cpuShares", "30"), "wpar");
        assertThat(history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(WparResourceChangeVariables.PROCESS_ID).count()).isEqualTo(before);
        assertThat(fleet.log().entries()).as("the simulator's command log").isEmpty();
    }

    @Test
    void aWparOnAnLparNeverDiscoveredIsLookedForWithLswparOnly() {
        assertThat(inventory.lpar("lpar01").map(p -> p.discoveredAt())).as("lpar01 never discovered").isEmpty();
        String missing = change("lpar01", "wpr99", Map.of("cpuShares", "30"));
        awaitEnd(missing);
        assertThat(variable(missing, "outcome")).isEqualTo("REFUSED");
        assertThat(variable(missing, "failureCode")).isEqualTo("WPAR_NOT_FOUND");
        assertThat(reason(missing)).contains("WPAR wpr99 does not exist on lpar01", "nothing was changed");
        assertThat(fleet.log().entries()).extracting(CommandLog.Entry::command).containsOnly("lswpar");
    }

    static LparScan scan(String lpar, String... wpars) {
        List<LparScan.Wpar> ws = new ArrayList<>();
        for (String w : wpars) {
            ws.add(new LparScan.Wpar(w, "SYSTEM", "ACTIVE", w, null, null, "/wpars/" + w, false, true, false, null));
        }
        return new LparScan(lpar, null, "6100-02-01-0847", null, null, null, null, List.of(), Map.of(), List.of(), ws);
    }

    // ------------------------------------------------------------------------------------------- helpers

    static String block(String name, String cpuShares, String cpu, String mem, String procs, String threads) {
        return RULE + name + " - Active\n" + RULE
                + "Active:                            yes\n"
                + "RSet:\n"
                + "CPU Shares:                        " + cpuShares + "\n"
                + "CPU Limits:                        " + cpu + "\n"
                + "Memory Shares:                     unlimited\n"
                + "Memory Limits:                     " + mem + "\n"
                + "Per-Process Virtual Memory Limit:  unlimited\n"
                + "Total Processes:                   " + procs + "\n"
                + "Total Threads:                     " + threads + "\n";
    }

    /** {@code lswpar -R NAME} on lpar00, as a shell on the host prints it. */
    String lswparR(String wpar) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = fleet.host("lpar00").runLine("root", "lswpar -R " + wpar, out, err, () -> { });
        assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What lpar00 received that changes something (chwpar), in order. */
    List<String> changes(String host) {
        return fleet.log().entries(host).stream().filter(e -> e.command().equals("chwpar")).map(e -> e.raw)
                .collect(Collectors.toList());
    }

    void assertNoLease() {
        assertThat(locks.held()).extracting(HeldLock::resource).noneMatch(r -> r.startsWith("wpar:"));
    }

    void assertRefused(Map<String, Object> controls, String field) {
        assertRefusedFor("wpr10", controls, field);
    }

    void assertRefusedFor(String wpar, Map<String, Object> controls, String field) {
        Map<String, Object> v = new HashMap<>(Map.of("lpar", "lpar00", "wpar", wpar, "changeReason", "x"));
        v.putAll(controls);
        assertThatThrownBy(() -> start(v)).isInstanceOf(InputRefusedException.class).hasMessageContaining(field);
    }

    HttpResponse<String> restStart(String json) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/engine-rest/process-definition/key/" + WparResourceChangeVariables.PROCESS_ID + "/start"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("operator:" + TestUsers.password("operator")).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    String change(String wpar, Map<String, Object> controls) {
        return change("lpar00", wpar, controls);
    }

    String change(String lpar, String wpar, Map<String, Object> controls) {
        Map<String, Object> v = new HashMap<>(Map.of("lpar", lpar, "wpar", wpar, "changeReason",
                "month-end batch (CHG-4712)"));
        v.putAll(controls);
        return start(v);
    }

    String start(Map<String, Object> variables) {
        identity.setAuthentication("operator", List.of("wparflow-operators"));
        try {
            return runtime.startProcessInstanceByKey(WparResourceChangeVariables.PROCESS_ID, variables).getId();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Waits for the approval of {@code instance} and decides it as the approver. */
    void decideAll(String instance, String decision) {
        await().atMost(Duration.ofSeconds(60)).until(() -> approval(instance) != null);
        Task t = approval(instance);
        approvalTitles.add(t.getName());
        identity.setAuthentication("approver", List.of("wparflow-approvers"));
        try {
            tasks.complete(t.getId(), Map.of("decision", decision, "reason", "tested resource change"));
        } finally {
            identity.clearAuthentication();
        }
    }

    Task approval(String instance) {
        for (Task t : tasks.createTaskQuery().processDefinitionKey("ChangeApprovalProcess").list()) {
            String root = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                    .singleResult().getRootProcessInstanceId();
            if (instance.equals(root)) {
                return t;
            }
        }
        return null;
    }

    /** Until the instance ends, without incidents. */
    void awaitEnd(String instance) {
        Set<String> incidentsBefore = incidents();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(incidents()).as("incidents").isEqualTo(incidentsBefore);
            return history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1;
        });
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

    void assertPassed(String instance, String... activityIds) {
        for (String activityId : activityIds) {
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId(activityId)
                    .finished().count()).as(activityId + " (" + reason(instance) + ")").isEqualTo(1);
        }
    }
}
