package dev.wparflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The operator's first hour in a real browser: the packaged jar started as the README says (one start for every flow
 * and the README's examples), Debian's headless Chromium driving Tasklist as the demo users. Screenshots of every step
 * land in {@code target/screenshots/}. Skipped when chromium or chromedriver is not installed; {@code .ci/run}
 * installs both.
 */
@ExtendWith(ToolsInstalled.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorFirstHourBrowserIT {

    private static final Path JAR = Path.of("target/wparflow.jar");
    private static final Path OUT = Path.of("target/browser-it");
    private static final Duration OPERATION_ENDS = Duration.ofMinutes(2);

    private Path workDir;
    private PackagedApp app;
    private Browser browser;
    private Tasklist tasklist;
    private OperationView operations;
    private SimulatedHosts hosts;

    @BeforeAll
    void startAppAndBrowser() throws Exception {
        assertThat(JAR).as("the packaged jar (mvn package runs before the integration tests)").exists();
        Files.createDirectories(OUT);
        workDir = Files.createTempDirectory("wparflow-browser-");
        long started = System.nanoTime();
        app = PackagedApp.start(JAR, workDir, OUT.resolve("wparflow.log"));
        browser = new Browser(Path.of("target/screenshots"));
        app.awaitReady(Duration.ofMinutes(3));
        System.out.printf("browser IT: wparflow serving %d ms after java -jar%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        tasklist = new Tasklist(browser, app);
        operations = new CockpitOperationsView(browser, app);
        hosts = new SimulatedHosts(workDir);
    }

    /** The page each flow ended on, passed or failed. */
    @AfterEach
    void lastPage(TestInfo test) throws IOException {
        if (browser != null) {
            browser.screenshot(test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"), "last-page");
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
        if (workDir != null) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Last, so that the README's own operations (a fleet backup among them) do not hold the flows' WPARs. */
    @Test
    @Order(9)
    void everyCurlExampleOfTheReadmeAnswers2xx() throws Exception {
        Path log = OUT.resolve("readme-examples.log");
        Process run = new ProcessBuilder("scripts/readme-examples", app.baseUrl()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).as("readme-examples ends").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).contains("/api/discovery", "/api/wpars", "ChangeApprovalProcess");
    }

    @Test
    @Order(2)
    void operatorRelocatesFromTheFormApproverApprovesOperatorSeesOutcomeAndCommands() throws Exception {
        String flow = "relocation";
        tasklist.login("operator");
        browser.screenshot(flow, "operator-logged-in");
        Set<String> before = instances("WparRelocationProcess");
        tasklist.openStartForm("WparRelocationProcess", "WPAR relocation").fill(ordered(
                "wpar", "wpr00", "departingLpar", "lpar00", "arrivingLpar", "lpar01", "mode", "static"));
        browser.screenshot(flow, "start-form-filled");
        assertThat(tasklist.start()).isEqualTo("The process has been started.");
        browser.screenshot(flow, "started");
        String relocation = newInstance("WparRelocationProcess", before);

        String approval = approvalTaskOf(relocation);
        tasklist.login("approver");
        Tasklist.Task task = tasklist.openTask(approval);
        browser.screenshot(flow, "approval-task");
        assertThat(tasklist.taskTitle(approval)).isEqualTo("Approve: relocate wpr00 lpar00 → lpar01 (static)");
        // the whole check table, passed and failed, in the fixed-width block of the approval form
        assertThat(task.text()).contains("Relocate WPAR wpr00 from lpar00 to lpar01", "Compatibility checks",
                "CHECK", "RESULT", "DETAIL", "PASS", "static: compatible");
        assertThat(task.fixedWidthText()).contains("processor-type", "filesets", "PASS");
        task.claim().form().fill(ordered("decision", "approve", "reason", "Window agreed with the application owner"));
        browser.screenshot(flow, "approval-filled");
        task.complete();
        browser.screenshot(flow, "approved");

        tasklist.login("operator");
        awaitEnded(relocation);
        OperationView.Operation operation = operations.open(flow, relocation);
        assertThat(operation.state()).isEqualTo("COMPLETED");
        assertThat(operation.variable("outcome")).isEqualTo("RELOCATED");
        assertThat(operation.commandLines()).anyMatch(c -> c.startsWith("lpar00: ") && c.contains("savewpar -f"))
                .anyMatch(c -> c.startsWith("lpar01: ") && c.contains("restwpar -f"));
        assertThat(hosts.wpars("lpar01")).anyMatch(w -> w.startsWith("wpr00:"));
        assertThat(hosts.wpars("lpar00")).noneMatch(w -> w.startsWith("wpr00:"));
    }

    @Test
    @Order(3)
    void refusedRequestsShowTheirReasonToTheOperator() throws Exception {
        String flow = "refusal";
        tasklist.login("operator");
        // known at the start: the form's Start answers with the rule it broke, and no instance exists
        Set<String> before = instances("WparRelocationProcess");
        tasklist.openStartForm("WparRelocationProcess", "WPAR relocation").fill(ordered(
                "wpar", "wpr03", "departingLpar", "lpar00", "arrivingLpar", "lpar00", "mode", "static"));
        browser.screenshot(flow, "same-lpar-filled");
        assertThat(tasklist.start()).contains("departing and arriving LPAR are both lpar00");
        browser.screenshot(flow, "same-lpar-refused");
        assertThat(instances("WparRelocationProcess")).isEqualTo(before);

        // known after one read on the host: refused before any approval, and the operator finds a task saying why
        tasklist.login("operator");
        tasklist.openStartForm("WparRelocationProcess", "WPAR relocation").fill(ordered(
                "wpar", "wpr09", "departingLpar", "lpar00", "arrivingLpar", "lpar01", "mode", "static"));
        assertThat(tasklist.start()).isEqualTo("The process has been started.");
        String relocation = newInstance("WparRelocationProcess", before);
        awaitEnded(relocation);
        assertThat(app.get("demo", "/engine-rest/history/process-instance?superProcessInstanceId=" + relocation))
                .as("no approval was asked").isEmpty();

        String notice = await("refusal notice of " + relocation).atMost(OPERATION_ENDS).until(() -> {
            for (JsonNode t : app.get("demo", "/engine-rest/task?assignee=operator")) {
                if (t.path("name").asText().equals("Refused: relocate wpr09 lpar00 → lpar01")) {
                    return t.path("id").asText();
                }
            }
            return null;
        }, id -> id != null);
        Tasklist.Task task = tasklist.openTask(notice);
        browser.screenshot(flow, "notice-task");
        assertThat(tasklist.taskTitle(notice)).isEqualTo("Refused: relocate wpr09 lpar00 → lpar01");
        assertThat(task.fixedWidthText()).contains("WPAR_NOT_FOUND: WPAR wpr09 not found on lpar00");
        task.claimIfNeeded().complete();
        browser.screenshot(flow, "notice-acknowledged");

        assertThat(operations.refusalReason(flow, relocation)).contains("WPAR wpr09 not found on lpar00");
        assertThat(hosts.wpars("lpar00")).contains("wpr03:A");
    }

    @Test
    @Order(4)
    @Tag("needs-forms")
    void operatorBacksUpAWparFromItsForm() throws Exception {
        String flow = "backup";
        tasklist.login("operator");
        Set<String> before = instances("WparBackupProcess");
        tasklist.openStartForm("WparBackupProcess", "Back up a system WPAR")
                .fill(ordered("host", "lpar00", "wpar", "wpr03", "consistency", "none"));
        browser.screenshot(flow, "start-form-filled");
        assertThat(tasklist.start()).isEqualTo("The process has been started.");
        browser.screenshot(flow, "started");
        String backup = newInstance("WparBackupProcess", before);
        awaitEnded(backup);

        OperationView.Operation operation = operations.open(flow, backup);
        assertThat(operation.state()).isEqualTo("COMPLETED");
        assertThat(operation.variable("imageId")).isNotBlank();
        assertThat(operation.commandLines()).anyMatch(c -> c.startsWith("lpar00: ") && c.contains("savewpar -f"));
        assertThat(app.get("operator", "/api/images/" + operation.variable("imageId")).path("state").asText())
                .isEqualTo("GOOD");
    }

    @Test
    @Order(5)
    @Tag("needs-forms")
    void operatorRestoresAWparFromItsFormAfterApproval() throws Exception {
        String flow = "restore";
        String imageId = goodImage("lpar00", "wpr03");
        tasklist.login("operator");
        Set<String> before = instances("WparRestoreProcess");
        tasklist.openStartForm("WparRestoreProcess", "Restore a system WPAR from the catalog").fill(ordered(
                "host", "lpar00", "wpar", "wpr03", "imageId", imageId, "existing", "remove", "start", true));
        browser.screenshot(flow, "start-form-filled");
        assertThat(tasklist.start()).isEqualTo("The process has been started.");
        String restore = newInstance("WparRestoreProcess", before);

        String approval = approvalTaskOf(restore);
        tasklist.login("approver");
        Tasklist.Task task = tasklist.openTask(approval);
        browser.screenshot(flow, "approval-task");
        task.claim().form().fill(ordered("decision", "approve", "reason", "Restore requested by the application owner"));
        task.complete();

        tasklist.login("operator");
        awaitEnded(restore);
        OperationView.Operation operation = operations.open(flow, restore);
        assertThat(operation.variable("outcome")).isEqualTo("RESTORED");
        assertThat(operation.commandLines()).anyMatch(c -> c.startsWith("lpar00: ") && c.contains("restwpar -f"));
        assertThat(hosts.wpars("lpar00")).contains("wpr03:A");
    }

    @Test
    @Order(6)
    @Tag("needs-forms")
    void operatorProvisionsAWparThroughNimFromItsFormAfterApproval() throws Exception {
        String flow = "provisioning";
        tasklist.login("operator");
        Set<String> before = instances("WparProvisioningProcess");
        tasklist.openStartForm("WparProvisioningProcess", "WPAR provisioning").fill(ordered(
                "wpar", "web01", "address", "9.3.5.230", "lpar", "lpar00", "template", "small",
                "changeReason", "A web server for the shop"));
        browser.screenshot(flow, "start-form-filled");
        assertThat(tasklist.start()).isEqualTo("The process has been started.");
        String provisioning = newInstance("WparProvisioningProcess", before);

        String approval = approvalTaskOf(provisioning);
        tasklist.login("approver");
        Tasklist.Task task = tasklist.openTask(approval);
        browser.screenshot(flow, "approval-task");
        task.claim().form().fill(ordered("decision", "approve", "reason", "Capacity agreed"));
        task.complete();

        tasklist.login("operator");
        awaitEnded(provisioning);
        OperationView.Operation operation = operations.open(flow, provisioning);
        assertThat(operation.variable("outcome")).isEqualTo("PROVISIONED");
        assertThat(operation.commandLines()).anyMatch(c -> c.startsWith("nim01: ") && c.contains("nim -o create"));
        assertThat(hosts.wpars("lpar00")).contains("web01:A");
    }

    @Test
    @Order(7)
    @Tag("needs-forms")
    void operatorDecommissionsTheProvisionedWparFromItsFormAfterApproval() throws Exception {
        String flow = "decommission";
        tasklist.login("operator");
        Set<String> before = instances("WparDecommissionProcess");
        tasklist.openStartForm("WparDecommissionProcess", "Decommission a system WPAR").fill(ordered(
                "lpar", "lpar00", "wpar", "web01", "changeReason", "The shop test is over"));
        browser.screenshot(flow, "start-form-filled");
        assertThat(tasklist.start()).isEqualTo("The process has been started.");
        String decommission = newInstance("WparDecommissionProcess", before);

        String approval = approvalTaskOf(decommission);
        tasklist.login("approver");
        Tasklist.Task task = tasklist.openTask(approval);
        browser.screenshot(flow, "approval-task");
        task.claim().form().fill(ordered("decision", "approve", "reason", "Backup taken, owner agreed"));
        task.complete();

        tasklist.login("operator");
        awaitEnded(decommission);
        OperationView.Operation operation = operations.open(flow, decommission);
        assertThat(operation.variable("outcome")).isEqualTo("DECOMMISSIONED");
        // web01 was made through NIM: NIM takes it down and removes it (nim -o destroy runs rmwpar on lpar00)
        assertThat(operation.commandLines()).contains("nim01: nim -o destroy web01", "nim01: nim -o remove web01");
        assertThat(hosts.wpars("lpar00")).noneMatch(w -> w.startsWith("web01:"));
    }

    /** The newest good image of the WPAR; one is made over REST when the catalog has none. */
    private String goodImage(String lpar, String wpar) throws Exception {
        String query = "/api/images?lpar=" + lpar + "&wpar=" + wpar + "&state=GOOD";
        if (app.get("operator", query).isEmpty()) {
            Set<String> before = instances("WparBackupProcess");
            app.post("operator", "/engine-rest/process-definition/key/WparBackupProcess/start",
                    Map.of("variables", Map.of("host", Map.of("value", lpar), "wpar", Map.of("value", wpar))));
            awaitEnded(newInstance("WparBackupProcess", before));
        }
        JsonNode images = app.get("operator", query);
        assertThat(images).as("good images of " + lpar + "/" + wpar).isNotEmpty();
        return images.get(0).path("id").asText();
    }

    private Set<String> instances(String processKey) throws Exception {
        Set<String> ids = new HashSet<>();
        app.get("demo", "/engine-rest/history/process-instance?processDefinitionKey=" + processKey)
                .forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    /** The one instance of the process started since {@code before}, by the operator. */
    private String newInstance(String processKey, Set<String> before) {
        return await(processKey + " started").atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode i : app.get("demo", "/engine-rest/history/process-instance?processDefinitionKey=" + processKey)) {
                if (!before.contains(i.path("id").asText())) {
                    assertThat(i.path("startUserId").asText()).isEqualTo("operator");
                    return i.path("id").asText();
                }
            }
            return null;
        }, id -> id != null);
    }

    /** The open task of the change approval the operation called. */
    private String approvalTaskOf(String operation) {
        return await("approval task of " + operation).atMost(OPERATION_ENDS).until(() -> {
            for (JsonNode child : app.get("demo", "/engine-rest/process-instance?superProcessInstance=" + operation)) {
                JsonNode tasks = app.get("demo", "/engine-rest/task?processInstanceId=" + child.path("id").asText());
                if (!tasks.isEmpty()) {
                    return tasks.get(0).path("id").asText();
                }
            }
            assertThat(app.get("demo", "/engine-rest/history/process-instance/" + operation).path("state").asText())
                    .as("operation " + operation + " still running").isEqualTo("ACTIVE");
            return null;
        }, id -> id != null);
    }

    private void awaitEnded(String processInstanceId) {
        await(processInstanceId + " ended").atMost(OPERATION_ENDS).until(() -> !app
                .get("demo", "/engine-rest/history/process-instance/" + processInstanceId).path("state").asText()
                .equals("ACTIVE"));
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
