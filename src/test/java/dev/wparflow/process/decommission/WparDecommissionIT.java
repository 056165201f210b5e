package dev.wparflow.process.decommission;

import static dev.wparflow.process.decommission.WparDecommissionModel.*;
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
import java.util.Base64;
import java.util.ArrayList;
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

import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.engine.InputRefusedException;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.inventory.LparScan;
import dev.wparflow.inventory.WparRecord;
import dev.wparflow.lock.HeldLock;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockResource;
import dev.wparflow.simulator.CommandLog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.FleetUnderTest;
import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestFleets;
import dev.wparflow.testsupport.TestUsers;

/**
 * WparDecommissionProcess end to end: the application (job executor on, run watcher, real SSH) against a simulated
 * fleet with an image repository and a NIM master, the fleet reset before each test. Requested by an operator and
 * approved (or rejected) by an approver through the engine API. A direct WPAR with a recent image is stopped and
 * removed, its images kept; without one a backup is taken first; a NIM-managed one is removed with its NIM machine;
 * a rejection, a WPAR another operation or an administrator holds, an administrator's start that skips the approval
 * and bad input change nothing; rmwpar failing leaves the WPAR stopped, every lock released and the outcome saying so.
 */
@BothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WparDecommissionIT {

    static final String FLEET = TestFleets.yaml("decommission");
    /** What the checks and the verification read; everything else changes something. */
    static final Set<String> READS = Set.of("lswpar", "lsnim");

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
    ImageCatalog catalog;
    @Autowired
    InventoryRepository inventory;
    final List<String> approvalTitles = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        system = FleetUnderTest.start(FLEET, dir.resolve("sim"), TestDatabase.selected("decommission"));
        fleet = system.fleet();
        app = system.application(this, application -> application
                .fleet(fleet, "lpar00", "lpar01", "lpar02", "nim01")
                .property("wparflow.inventory.file", fleet.inventoryPath()) // names nim01 as a NIM master
                // an idle job executor looks for due timers every max-wait: short, so a backup's wait ends soon
                .property("camunda.bpm.job-execution.wait-time-in-millis", "500")
                .property("camunda.bpm.job-execution.max-wait", "2000"));
        TestUsers.ensure(identity, "operator", "wparflow-operators");
        TestUsers.ensure(identity, "approver", "wparflow-approvers");
        TestUsers.ensure(identity, "admin", "camunda-admin");
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
        // what discovery would have found on lpar00 and lpar01
        inventory.saveScan(scan("lpar00", "wpr10", "wpr11", "wpr12"), Instant.now());
        inventory.saveScan(scan("lpar01", "nimwp"), Instant.now());
        fleet.log().clear();
    }

    @Test
    void aDirectWparWithARecentImageIsRemovedAfterApprovalAndItsImagesKept() {
        String backup = run("WparBackupProcess", Map.of("host", "lpar00", "wpar", "wpr10"), null);
        String imageId = (String) variable(backup, "imageId");
        assertThat(imageId).as("backup: " + variable(backup, "failureReason")).isNotNull();
        fleet.log().clear();

        String instance = decommission("lpar00", "wpr10", Map.of(), "approve");

        assertThat(variable(instance, "outcome")).as(reason(instance)).isEqualTo("DECOMMISSIONED");
        assertThat(variable(instance, "backupImageId")).isEqualTo(imageId);
        assertThat(fleet.host("lpar00").wpar("wpr10")).isEmpty();
        assertThat(fleet.host("lpar00").states()).contains("wpr11=D", "wpr12=A");
        assertThat(changes("lpar00")).containsExactly("stopwpar wpr10", "rmwpar wpr10");
        assertThat(commands("lpar00")).noneMatch(c -> c.startsWith("savewpar"));
        assertThat(catalog.find(imageId)).get().extracting(CatalogImage::state).isEqualTo(CatalogImage.State.GOOD);
        assertThat(fleet.host("lpar02").file(catalog.find(imageId).orElseThrow().path())).isNotNull();
        assertThat(inventory.findWpar("wpr10")).isEmpty();
        assertThat(inventory.wparsOf("lpar00")).extracting(WparRecord::name).containsExactly("wpr11", "wpr12");
        assertNoOperationLocks();
        assertThat(approvalTitles).containsExactly("Approve: decommission wpr10 on lpar00");
        assertThat((String) variable(instance, "plan")).contains("Reason: application retired (CHG-4711)",
                "Backup: image " + imageId, "wpar:lpar00/wpr10, host:lpar00", "  lpar00: stopwpar wpr10",
                "  lpar00: rmwpar wpr10");
        assertThat(reason(instance)).contains("lpar00: stopwpar wpr10", "lpar00: rmwpar wpr10",
                "removed from the inventory", "keeps its 1 image(s), newest " + imageId);
        assertPassed(instance, TASK_STOP_WPAR, TASK_REMOVE_WPAR, END_EVENT_WPAR_DECOMMISSIONED);
    }

    @Test
    void withoutARecentImageOneIsTakenFirst() {
        assertThat(catalog.forWpar("lpar00", "wpr12", false)).isEmpty();

        String instance = decommission("lpar00", "wpr12", Map.of(), "approve");

        assertThat(variable(instance, "outcome")).as(reason(instance)).isEqualTo("DECOMMISSIONED");
        String imageId = (String) variable(instance, "newImageId");
        assertThat(imageId).isNotNull().isEqualTo(variable(instance, "backupImageId"));
        CatalogImage image = catalog.find(imageId).orElseThrow();
        assertThat(image.state()).isEqualTo(CatalogImage.State.GOOD);
        assertThat(image.wpar()).isEqualTo("wpr12");
        assertThat(fleet.host("lpar02").file(image.path())).as("the image on the repository").isNotNull();
        List<String> lpar00 = commands("lpar00");
        assertThat(lpar00.stream().filter(c -> c.startsWith("savewpar") || c.startsWith("rmwpar")).toList())
                .as("saved before it is removed").hasSize(2).first().asString().startsWith("savewpar");
        assertThat(fleet.host("lpar00").wpar("wpr12")).isEmpty();
        assertNoOperationLocks();
        assertPassed(instance, CALL_ACTIVITY_BACK_UP_WPAR, TASK_CHECK_NEW_BACKUP, END_EVENT_WPAR_DECOMMISSIONED);
    }

    @Test
    void aNimManagedWparIsRemovedWithItsNimMachine() {
        nim("nim -o define -t wpar -a 'mgmt_profile1=lpar01 nimwp' -a 'if1=find_net nimwp 0' nimwp");
        assertThat(fleet.nimWparState("nimwp")).isEqualTo("Running");
        fleet.log().clear();

        String instance = decommission("lpar01", "nimwp", Map.of(), "approve");

        assertThat(variable(instance, "outcome")).as(reason(instance)).isEqualTo("DECOMMISSIONED");
        assertThat(variable(instance, "nimMaster")).isEqualTo("nim01");
        assertThat(fleet.host("lpar01").wpar("nimwp")).isEmpty();
        assertThat(fleet.nimObjects()).noneMatch(o -> o.name.equals("nimwp"));
        assertThat(changes("nim01")).containsExactly("nim -o deactivate nimwp", "nim -o destroy nimwp",
                "nim -o remove nimwp");
        assertThat(commands("lpar01")).noneMatch(c -> c.startsWith("rmwpar") || c.startsWith("stopwpar"));
        assertThat(inventory.findWpar("nimwp")).isEmpty();
        assertNoOperationLocks();
        assertThat(reason(instance)).contains("nim01: nim -o deactivate nimwp", "nim01: nim -o remove nimwp");
        assertPassed(instance, TASK_DEACTIVATE_NIM_WPAR, TASK_DESTROY_NIM_WPAR, TASK_REMOVE_NIM_MACHINE);
    }

    @Test
    void aRejectedDecommissionChangesNothing() {
        String instance = decommission("lpar00", "wpr11", Map.of(), "reject");

        assertThat(variable(instance, "outcome")).isEqualTo("REJECTED");
        assertThat(reason(instance)).contains("nothing was changed");
        assertThat(fleet.host("lpar00").states()).contains("wpr10=A", "wpr11=D", "wpr12=A");
        assertThat(changes("lpar00")).as("the backup taken for it").anyMatch(c -> c.startsWith("savewpar"))
                .noneMatch(c -> c.startsWith("stopwpar") || c.startsWith("rmwpar") || c.startsWith("startwpar"));
        assertThat(commands("lpar00")).as("no administrative lock taken").noneMatch(c -> c.contains("wparlockctl"));
        assertThat(inventory.findWpar("wpr11")).hasSize(1);
        assertNoOperationLocks();
        assertPassed(instance, END_EVENT_DECOMMISSION_REJECTED);
    }

    @Test
    void aWparAnotherOperationHoldsIsRefusedWithNothingTouched() {
        LockResource wpar = LockResource.wpar("lpar00", "wpr12");
        locks.acquire(wpar, "another-operation", "relocation of wpr12", Duration.ofMinutes(10));
        try {
            String instance = decommission("lpar00", "wpr12", Map.of(), null);

            assertThat(variable(instance, "outcome")).isEqualTo("REFUSED");
            assertThat(variable(instance, "failureCode")).isEqualTo("WPAR_LOCKED");
            assertThat(reason(instance)).contains("another-operation", "relocation of wpr12", "nothing was changed");
            assertThat(fleet.log().entries()).as("no host was asked anything").isEmpty();
            assertThat(locks.heldBy(instance)).isEmpty();
            assertThat(locks.find(wpar).owner()).isEqualTo("another-operation");
            // the requester learns why in Tasklist
            assertThat(tasks.createTaskQuery().taskAssignee("operator").list()).extracting(Task::getName)
                    .contains("Refused: decommission wpr12 on lpar00");
            assertPassed(instance, BOUNDARY_EVENT_REFUSED, END_EVENT_DECOMMISSION_REFUSED);
        } finally {
            locks.release(wpar, "another-operation");
        }
    }

    @Test
    void aFailureMidWayReleasesEveryLockAndSaysWhatIsLeft() {
        fleet.faults().add(FaultRule.on("lpar00").command("rmwpar").fail(1,
                "rmwpar: 0960-021 Cannot remove the file systems of wpr12.").build());

        String instance = decommission("lpar00", "wpr12", Map.of(), "approve");

        assertThat(variable(instance, "outcome")).as(reason(instance)).isEqualTo("FAILED");
        assertThat(variable(instance, "failureCode")).isEqualTo("COMMAND_FAILED");
        assertThat(reason(instance)).contains("0960-021", "Removed: lpar00: stopwpar wpr12",
                "Left: the WPAR lpar00/wpr12 (stopped, Defined), its inventory row", "keeps its 1 image(s)");
        assertThat(fleet.host("lpar00").states()).contains("wpr12=D");
        assertThat(inventory.findWpar("wpr12")).hasSize(1);
        assertNoOperationLocks();
        // the administrative lock is gone too: a base command on the WPAR is not refused (0960-246)
        assertThat(sh("lpar00", "startwpar wpr12")).isZero();
        assertPassed(instance, BOUNDARY_EVENT_DECOMMISSION_FAILED, END_EVENT_DECOMMISSION_FAILED);
    }

    @Test
    void aWparAnAdministratorHasLockedIsRefusedAtTheLockWithNothingChanged() {
        // a recent image in the catalog (its file is not read), so that no backup is taken of the locked WPAR
        catalog.record(new ImageCatalog.NewImage("lpar00", "wpr11", Instant.now(), "/images/lpar00_wpr11_test.save",
                null, null, 1, 1, null, null, null, null, null, null));
        assertThat(sh("lpar00", "/usr/lib/wpars/wparlockctl -l -p 385230 -o 6 wpr11")).isZero();
        fleet.log().clear();

        String instance = decommission("lpar00", "wpr11", Map.of(), "approve");

        assertThat(variable(instance, "outcome")).as(reason(instance)).isEqualTo("REFUSED");
        assertThat(variable(instance, "failureCode")).isEqualTo("WPAR_LOCKED");
        assertThat(reason(instance)).contains("administrative lock", "385230", "nothing was changed");
        assertThat(changes("lpar00")).isEmpty();
        assertThat(fleet.host("lpar00").wpar("wpr11")).isPresent();
        assertNoOperationLocks();
        assertPassed(instance, TASK_LOCK_WPAR, END_EVENT_DECOMMISSION_REFUSED);
    }

    @Test
    void anAdministratorSkippingTheApprovalChangesNothing() {
        identity.setAuthentication("admin", List.of("camunda-admin"));
        String instance;
        try {
            instance = runtime.createProcessInstanceByKey(WparDecommissionVariables.PROCESS_ID)
                    .setVariables(Map.of("lpar", "lpar00", "wpar", "wpr10", "changeReason", "skip the approval"))
                    .startBeforeActivity(SUB_PROCESS_DECOMMISSION).execute().getId();
        } finally {
            identity.clearAuthentication();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(instance).finished().count() == 1);

        assertThat(variable(instance, "outcome")).isEqualTo("REFUSED");
        assertThat(variable(instance, "failureCode")).isEqualTo("CHANGE_NOT_APPROVED");
        assertThat(fleet.log().entries()).as("no host was asked anything").isEmpty();
        assertThat(fleet.host("lpar00").states()).contains("wpr10=A");
        assertNoOperationLocks();
    }

    @Test
    void badInputIsRefusedBeforeAnyCommandReachesAHost() throws Exception {
        long before = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(WparDecommissionVariables.PROCESS_ID).count();
        assertRefused(Map.of("lpar", "lpar00", "wpar", "wpr10;rm", "changeReason", "x"), "wpar");
        assertRefused(Map.of("lpar", "lpar00", "wpar", "abcdefghijklmnopqrstuvwxyz", "changeReason", "x"), "wpar");
        assertRefused(Map.of("lpar", "lpar99", "wpar", "wpr10", "changeReason", "x"), "lpar");
        assertRefused(Map.of("lpar", "lpar00", "wpar", "wpr10"), "changeReason");
        assertRefused(Map.of("lpar", "lpar00", "wpar", "wpr10", "changeReason", "x", "maxBackupAge", "24h"),
                "maxBackupAge");
        assertRefused(Map.of("lpar", "lpar00", "wpar", "wpr10", "changeReason", "x", "done", "rmwpar"), "done");
        // the same over REST, as the README's example starts it: 400 naming the field
        HttpResponse<String> rest = restStart("""
                {"variables":{"lpar":{"value":"canberra"},"wpar":{"value":"wpr10"},"changeReason":{"value":"x"}}}""");
        assertThat(rest.statusCode()).isEqualTo(400);
        assertThat(rest.body()).contains("lpar", "not 'canberra'");

        assertThat(history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(WparDecommissionVariables.PROCESS_ID).count()).isEqualTo(before);
        assertThat(fleet.log().entries()).as("the simulator's command log").isEmpty();

        // a WPAR the LPAR does not have: refused after one lswpar, nobody asked
        String missing = decommission("lpar00", "wpr99", Map.of(), null);
        assertThat(variable(missing, "failureCode")).isEqualTo("WPAR_NOT_FOUND");
        assertThat(reason(missing)).contains("wpr10, wpr11, wpr12");
        assertThat(fleet.log().entries()).extracting(CommandLog.Entry::command).containsOnly("lswpar");
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** No lease on a WPAR, an LPAR or a NIM master (the run watcher's poller leases belong to the node). */
    void assertNoOperationLocks() {
        assertThat(locks.held()).extracting(HeldLock::resource).noneMatch(r -> r.startsWith("wpar:")
                || r.startsWith("host:") || r.startsWith("nim:"));
    }

    HttpResponse<String> restStart(String json) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/engine-rest/process-definition/key/" + WparDecommissionVariables.PROCESS_ID + "/start"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("operator:" + TestUsers.password("operator")).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    void assertRefused(Map<String, Object> variables, String field) {
        assertThatThrownBy(() -> start(WparDecommissionVariables.PROCESS_ID, variables))
                .isInstanceOf(InputRefusedException.class).hasMessageContaining(field);
    }

    static LparScan scan(String lpar, String... wpars) {
        List<LparScan.Wpar> ws = new ArrayList<>();
        for (String w : wpars) {
            ws.add(new LparScan.Wpar(w, "SYSTEM", "ACTIVE", w, null, null, "/wpars/" + w, false, true, false, null));
        }
        return new LparScan(lpar, null, "6100-02-01-0847", null, null, null, null, List.of(), Map.of(), List.of(), ws);
    }

    String decommission(String lpar, String wpar, Map<String, Object> extra, String decision) {
        Map<String, Object> v = new HashMap<>(Map.of("lpar", lpar, "wpar", wpar, "changeReason",
                "application retired (CHG-4711)"));
        v.putAll(extra);
        return run(WparDecommissionVariables.PROCESS_ID, v, decision);
    }

    String start(String key, Map<String, Object> variables) {
        identity.setAuthentication("operator", List.of("wparflow-operators"));
        try {
            return runtime.startProcessInstanceByKey(key, variables).getId();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Started by the operator; each approval task of it decided by the approver; until it ends, without incidents. */
    String run(String key, Map<String, Object> variables, String decision) {
        Set<String> incidentsBefore = incidents();
        String instance = start(key, variables);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(incidents()).as("incidents").isEqualTo(incidentsBefore);
            for (Task t : tasks.createTaskQuery().processDefinitionKey("ChangeApprovalProcess").list()) {
                String root = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                        .singleResult().getRootProcessInstanceId();
                if (instance.equals(root) && decision != null) {
                    approvalTitles.add(t.getName());
                    identity.setAuthentication("approver", List.of("wparflow-approvers"));
                    try {
                        tasks.complete(t.getId(), Map.of("decision", decision, "reason", "tested decommission"));
                    } finally {
                        identity.clearAuthentication();
                    }
                }
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

    void assertPassed(String instance, String... activityIds) {
        for (String activityId : activityIds) {
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId(activityId)
                    .finished().count()).as(activityId + " (" + reason(instance) + ")").isEqualTo(1);
        }
    }

    /** The command lines {@code host} received, in order. */
    List<String> commands(String host) {
        return fleet.log().entries(host).stream().map(e -> e.raw).toList();
    }

    /** What {@code host} received that is neither a read nor the administrative lock nor the detached-run protocol. */
    List<String> changes(String host) {
        return fleet.log().entries(host).stream()
                .filter(e -> !READS.contains(e.command()) && !e.command().equals("wparlockctl")
                        && !e.command().equals("wparflow-run"))
                .map(e -> e.raw).collect(Collectors.toList());
    }

    void nim(String line) {
        assertThat(sh("nim01", line)).as(line).isZero();
    }

    /** Runs {@code line} on {@code host} as if it came over SSH; its exit status. */
    int sh(String host, String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = fleet.host(host).runLine("root", line, out, err, () -> { });
        if (rc != 0) {
            System.err.println(host + ": " + line + ": " + err.toString(StandardCharsets.UTF_8));
        }
        return rc;
    }
}
