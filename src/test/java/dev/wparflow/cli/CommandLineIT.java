package dev.wparflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wparflow.browser.PackagedApp;

/**
 * The command line against the packaged application on the embedded default (target/wparflow.jar started as the
 * README says, free ports, simulator time scale 0): the README's quick start run line by line through the launcher,
 * then every command in-process against the same server, as the demo users.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandLineIT {

    private static final Path JAR = Path.of("target/wparflow.jar");
    private static final Path OUT = Path.of("target/cli-it");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration OPERATION_ENDS = Duration.ofMinutes(3);

    /** A line of the LPAR tool's {@code hmc connections}: {@code NAME: not connected} or {@code NAME: Master running (…)}. */
    static final Pattern LPAR_TOOL_LINE = Pattern.compile("^([a-z][a-z0-9]*): (not connected|Master running \\(.+\\))$");

    /** The LPAR tool page's own output of {@code hmc connections}, which the pattern must match too. */
    static final List<String> LPAR_TOOL_PAGE = List.of("hmca01: not connected", "hmca02: not connected",
            "hmcg01: Master running (pid=8446)", "hmcg02: Master running (pid=31725)",
            "hmc01: Master running (pid=28399)", "hmc02: not connected");

    private Path workDir;
    private Path home;
    private PackagedApp app;

    record Run(int status, String out, String err) {
    }

    @BeforeAll
    void startApp() throws Exception {
        assertThat(JAR).as("the packaged jar (mvn package runs before the integration tests)").exists();
        Files.createDirectories(OUT);
        workDir = Files.createTempDirectory("wparflow-cli-");
        home = Files.createTempDirectory("wparflow-cli-home-");
        app = PackagedApp.start(JAR, workDir, OUT.resolve("wparflow.log"));
        app.awaitReady(Duration.ofMinutes(3));
        // the inventory after the discovery at start-up
        await("discovered WPARs").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> app.get("demo", "/api/wpars?host=lpar00").size() > 0);
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        for (Path dir : new Path[] { workDir, home }) {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** {@code wparflow ARGS} in this JVM as {@code user} (password = user name, from WPARFLOW_PASSWORD). */
    Run cli(String user, String... args) {
        return withPassword(user, user, args);
    }

    Run withPassword(String user, String password, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", app.baseUrl(), "-u", user));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        WparflowCli.Environment env = new WparflowCli.Environment(Map.of("WPARFLOW_PASSWORD", password), home, null,
                () -> null, HttpClient.newHttpClient(), false);
        int status = WparflowCli.execute(env, new PrintWriter(out, true), new PrintWriter(err, true),
                all.toArray(String[]::new));
        Run r = new Run(status, out.toString(), err.toString());
        assertThat(r.err()).as("no stack trace").doesNotContain("\tat ", "Exception:");
        return r;
    }

    JsonNode json(Run r) throws Exception {
        assertThat(r.status()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    /** Until the operation waits for its approval (op wait --timeout 0s answers 3). */
    void awaitApproval(String user, String id) {
        await("operation " + id + " waiting for approval").atMost(OPERATION_ENDS).pollInterval(Duration.ofMillis(500))
                .until(() -> cli(user, "op", "wait", id, "--timeout", "0s").status() == ExitStatus.WAITING_FOR_APPROVAL);
    }

    // ------------------------------------------------------------------ the README's quick start

    @Test
    @Order(1)
    void theReadmesQuickStartRunsAsWritten() throws Exception {
        List<String> lines = readmeCommandLineBlock();
        assertThat(lines).anyMatch(l -> l.startsWith("wparflow wpar relocate"))
                .anyMatch(l -> l.startsWith("wparflow op wait ID"));
        Path bin = home.resolve("bin");
        String path = bin + ":" + System.getenv("PATH");
        String id = null;
        for (String line : lines) {
            String command = line.replace("http://localhost:8080", app.baseUrl())
                    .replaceAll("\\bID\\b", id == null ? "ID" : id);
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).directory(Path.of("").toAbsolutePath().toFile());
            pb.environment().put("HOME", home.toString());
            pb.environment().put("PATH", path);
            pb.environment().remove("WPARFLOW_PASSWORD");
            Run r = shell(pb);
            if (line.contains(" approve ") && r.status() == ExitStatus.REFUSED_OR_FAILED) {
                // the approval exists once the relocation's checks have run: asked again until it does
                String started = id;
                await("approval of " + started).atMost(OPERATION_ENDS).pollInterval(Duration.ofSeconds(1))
                        .until(() -> shell(pb).status() == ExitStatus.DONE);
                continue;
            }
            assertThat(r.status()).as("%s%n%s%s", command, r.out(), r.err()).isZero();
            if (line.startsWith("wparflow hmc connections")) {
                List<String> out = r.out().lines().toList();
                assertThat(out).isNotEmpty().allMatch(l -> LPAR_TOOL_LINE.matcher(l).matches());
                assertThat(out.stream().map(l -> l.substring(0, l.indexOf(':'))))
                        .containsExactlyInAnyOrder("hmc01", "hmc02", "hmca01", "hmca02");
            }
            if (line.startsWith("wparflow wpar list")) {
                assertThat(r.out().lines().findFirst().orElseThrow().split("\\s{2,}"))
                        .containsExactly("Name", "State", "Type", "Hostname", "Directory", "RootVG WPAR", "LPAR",
                                "Software");
                assertThat(r.out()).contains("wpr00");
            }
            if (line.startsWith("wparflow wpar relocate")) {
                id = r.out().strip();
                assertThat(id).matches("[0-9a-f-]{36}");
                assertThat(r.err()).contains("started WparRelocationProcess as operation " + id);
            }
            if (line.startsWith("wparflow op wait")) {
                assertThat(r.out()).startsWith(id + " COMPLETED");
                assertThat(r.err()).startsWith(id + "  ");
            }
        }
        assertThat(id).isNotNull();
        // the relocation ran its commands on the arriving LPAR
        JsonNode detail = json(cli("operator", "--json", "op", "show", id));
        assertThat(detail.path("operation").path("state").asText()).isEqualTo("COMPLETED");
        List<String> hosts = new ArrayList<>();
        detail.path("commands").forEach(c -> hosts.add(c.path("host").asText()));
        assertThat(hosts).contains("lpar00", "lpar01");
    }

    /** The sh block of the README with {@code wparflow hmc connections}: its lines without trailing comments. */
    static List<String> readmeCommandLineBlock() throws Exception {
        List<String> readme = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        List<String> block = new ArrayList<>();
        List<String> current = null;
        for (String line : readme) {
            if (line.startsWith("```sh")) {
                current = new ArrayList<>();
            } else if (line.startsWith("```") && current != null) {
                if (current.stream().anyMatch(l -> l.startsWith("wparflow hmc connections"))) {
                    block = current;
                }
                current = null;
            } else if (current != null && !line.isBlank() && !line.startsWith("#")) {
                current.add(line.replaceAll("  +#.*$", "").strip());
            }
        }
        assertThat(block).as("the README's command-line block").isNotEmpty();
        return block;
    }

    private static Run shell(ProcessBuilder pb) throws Exception {
        Path out = Files.createTempFile("cli-out", ".txt");
        Path err = Files.createTempFile("cli-err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(OPERATION_ENDS.toSeconds(), TimeUnit.SECONDS)).as(pb.command().toString()).isTrue();
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    // ------------------------------------------------------------------ hmc and ssh

    @Test
    @Order(2)
    void hmcCommandsPrintTheLparToolsLines() throws Exception {
        assertThat(LPAR_TOOL_PAGE).allMatch(l -> LPAR_TOOL_LINE.matcher(l).matches());

        Run connect = cli("operator", "hmc", "connect", "hmc02");
        assertThat(connect.status()).as(connect.err()).isZero();
        assertThat(connect.out()).isEqualTo("master connection created\n");
        List<String> lines = cli("operator", "hmc", "connections").out().lines().toList();
        assertThat(lines).allMatch(l -> LPAR_TOOL_LINE.matcher(l).matches())
                .anyMatch(l -> l.startsWith("hmc02: Master running ("));

        Run disconnect = cli("operator", "hmc", "disconnect", "hmc02", "--force");
        assertThat(disconnect.status()).as(disconnect.err()).isZero();
        assertThat(disconnect.out()).isEqualTo("connection to hmc02 terminated\n");
        assertThat(cli("operator", "hmc", "connections").out().lines()).contains("hmc02: not connected");

        Run refused = cli("approver", "hmc", "connect", "hmc02");
        assertThat(refused.status()).isEqualTo(ExitStatus.REFUSED_OR_FAILED);
        assertThat(refused.err()).contains("approver is not in wparflow-operators");
        Run unknown = cli("operator", "hmc", "connect", "hmc99");
        assertThat(unknown.status()).isEqualTo(ExitStatus.REFUSED_OR_FAILED);
        assertThat(unknown.err()).isEqualTo("wparflow: no SSH endpoint named 'hmc99'\n");

        Run ssh = cli("demo", "ssh", "connections");
        assertThat(ssh.out().lines()).allMatch(l -> LPAR_TOOL_LINE.matcher(l).matches())
                .anyMatch(l -> l.startsWith("lpar00: ")).anyMatch(l -> l.startsWith("hmc01: "));
        JsonNode sessions = json(cli("demo", "ssh", "connections", "--json"));
        List<String> hmcs = new ArrayList<>();
        sessions.forEach(s -> {
            if (s.path("hmc").asBoolean()) {
                hmcs.add(s.path("name").asText());
            }
        });
        assertThat(hmcs).containsExactlyInAnyOrder("hmc01", "hmc02", "hmca01", "hmca02");

        Run wrongPassword = withPassword("operator", "not-the-password", "ssh", "connections");
        assertThat(wrongPassword.status()).isEqualTo(ExitStatus.UNREACHABLE);
        assertThat(wrongPassword.err()).contains("did not accept user operator");
    }

    // ------------------------------------------------------------------ wpar list / show and bad input

    @Test
    @Order(3)
    void wparListShowAndTheServersMessagesForBadInput() throws Exception {
        JsonNode all = json(cli("demo", "wpar", "list", "--json"));
        assertThat(all).anyMatch(w -> w.path("name").asText().equals("wpr03") && w.path("lpar").asText().equals("lpar00"));
        Run active = cli("demo", "wpar", "list", "-l", "sydney", "-s", "A");
        assertThat(active.out()).contains("gordon", "roy").doesNotContain("skippy");
        assertThat(active.out().lines().skip(2)).allMatch(l -> l.split("\\s+")[1].equals("A"));

        Run group = cli("demo", "wpar", "list", "-g", "nosuch");
        assertThat(group.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(group.err()).startsWith("wparflow: group: no host group 'nosuch'");
        Run state = cli("demo", "wpar", "list", "-s", "Z");
        assertThat(state.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(state.err()).contains("unknown WPAR state 'Z'");

        Run show = cli("demo", "wpar", "show", "wpr03");
        assertThat(show.out()).contains("lpar:", "lpar00", "ACTIVE");

        Run sameLpar = cli("operator", "wpar", "relocate", "wpr03", "--to", "lpar00");
        assertThat(sameLpar.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(sameLpar.err()).contains("arrivingLpar");
        Run badHost = cli("operator", "wpar", "backup", "wpr03", "-l", "nowhere");
        assertThat(badHost.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(badHost.err()).contains("'host'");
        Run json = cli("operator", "--json", "wpar", "backup", "wpr03", "-l", "nowhere");
        assertThat(JSON.readTree(json.out()).path("message").asText()).contains("'host'");
    }

    // ------------------------------------------------------------------ operations

    @Test
    @Order(4)
    void backupCloneAndRestoreFromTheCommandLine() throws Exception {
        Run backup = cli("operator", "wpar", "backup", "wpr03", "--consistency", "none", "--wait");
        assertThat(backup.status()).as(backup.out() + backup.err()).isZero();
        assertThat(backup.out().lines().toList().get(1)).contains("COMPLETED");
        JsonNode images = app.get("demo", "/api/images?lpar=lpar00&wpar=wpr03&state=GOOD");
        String image = images.get(0).path("id").asText();

        Run clone = cli("operator", "wpar", "clone", "wpr05", "-l", "lpar01", "--image", image, "--address",
                "9.3.5.190", "--allow-non-golden", "--wait");
        assertThat(clone.status()).as(clone.out() + clone.err()).isZero();
        JsonNode cloned = json(cli("operator", "--json", "op", "show", clone.out().lines().findFirst().orElseThrow()));
        assertThat(cloned.path("commands")).anyMatch(c -> c.path("host").asText().equals("lpar01")
                && c.path("command").asText().contains("wpr05"));

        String restore = cli("operator", "wpar", "restore", "wpr03", "-l", "lpar00", "--image", image, "--existing",
                "remove", "--start").out().strip();
        awaitApproval("operator", restore);
        Run approved = cli("approver", "approve", restore, "--reason", "restore test");
        assertThat(approved.status()).as(approved.err()).isZero();
        assertThat(approved.out()).startsWith("approved: ");
        Run waited = cli("operator", "op", "wait", restore);
        assertThat(waited.status()).as(waited.out() + waited.err()).isZero();
    }

    @Test
    @Order(5)
    void approvalsAreTheApproversAndARejectedRelocationExitsOne() throws Exception {
        String relocation = cli("operator", "wpar", "relocate", "wpr01", "--to", "lpar00", "--mode", "static").out()
                .strip();
        awaitApproval("operator", relocation);
        Run show = cli("operator", "op", "show", relocation);
        assertThat(show.out()).contains("State:      RUNNING", "Waiting for: approval");

        Run byRequester = cli("operator", "approve", relocation, "--reason", "my own");
        assertThat(byRequester.status()).isEqualTo(ExitStatus.REFUSED_OR_FAILED);
        assertThat(byRequester.err()).contains("no approval task of operation " + relocation + " is open to operator");

        Run rejected = cli("approver2", "--json", "reject", relocation, "--reason", "no window this week");
        assertThat(json(rejected).path("decision").asText()).isEqualTo("reject");
        Run waited = cli("operator", "--json", "op", "wait", relocation);
        assertThat(waited.status()).isEqualTo(ExitStatus.REFUSED_OR_FAILED);
        JsonNode result = JSON.readTree(waited.out());
        assertThat(result.path("operation").path("state").asText()).isEqualTo("REJECTED");
        assertThat(result.path("exitStatus").asInt()).isEqualTo(1);
        Run again = cli("approver", "approve", relocation, "--reason", "too late");
        assertThat(again.status()).isEqualTo(ExitStatus.REFUSED_OR_FAILED);
        assertThat(again.err()).contains("decided already (reject)");
    }

    @Test
    @Order(6)
    void provisionAndDecommissionGoToApproval() throws Exception {
        String provision = cli("operator", "wpar", "provision", "web02", "-l", "lpar01", "--template", "small",
                "--address", "9.3.5.231", "--reason", "shop test server", "--var", "cpuLimits=0%-30%,33%").out().strip();
        awaitApproval("operator", provision);
        assertThat(cli("approver", "reject", provision, "--reason", "not now").status()).isZero();
        assertThat(cli("operator", "op", "wait", provision).status()).isEqualTo(ExitStatus.REFUSED_OR_FAILED);

        String decommission = cli("operator", "wpar", "decommission", "harold", "--reason", "project ended").out()
                .strip();
        awaitApproval("operator", decommission);
        assertThat(cli("approver", "reject", decommission, "--reason", "keep it").status()).isZero();
        Run waited = cli("operator", "op", "wait", decommission);
        assertThat(waited.status()).isEqualTo(ExitStatus.REFUSED_OR_FAILED);
        assertThat(waited.out()).contains(decommission + " REJECTED");
    }

    @Test
    @Order(7)
    void opListStartAndShow() throws Exception {
        Run discovery = cli("operator", "op", "start", "FleetDiscoveryProcess", "--wait");
        assertThat(discovery.status()).as(discovery.out() + discovery.err()).isZero();
        String id = discovery.out().lines().findFirst().orElseThrow();

        JsonNode mine = json(cli("operator", "op", "list", "--mine", "--json"));
        List<String> ids = new ArrayList<>();
        mine.path("operations").forEach(o -> {
            assertThat(o.path("startedBy").asText()).isEqualTo("operator");
            ids.add(o.path("id").asText());
        });
        assertThat(ids).contains(id);
        JsonNode running = json(cli("demo", "op", "list", "--running", "--json"));
        running.path("operations").forEach(o -> assertThat(o.path("state").asText()).isEqualTo("RUNNING"));
        assertThat(cli("approver", "op", "list", "--mine").out()).startsWith("Id");

        Run show = cli("operator", "op", "show", id);
        assertThat(show.out()).contains("Process:    FleetDiscoveryProcess", "State:      COMPLETED", "Steps:",
                "Commands:");
        Run notMine = cli("approver", "op", "show", id);
        assertThat(notMine.status()).isEqualTo(ExitStatus.REFUSED_OR_FAILED);

        Run unknown = cli("operator", "op", "start", "WparBackupProcess", "--var", "host=lpar00", "--var", "wpar=wpr03",
                "--var", "colour=blue");
        assertThat(unknown.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(unknown.err()).contains("colour");
    }

    @Test
    @Order(8)
    void theLauncherAndTheJarsEntryPointStartNoApplication() throws Exception {
        ProcessBuilder completion = new ProcessBuilder("bin/wparflow", "completion");
        completion.environment().put("WPARFLOW_JAR", JAR.toAbsolutePath().toString());
        Run r = shell(completion);
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("complete -F", "relocate", "connections");

        ProcessBuilder version = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "cli", "--url", app.baseUrl(), "-u", "demo", "--json", "wpar", "list", "-l",
                "lpar00");
        version.environment().put("WPARFLOW_PASSWORD", "demo");
        r = shell(version);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).size()).isPositive();
        assertThat(r.out() + r.err()).doesNotContain("Spring", "Tomcat");
    }

    @Test
    @Order(9)
    void aLifecycleVerbStartsAWparAndWaitsForIt() throws Exception {
        Run started = cli("operator", "wpar", "start", "skippy", "-l", "sydney", "--wait");
        assertThat(started.status()).as(started.out() + started.err()).isZero();
        String id = started.out().lines().findFirst().orElseThrow();
        assertThat(started.out().lines().toList().get(1)).startsWith(id + " COMPLETED COMPLETED");
        JsonNode shown = json(cli("operator", "--json", "op", "show", id));
        assertThat(shown.path("operation").path("processKey").asText()).isEqualTo("WparLifecycleProcess");
        assertThat(shown.path("commands")).anyMatch(c -> c.path("host").asText().equals("sydney")
                && c.path("command").asText().startsWith("startwpar") && c.path("command").asText().contains("skippy")
                && c.path("exitStatus").asInt() == 0);
    }
}
