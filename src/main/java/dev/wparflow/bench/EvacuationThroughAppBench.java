package dev.wparflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wparflow.WparflowApplication;
import dev.wparflow.inventory.DiscoveryRunRepository;
import dev.wparflow.process.discovery.FleetDiscoveryVariables;
import dev.wparflow.process.evacuation.EvacuationRecords;
import dev.wparflow.simulator.CommandLog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;

/**
 * {@code bench evacuation --through-app [--lpars L] [--wpars-per-lpar M] [--targets T]}: the evacuation of a managed
 * system through the application (docs/benchmarks.md, "Evacuation"). A simulated fleet (time scale 0, its YAML
 * written to a temporary directory) of managed system {@code sysA} with L LPARs of M Defined system WPARs each and
 * {@code sysB} with T empty LPARs, each system behind its HMC; the application in this JVM (H2 in memory, job executor
 * on, strict host keys), one FleetDiscoveryProcess, then an operator starts EvacuationProcess for sysA over the engine
 * REST. Measured: from the start request until the approval task exists (the plan is ready), and the plan's own
 * {@code wparflow_evacuation.plan_millis}. The approver then rejects the plan over the engine REST, so nothing moves;
 * the evacuation must end {@code REJECTED}. Last line {@code RESULT request_to_plan_ms=… plan_ms=… checks=…}; exit
 * status 1 if anything went otherwise.
 */
final class EvacuationThroughAppBench {

    static final String USAGE = "bench evacuation --through-app [--lpars L] [--wpars-per-lpar M] [--targets T]";
    private static final String OPERATOR = "bench-operator";
    private static final String APPROVER = "bench-approver";

    /** The fleet's shape. */
    record Options(int lpars, int wparsPerLpar, int targets) {

        static Options parse(String[] args) {
            int lpars = 20;
            int wpars = 10;
            int targets = 20;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--through-app" -> {
                        // the mode itself
                    }
                    case "--lpars" -> lpars = positive(args, ++i);
                    case "--wpars-per-lpar", "--wpars" -> wpars = positive(args, ++i);
                    case "--targets" -> targets = positive(args, ++i);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (lpars > 250 || wpars > 250 || targets > 250) {
                throw new IllegalArgumentException("at most 250 LPARs, WPARs per LPAR and targets");
            }
            return new Options(lpars, wpars, targets);
        }

        private static int positive(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a number");
            }
            int n;
            try {
                n = Integer.parseInt(args[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(args[i - 1] + " needs a number, not " + args[i]);
            }
            if (n < 1) {
                throw new IllegalArgumentException(args[i - 1] + " must be at least 1");
            }
            return n;
        }
    }

    private EvacuationThroughAppBench() {
    }

    /**
     * The fleet YAML (docs/simulator.md): sysA's LPARs {@code src00…} with WPARs {@code wNNMM} (Defined, static
     * relocation), sysB's {@code dst00…} empty, each system with one HMC; rootvg large enough for every WPAR.
     */
    static String fleetYaml(Options o) {
        StringBuilder y = new StringBuilder();
        y.append("time-scale: 0\n");
        y.append("managed-systems:\n");
        y.append("  - {name: sysA, type-model: 9117-MMA, serial: 0610A01, hmcs: [hmca]}\n");
        y.append("  - {name: sysB, type-model: 9117-MMA, serial: 0610B01, hmcs: [hmcb]}\n");
        y.append("hmcs:\n");
        y.append("  - {name: hmca, port: 0, ip: 9.3.4.10}\n");
        y.append("  - {name: hmcb, port: 0, ip: 9.3.4.11}\n");
        y.append("hosts:\n");
        int pps = 546 + (o.wparsPerLpar() * o.lpars() / o.targets() + o.wparsPerLpar() + 1) * 4;
        for (int l = 0; l < o.lpars(); l++) {
            host(y, String.format("src%02d", l), "sysA", l + 1, "9.3.6." + (l + 1), pps);
            y.append("    wpars:\n");
            for (int w = 0; w < o.wparsPerLpar(); w++) {
                y.append(String.format("      - {name: w%02d%02d, state: D, address: 10.1.%d.%d}%n", l, w, l, w + 2));
            }
        }
        for (int t = 0; t < o.targets(); t++) {
            host(y, String.format("dst%02d", t), "sysB", t + 1, "9.3.7." + (t + 1), pps);
        }
        return y.toString();
    }

    private static void host(StringBuilder y, String name, String system, int id, String ip, int pps) {
        y.append("  - name: ").append(name).append('\n');
        y.append("    port: 0\n");
        y.append("    ip: ").append(ip).append('\n');
        y.append("    managed-system: ").append(system).append('\n');
        y.append("    lpar-id: ").append(id).append('\n');
        y.append("    filesets: {mcr.rte: 4.2.0.0}\n");
        y.append("    volume-groups:\n");
        y.append("      - {name: rootvg, pp-size-mb: 128, total-pps: ").append(pps).append(", disks: [hdisk0]}\n");
    }

    static void main(String[] args) throws Exception {
        dev.wparflow.simulator.QuietLogging.apply();
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException bad) {
            System.err.println(bad.getMessage() + "; usage: " + USAGE);
            System.exit(2);
            return;
        }
        Path dir = Files.createTempDirectory("wparflow-bench-evacuation");
        Path yaml = dir.resolve("fleet.yaml");
        Files.writeString(yaml, fleetYaml(o));
        int wpars = o.lpars() * o.wparsPerLpar();
        System.out.printf(Locale.ROOT, "fleet %s: sysA %d LPARs x %d WPARs = %d WPARs, sysB %d LPARs; %d cores, max heap"
                + " %d MiB, load %s%n", yaml, o.lpars(), o.wparsPerLpar(), wpars, o.targets(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                StartupBench.LoadAverage.read());
        long t0 = System.nanoTime();
        Fleet fleet = Fleet.start(yaml, FleetOptions.defaults().dataDir(dir.resolve("sim")).randomPorts(true)
                .sharedHostKey(true).timeScale(0.0));
        System.out.printf("fleet started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.profiles.active", "bench");
        p.put("spring.datasource.url", "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=LEGACY");
        p.put("spring.datasource.username", "sa");
        p.put("server.port", "0");
        p.put("wparflow.simulator.enabled", "false");
        p.put("wparflow.demo.enabled", "false");
        p.put("wparflow.discovery.cycle", "R/PT24H");
        p.put("wparflow.inventory.file", fleet.inventoryPath().toString());
        p.put("wparflow.ssh.known-hosts", fleet.knownHostsPath().toString());
        p.put("wparflow.ssh.identities[0]", fleet.clientKeyPath().toString());
        p.put("wparflow.ssh.host-key-policy", "strict");
        p.put("camunda.bpm.job-execution.wait-time-in-millis", "100");
        p.put("camunda.bpm.job-execution.max-wait", "500");
        p.put("logging.level.root", "WARN");
        // a discovery job that meets another's insert is retried; its stack trace would bury the figures
        p.put("logging.level.org.camunda.bpm.engine.context", "OFF");
        p.put("spring.main.banner-mode", "off");
        t0 = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(WparflowApplication.class)
                .run(p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        System.out.printf("application started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        int exit = 1;
        String result = "RESULT failed";
        try {
            Run run = new Run(app, fleet);
            result = run.measure(o);
            exit = result.startsWith("RESULT request_to_plan_ms=") ? 0 : 1;
        } catch (Exception e) {
            System.out.println("FAILED: " + e);
        } finally {
            app.close();
            fleet.close();
        }
        System.out.println(result);
        System.exit(exit);
    }

    /** One evacuation through the application: discovery, the request, the plan, the rejection. */
    private static final class Run {

        private final ConfigurableApplicationContext app;
        private final Fleet fleet;
        private final RuntimeService runtime;
        private final HistoryService history;
        private final TaskService tasks;
        private final ManagementService management;
        private final String base;
        private final String operatorPassword = UUID.randomUUID().toString();
        private final String approverPassword = UUID.randomUUID().toString();
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final ObjectMapper json = new ObjectMapper();

        Run(ConfigurableApplicationContext app, Fleet fleet) {
            this.app = app;
            this.fleet = fleet;
            runtime = app.getBean(RuntimeService.class);
            history = app.getBean(HistoryService.class);
            tasks = app.getBean(TaskService.class);
            management = app.getBean(ManagementService.class);
            base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            IdentityService identity = app.getBean(IdentityService.class);
            user(identity, OPERATOR, operatorPassword, "wparflow-operators");
            user(identity, APPROVER, approverPassword, "wparflow-approvers");
        }

        private static void user(IdentityService identity, String id, String password, String group) {
            User u = identity.newUser(id);
            u.setPassword(password);
            u.setEmail(id + "@wparflow.invalid");
            identity.saveUser(u);
            identity.createMembership(id, group);
        }

        String measure(Options o) throws Exception {
            long t0 = System.nanoTime();
            String discovery = runtime.startProcessInstanceByMessage(FleetDiscoveryVariables.REQUESTED_MESSAGE).getId();
            // every discovery, the timer's first one at the start included: its reads would land among planning's
            await(() -> runtime.createProcessInstanceQuery().processDefinitionKey(FleetDiscoveryVariables.PROCESS_ID)
                    .count() == 0, discovery, "discovery");
            var summary = app.getBean(DiscoveryRunRepository.class).summary(discovery).orElseThrow();
            System.out.printf(Locale.ROOT, "discovery: %.2f s, hosts ok %d/%d, WPARs %d, systems %d (%d failed)%n",
                    (System.nanoTime() - t0) / 1e9, summary.hostsOk(), summary.hostsTotal(), summary.wparCount(),
                    summary.systemsTotal(), summary.systemsFailed());
            if (summary.hostsOk() != o.lpars() + o.targets() || summary.systemsFailed() > 0) {
                return "FAILED: discovery did not find the whole fleet: " + summary.failures();
            }

            // the first request to the engine REST initialises it: not part of the figure
            long first = System.nanoTime();
            HttpResponse<String> definition = send(OPERATOR, operatorPassword,
                    "/engine-rest/process-definition/key/EvacuationProcess", null);
            System.out.printf(Locale.ROOT, "first engine REST request (%d): %.0f ms%n", definition.statusCode(),
                    (System.nanoTime() - first) / 1e6);

            int logBefore = fleet.log().entries().size();
            long requested = System.nanoTime();
            HttpResponse<String> started = send(OPERATOR, operatorPassword,
                    "/engine-rest/process-definition/key/EvacuationProcess/start",
                    "{\"variables\":{\"managedSystem\":{\"value\":\"sysA\"}}}");
            if (started.statusCode() != 200) {
                return "FAILED: the start answered " + started.statusCode() + ": " + started.body();
            }
            long answered = System.nanoTime();
            String evacuation = json.readTree(started.body()).get("id").asText();
            Task[] approval = new Task[1];
            await(() -> {
                approval[0] = approvalTask(evacuation);
                return approval[0] != null;
            }, evacuation, "the approval task");
            long planReady = System.nanoTime();
            List<CommandLog.Entry> commands = fleet.log().entries().stream().skip(logBefore).toList();
            // CompatibilityService.check reads the WPAR's file systems (lswpar -M) once; planning nowhere else
            long checks = commands.stream().filter(e -> "lswpar".equals(e.command()) && e.argv.contains("-M"))
                    .count();
            EvacuationRecords.Evacuation record = app.getBean(EvacuationRecords.class).find(evacuation).orElseThrow();
            List<EvacuationRecords.Item> items = app.getBean(EvacuationRecords.class).items(evacuation);
            long movable = items.stream().filter(i -> i.state() == EvacuationRecords.State.PLANNED).count();
            double requestToPlan = (planReady - requested) / 1e6;
            System.out.printf(Locale.ROOT, "request answered in %.0f ms (instance %s); approval task after %.0f ms;"
                    + " plan_millis %d; %d WPARs planned (%d to move), %d SSH commands (%.0f per check)%n",
                    (answered - requested) / 1e6, evacuation, requestToPlan, record.planMillis(), items.size(),
                    movable, commands.size(), checks == 0 ? 0.0 : (double) commands.size() / checks);
            commands.stream().collect(java.util.stream.Collectors.groupingBy(CommandLog.Entry::command,
                    java.util.TreeMap::new, java.util.stream.Collectors.counting()))
                    .forEach((c, n) -> System.out.printf(Locale.ROOT, "  %-10s %5d%n", c, n));
            String result = String.format(Locale.ROOT, "RESULT request_to_plan_ms=%.0f plan_ms=%d checks=%d",
                    requestToPlan, record.planMillis(), checks);

            // the approver rejects: nothing moves
            HttpResponse<String> rejected = send(APPROVER, approverPassword,
                    "/engine-rest/task/" + approval[0].getId() + "/complete",
                    "{\"variables\":{\"decision\":{\"value\":\"reject\"},\"reason\":{\"value\":\"benchmark\"}}}");
            if (rejected.statusCode() / 100 != 2) {
                return "FAILED: the rejection answered " + rejected.statusCode() + ": " + rejected.body();
            }
            await(() -> runtime.createProcessInstanceQuery().processInstanceId(evacuation).count() == 0, evacuation,
                    "the end of the evacuation");
            HistoricVariableInstance outcome = history.createHistoricVariableInstanceQuery()
                    .processInstanceId(evacuation).variableName("outcome").singleResult();
            long moved = fleet.stateHistory().since(0).stream().filter(t -> t.from() != null).count();
            System.out.printf("rejected: outcome %s, WPAR state changes %d%n",
                    outcome == null ? null : outcome.getValue(), moved);
            if (outcome == null || !"REJECTED".equals(outcome.getValue()) || moved != 0) {
                return "FAILED: the rejected evacuation ended " + (outcome == null ? null : outcome.getValue())
                        + " with " + moved + " WPAR state changes";
            }
            return result;
        }

        /** The approval task of the evacuation's ChangeApprovalProcess, once it exists. */
        private Task approvalTask(String evacuation) {
            for (Task t : tasks.createTaskQuery().processDefinitionKey("ChangeApprovalProcess").list()) {
                var instance = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                        .singleResult();
                if (instance != null && evacuation.equals(instance.getRootProcessInstanceId())) {
                    return t;
                }
            }
            return null;
        }

        private interface Condition {
            boolean met() throws Exception;
        }

        /** Polls every 20 ms; fails on an incident of the instance or after five minutes. */
        private void await(Condition condition, String instance, String what) throws Exception {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!condition.met()) {
                if (runtime.createIncidentQuery().count() > 0 || System.nanoTime() > deadline) {
                    throw new IllegalStateException("waiting for " + what + " of " + instance + ": incidents "
                            + runtime.createIncidentQuery().list().stream().map(i -> i.getActivityId() + ": "
                                    + i.getIncidentMessage()).toList()
                            + ", failed jobs " + management.createJobQuery().withException().count());
                }
                Thread.sleep(20);
            }
        }

        private HttpResponse<String> send(String user, String password, String path, String body) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                            .getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .method(body == null ? "GET" : "POST", body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
