package dev.wparflow.process.metrics;

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

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockAcquisition;
import dev.wparflow.lock.LockResource;
import dev.wparflow.process.approval.ApprovalSettings;
import dev.wparflow.process.relocation.request.RelocationVariables;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.FleetUnderTest;
import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestFleets;
import dev.wparflow.testsupport.TestUsers;

/**
 * {@code /actuator/prometheus} against the application and a simulated fleet over SSH, job executor on: a live
 * relocation that is rolled back and a fleet backup with one host down, then the scrape as
 * the metrics reader finds the operations, approvals, detached runs, backup window, commands, SSH failures and lock
 * waits with the counts our tables and the engine's history hold. Anonymous callers get 401, an operator 403. Every
 * query of the Grafana dashboard and of the alert rules names a metric of the scrape.
 */
@BothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusMetricsIT {

    static final String FLEET = TestFleets.yaml("relocation");

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
    JdbcTemplate jdbc;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        system = FleetUnderTest.start(FLEET, dir.resolve("sim"), TestDatabase.selected("metrics"));
        fleet = system.fleet();
        app = system.application(this, application -> application
                .fleet(fleet, "lpar00", "lpar01", "lpar02", "lpar03")
                .property("wparflow.inventory.file", fleet.inventoryPath())
                .property("wparflow.ssh.connect-timeout", "PT2S")
                .property("wparflow.relocation.retry-cycle", "R1/PT1S")
                .property("wparflow.relocation.move-timeout", "PT6S")
                .property("wparflow.metrics.cache", "PT0S"));
        TestUsers.ensure(identity, "alice", "wparflow-operators");
        TestUsers.ensure(identity, "bob", "wparflow-approvers");
        TestUsers.ensure(identity, "prom", "wparflow-metrics");
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theScrapeCountsWhatTheFleetAndTheEngineDid() throws Exception {
        // a live relocation of mob01 refused on arrival (clocks 42 s apart): rolled back
        fleet.host("lpar01").model().clockOffsetSeconds = 42;
        fleet.faults().add(FaultRule.on("lpar01").command("setclock").fail(0, null).once().build());
        String relocation = relocate("mob01");
        Task approval = approvalTask(relocation);
        Map<String, Double> waiting = scrape("prom");
        assertThat(value(waiting, "wparflow_approvals_waiting", "stage=\"approvers\"")).isEqualTo(1.0);
        assertThat(value(waiting, "wparflow_approvals_waiting", "stage=\"escalated\"")).isEqualTo(0.0);
        assertThat(value(waiting, "wparflow_approvals_waiting_oldest_age_seconds")).isGreaterThanOrEqualTo(0.0);
        assertThat(value(waiting, "wparflow_approval_escalation_after_seconds")).isEqualTo(
                (double) app.getBean(ApprovalSettings.class).timeout().toSeconds());
        assertThat(value(waiting, "wparflow_operations_started_total", "operation=\"WparRelocationProcess\""))
                .isEqualTo(1.0);
        decide(approval, "bob");
        awaitEnd(relocation);
        assertThat(variable(relocation, "outcome")).isEqualTo("ROLLED_BACK");

        // a fleet backup of lpar00 and lpar03 (down), its savewpars held while the test looks at the window: nothing
        // ends meanwhile, so the scrape and the tables agree once every lane has started its savewpar
        fleet.host("lpar03").setDown(true);
        fleet.hold("savewpar");
        String backup;
        try {
            backup = runtime.startProcessInstanceByMessage("FleetBackupRequested",
                    Map.of("scope", "host:lpar00,lpar03")).getId();
            await().atMost(Duration.ofSeconds(60)).until(() -> openRuns() > 0 && heldRunsStarted());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<String, Double> during = scrape("prom");
                assertThat(value(during, "wparflow_backup_window_runs")).isEqualTo(1.0);
                assertThat(value(during, "wparflow_backup_window_wpars", "state=\"left\""))
                        .isEqualTo(items(backup, "'PENDING', 'CLAIMED'")).isPositive();
                assertThat(value(during, "wparflow_backup_window_wpars", "state=\"done\""))
                        .isEqualTo(items(backup, "'DONE'"));
                assertThat(value(during, "wparflow_backup_window_wpars", "state=\"failed\""))
                        .as("lpar03, down").isEqualTo(items(backup, "'FAILED'")).isEqualTo(1.0);
                assertThat(value(during, "wparflow_runs_detached_running")).isEqualTo(openRuns()).isPositive();
                assertThat(value(during, "wparflow_runs_detached_oldest_age_seconds")).isGreaterThanOrEqualTo(0.0);
                double started = value(during, "wparflow_backup_window_started_timestamp_seconds");
                assertThat(value(during, "wparflow_backup_window_deadline_timestamp_seconds"))
                        .isEqualTo(started + 6 * 3600);
            });
        } finally {
            fleet.release("savewpar");
        }
        awaitEnd(backup);

        // a lock found held by another owner is a wait
        LockResource wpar = LockResource.wpar("lpar00", "wpr00");
        assertThat(locks.acquire(wpar, "metrics-test-a", "test", Duration.ofMinutes(1)))
                .isInstanceOf(LockAcquisition.Acquired.class);
        assertThat(locks.acquire(wpar, "metrics-test-b", "test", Duration.ofMinutes(1)))
                .isInstanceOf(LockAcquisition.HeldByOther.class);
        locks.release(wpar, "metrics-test-a");

        Map<String, Double> after = scrape("prom");
        assertThat(value(after, "wparflow_operations_started_total", "operation=\"WparRelocationProcess\""))
                .isEqualTo(1.0);
        assertThat(value(after, "wparflow_operations_ended_total", "operation=\"WparRelocationProcess\"",
                "outcome=\"rolled_back\"")).isEqualTo(1.0);
        assertThat(value(after, "wparflow_operation_duration_seconds_count", "operation=\"WparRelocationProcess\"",
                "outcome=\"rolled_back\"")).isEqualTo(1.0);
        assertThat(value(after, "wparflow_operations_started_total", "operation=\"FleetBackupProcess\""))
                .isEqualTo(1.0);
        String backupOutcome = stateOf(backup);
        assertThat(value(after, "wparflow_operations_ended_total", "operation=\"FleetBackupProcess\"",
                "outcome=\"" + backupOutcome + "\"")).isEqualTo(1.0);
        assertThat(value(after, "wparflow_operation_duration_seconds_bucket", "operation=\"FleetBackupProcess\"",
                "le=\"+Inf\"")).isEqualTo(1.0);
        // the backup window is closed, nothing waits for approval, no detached run is left
        assertThat(value(after, "wparflow_backup_window_runs")).isZero();
        assertThat(value(after, "wparflow_backup_window_wpars", "state=\"left\"")).isZero();
        assertThat(value(after, "wparflow_approvals_waiting", "stage=\"approvers\"")).isZero();
        assertThat(value(after, "wparflow_runs_detached_running")).isEqualTo(openRuns());
        assertThat(value(after, "wparflow_incidents_open")).isEqualTo(runtime.createIncidentQuery().count());
        // every command of the transcripts, by host and result (the run watcher's last poll may still be recorded)
        for (String host : List.of("lpar00", "lpar01", "lpar03")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<String, Double> now = scrape("prom");
                assertThat(sum(now, "wparflow_aix_commands_total", "host=\"" + host + "\"")).as(host)
                        .isEqualTo(commands(host, "1 = 1"));
                assertThat(sum(now, "wparflow_aix_commands_total", "host=\"" + host + "\"", "result=\"exit_0\""))
                        .as(host + " exit 0").isEqualTo(commands(host, "exit_status = 0"));
            });
        }
        assertThat(sum(after, "wparflow_aix_commands_total", "host=\"lpar00\"", "result=\"exit_0\""))
                .isPositive();
        // lpar03 down: its connection failures, by type and host
        assertThat(value(after, "wparflow_ssh_failures_total", "host=\"lpar03\"")).isPositive();
        assertThat(value(after, "wparflow_ssh_failures_total", "host=\"lpar03\"")).isEqualTo(
                sum(after, "wparflow_aix_commands_total", "host=\"lpar03\"", "result=\"connect_refused\"")
                        + sum(after, "wparflow_aix_commands_total", "host=\"lpar03\"", "result=\"connect_timeout\""));
        assertThat(value(after, "wparflow_ssh_sessions_open")).isGreaterThanOrEqualTo(1.0);
        assertThat(value(after, "wparflow_lock_waits_total", "kind=\"wpar\"")).isGreaterThanOrEqualTo(1.0);

        // docs/metrics.md lists exactly the metrics of ours the scrape shows
        Set<String> names = DeployMetricsFiles.seriesNames(after.keySet());
        Set<String> documented = DeployMetricsFiles.documentedMetrics();
        Set<String> ours = new java.util.TreeSet<>();
        names.stream().filter(n -> n.startsWith("wparflow_")).forEach(n -> ours.add(DeployMetricsFiles.family(n,
                documented)));
        assertThat(ours).as("metrics of the scrape").isEqualTo(documented);
        // every query of the dashboard and the alert rules names a metric of this scrape
        assertThat(DeployMetricsFiles.metricNamesInDashboard()).isNotEmpty().allSatisfy(n -> assertThat(names)
                .as("dashboard query metric").contains(n));
        assertThat(DeployMetricsFiles.metricNamesInAlerts()).isNotEmpty().allSatisfy(n -> assertThat(names)
                .as("alert rule metric").contains(n));
    }

    @Test
    void onlyTheMetricsReadersAndAdministratorsReadTheScrape() throws Exception {
        TestUsers.ensure(identity, "olivia", "wparflow-operators");
        TestUsers.ensure(identity, "root-admin", "camunda-admin");
        assertThat(get(null).statusCode()).isEqualTo(401);
        assertThat(get("olivia").statusCode()).isEqualTo(403);
        assertThat(get("prom").statusCode()).isEqualTo(200);
        assertThat(get("root-admin").statusCode()).isEqualTo(200);
        HttpResponse<String> wrong = http.send(request("prom", "wrong-password"), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(get("prom").headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    }

    // --- the scrape

    private HttpResponse<String> get(String user) throws Exception {
        return http.send(request(user, user == null ? null : TestUsers.password(user)),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:"
                + app.getEnvironment().getProperty("local.server.port") + "/actuator/prometheus")).GET();
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return b.build();
    }

    private Map<String, Double> scrape(String user) throws Exception {
        HttpResponse<String> response = get(user);
        assertThat(response.statusCode()).isEqualTo(200);
        return DeployMetricsFiles.parse(response.body());
    }

    /** The one series of {@code name} whose labels contain every {@code label}; 0 when there is none. */
    private static double value(Map<String, Double> scrape, String name, String... labels) {
        List<Map.Entry<String, Double>> matching = matching(scrape, name, labels);
        assertThat(matching.size()).as(name + " " + List.of(labels) + " in " + matching).isLessThanOrEqualTo(1);
        return matching.isEmpty() ? 0 : matching.get(0).getValue();
    }

    private static double sum(Map<String, Double> scrape, String name, String... labels) {
        return matching(scrape, name, labels).stream().mapToDouble(Map.Entry::getValue).sum();
    }

    private static List<Map.Entry<String, Double>> matching(Map<String, Double> scrape, String name,
            String... labels) {
        return scrape.entrySet().stream().filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .filter(e -> List.of(labels).stream().allMatch(l -> e.getKey().contains(l))).toList();
    }

    // --- the operations

    private String relocate(String wpar) {
        Map<String, Object> v = new HashMap<>(Map.of("wpar", wpar, "departingLpar", "lpar00", "arrivingLpar",
                "lpar01", "mode", "live", "validateOnly", false));
        identity.setAuthentication("alice", List.of("wparflow-operators"));
        try {
            return runtime.startProcessInstanceByKey(RelocationVariables.PROCESS_ID, v).getId();
        } finally {
            identity.clearAuthentication();
        }
    }

    private Task approvalTask(String instance) {
        await().atMost(Duration.ofSeconds(60)).until(() -> approval(instance) != null);
        return approval(instance);
    }

    private Task approval(String instance) {
        var sub = runtime.createProcessInstanceQuery().superProcessInstanceId(instance).singleResult();
        return sub == null ? null : tasks.createTaskQuery().processInstanceId(sub.getId()).singleResult();
    }

    private void decide(Task task, String user) {
        identity.setAuthentication(user, List.of("wparflow-approvers"));
        try {
            tasks.complete(task.getId(), Variables.createVariables().putValue("decision", "approve")
                    .putValue("reason", "live move agreed"));
        } finally {
            identity.clearAuthentication();
        }
    }

    private void awaitEnd(String instance) {
        await().atMost(Duration.ofSeconds(120)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(instance).finished().count() == 1);
    }

    private Object variable(String instance, String name) {
        var v = history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name)
                .singleResult();
        return v == null ? null : v.getValue();
    }

    /** The outcome label the operations view gives the finished instance. */
    private String stateOf(String instance) {
        Map<String, Object> v = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(instance).list().stream()
                .filter(x -> x.getActivityInstanceId() == null || x.getActivityInstanceId().equals(instance)
                        || x.getExecutionId() == null || x.getExecutionId().equals(instance))
                .forEach(x -> v.put(x.getName(), x.getValue()));
        return dev.wparflow.process.OperationSubject.state(true, false, v::get).name().toLowerCase(java.util.Locale.ROOT);
    }

    private double openRuns() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM wparflow_remote_run WHERE state IN ('STARTING', 'RUNNING')"
                + " AND correlated_at IS NULL", Long.class);
    }

    /** Every detached savewpar started so far is held by the simulator: nothing changes until it is released. */
    private boolean heldRunsStarted() {
        Long starting = jdbc.queryForObject("SELECT COUNT(*) FROM wparflow_remote_run WHERE state = 'STARTING'",
                Long.class);
        Long pending = jdbc.queryForObject("SELECT COUNT(*) FROM wparflow_backup_item i JOIN wparflow_backup_run r"
                + " ON r.id = i.run_id WHERE r.state = 'RUNNING' AND i.state = 'CLAIMED'", Long.class);
        return starting == 0 && pending != null && pending.doubleValue() == openRuns();
    }

    private double commands(String host, String condition) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM wparflow_command WHERE host = ? AND " + condition, Long.class,
                host);
    }

    private double items(String backupInstance, String states) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM wparflow_backup_item i JOIN wparflow_backup_run r"
                + " ON r.id = i.run_id WHERE r.process_instance_id = ? AND i.state IN (" + states + ")", Long.class,
                backupInstance);
    }
}
