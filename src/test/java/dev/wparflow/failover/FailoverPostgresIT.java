package dev.wparflow.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;

import dev.wparflow.lock.HeldLock;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockResource;
import dev.wparflow.simulator.CommandLog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestDatabases;

/**
 * Failover as an operator's worst night would test it: two engine nodes, each the packaged jar in a JVM of its own, on
 * one PostgreSQL schema and one simulated fleet (in this JVM, so that its command log and host state can be read).
 * For each scenario of the table an operation runs, and the node executing it is killed with SIGKILL at the given kind
 * of step: while a synchronous remote command runs (the node holding the step's job lock), while a detached run runs
 * (the node watching the host's runs), or while the operation waits (for the approval, for a lease held by someone
 * else). Afterwards, on the survivor: the operation ended as planned (not rolled back) within {@link #BOUND} of the
 * kill plus the time its commands ran on the hosts after the kill, every WPAR exists exactly once in the expected
 * state, every destructive command completed exactly once (an execution cut by the kill shows without an exit status,
 * the recovery it needs is part of the row's expected changes, and no two ever ran at once on a WPAR), no lease in
 * {@code wparflow_lock} and no AIX administrative lock is left, and no incident exists.
 * The killed node is started again before the next scenario. Logs: {@code target/failover/}.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailoverPostgresIT {

    /** What the issue asks: a dead node's step resumes and the operation completes within this of the kill. */
    static final Duration BOUND = Duration.ofSeconds(60);

    /** Commands that change a host: each must complete exactly once per operation. */
    static final Set<String> DESTRUCTIVE = Set.of("mkwpar", "rmwpar", "stopwpar", "startwpar", "rebootwpar", "savewpar",
            "restwpar", "movewpar", "wparexec", "chwpar");

    static final String FLEET = """
            time-scale: 1
            durations: {stopwpar: 8000, rmwpar: 8000, savewpar: 8000, restwpar: 2000, startwpar: 1000, mkwpar: 300,
                        chwpar: 200, syncwpar: 200, mkwpardata: 200}
            managed-systems:
              - {name: sys570a, type-model: 9117-MMA, serial: 0610A9C, hmcs: [hmc01]}
              - {name: sys570b, type-model: 9117-MMA, serial: 0610B2D, hmcs: [hmca01]}
            hmcs:
              - {name: hmc01, port: 0, ip: 9.3.5.10}
              - {name: hmca01, port: 0, ip: 9.3.5.12}
            hosts:
            """ + host("lpar00", "9.3.5.127", "sys570a") + """
                wpars:
                  - {name: wpr00, state: A, hostname: wpr00, address: 9.3.5.182}
                  - {name: wpr05, state: D, hostname: wpr05, address: 9.3.5.189}
            """ + host("lpar01", "9.3.5.121", "sys570b") + """
                wpars: []
              - name: lpar02
                port: 0
                ip: 9.3.5.128
                managed-system: sys570a
                nfs-exports:
                  - {path: /images, clients: [lpar00, lpar01]}
                wpars: []
            """;

    private static String host(String name, String ip, String system) {
        return """
                  - name: %s
                    port: 0
                    ip: %s
                    managed-system: %s
                    nfs-mounts: [{server: lpar02, remote: /images, local: /images}]
                    oslevel: 6100-02-01-0847
                    processor: PowerPC_POWER6
                    memory-mb: 4096
                    ntp: true
                    filesets: {bos.rte: 6.1.2.1, bos.wpars: 6.1.2.1, bos.rte.libc: 6.1.2.1}
                    volume-groups:
                      - {name: rootvg, pp-size-mb: 128, total-pps: 546, disks: [hdisk0]}
                """.formatted(name, ip, system);
    }

    // ------------------------------------------------------------------ the table

    enum Operation {
        /** WparRelocationProcess, mode static: wpr00 from lpar00 to lpar01, approved by an approver. */
        RELOCATION,
        /** FleetBackupProcess on demand, scope host:lpar00 (wpr00 Active, wpr05 Defined), consistency none. */
        FLEET_BACKUP
    }

    enum StepKind { NONE, SYNCHRONOUS, DETACHED, APPROVAL_WAIT, LOCK_WAIT }

    /**
     * Kill the node executing {@code operation} while it is at a step of {@code kind} ({@code command} on {@code host});
     * afterwards exactly the {@code changes} have completed, as "host command [-F] wpar".
     */
    record Scenario(String name, Operation operation, StepKind kind, String host, String command, List<String> changes) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A static relocation's changes (Table 4-2): spec, stop, save, restore, start on arrival, remove on departure. */
    static final List<String> RELOCATED = List.of("lpar00 mkwpar wpr00", "lpar00 stopwpar wpr00",
            "lpar00 savewpar wpr00", "lpar01 restwpar wpr00", "lpar01 startwpar wpr00", "lpar00 rmwpar wpr00");
    /** A fleet backup of lpar00: each system WPAR's spec and image. */
    static final List<String> BACKED_UP = List.of("lpar00 mkwpar wpr00", "lpar00 savewpar wpr00",
            "lpar00 mkwpar wpr05", "lpar00 savewpar wpr05");

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("relocation, no kill (reference)", Operation.RELOCATION, StepKind.NONE, null, null,
                        RELOCATED),
                new Scenario("relocation, killed in the approval wait", Operation.RELOCATION, StepKind.APPROVAL_WAIT,
                        null, null, RELOCATED),
                new Scenario("relocation, killed in the lock wait", Operation.RELOCATION, StepKind.LOCK_WAIT, null, null,
                        RELOCATED),
                // the cut stopwpar leaves the WPAR Broken: the retry stops it with -F (the recovery of a Broken WPAR)
                // and the move goes on
                new Scenario("relocation, killed in stopwpar (synchronous)", Operation.RELOCATION, StepKind.SYNCHRONOUS,
                        "lpar00", "stopwpar", replace(RELOCATED, "lpar00 stopwpar wpr00", "lpar00 stopwpar -F wpr00")),
                new Scenario("relocation, killed in savewpar (detached run)", Operation.RELOCATION, StepKind.DETACHED,
                        "lpar00", "savewpar", RELOCATED),
                // the cut rmwpar leaves the departing copy half-removed and Broken: stopwpar -F, then rmwpar -F
                new Scenario("relocation, killed in rmwpar of the departing copy (synchronous)", Operation.RELOCATION,
                        StepKind.SYNCHRONOUS, "lpar00", "rmwpar", Stream.concat(replace(RELOCATED,
                                "lpar00 rmwpar wpr00", "lpar00 rmwpar -F wpr00").stream(),
                                Stream.of("lpar00 stopwpar -F wpr00")).toList()),
                new Scenario("fleet backup, killed in savewpar (detached run)", Operation.FLEET_BACKUP,
                        StepKind.DETACHED, "lpar00", "savewpar", BACKED_UP));
    }

    private static List<String> replace(List<String> changes, String change, String by) {
        return changes.stream().map(c -> c.equals(change) ? by : c).toList();
    }

    // ------------------------------------------------------------------ the cluster

    static final Map<String, String> PASSWORDS = Map.of("admin", "admin-failover-1", "operator", "operator-failover-1",
            "approver", "approver-failover-1");

    static String password(String user) {
        return PASSWORDS.get(user);
    }

    final Path dir = Path.of("target", "failover");
    final List<String> report = new ArrayList<>();
    TestDatabase database;
    Fleet fleet;
    HikariDataSource dataSource;
    JdbcTemplate jdbc;
    LeaseLockService leases;
    List<EngineNode> nodes;
    int round;

    @BeforeAll
    void startCluster() throws Exception {
        Path jar = Path.of("target", "wparflow.jar");
        assertThat(jar).as("the packaged application (mvn package before the integration tests)").exists();
        Files.createDirectories(dir);
        database = TestDatabase.freshPostgresSchema("failover");
        fleet = Fleet.startYaml(FLEET, FleetOptions.forTests().dataDir(dir.resolve("sim")).timeScale(1.0));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", "postgres");
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", database.password());
        properties.putAll(database.properties());
        properties.put("wparflow.inventory.file", fleet.inventoryPath().toAbsolutePath().toString());
        properties.put("wparflow.ssh.known-hosts", fleet.knownHostsPath().toAbsolutePath().toString());
        properties.put("wparflow.ssh.identities[0]", fleet.clientKeyPath().toAbsolutePath().toString());
        properties.put("wparflow.demo.enabled", "true");
        int i = 0;
        for (String[] user : List.of(new String[] {"admin", "camunda-admin"},
                new String[] {"operator", "wparflow-operators"}, new String[] {"approver", "wparflow-approvers"})) {
            properties.put("wparflow.demo.users[" + i + "].id", user[0]);
            properties.put("wparflow.demo.users[" + i + "].password", password(user[0]));
            properties.put("wparflow.demo.users[" + i + "].first-name", user[0]);
            properties.put("wparflow.demo.users[" + i + "].last-name", "Failover");
            properties.put("wparflow.demo.users[" + i + "].groups[0]", user[1]);
            i++;
        }
        // the job executor's lock time, the run watcher's lease, wait and poll interval: production's defaults, the
        // bound under test
        properties.put("wparflow.relocation.lock-retry-interval", "PT2S");
        properties.put("wparflow.relocation.lock-max-attempts", "200");
        properties.put("wparflow.backup.per-host", "2");
        properties.put("wparflow.discovery.cycle", "R/PT24H");
        // the nodes run the postgres profile, not the test one: no nightly backup or drill of their own mid-scenario
        properties.put("wparflow.backup.schedule", "0 0 2 29 2 ?");
        properties.put("wparflow.backup.drill.schedule", "0 0 4 29 2 ?");
        nodes = List.of(new EngineNode("node-a", jar, dir, properties), new EngineNode("node-b", jar, dir, properties));
        // one after the other: the first creates the schema (a start-up race is not what this test is about)
        for (EngineNode node : nodes) {
            node.launch();
            node.awaitReady();
        }
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.url());
        dataSource.setUsername(database.user());
        dataSource.setPassword(database.password());
        dataSource.setMaximumPoolSize(2);
        jdbc = new JdbcTemplate(dataSource);
        leases = new LeaseLockService(jdbc, Clock.systemUTC());
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (nodes != null) {
            for (EngineNode node : nodes) {
                node.stop();
            }
        }
        if (!report.isEmpty()) {
            Files.write(dir.resolve("report.txt"), report);
        }
        if (dataSource != null) {
            dataSource.close();
        }
        if (fleet != null) {
            fleet.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    // ------------------------------------------------------------------ one scenario

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void operationCompletesForwardAfterTheExecutingNodeIsKilled(Scenario scenario) throws Exception {
        for (EngineNode node : nodes) {
            if (!node.alive()) {
                node.launch();
                node.awaitReady();
            }
        }
        cleanSlate(scenario);
        fleet.reset();
        EngineNode front = nodes.get(round++ % 2);
        Instant started = Instant.now();
        Kill kill = null;
        String instance;
        if (scenario.operation() == Operation.RELOCATION) {
            if (scenario.kind() == StepKind.LOCK_WAIT) {
                assertThat(leases.acquire(LockResource.host("lpar01"), "failover-test", "held by the test",
                        Duration.ofMinutes(10)).acquired()).isTrue();
            }
            instance = startRelocation(front);
            String task = approvalTask(front, instance);
            if (scenario.kind() == StepKind.APPROVAL_WAIT) {
                kill = kill(front, scenario);
            }
            survivorOr(front).post("approver", "/engine-rest/task/" + task + "/complete", Map.of("variables",
                    Map.of("decision", value("approve"), "reason", value("failover test"))));
            if (scenario.kind() == StepKind.LOCK_WAIT) {
                await("relocation waiting for the lock").atMost(Duration.ofSeconds(60))
                        .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_execution WHERE proc_inst_id_ = ?"
                                + " AND act_id_ = 'Event_WaitForLocks'", Integer.class, instance) == 1);
                kill = kill(front, scenario);
                assertThat(leases.release(LockResource.host("lpar01"), "failover-test")).isTrue();
            }
        } else {
            instance = startFleetBackup(front);
        }
        if (scenario.kind() == StepKind.SYNCHRONOUS) {
            kill = kill(awaitSynchronousStep(scenario), scenario);
        } else if (scenario.kind() == StepKind.DETACHED) {
            kill = kill(awaitDetachedRun(scenario), scenario);
        }

        EngineNode survivor = kill == null ? front : survivorOr(kill.node());
        JsonNode end = awaitEnd(survivor, instance, scenario);
        Instant ended = Instant.now();
        String outcome = scenario.operation() == Operation.RELOCATION ? variable(survivor, instance, "outcome")
                : variable(survivor, instance, "summary");
        List<CommandLog.Entry> log = fleet.log().entries();
        Duration ownTime = kill == null ? Duration.ZERO : ownTimeAfter(kill.at(), ended, log);
        Duration afterKill = kill == null ? Duration.ZERO : Duration.between(kill.at(), ended);
        Duration takeOver = kill == null ? Duration.ZERO : firstCommandAfter(kill.at(), log);
        note(String.format("%-70s killed %-7s outcome %-36s total %5.1f s, kill->end %5.1f s, kill->next command"
                + " %5.1f s, commands' own time after the kill %5.1f s; destructive: %s", scenario.name(),
                kill == null ? "-" : kill.node().id, outcome, seconds(Duration.between(started, ended)), seconds(afterKill),
                seconds(takeOver), seconds(ownTime), destructive(log)));

        String diagnosis = scenario.name() + ": command log " + log;
        assertThat(end.path("state").asText()).as(diagnosis).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForList("SELECT incident_msg_ FROM act_ru_incident", String.class)).as("incidents")
                .isEmpty();
        if (scenario.operation() == Operation.RELOCATION) {
            assertThat(outcome).as(diagnosis).isEqualTo("RELOCATED");
            assertThat(jdbc.queryForObject("SELECT end_act_id_ FROM act_hi_procinst WHERE id_ = ?", String.class,
                    instance)).isEqualTo("EndEvent_WparRelocated");
            assertThat(state("lpar01", "wpr00")).as("wpr00 on lpar01").isEqualTo("A");
            assertThat(state("lpar00", "wpr00")).as("wpr00 on lpar00").isNull();
            assertThat(fleet.host("lpar02").file("/images/relocation/wpr00-" + instance + ".bff")).as("image").isNull();
        } else {
            assertThat(outcome).as(diagnosis).startsWith("done 2, failed 0, skipped 0");
            assertThat(fleet.host("lpar00").states()).isEqualTo("{wpr00=A, wpr05=D}");
        }
        assertThat(state("lpar00", "wpr05")).as("wpr05, untouched").isEqualTo("D");
        assertThat(state("lpar01", "wpr05")).isNull();
        assertNoAdministrativeLock();
        assertThat(heldLeases()).as("leases left (poller leases aside)").isEmpty();
        assertThat(completedChanges(log)).as("destructive commands completed (" + diagnosis + ")")
                .containsExactlyInAnyOrderElementsOf(scenario.changes());
        assertNeverTwiceAtOnce(log);
        if (kill != null) {
            assertThat(afterKill).as("from the kill to the end, against %s + the commands' own time %s", BOUND, ownTime)
                    .isLessThanOrEqualTo(BOUND.plus(ownTime));
        }
    }

    /**
     * What an earlier scenario that failed may have left: its operation still running (deleted), its leases (released).
     * Noted in the report; a scenario that passed leaves nothing.
     */
    private void cleanSlate(Scenario scenario) throws Exception {
        EngineNode node = nodes.get(0);
        for (JsonNode left : node.get("admin", "/engine-rest/process-instance?rootProcessInstances=true")) {
            String id = left.path("id").asText();
            note("  before " + scenario.name() + ": deleting " + left.path("definitionId").asText() + " " + id
                    + ", left running by an earlier scenario");
            deleteInstance(node, id);
        }
        for (HeldLock lease : heldLeases()) {
            note("  before " + scenario.name() + ": releasing " + lease.resource() + " held by " + lease.owner());
            leases.releaseAll(lease.owner());
        }
    }

    /**
     * Deletes a process instance that a job of the cluster may be working on: a job that commits first makes the
     * delete fail with an optimistic-locking conflict, and the delete is sent again until the instance is gone.
     */
    private static void deleteInstance(EngineNode node, String id) throws Exception {
        for (int attempt = 1; ; attempt++) {
            if (node.get("admin", "/engine-rest/process-instance?processInstanceIds=" + id).isEmpty()) {
                return;
            }
            try {
                node.delete("admin", "/engine-rest/process-instance/" + id
                        + "?skipCustomListeners=true&skipIoMappings=true");
                return;
            } catch (IllegalStateException conflict) {
                if (attempt >= 20 || !conflict.getMessage().contains("OptimisticLockingException")) {
                    throw conflict;
                }
            }
        }
    }

    // ------------------------------------------------------------------ operations

    /** A line of the report (target/failover/report.txt, and the test's output at once). */
    private void note(String line) {
        report.add(line);
        System.out.println("FAILOVER " + line);
    }

    private static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    private String startRelocation(EngineNode node) throws Exception {
        Map<String, Object> variables = Map.of("wpar", value("wpr00"), "departingLpar", value("lpar00"),
                "arrivingLpar", value("lpar01"), "mode", value("static"), "validateOnly", value(false));
        return node.post("operator", "/engine-rest/process-definition/key/WparRelocationProcess/start",
                Map.of("variables", variables)).path("id").asText();
    }

    private String startFleetBackup(EngineNode node) throws Exception {
        JsonNode result = node.post("operator", "/engine-rest/message", Map.of("messageName", "FleetBackupRequested",
                "processVariables", Map.of("scope", value("host:lpar00")), "resultEnabled", true));
        return result.get(0).path("processInstance").path("id").asText();
    }

    /** The relocation's approval task, once its ChangeApprovalProcess has created it. */
    private String approvalTask(EngineNode node, String relocation) {
        return await("approval task").atMost(Duration.ofSeconds(90)).until(() -> {
            JsonNode sub = node.get("admin", "/engine-rest/process-instance?superProcessInstance=" + relocation);
            if (sub.size() == 0) {
                return null;
            }
            JsonNode tasks = node.get("approver", "/engine-rest/task?processInstanceId=" + sub.get(0).path("id").asText());
            return tasks.size() == 0 ? null : tasks.get(0).path("id").asText();
        }, id -> id != null);
    }

    private JsonNode awaitEnd(EngineNode node, String instance, Scenario scenario) {
        return await(scenario.name() + ": operation ended").atMost(BOUND.plus(Duration.ofMinutes(3)))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    List<String> incidents = jdbc.queryForList("SELECT activity_id_ || ': ' || incident_msg_"
                            + " FROM act_ru_incident", String.class);
                    if (!incidents.isEmpty()) {
                        throw new AssertionError(scenario.name() + ": the operation stopped with incidents " + incidents
                                + "; command log " + fleet.log().entries());
                    }
                    try {
                        return node.get("admin", "/engine-rest/history/process-instance/" + instance);
                    } catch (java.io.IOException | IllegalStateException notYet) {
                        return null;
                    }
                }, h -> h != null && h.hasNonNull("endTime"));
    }

    private String variable(EngineNode node, String instance, String name) throws Exception {
        JsonNode found = node.get("admin", "/engine-rest/history/variable-instance?processInstanceId=" + instance
                + "&variableName=" + name);
        return found.size() == 0 ? null : found.get(0).path("value").asText();
    }

    // ------------------------------------------------------------------ the kill

    record Kill(EngineNode node, Instant at) {
    }

    private Kill kill(EngineNode node, Scenario scenario) throws InterruptedException {
        Instant at = Instant.now();
        node.kill();
        note(String.format("  %s: killed %s at %s (log %s)", scenario.name(), node.id, at, node.log()));
        return new Kill(node, at);
    }

    private EngineNode survivorOr(EngineNode node) {
        return nodes.stream().filter(n -> n != node).findFirst().orElseThrow();
    }

    /** The node whose job executor holds the job of the step while the step's command runs on the host. */
    private EngineNode awaitSynchronousStep(Scenario scenario) {
        String processKey = scenario.operation() == Operation.RELOCATION ? "WparStaticRelocationProcess"
                : "WparBackupProcess";
        return await(scenario.host() + " " + scenario.command() + " running, its job locked").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    if (running(scenario.host(), scenario.command()) == null) {
                        return null;
                    }
                    List<String> owners = jdbc.queryForList("SELECT lock_owner_ FROM act_ru_job WHERE process_def_key_ = ?"
                            + " AND lock_owner_ IS NOT NULL", String.class, processKey);
                    return owners.size() == 1 ? node(owners.get(0)) : null;
                }, node -> node != null);
    }

    /** The node whose run watcher watches the host while the detached run of the command runs there. */
    private EngineNode awaitDetachedRun(Scenario scenario) {
        return await(scenario.host() + " " + scenario.command() + " running detached, watched").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    CommandLog.Entry run = running(scenario.host(), scenario.command());
                    if (run == null || run.runId == null) {
                        return null;
                    }
                    HeldLock poller = leases.find(LockResource.poller(scenario.host()));
                    return poller == null || poller.owner() == null || poller.expired() ? null
                            : node(poller.owner());
                }, node -> node != null);
    }

    private EngineNode node(String id) {
        return nodes.stream().filter(n -> n.id.equals(id)).findFirst().orElse(null);
    }

    private CommandLog.Entry running(String host, String command) {
        return fleet.log().entries(host).stream().filter(e -> e.command().equals(command) && e.end() == null)
                .findFirst().orElse(null);
    }

    // ------------------------------------------------------------------ what is left

    private String state(String host, String wpar) {
        return fleet.host(host).wpar(wpar).map(w -> String.valueOf(w.state().letter())).orElse(null);
    }

    private void assertNoAdministrativeLock() {
        for (String host : List.of("lpar00", "lpar01")) {
            fleet.host(host).model().wparList().forEach(w -> assertThat(w.lock)
                    .as("AIX administrative lock on " + host + "/" + w.name).isNull());
        }
    }

    /** Leases held now, other than the run watchers' per-host poller leases (a node's, visibly, until it stops). */
    private List<HeldLock> heldLeases() {
        return leases.held().stream().filter(l -> !l.resource().startsWith("poller:")).toList();
    }

    /** The fleet's WPAR a command concerns: named as an argument, or the owner of an image or spec file it names. */
    private static String wpar(CommandLog.Entry e) {
        for (String wpar : List.of("wpr00", "wpr05")) {
            for (String arg : e.argv) {
                if (arg.equals(wpar) || arg.contains("/" + wpar + "-") || arg.contains("/" + wpar + ".")) {
                    return wpar;
                }
            }
        }
        return String.join(" ", e.argv);
    }

    /** "host command wpar" for each destructive command that completed (exit status 0). */
    private static List<String> completedChanges(List<CommandLog.Entry> log) {
        return log.stream().filter(e -> DESTRUCTIVE.contains(e.command()) && Integer.valueOf(0).equals(e.exitStatus()))
                .map(e -> e.host + " " + e.command() + (e.argv.contains("-F") ? " -F " : " ") + wpar(e)).toList();
    }

    /** Each destructive command with its outcome: exit status, or "cut" when the kill (or a session drop) ended it. */
    private static String destructive(List<CommandLog.Entry> log) {
        return log.stream().filter(e -> DESTRUCTIVE.contains(e.command()))
                .map(e -> e.host + " " + e.command() + (e.argv.contains("-F") ? " -F " : " ") + wpar(e) + "="
                        + (e.end() == null ? "running" : e.exitStatus() == null ? "cut" : e.exitStatus()))
                .collect(Collectors.joining(", "));
    }

    /** A step is never executed a second time while its first execution still runs: no overlap per host and WPAR. */
    private static void assertNeverTwiceAtOnce(List<CommandLog.Entry> log) {
        Map<String, List<CommandLog.Entry>> byTarget = new TreeMap<>(log.stream()
                .filter(e -> DESTRUCTIVE.contains(e.command()))
                .collect(Collectors.groupingBy(e -> e.host + "/" + wpar(e))));
        byTarget.forEach((target, entries) -> {
            for (int i = 1; i < entries.size(); i++) {
                CommandLog.Entry before = entries.get(i - 1);
                assertThat(before.end()).as(target + ": " + before.raw + " still ran when " + entries.get(i).raw
                        + " started").isNotNull().isBeforeOrEqualTo(entries.get(i).start);
            }
        });
    }

    /**
     * The operation's own time after the kill: how long, between the kill and {@code end}, some command of it was
     * running on a host (a detached run the kill did not stop, the retried step, the steps after it), overlapping
     * commands counted once. The run watchers' own {@code wparflow-run wait} calls are not the operation's.
     */
    private static Duration ownTimeAfter(Instant kill, Instant end, List<CommandLog.Entry> log) {
        List<Instant[]> busy = log.stream().filter(e -> !e.command().equals("wparflow-run"))
                .map(e -> new Instant[] {e.start.isBefore(kill) ? kill : e.start, e.end() == null ? end : e.end()})
                .filter(i -> i[1].isAfter(i[0])).sorted(Comparator.comparing((Instant[] i) -> i[0])).toList();
        Duration total = Duration.ZERO;
        Instant coveredUntil = kill;
        for (Instant[] interval : busy) {
            Instant from = interval[0].isAfter(coveredUntil) ? interval[0] : coveredUntil;
            if (interval[1].isAfter(from)) {
                total = total.plus(Duration.between(from, interval[1]));
                coveredUntil = interval[1];
            }
        }
        return total;
    }

    private static Duration firstCommandAfter(Instant kill, List<CommandLog.Entry> log) {
        return log.stream().filter(e -> e.start.isAfter(kill)).map(e -> Duration.between(kill, e.start)).findFirst()
                .orElse(Duration.ZERO);
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
