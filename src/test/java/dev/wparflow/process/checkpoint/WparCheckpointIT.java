package dev.wparflow.process.checkpoint;

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
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.wparflow.engine.InputRefusedException;
import dev.wparflow.lock.HeldLock;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.process.checkpoint.CheckpointCatalog.Checkpoint;
import dev.wparflow.process.checkpoint.schedule.CheckpointScheduleVariables;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.FleetUnderTest;
import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestFleets;
import dev.wparflow.testsupport.TestUsers;

/**
 * WparCheckpointProcess and the checkpoint schedule end to end: the application (job executor on, real SSH) against
 * a simulated fleet whose LPARs mount one repository, the fleet reset before each test. A checkpoint with kill, then a
 * restart on another LPAR (both approved) brings the WPAR back Active there with a file written before the
 * checkpoint, defined on that LPAR only; a non-checkpointable WPAR, a checkpoint missing or of another WPAR, an LPAR
 * without mcr.rte are refused before anything changes; bad input is refused before any instance exists; a schedule
 * set by REST checkpoints on each cycle (its timer job run by the test) and keeps the newest N.
 */
@BothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WparCheckpointIT {

    static final String FLEET = TestFleets.yaml("checkpoint");
    /** What the checks read; everything else changes something. */
    static final Set<String> READS = Set.of("lswpar", "lslpp", "cat");

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
    ManagementService management;
    @Autowired
    LeaseLockService locks;
    @Autowired
    CheckpointCatalog catalog;
    @Autowired
    JdbcTemplate jdbc;
    final List<String> approvalTitles = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        system = FleetUnderTest.start(FLEET, dir.resolve("sim"), TestDatabase.selected("checkpoint"));
        fleet = system.fleet();
        app = system.application(this, application -> application
                .fleet(fleet, "lpar00", "lpar01", "lpar02", "lpar04")
                .property("wparflow.checkpoint.schedules", "lpar01/night01:PT12H:1")
                .property("wparflow.discovery.at-start", "false")
                .property("wparflow.discovery.on-inventory-change", "false"));
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
        jdbc.update("DELETE FROM wparflow_checkpoint");
        approvalTitles.clear();
        fleet.log().clear();
    }

    @Test
    void aCheckpointThenARestartOnAnotherLparBringsTheWparBackThereWithItsContent() throws Exception {
        fleet.host("lpar00").writeFile("/wpars/mob01/home/job.state", "step 41 of 90\n");

        String taken = run(Map.of("action", "checkpoint", "lpar", "lpar00", "wpar", "mob01", "kill", true,
                "changeReason", "move the long job to sys570b"), "approve");

        assertThat(variable(taken, "outcome")).as(reason(taken)).isEqualTo("CHECKPOINTED");
        long id = (Long) variable(taken, "checkpointId");
        Checkpoint c = catalog.find(id).orElseThrow();
        assertThat(c.wpar()).isEqualTo("mob01");
        assertThat(c.lpar()).isEqualTo("lpar00");
        assertThat(c.killed()).isTrue();
        assertThat(c.scheduled()).isFalse();
        assertThat(c.takenBy()).isEqualTo("operator");
        assertThat(c.sizeKb()).isPositive();
        assertThat(c.directory()).startsWith("/images/checkpoints/mob01-");
        assertThat(fleet.host("lpar02").file(c.directory() + "/mob01.chkpt")).as("on the repository").isNotNull();
        assertThat(fleet.host("lpar00").states()).contains("mob01=D");
        assertThat(changes("lpar00")).containsExactly("mkwpar -w -o " + c.directory() + "/wpar.spec -e mob01",
                "/opt/mcr/bin/chkptwpar -k -d " + c.directory() + " mob01", "du -s -k " + c.directory());
        assertThat(approvalTitles).containsExactly("Approve: checkpoint mob01 on lpar00 and stop it into "
                + c.directory());
        // only the checkpoint has the file from now on
        assertThat(sh("lpar00", "rm -f /wpars/mob01/home/job.state")).isZero();
        fleet.log().clear();
        long mark = fleet.stateHistory().lastSeq();

        String restarted = run(Map.of("action", "restart", "lpar", "lpar01", "wpar", "mob01", "checkpointId", id),
                "approve");

        assertThat(variable(restarted, "outcome")).as(reason(restarted)).isEqualTo("RESTARTED");
        assertThat(fleet.host("lpar01").states()).contains("mob01=A");
        assertThat(fleet.host("lpar00").wpar("mob01")).as("exists once").isEmpty();
        assertThat(fleet.stateHistory().path("lpar01", "mob01", mark)).endsWith("TPA");
        assertThat(changes("lpar01")).containsExactly("mkwpar -p -f " + c.directory() + "/wpar.spec",
                "/opt/mcr/bin/restartwpar -d " + c.directory() + " mob01");
        assertThat(changes("lpar00")).containsExactly("rmwpar -p mob01");
        assertThat(out("lpar01", "clogin mob01 cat /home/job.state")).isEqualTo("step 41 of 90\n");
        assertThat(reason(restarted)).contains("mob01 restarted on lpar01 from checkpoint " + id,
                "lpar01: /opt/mcr/bin/restartwpar -d " + c.directory() + " mob01", "lpar00: rmwpar -p mob01");
        assertNoLeases();

        HttpResponse<String> listed = get("/api/checkpoints?wpar=mob01");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"id\":" + id, "\"directory\":\"" + c.directory() + "\"",
                "\"killed\":true");
        assertThat(get("/api/checkpoints?wpar=wpr03").body()).isEqualTo("[]");
    }

    @Test
    void aCheckpointThatLeavesTheWparRunningIsTakenWithoutApproval() {
        String taken = run(Map.of("action", "checkpoint", "lpar", "lpar00", "wpar", "mob01"), null);

        assertThat(variable(taken, "outcome")).as(reason(taken)).isEqualTo("CHECKPOINTED");
        assertThat(fleet.host("lpar00").states()).contains("mob01=A");
        assertThat(changes("lpar00")).anyMatch(l -> l.startsWith("/opt/mcr/bin/chkptwpar -d /images/checkpoints/"));
        assertThat(approvalTitles).isEmpty();
        assertThat(catalog.list("mob01", null)).singleElement().extracting(Checkpoint::killed).isEqualTo(false);
    }

    @Test
    void aWparThatIsNotCheckpointableIsRefusedBeforeAnythingRuns() {
        String refused = run(Map.of("action", "checkpoint", "lpar", "lpar00", "wpar", "wpr03", "kill", true), null);

        assertThat(variable(refused, "outcome")).isEqualTo("REFUSED");
        assertThat(variable(refused, "failureCode")).isEqualTo("NOT_CHECKPOINTABLE");
        assertThat(reason(refused)).contains("wpr03 on lpar00 is not checkpointable", "0960-100",
                "nothing was changed");
        assertThat(changes("lpar00")).isEmpty();
        assertThat(approvalTitles).isEmpty();
        assertThat(fleet.host("lpar00").states()).contains("wpr03=A");
        assertThat(catalog.list(null, null)).isEmpty();
    }

    @Test
    void aRestartWhoseCheckpointIsMissingOrOfAnotherWparIsRefusedBeforeAnythingRuns() {
        long other = catalog.record("wpr03", "lpar00", "/images/checkpoints/wpr03-1", Instant.now(), "operator",
                true, 1L, false, null);
        long gone = catalog.record("mob01", "lpar00", "/images/checkpoints/mob01-gone", Instant.now(), "operator",
                true, 1L, false, null);
        // a directory catalogued for mob01 that holds the checkpoint of another WPAR
        fleet.host("lpar02").writeFile("/images/checkpoints/mob01-swapped/wpar.spec",
                "general:\n\tname = \"wpr03\"\n\thostname = \"wpr03\"\n");
        long swapped = catalog.record("mob01", "lpar00", "/images/checkpoints/mob01-swapped", Instant.now(),
                "operator", true, 1L, false, null);

        assertRestartRefused(other, "CHECKPOINT_OF_ANOTHER_WPAR", "was taken of wpr03 on lpar00, not of mob01");
        assertRestartRefused(gone, "CHECKPOINT_NOT_FOUND", "/images/checkpoints/mob01-gone/wpar.spec is missing");
        assertRestartRefused(swapped, "CHECKPOINT_OF_ANOTHER_WPAR", "holds a checkpoint of wpr03, not of mob01");
        assertRestartRefused(987654, "CHECKPOINT_NOT_FOUND", "the catalog has no checkpoint 987654");
        assertThat(changes("lpar00")).isEmpty();
        assertThat(changes("lpar01")).isEmpty();
        assertThat(approvalTitles).isEmpty();
    }

    @Test
    void anLparWithoutMcrIsRefused() {
        String taken = run(Map.of("action", "checkpoint", "lpar", "lpar00", "wpar", "mob01", "kill", true), "approve");
        long id = (Long) variable(taken, "checkpointId");
        fleet.log().clear();

        String refused = run(Map.of("action", "restart", "lpar", "lpar04", "wpar", "mob01", "checkpointId", id), null);

        assertThat(variable(refused, "failureCode")).as(reason(refused)).isEqualTo("INCOMPATIBLE_LPAR");
        assertThat(changes("lpar04")).isEmpty();
        assertThat(changes("lpar00")).isEmpty();
        assertThat(fleet.host("lpar00").states()).contains("mob01=D");
    }

    @Test
    void badInputIsRefusedBeforeAnyInstanceExists() {
        long before = history.createHistoricProcessInstanceQuery().count();
        assertRefused(Map.of("action", "move", "lpar", "lpar00", "wpar", "mob01"), "action");
        assertRefused(Map.of("action", "checkpoint", "lpar", "lpar00", "wpar", "mob;01"), "wpar");
        assertRefused(Map.of("action", "checkpoint", "lpar", "lpar99", "wpar", "mob01"), "lpar");
        assertRefused(Map.of("action", "checkpoint", "lpar", "lpar00", "wpar", "$(reboot)"), "wpar");
        assertRefused(Map.of("action", "restart", "lpar", "lpar01", "wpar", "mob01"), "checkpointId");
        assertRefused(Map.of("action", "restart", "lpar", "lpar01", "wpar", "mob01", "checkpointId", 0L),
                "checkpointId");
        assertRefused(Map.of("action", "restart", "lpar", "lpar01", "wpar", "mob01", "checkpointId", 3L, "kill",
                true), "kill");
        assertRefused(Map.of("action", "checkpoint", "lpar", "lpar00", "wpar", "mob01", "directory", "/tmp"),
                "directory");
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
        assertThat(fleet.log().entries("lpar00")).isEmpty();
    }

    @Test
    void aScheduledCheckpointRunsOnItsCycleAndKeepsTheNewestN() throws Exception {
        assertThat(get("/api/checkpoints/schedules").body()).as("from wparflow.checkpoint.schedules")
                .contains("\"lpar\":\"lpar01\"", "\"wpar\":\"night01\"", "\"interval\":\"PT12H\"");
        HttpResponse<String> set = put("/api/checkpoints/schedules",
                "{\"lpar\":\"lpar00\",\"wpar\":\"mob01\",\"interval\":\"PT1H\",\"keep\":2}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        String schedule = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(CheckpointScheduleVariables.businessKey("lpar00", "mob01")).singleResult()
                .getId();
        Job first = timer(schedule);
        assertThat(first.getDuedate().toInstant()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));

        List<String> directories = new ArrayList<>();
        for (long cycle = 1; cycle <= 3; cycle++) {
            Job due = timer(schedule);
            management.executeJob(due.getId());
            long c = cycle;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                assertThat(runtime.createIncidentQuery().processInstanceId(schedule).count()).isZero();
                Object cycles = runtime.getVariable(schedule, "cycles");
                Job next = management.createJobQuery().processInstanceId(schedule).timers().singleResult();
                return cycles != null && (Long) cycles == c && next != null && !next.getId().equals(due.getId());
            });
            assertThat((String) runtime.getVariable(schedule, "lastOutcome")).startsWith("CHECKPOINTED");
            directories.add(catalog.find((Long) runtime.getVariable(schedule, "lastCheckpointId")).orElseThrow()
                    .directory());
        }

        List<Checkpoint> kept = catalog.scheduled("mob01");
        assertThat(kept).extracting(Checkpoint::directory).containsExactly(directories.get(2), directories.get(1));
        assertThat(fleet.host("lpar02").file(directories.get(0) + "/mob01.chkpt")).as("pruned").isNull();
        assertThat(fleet.host("lpar02").file(directories.get(1) + "/mob01.chkpt")).isNotNull();
        assertThat(fleet.host("lpar02").file(directories.get(2) + "/mob01.chkpt")).isNotNull();
        assertThat((String) runtime.getVariable(schedule, "lastPruned")).isEqualTo(directories.get(0));
        assertThat(changes("lpar00")).contains("rm -r -f -- " + directories.get(0));
        assertThat(fleet.host("lpar00").states()).as("a scheduled checkpoint leaves it running").contains("mob01=A");
        assertNoLeases();

        assertThat(sendAs("approver", HttpRequest.newBuilder(uri("/api/checkpoints/schedules/lpar00/mob01")).DELETE())
                .statusCode()).as("only operators and administrators change schedules").isEqualTo(403);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(schedule).count()).isOne();
        assertThat(delete("/api/checkpoints/schedules/lpar00/mob01").statusCode()).isEqualTo(200);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(schedule).count()).isZero();
        assertThat(delete("/api/checkpoints/schedules/lpar00/mob01").statusCode()).isEqualTo(404);
        assertThat(put("/api/checkpoints/schedules",
                "{\"lpar\":\"lpar00\",\"wpar\":\"mob01\",\"interval\":\"1h\",\"keep\":2}").statusCode()).isEqualTo(400);
        assertThat(put("/api/checkpoints/schedules",
                "{\"lpar\":\"lpar00\",\"wpar\":\"mob01\",\"interval\":\"PT1H\",\"keep\":0}").body()).contains("keep");
        assertThat(catalog.scheduled("mob01")).as("its checkpoints stay").hasSize(2);
    }

    // ------------------------------------------------------------------------------------------ helpers

    Job timer(String instance) {
        Job job = management.createJobQuery().processInstanceId(instance).timers().singleResult();
        assertThat(job).as("the schedule waits at its timer").isNotNull();
        return job;
    }

    void assertRestartRefused(long checkpointId, String code, String text) {
        String refused = run(Map.of("action", "restart", "lpar", "lpar01", "wpar", "mob01", "checkpointId",
                checkpointId), null);
        assertThat(variable(refused, "outcome")).as(reason(refused)).isEqualTo("REFUSED");
        assertThat(variable(refused, "failureCode")).isEqualTo(code);
        assertThat(reason(refused)).contains(text);
    }

    void assertRefused(Map<String, Object> variables, String field) {
        assertThatThrownBy(() -> start(variables)).isInstanceOf(InputRefusedException.class)
                .hasMessageContaining(field);
    }

    void assertNoLeases() {
        assertThat(locks.held()).extracting(HeldLock::resource).noneMatch(r -> r.startsWith("wpar:"));
    }

    String start(Map<String, Object> variables) {
        identity.setAuthentication("operator", List.of("wparflow-operators"));
        try {
            return runtime.startProcessInstanceByKey(WparCheckpointVariables.PROCESS_ID, new HashMap<>(variables))
                    .getId();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Started by the operator; each approval task of it decided by the approver; until it ends, without incidents. */
    String run(Map<String, Object> variables, String decision) {
        Set<String> incidentsBefore = incidents();
        String instance = start(variables);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(incidents()).as("incidents").isEqualTo(incidentsBefore);
            for (Task t : tasks.createTaskQuery().processDefinitionKey("ChangeApprovalProcess").list()) {
                String root = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                        .singleResult().getRootProcessInstanceId();
                if (instance.equals(root) && decision != null) {
                    approvalTitles.add(t.getName());
                    identity.setAuthentication("approver", List.of("wparflow-approvers"));
                    try {
                        tasks.complete(t.getId(), Map.of("decision", decision, "reason", "tested checkpoint"));
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

    /** What {@code host} received that is neither a read nor the detached-run protocol. */
    List<String> changes(String host) {
        return fleet.log().entries(host).stream()
                .filter(e -> !READS.contains(e.command()) && !e.command().equals("wparflow-run"))
                .map(e -> e.raw).collect(Collectors.toList());
    }

    /** Runs {@code line} on {@code host} as if it came over SSH; its exit status. */
    int sh(String host, String line) {
        return fleet.host(host).runLine("root", line, new ByteArrayOutputStream(), new ByteArrayOutputStream(),
                () -> { });
    }

    String out(String host, String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = fleet.host(host).runLine("root", line, out, new ByteArrayOutputStream(), () -> { });
        assertThat(rc).as(host + ": " + line).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> put(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return sendAs("operator", request);
    }

    HttpResponse<String> sendAs(String user, HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + TestUsers.password(user)).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
