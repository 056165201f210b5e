package dev.wparflow.process.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import dev.wparflow.aix.Lswpar;
import dev.wparflow.aix.ResourceControls;
import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.catalog.TemplateCatalog;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.FleetUnderTest;
import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestFleets;

/**
 * WparProvisioningProcess end to end: the application (job executor, run poller, real SSH) against a fleet with a NIM
 * master whose clients are lpar00, lpar01 (AIX 6.1 TL2) and lpar03 (TL1). Through NIM from a template and from a
 * golden image, directly from a template with resource controls and as a copy of wpr00's spec: Active on the target,
 * Running in lsnim where NIM made it, in the inventory, no lease held. Each injected failure leaves nothing that the run
 * created (on the LPAR, in NIM, spec files) and no lease; bad input is refused with nothing sent to any host.
 */
@BothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvisioningIT {

    static final String FLEET = TestFleets.yaml("provisioning");

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
    TemplateCatalog templates;
    @Autowired
    ImageCatalog images;
    @Autowired
    InventoryRepository inventory;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeAll
    void start() throws Exception {
        system = FleetUnderTest.start(FLEET, dir.resolve("sim"), TestDatabase.selected("provision"));
        fleet = system.fleet();
        app = system.application(this, application -> application
                .fleet(fleet, "lpar00", "lpar01", "lpar02", "lpar03", "nim01")
                .property("wparflow.inventory.file", fleet.inventoryPath())
                .property("wparflow.provisioning.retry-cycle", "R1/PT1S")
                .property("wparflow.provisioning.create-timeout", "PT30S")
                .property("wparflow.provisioning.approval-exempt", "lpar01")
                .property("wparflow.discovery.at-start", "false"));
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @BeforeEach
    void freshFleet() throws Exception {
        fleet.host("nim01").setDown(false);
        system.freshFleet();
        templates.save("small", "the demo's small template", resource("/demo-templates/small.spec"),
                List.of("bos.wpars"), "test");
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ProvisioningIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Starts a provisioning as alice (an operator). */
    String provision(Map<String, Object> variables) {
        identity.setAuthentication("alice", List.of("wparflow-operators"));
        try {
            return runtime.startProcessInstanceByKey(WparProvisioningVariables.PROCESS_ID, new HashMap<>(variables))
                    .getId();
        } finally {
            identity.clearAuthentication();
        }
    }

    void approve(String instance) {
        decide(instance, "approve");
    }

    void decide(String instance, String decision) {
        Task task = awaitApproval(instance);
        identity.setAuthentication("bob", List.of("wparflow-approvers"));
        try {
            tasks.complete(task.getId(), Variables.createVariables().putValue("decision", decision)
                    .putValue("reason", "tested"));
        } finally {
            identity.clearAuthentication();
        }
    }

    Task awaitApproval(String instance) {
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> approval(instance) != null
                    || history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no approval task: " + incidents() + "\n" + why(instance), e);
        }
        assertThat(approval(instance)).as("approval task: " + why(instance)).isNotNull();
        return approval(instance);
    }

    String incidents() {
        return runtime.createIncidentQuery().list().stream().map(i -> i.getActivityId() + ": " + i.getIncidentMessage())
                .toList().toString();
    }

    private Task approval(String instance) {
        var sub = runtime.createProcessInstanceQuery().superProcessInstanceId(instance).singleResult();
        return sub == null ? null : tasks.createTaskQuery().processInstanceId(sub.getId()).singleResult();
    }

    String awaitOutcome(String instance) {
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> history.createHistoricProcessInstanceQuery()
                    .processInstanceId(instance).finished().count() == 1);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not ended: " + incidents() + "\n" + why(instance), e);
        }
        return (String) variable(instance, "outcome");
    }

    Object variable(String instance, String name) {
        var v = history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name)
                .singleResult();
        return v == null ? null : v.getValue();
    }

    String why(String instance) {
        return variable(instance, "outcome") + ": " + variable(instance, "outcomeReason") + "\nplan: "
                + variable(instance, "plan") + "\nlog: " + fleet.log().entries();
    }

    String state(String host, String wpar) {
        return fleet.host(host).wpar(wpar).map(w -> String.valueOf(w.state().letter())).orElse(null);
    }

    /** One command's output on a host of the fleet, as root there (not through wparflow: not in its transcripts). */
    String run(String host, String command) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        fleet.host(host).runLine("root", command, out, new java.io.ByteArrayOutputStream(), () -> { });
        return out.toString(StandardCharsets.UTF_8);
    }

    boolean exists(String host, String file) {
        return fleet.host(host).file(file) != null;
    }

    /** Nothing of {@code wpar} on any LPAR or in NIM, no spec file left, no lease. */
    void assertNothingLeft(String instance, String wpar) throws Exception {
        for (String lpar : List.of("lpar00", "lpar01", "lpar03")) {
            assertThat(state(lpar, wpar)).as(wpar + " on " + lpar + " — " + why(instance)).isNull();
        }
        assertThat(run("nim01", "lsnim")).as("NIM objects").doesNotContain(wpar);
        assertThat(exists("nim01", "/export/nim/wparflow-" + wpar + ".spec")).isFalse();
        for (String lpar : List.of("lpar00", "lpar01", "lpar03")) {
            assertThat(exists(lpar, "/tmp/wparflow-" + wpar + ".spec")).as("spec file on " + lpar).isFalse();
        }
        assertThat(locks.heldBy(instance)).isEmpty();
        assertNoOperationLeases();
    }

    /** No lease on a WPAR, an LPAR or a NIM master (the run watcher's poller leases are its own). */
    void assertNoOperationLeases() {
        assertThat(locks.held()).filteredOn(l -> !l.resource().startsWith("poller:")).isEmpty();
    }

    void assertProvisioned(String instance, String lpar, String wpar, String address) {
        assertThat(awaitOutcome(instance)).as(why(instance)).isEqualTo("PROVISIONED");
        assertThat(state(lpar, wpar)).as(why(instance)).isEqualTo("A");
        assertThat(inventory.findWpar(wpar)).singleElement().satisfies(w -> {
            assertThat(w.lpar()).isEqualTo(lpar);
            assertThat(w.state()).isEqualTo("ACTIVE");
            assertThat(w.address()).isEqualTo(address);
        });
        assertNoOperationLeases();
    }

    ResourceControls controls(String lpar, String wpar) throws Exception {
        return Lswpar.parseResources(run(lpar, "lswpar -R " + wpar)).get(wpar);
    }

    // ------------------------------------------------------------------------------------------ provisioned

    @Test
    void throughNimFromATemplate() throws Exception {
        String instance = provision(Map.of("wpar", "wpr20", "lpar", "lpar00", "template", "small", "address",
                "9.3.5.200", "changeReason", "new web server"));
        approve(instance);
        assertProvisioned(instance, "lpar00", "wpr20", "9.3.5.200");
        assertThat(variable(instance, "chosenMethod")).isEqualTo("nim");
        assertThat(run("nim01", "lsnim -l wpr20")).contains("mgmt_profile1").containsIgnoringCase("running");
        assertThat(run("lpar00", "lswpar -N wpr20")).contains("9.3.5.200");
    }

    @Test
    void throughNimFromAGoldenImage() throws Exception {
        CatalogImage image = goldenImageOfWpr00();
        String instance = provision(Map.of("wpar", "wpr21", "lpar", "lpar01", "source", "image", "imageId",
                image.id(), "address", "9.3.5.201", "method", "nim"));
        assertProvisioned(instance, "lpar01", "wpr21", "9.3.5.201");
        assertThat(variable(instance, "approvalRequired")).isEqualTo(false);
        assertThat(run("nim01", "lsnim -l wpr21")).containsIgnoringCase("running");
    }

    @Test
    void directlyFromATemplateWithResourceControls() throws Exception {
        String instance = provision(Map.of("wpar", "wpr22", "lpar", "lpar01", "template", "small", "method",
                "direct", "address", "9.3.5.202", "cpuShares", "20", "cpuLimits", "5%-30%,50%", "totalProcesses",
                "500", "totalThreads", "2000"));
        assertProvisioned(instance, "lpar01", "wpr22", "9.3.5.202");
        ResourceControls rc = controls("lpar01", "wpr22");
        assertThat(rc.sharesCpu()).isEqualTo(20);
        assertThat(rc.cpu().toString()).isEqualTo("5%-30%,50%");
        assertThat(rc.totalProcesses()).isEqualTo(500L);
        assertThat(rc.totalThreads()).isEqualTo(2000L);
        assertThat(run("nim01", "lsnim")).doesNotContain("wpr22");
    }

    @Test
    void aCopyOfWpr00sSpec() throws Exception {
        String instance = provision(Map.of("wpar", "wpr23", "hostname", "wpr23.example.com", "lpar", "lpar01",
                "source", "copy", "copyFromLpar", "lpar00", "copyFromWpar", "wpr00", "address", "9.3.5.203",
                "method", "direct", "memoryLimits", "2%-20%,40%"));
        assertProvisioned(instance, "lpar01", "wpr23", "9.3.5.203");
        assertThat(run("lpar01", "lswpar -c -q -a name,hostname wpr23").strip()).isEqualTo("wpr23:wpr23.example.com");
        assertThat(controls("lpar01", "wpr23").memory().toString()).isEqualTo("2%-20%,40%");
        assertThat(state("lpar00", "wpr00")).isEqualTo("A");
        assertThat(exists("lpar00", "/tmp/wparflow-copy-wpr00-wpr23.spec")).isFalse();
    }

    @Test
    void aWparProvisionedThroughNimIsDecommissionedWithItsNimObjects() throws Exception {
        String provisioned = provision(Map.of("wpar", "wpr40", "lpar", "lpar01", "template", "small", "address",
                "9.3.5.240", "method", "nim"));
        assertProvisioned(provisioned, "lpar01", "wpr40", "9.3.5.240");
        assertThat(run("nim01", "lsnim")).contains("wpr40_spec");
        assertThat(exists("nim01", "/export/nim/wparflow-wpr40.spec")).isTrue();

        identity.setAuthentication("alice", List.of("wparflow-operators"));
        String decommission;
        try {
            decommission = runtime.startProcessInstanceByKey("WparDecommissionProcess", Map.of("lpar", "lpar01",
                    "wpar", "wpr40", "changeReason", "the shop moved")).getId();
        } finally {
            identity.clearAuthentication();
        }
        approve(decommission);
        assertThat(awaitOutcome(decommission)).as(why(decommission)).isEqualTo("DECOMMISSIONED");
        assertThat(state("lpar01", "wpr40")).isNull();
        assertThat(run("nim01", "lsnim")).doesNotContain("wpr40");
        assertThat(exists("nim01", "/export/nim/wparflow-wpr40.spec")).isFalse();
        assertThat(images.list("lpar01", "wpr40", CatalogImage.State.GOOD, 5)).as("the backup taken first").hasSize(1);
        assertThat(inventory.findWpar("wpr40")).isEmpty();
        assertNoOperationLeases();
    }

    // ------------------------------------------------------------------------------------------ failures

    @Test
    void aFailedNimCreateLeavesNothing() throws Exception {
        fleet.faults().add(FaultRule.on("nim01").command("nim").argContains("create")
                .fail(1, "0042-001 nim: processing error encountered on \"master\":").build());
        String instance = provision(Map.of("wpar", "wpr24", "lpar", "lpar01", "template", "small", "address",
                "9.3.5.204"));
        assertThat(awaitOutcome(instance)).as(why(instance)).isEqualTo("FAILED");
        assertThat((String) variable(instance, "outcomeReason")).contains("CREATE_FAILED").contains("removed");
        assertNothingLeft(instance, "wpr24");
    }

    @Test
    void theTargetDroppingTheConnectionDuringTheCreateLeavesNothing() throws Exception {
        fleet.faults().add(FaultRule.on("lpar01").command("mkwpar").abandon(100).build());
        String instance = provision(Map.of("wpar", "wpr25", "lpar", "lpar01", "template", "small", "address",
                "9.3.5.205", "method", "direct"));
        assertThat(awaitOutcome(instance)).as(why(instance)).isEqualTo("FAILED");
        assertNothingLeft(instance, "wpr25");
    }

    @Test
    void anAddressThatAppearsOnTheTargetAfterTheValidationLeavesNothing() throws Exception {
        String instance = provision(Map.of("wpar", "wpr26", "lpar", "lpar00", "template", "small", "address",
                "9.3.5.206"));
        awaitApproval(instance);
        run("lpar00", "mkwpar -n squatter -N address=9.3.5.206");
        approve(instance);
        assertThat(awaitOutcome(instance)).as(why(instance)).isEqualTo("REFUSED");
        assertThat(variable(instance, "failureCode")).isEqualTo("ADDRESS_TAKEN");
        assertThat(state("lpar00", "squatter")).isEqualTo("D");
        assertNothingLeft(instance, "wpr26");
    }

    @Test
    void aRejectedApprovalCreatesNothing() throws Exception {
        String instance = provision(Map.of("wpar", "wpr27", "lpar", "lpar00", "template", "small"));
        decide(instance, "reject");
        assertThat(awaitOutcome(instance)).as(why(instance)).isEqualTo("REJECTED");
        assertNothingLeft(instance, "wpr27");
    }

    @Test
    void aNimMasterThatIsDownRefusesANimProvisioning() throws Exception {
        fleet.host("nim01").setDown(true);
        String instance = provision(Map.of("wpar", "wpr28", "lpar", "lpar01", "template", "small", "method", "nim"));
        assertThat(awaitOutcome(instance)).as(why(instance)).isEqualTo("REFUSED");
        assertThat(variable(instance, "failureCode")).isEqualTo("NIM_MASTER_UNREACHABLE");
        fleet.host("nim01").setDown(false);
        assertNothingLeft(instance, "wpr28");
    }

    @Test
    void aClientBelowTl2IsRefusedByTheNimPath() throws Exception {
        String instance = provision(Map.of("wpar", "wpr29", "lpar", "lpar03", "template", "small", "method", "nim"));
        assertThat(awaitOutcome(instance)).as(why(instance)).isEqualTo("REFUSED");
        assertThat(variable(instance, "failureCode")).isEqualTo("NIM_CLIENT_TOO_OLD");
        assertNothingLeft(instance, "wpr29");
    }

    // ------------------------------------------------------------------------------------------ bad input

    @Test
    void badInputIsRefusedBeforeAnyCommandReachesAHost() {
        fleet.log().clear();
        Map<String, Object> good = Map.of("wpar", "wpr30", "lpar", "lpar00", "template", "small");
        List<Map<String, Object>> bad = List.of(
                with(good, "wpar", "wpr;rm"), with(good, "wpar", "a".repeat(26)), with(good, "wpar", "wpr00"),
                with(good, "hostname", "wpr01"), with(with(good, "address", "9.3.5.183"), "wpar", "wpr31"),
                with(good, "lpar", "lpar99"), with(good, "template", "nosuch"),
                with(with(good, "source", "image"), "imageId", "no-such-image"),
                with(with(good, "wparType", "application"), "method", "nim"),
                with(good, "cpuLimits", "101%-101%,101%"), with(good, "cpuLimits", "40%-30%,45%"),
                with(good, "owner", "mallory"), with(good, "approvalRequired", false),
                with(good, "cpuLimits", "25%-50%,60%"));
        inventory.recordCreated(new dev.wparflow.inventory.WparRecord("lpar00", "wpr00", "SYSTEM", "ACTIVE", "wpr00",
                "9.3.5.182", "en0", "/wpars/wpr00", false, true, false, java.time.Instant.now(), "lpar00", null));
        inventory.recordCreated(new dev.wparflow.inventory.WparRecord("lpar01", "wpr01", "SYSTEM", "ACTIVE", "wpr01",
                "9.3.5.183", "en0", "/wpars/wpr01", false, true, false, java.time.Instant.now(), "lpar01", null));
        // the last discovery saw wpr00 running with a CPU minimum of 80 %: 25 % more would exceed 100 % (Redbook 8)
        jdbc.update("UPDATE wparflow_wpar SET cpu_minimum = 80 WHERE lpar = 'lpar00' AND name = 'wpr00'");
        long before = history.createHistoricProcessInstanceQuery().count();
        for (Map<String, Object> v : bad) {
            assertThatThrownBy(() -> provision(v)).as(v.toString()).hasMessageContaining("WparProvisioningProcess");
        }
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
        assertThat(fleet.log().entries()).isEmpty();
    }

    @Test
    void cpuMinimumsThatTheLparAlreadyHoldsAreRefusedByThePlan() throws Exception {
        run("lpar01", "chwpar -R CPU=80%-90%,100% wpr01");
        String instance = provision(Map.of("wpar", "wpr32", "lpar", "lpar01", "template", "small", "cpuLimits",
                "25%-50%,60%", "method", "direct"));
        assertThat(awaitOutcome(instance)).as(why(instance)).isEqualTo("REFUSED");
        assertThat(variable(instance, "failureCode")).isEqualTo("RESOURCE_MINIMUMS_EXCEED_100");
        assertThat((String) variable(instance, "outcomeReason")).contains("105");
        assertNothingLeft(instance, "wpr32");
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** A golden image of lpar00/wpr00 in the catalog, made by savewpar through the backup process. */
    CatalogImage goldenImageOfWpr00() {
        String backup = runtime.startProcessInstanceByKey("WparBackupProcess", Map.of("host", "lpar00", "wpar",
                "wpr00")).getId();
        await().atMost(Duration.ofSeconds(60)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(backup).finished().count() == 1);
        CatalogImage image = images.list("lpar00", "wpr00", CatalogImage.State.GOOD, 1).get(0);
        images.setGolden(image.id(), true, "test");
        return images.find(image.id()).orElseThrow();
    }
}
