package dev.wparflow.process.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import dev.wparflow.aix.AixCommand;
import dev.wparflow.aix.ReadOnlyCommands;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.engine.InputRefusedException;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.simulator.CommandLog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.simulator.fault.FaultType;
import dev.wparflow.ssh.SshSessionPool;
import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.FleetUnderTest;
import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestFleets;
import dev.wparflow.testsupport.TestUsers;

/**
 * PreflightProcess end to end: the application (job executor on, real SSH, production parsers) against a simulated
 * fleet where each host has at most one thing wrong (src/test/resources/fleets/preflight.yaml). Each host reports
 * exactly what is wrong with it, nothing but the allowed read-only commands reaches any host, and with
 * {@code wparflow.preflight.required} an operation on a host whose last preflight failed is refused at its start.
 */
@BothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PreflightIT {

    static final String FLEET = TestFleets.yaml("preflight");

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
    IdentityService identity;
    @Autowired
    PreflightResults results;
    @Autowired
    ImageCatalog catalog;
    @Autowired
    InventoryRepository inventory;

    @BeforeAll
    void start() throws Exception {
        system = FleetUnderTest.start(FLEET, dir.resolve("sim"), TestDatabase.selected("preflight"));
        fleet = system.fleet();
        app = system.application(this, application -> application
                .fleet(fleet, "lpar00", "lpar01", "lpar02", "lpar03", "lpar04", "nim01")
                .property("wparflow.inventory.file", fleet.inventoryPath()) // nim01 a NIM master, hmc01 an HMC
                // nothing but preflight may talk to the hosts while the command log is asserted
                .property("wparflow.discovery.at-start", "false")
                .property("wparflow.discovery.on-inventory-change", "false")
                .property("wparflow.preflight.required", "true"));
        TestUsers.ensure(identity, "operator", "wparflow-operators");
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
        fleet.log().clear();
    }

    /** First, while no host has a preflight: what the prod profile's start-up does. */
    @Test
    @Order(1)
    void atStartUpEveryHostNeverCheckedIsChecked() {
        assertThat(results.latest()).isEmpty();
        PreflightService service = app.getBean(PreflightService.class);
        List<String> never = service.neverPreflighted();
        assertThat(never).containsExactly("hmc01", "lpar00", "lpar01", "lpar02", "lpar03", "lpar04", "nim01");

        new PreflightAtStartup(runtime, service, new PreflightSettings(false, "allow", 4, true)).applicationReady();

        String run = runtime.createProcessInstanceQuery().processDefinitionKey(PreflightVariables.PROCESS_ID)
                .singleResult().getId();
        await().atMost(Duration.ofSeconds(60)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(run).singleResult().getEndTime() != null);
        assertThat(results.run(run)).get().satisfies(r -> {
            assertThat(r.startedBy()).as("the application's own start").isNull();
            assertThat(r.hostsTotal()).isEqualTo(7);
        });
        assertThat(results.findings(run)).extracting(PreflightFinding::host).containsAll(never);
        assertThat(service.neverPreflighted()).isEmpty();
    }

    @Test
    void aCleanFleetPasses() throws Exception {
        String run = preflight("lpar00, nim01 hmc01");

        assertThat(endEvent(run)).isEqualTo(PreflightModel.END_EVENT_PREFLIGHT_PASSED);
        List<PreflightFinding> findings = results.findings(run);
        assertThat(findings).as(PreflightReport.text(results.run(run).orElseThrow(), findings))
                .allMatch(PreflightFinding::ok);
        assertThat(findings).extracting(PreflightFinding::host).containsOnly("lpar00", "nim01", "hmc01");
        assertThat(checks(findings, "lpar00")).startsWith("connect", "wparflow-run version", "oslevel -s")
                .contains("lswpar -c -q -a name,state,type,hostname,directory", "lswpar -L wpr00", "ifconfig -a",
                        "netstat -in", "cat /etc/wpars/devmap", "lsdev -C", "lswpar -D wpr00");
        assertThat(checks(findings, "nim01")).startsWith("connect", "wparflow-run version", "lsnim");
        assertThat(checks(findings, "hmc01")).startsWith("connect").doesNotContain("wparflow-run version");
        assertThat(results.latest("lpar00")).get().matches(PreflightResults.HostResult::passed);
        assertOnlyReadOnlyCommandsSent(findings);
    }

    @Test
    void eachHostReportsExactlyWhatIsWrongWithIt() throws Exception {
        // a changed key shows at the next connection: none may be open from an earlier test
        app.getBean(SshSessionPool.class).disconnect("lpar01", true);
        fleet.faults().add(FaultRule.on("lpar01").type(FaultType.WRONG_HOST_KEY).build());
        // lssavewpar is checked on the newest image the catalog knows for the host
        catalog.record(new ImageCatalog.NewImage("lpar04", "wpr40", Instant.now(), "/images/wpr40.save", null, null, 1,
                1, null, null, null, null, null, null));

        String run = preflight(null);

        assertThat(endEvent(run)).isEqualTo(PreflightModel.END_EVENT_PREFLIGHT_FAILED);
        List<PreflightFinding> findings = results.findings(run);
        String report = PreflightReport.text(results.run(run).orElseThrow(), findings);
        assertThat(failed(findings, "lpar00")).as(report).isEmpty();
        assertThat(failed(findings, "nim01")).as(report).isEmpty();
        assertThat(failed(findings, "hmc01")).as(report).isEmpty();
        // the changed key: reported, and nothing more is tried on the host
        assertThat(findings.stream().filter(f -> f.host().equals("lpar01")).toList()).as(report).singleElement()
                .satisfies(f -> {
                    assertThat(f.check()).isEqualTo("connect");
                    assertThat(f.status()).isEqualTo(PreflightStatus.HOST_KEY);
                    assertThat(f.advice()).contains("known_hosts");
                });
        assertThat(failed(findings, "lpar02")).as(report).containsExactly("wparflow-run version NOT_INSTALLED");
        // the tolerant lswpar -L parser accepts a field it does not know, and the report names it (the host passes)
        assertThat(failed(findings, "lpar03")).as(report).isEmpty();
        assertThat(findings.stream().filter(f -> f.host().equals("lpar03") && f.noteworthy()).toList()).as(report)
                .singleElement().satisfies(f -> {
                    assertThat(f.check()).isEqualTo("lswpar -L wpr30");
                    assertThat(f.status()).isEqualTo(PreflightStatus.UNKNOWN_FIELDS);
                    assertThat(f.detail()).contains("Checkpointable Storage");
                    assertThat(f.rawOutput()).contains("Checkpointable Storage");
                });
        assertThat(failed(findings, "lpar04")).as(report).containsExactly(
                "lssavewpar -f /images/wpr40.save NOT_PERMITTED");
        PreflightFinding denied = findings.stream().filter(f -> f.host().equals("lpar04") && !f.ok()).findFirst()
                .orElseThrow();
        assertThat(denied.detail()).contains("0403-006");
        assertThat(denied.rawOutput()).contains("Execute permission denied");
        assertThat(denied.advice()).contains("lssavewpar");

        assertThat(results.run(run)).get().satisfies(r -> {
            assertThat(r.hostsTotal()).isEqualTo(7);
            assertThat(r.hostsFailed()).isEqualTo(3);
            assertThat(r.finishedAt()).isNotNull();
        });
        assertThat(results.latest()).filteredOn(h -> !h.passed()).extracting(PreflightResults.HostResult::host)
                .contains("lpar01", "lpar02", "lpar04");
        assertThat(report).contains("lpar02 (LPAR): FAILED", "NOT_INSTALLED  wparflow-run version");
        assertOnlyReadOnlyCommandsSent(findings);

        // the gate: operations on a host whose last preflight failed are refused at the start, naming the field
        HttpResponse<String> relocation = restStart("WparRelocationProcess",
                "{\"variables\": {\"wpar\": {\"value\": \"wpr40\"}, \"departingLpar\": {\"value\": \"lpar04\"}}}");
        assertThat(relocation.statusCode()).as(relocation.body()).isEqualTo(400);
        assertThat(relocation.body()).contains("departingLpar", "preflight failed on lpar04 at ",
                "lssavewpar -f /images/wpr40.save: NOT_PERMITTED");
        assertThatThrownBy(() -> startAs("operator", "WparProvisioningProcess", Map.of("lpar", "lpar02")))
                .isInstanceOf(InputRefusedException.class)
                .hasMessageContaining("lpar").hasMessageContaining("preflight failed on lpar02 at ");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("WparRelocationProcess").count()).isZero();
        assertThat(app.getBean(PreflightGate.class).refusal("lpar00")).isNull();
        // /api/lpars marks it, in the LPARs discovery would have recorded
        inventory.saveHmcLpar("lpar00", "sys570a", 1, "Running", "aixlinux", "AIX 6.1", Instant.now());
        inventory.saveHmcLpar("lpar04", "sys570a", 5, "Running", "aixlinux", "AIX 6.1", Instant.now());
        assertThat(get("/api/lpars/lpar04")).contains("\"name\":\"lpar04\"", "\"preflightFailed\":true",
                "\"passed\":false", "lssavewpar -f /images/wpr40.save: NOT_PERMITTED");
        assertThat(get("/api/lpars/lpar00")).contains("\"preflightFailed\":false", "\"passed\":true");
        assertThat(get("/api/preflight/runs/" + run + "/report.txt")).isEqualTo(report);
        assertThat(get("/api/preflight/runs/" + run + "/report.json")).contains("\"host\":\"lpar02\"",
                "\"passed\":false", "NOT_INSTALLED");
        // the anonymized bundle: the failures' raw outputs, and none of the fleet's names or addresses
        HttpResponse<byte[]> bundle = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
                        + "/api/preflight/runs/" + run + "/bundle.zip")).header("Authorization", basic("operator")).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bundle.statusCode()).isEqualTo(200);
        StringBuilder unzipped = new StringBuilder();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(bundle.body()))) {
            for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                unzipped.append(e.getName()).append('\n').append(new String(zip.readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8)).append('\n');
            }
        }
        assertThat(unzipped.toString()).contains("README", "NOT_PERMITTED", "Execute permission denied",
                "Checkpointable Storage").doesNotContain("lpar0", "nim01", "hmc01", "wpr40", "wpr30", "wpr00",
                        "9.3.5.");

        // a passing preflight lifts it
        fleet.faults().clear();
        String again = preflight("lpar01");
        assertThat(endEvent(again)).isEqualTo(PreflightModel.END_EVENT_PREFLIGHT_PASSED);
        assertThat(app.getBean(PreflightGate.class).refusal("lpar01")).isNull();
    }

    @Test
    void thePreflightItselfIsAlwaysAllowedAndAnUnknownHostIsRefused() throws Exception {
        HttpResponse<String> unknown = restStart(PreflightVariables.PROCESS_ID,
                "{\"variables\": {\"hosts\": {\"value\": \"lpar00,lpar99\"}}}");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("hosts", "lpar99");
        assertThat(fleet.log().entries()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** Starts a preflight as the operator through POST /api/preflight and waits until it ended. */
    String preflight(String hosts) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/preflight"))
                .header("Authorization", basic("operator")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(hosts == null ? "{}" : "{\"hosts\": \"" + hosts + "\"}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = response.body().replaceAll(".*\"processInstanceId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            HistoricProcessInstance h = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                    .singleResult();
            return h != null && h.getEndTime() != null;
        });
        return id;
    }

    String get(String path) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basic("operator")).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    String endEvent(String instance) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
                .getEndActivityId();
    }

    static List<String> checks(List<PreflightFinding> findings, String host) {
        return findings.stream().filter(f -> f.host().equals(host)).map(PreflightFinding::check).toList();
    }

    static List<String> failed(List<PreflightFinding> findings, String host) {
        return findings.stream().filter(f -> f.host().equals(host) && !f.ok()).map(f -> f.check() + " " + f.status())
                .toList();
    }

    /**
     * Every command a host received is one the run's findings name, and the allow-list of read-only commands allows
     * it: preflight sent nothing else.
     */
    void assertOnlyReadOnlyCommandsSent(List<PreflightFinding> findings) {
        Set<String> checked = findings.stream().map(PreflightFinding::commandLine)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        List<CommandLog.Entry> sent = fleet.log().entries();
        assertThat(sent).isNotEmpty();
        assertThat(sent).allSatisfy(e -> {
            assertThat(checked).as(e.host + " received " + e.raw).contains(e.raw);
            assertThat(readOnly(e.argv)).as(e.host + " received " + e.raw).isTrue();
        });
    }

    static boolean readOnly(List<String> argv) {
        try {
            AixCommand.Builder b = AixCommand.of(argv.get(0));
            for (String a : argv.subList(1, argv.size())) {
                if (a.startsWith("-")) {
                    b.flag(a);
                } else {
                    b.keyword(a);
                }
            }
            return ReadOnlyCommands.allows(b.build());
        } catch (RuntimeException notBuildable) {
            return false;
        }
    }

    HttpResponse<String> restStart(String key, String json) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/engine-rest/process-definition/key/" + key + "/start"))
                .header("Authorization", basic("operator")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    void startAs(String user, String key, Map<String, Object> variables) {
        identity.setAuthentication(user, List.of("wparflow-operators"));
        try {
            runtime.startProcessInstanceByKey(key, variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestUsers.password(user))
                .getBytes(StandardCharsets.UTF_8));
    }
}
