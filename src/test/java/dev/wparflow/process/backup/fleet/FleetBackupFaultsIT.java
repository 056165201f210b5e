package dev.wparflow.process.backup.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wparflow.NodeIdentity;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.simulator.CommandLog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.simulator.FleetSpec;
import dev.wparflow.simulator.HostRuntime;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.simulator.fault.FaultType;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.testsupport.FleetApplication;
import dev.wparflow.testsupport.TestDatabases;
import dev.wparflow.testsupport.TestUsers;

/**
 * A fleet backup of 20 LPARs x 10 WPARs under faults, over SSH, job executor on: on every host every 7th command loses
 * its connection (3 times per host), one savewpar in ten fails (on host h the WPAR number (3h+1) mod 10), and lpar13
 * goes down for 40 s from the moment its first stopwpar has stopped a WPAR, longer than a job's three retries. Every
 * other WPAR is backed up; each failure is reported with its reason; afterwards no WPAR is stopped or administratively
 * locked and no lease of the run is held. Two WPARs a host are Active with the stop policy, so "left stopped" is
 * tested where savewpar fails, where a connection drops around stopwpar or startwpar and where the host goes down.
 */
class FleetBackupFaultsIT {

    static final int HOSTS = 20;
    static final int WPARS = 10;
    static final String DOWN_HOST = "lpar13";
    static final Duration OUTAGE = Duration.ofSeconds(40);
    static final int DROP_EVERY = 7;
    static final int DROPS_PER_HOST = 3;

    @TempDir
    Path dir;
    Fleet fleet;
    ConfigurableApplicationContext node;
    String postgresSchemaUrl;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        if (fleet != null) {
            fleet.close();
        }
        if (postgresSchemaUrl != null) {
            TestDatabases.dropPostgresSchema(postgresSchemaUrl);
        }
    }

    @Test
    void fleetBackupUnderFaultsOnH2() throws Exception {
        Files.createDirectories(dir.resolve("db"));
        fleetBackupUnderFaults("jdbc:h2:file:" + dir.resolve("db/wparflow") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    @Test
    void fleetBackupUnderFaultsOnPostgres() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresUrl() != null, TestDatabases.POSTGRES_DISABLED_REASON);
        postgresSchemaUrl = TestDatabases.freshPostgresSchemaUrl("backupfaults");
        fleetBackupUnderFaults(postgresSchemaUrl, TestDatabases.postgresUser(), TestDatabases.postgresPassword());
    }

    static String host(int h) {
        return String.format("lpar%02d", h);
    }

    static String wpar(int w) {
        return String.format("wpr%02d", w);
    }

    /** wpr00 and wpr01 Active and stopped for their backup, wpr02..wpr04 Active, the rest Defined. */
    static String initialState(int w) {
        return w <= 4 ? "A" : "D";
    }

    /** The WPAR whose savewpar fails on host h: one in ten, spread over the stop-policy and the other WPARs. */
    static int failingWpar(int h) {
        return (3 * h + 1) % WPARS;
    }

    private void fleetBackupUnderFaults(String url, String user, String password) throws Exception {
        FleetSpec spec = new FleetSpec();
        spec.durations.put("savewpar", 1000L);
        spec.durations.put("stopwpar", 100L);
        spec.durations.put("startwpar", 100L);
        List<String> hosts = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            hosts.add(host(h));
            FleetSpec.HostSpec hs = spec.host(host(h));
            hs.vg("rootvg", 128, 546 + WPARS * 4);
            for (int w = 0; w < WPARS; w++) {
                hs.wpar(wpar(w), initialState(w), "10.1." + h + "." + (w + 2));
            }
        }
        fleet = Fleet.start(spec, FleetOptions.forTests().dataDir(dir.resolve("sim")).timeScale(1.0));
        List<FaultRule> drops = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            fleet.faults().add(FaultRule.on(host(h)).command("savewpar").argContains(" " + wpar(failingWpar(h)))
                    .fail(1, "savewpar: 0512-008 simulated write error on the image repository").build());
            drops.add(fleet.faults().add(FaultRule.on(host(h)).type(FaultType.DROP_CONNECTION).everyNth(DROP_EVERY)
                    .times(DROPS_PER_HOST).build()));
        }
        node = FleetApplication.on(url, user, password).fleet(fleet, hosts.toArray(String[]::new))
                .properties(url.equals(postgresSchemaUrl) ? TestDatabases.camundaSchemaProperties(url) : Map.of())
                .property("wparflow.ssh.connect-timeout", "PT2S")
                .property("wparflow.backup.hosts", String.join(",", hosts))
                .property("wparflow.backup.per-host", "2")
                .property("wparflow.backup.policies.wpr00.mode", "stop")
                .property("wparflow.backup.policies.wpr01.mode", "stop")
                .start();
        Instant testStart = Instant.now();
        TestUsers.ensure(node.getBean(IdentityService.class), "faults-reader");
        RuntimeService runtime = node.getBean(RuntimeService.class);
        Set<String> incidentsBefore = new HashSet<>();
        runtime.createIncidentQuery().list().forEach(i -> incidentsBefore.add(i.getId()));

        String instance = runtime.startProcessInstanceByMessage("FleetBackupRequested", Map.of("scope", "all")).getId();
        // the outage starts while the host is busy, with a WPAR stopped for its backup: from the end of its first
        // successful stopwpar (the restart after the outage is then due, whatever order the lanes took)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> commands(DOWN_HOST, "stopwpar").stream()
                        .anyMatch(e -> Integer.valueOf(0).equals(e.exitStatus())));
        fleet.host(DOWN_HOST).downBetween(Duration.ZERO, OUTAGE);
        await().atMost(Duration.ofSeconds(10)).until(() -> fleet.host(DOWN_HOST).isDown());
        HistoryService history = node.getBean(HistoryService.class);
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(runtime.createIncidentQuery().list()).as("incidents")
                        .allMatch(i -> incidentsBefore.contains(i.getId()));
                return history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the fleet backup did not end; still running:\n" + stillRunning(), e);
        }
        assertThat(fleet.host(DOWN_HOST).isDown()).as("the outage was over before the run ended").isFalse();

        // the faults happened: every host lost its connection 3 times, every failing savewpar ran (but lpar13's
        // may have been left untried for the outage). lpar13 runs fewer commands the more of its WPARs the lanes
        // reach while it is down, so it may not reach its 7th, 14th and 21st command: its drops are not asserted.
        for (int h = 0; h < HOSTS; h++) {
            if (!host(h).equals(DOWN_HOST)) {
                assertThat(drops.get(h).fired()).as(drops.get(h).toString()).isEqualTo(DROPS_PER_HOST);
            }
        }

        // the run's summary and items, as an operator reads them
        JsonNode run = null;
        String runId = null;
        for (JsonNode r : get("/api/backups/runs?limit=1000")) {
            if (instance.equals(r.path("processInstanceId").asText())) {
                runId = r.path("id").asText();
                run = r;
            }
        }
        assertThat(run).as("the run in /api/backups/runs").isNotNull();
        Map<String, JsonNode> items = new LinkedHashMap<>();
        Map<String, JsonNode> globals = new LinkedHashMap<>();
        for (JsonNode item : get("/api/backups/runs/" + runId).path("items")) {
            assertThat(item.path("wpar").isNull()).as("a host-level failure: " + item).isFalse();
            if (item.path("wpar").asText().equals("-")) {
                globals.put(item.path("lpar").asText(), item); // the global environment's backup, after the WPARs'
                continue;
            }
            items.put(item.path("lpar").asText() + "/" + item.path("wpar").asText(), item);
        }
        assertThat(items).hasSize(HOSTS * WPARS);
        assertThat(globals).as("one global backup per host, ended as an outcome").hasSize(HOSTS)
                .allSatisfy((host, item) -> assertThat(item.path("state").asText()).isIn("DONE", "FAILED"));
        Set<String> done = new HashSet<>();
        int failed = 0;
        int unreachable = 0;
        for (int h = 0; h < HOSTS; h++) {
            for (int w = 0; w < WPARS; w++) {
                String key = host(h) + "/" + wpar(w);
                JsonNode item = items.get(key);
                String state = item.path("state").asText();
                String reason = item.path("reason").asText("");
                if (w == failingWpar(h) && !(host(h).equals(DOWN_HOST) && reason.startsWith("HOST_UNREACHABLE"))) {
                    assertThat(state).as(key).isEqualTo("FAILED");
                    assertThat(reason).as(key).startsWith("SAVEWPAR_FAILED: savewpar of " + key + " exited 1")
                            .contains("0512-008 simulated write error");
                    failed++;
                } else if (host(h).equals(DOWN_HOST) && state.equals("FAILED")) {
                    // a WPAR the lanes reached while the host was down: reported, not an incident
                    assertThat(reason).as(key).startsWith("HOST_UNREACHABLE: ").contains(DOWN_HOST);
                    failed++;
                    unreachable++;
                } else {
                    assertThat(state).as(key + " " + reason).isEqualTo("DONE");
                    done.add(key);
                }
            }
        }
        assertThat(done.size()).as("backed up").isGreaterThanOrEqualTo(HOSTS * WPARS - HOSTS - (WPARS - 1));
        assertThat(run.path("done").asInt()).isEqualTo(done.size());
        assertThat(run.path("failed").asInt()).isEqualTo(failed);
        assertThat(run.path("skipped").asInt()).isZero();
        assertThat(run.path("summary").asText()).startsWith("done " + done.size() + ", failed " + failed + ", skipped 0")
                .contains("FAILED lpar00/wpr01: SAVEWPAR_FAILED");
        assertThat(run.path("summary").asText().lines().filter(l -> l.startsWith("FAILED ")).count()).isEqualTo(failed);

        // the catalog has exactly one image of this run per backed-up WPAR, and the image is on its host
        Map<String, JsonNode> images = new LinkedHashMap<>();
        Set<String> mksysbOf = new HashSet<>();
        for (JsonNode image : get("/api/images?limit=5000")) {
            if (runId.equals(image.path("backupRunId").asText()) && image.path("kind").asText().equals("mksysb")) {
                mksysbOf.add(image.path("lpar").asText());
            } else if (runId.equals(image.path("backupRunId").asText())) {
                String key = image.path("lpar").asText() + "/" + image.path("wpar").asText();
                assertThat(images.put(key, image)).as("a second image of " + key).isNull();
                assertThat(image.path("state").asText()).isEqualTo("GOOD");
                byte[] file = fleet.host(image.path("lpar").asText()).file(image.path("path").asText());
                assertThat(file).as(image.path("path").asText()).isNotNull();
                assertThat(image.path("sizeBytes").asLong()).isEqualTo(file.length);
            }
        }
        assertThat(images.keySet()).isEqualTo(done);
        assertThat(mksysbOf).as("a mksysb of every global environment backed up").isEqualTo(globals.values().stream()
                .filter(g -> g.path("state").asText().equals("DONE")).map(g -> g.path("lpar").asText())
                .collect(java.util.stream.Collectors.toSet()));

        // nothing left stopped or locked on any host: every WPAR in its first state, no administrative lock
        for (int h = 0; h < HOSTS; h++) {
            for (int w = 0; w < WPARS; w++) {
                Wpar wpar = fleet.host(host(h)).wpar(wpar(w)).orElseThrow();
                assertThat(String.valueOf(wpar.state().letter())).as(host(h) + "/" + wpar(w)).isEqualTo(initialState(w));
                assertThat(wpar.lock).as("administrative lock on " + host(h) + "/" + wpar(w)).isNull();
            }
        }
        // the stop policy really stopped WPARs (and each one stopped was started again, the state above says)
        assertThat(commands(null, "stopwpar")).hasSizeGreaterThanOrEqualTo(HOSTS * 2 - 2);
        assertThat(commands(DOWN_HOST, "startwpar")).as("restarts on the host that went down").isNotEmpty();

        // every lease the run took is given back; the run watcher's poller leases stay with this node until it stops
        String nodeId = node.getBean(NodeIdentity.class).id();
        assertThat(node.getBean(LeaseLockService.class).held()).as("leases taken by this test and still held")
                .filteredOn(l -> l.acquiredAt().isAfter(testStart))
                .allSatisfy(l -> {
                    assertThat(l.resource()).startsWith("poller:");
                    assertThat(l.owner()).isEqualTo(nodeId);
                });
        System.out.printf("fleet backup under faults: done %d, failed %d (%d unreachable)%n", done.size(), failed,
                unreachable);
    }

    /** Where the unfinished instances wait and the jobs due, for a run that did not end in time. */
    private String stillRunning() {
        RuntimeService runtime = node.getBean(RuntimeService.class);
        ManagementService management = node.getBean(ManagementService.class);
        Map<String, Integer> waiting = new TreeMap<>();
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().list()) {
            for (String activity : runtime.getActiveActivityIds(pi.getId())) {
                String key = pi.getProcessDefinitionId().replaceAll(":.*", "") + "/" + activity;
                waiting.merge(key, 1, Integer::sum);
            }
        }
        StringBuilder out = new StringBuilder();
        waiting.forEach((k, n) -> out.append("  ").append(n).append(" at ").append(k).append('\n'));
        for (Job job : management.createJobQuery().list()) {
            out.append("  job ").append(job.getId()).append(" of ").append(job.getProcessInstanceId())
                    .append(" due ").append(job.getDuedate()).append(" retries ").append(job.getRetries())
                    .append(job.getExceptionMessage() == null ? "" : " last error: " + job.getExceptionMessage())
                    .append('\n');
        }
        node.getBean(LeaseLockService.class).held()
                .forEach(l -> out.append("  lease ").append(l.resource()).append(" held by ").append(l.owner())
                        .append(" since ").append(l.acquiredAt()).append('\n'));
        out.append("  hosts down: ").append(fleet.hosts().stream().filter(HostRuntime::isDown).map(HostRuntime::name)
                .toList()).append('\n');
        out.append("  now ").append(Instant.now()).append('\n');
        return out.toString();
    }

    private JsonNode get(String path) throws Exception {
        String port = node.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("faults-reader:" + TestUsers.password("faults-reader")).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    /** Commands that ran (on one host, or on all with null), detached runs' inner commands included. */
    private List<CommandLog.Entry> commands(String host, String command) {
        return (host == null ? fleet.log().entries() : fleet.log().entries(host)).stream()
                .filter(e -> e.command().equals(command) && !e.refused).toList();
    }
}
