package dev.wparflow.process.backup.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.lock.HeldLock;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.FleetUnderTest;
import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestFleets;
import dev.wparflow.testsupport.TestUsers;

/**
 * GlobalBackupProcess end to end: the application (job executor on, real SSH) against a simulated LPAR like the
 * demo's, with the Active wpr00 in rootvg and the Defined wpr01 in datavg, the fleet reset before each test. A backup
 * mounts wpr01's file systems for savevg, takes mksysb -N and savevg datavg into the repository, unmounts them again,
 * and catalogs both images with their checksums; a failing mksysb ends FAILED with everything unmounted and the lease
 * released; bad input is refused (400) before anything reaches a host.
 */
@BothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GlobalBackupIT {

    static final String FLEET = TestFleets.yaml("global-backup");
    static final Set<String> READS = Set.of("lswpar", "df", "lsvg", "oslevel", "lsmksysb", "lssavevg", "csum", "wc");
    static final List<String> WPR01_MOUNTS = List.of("/wpars/wpr01", "/wpars/wpr01/home", "/wpars/wpr01/tmp",
            "/wpars/wpr01/var");

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
    LeaseLockService locks;
    @Autowired
    ImageCatalog catalog;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GlobalBackupService service;

    @BeforeAll
    void start() throws Exception {
        system = FleetUnderTest.start(FLEET, dir.resolve("sim"), TestDatabase.selected("globalbackup"));
        fleet = system.fleet();
        app = system.application(this, application -> application
                .fleet(fleet, "lpar00", "lpar01", "lpar02")
                .property("wparflow.discovery.at-start", "false")
                .property("wparflow.discovery.on-inventory-change", "false"));
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
        jdbc.update("DELETE FROM wparflow_image");
        fleet.faults().clear();
        fleet.log().clear();
    }

    @Test
    void mksysbAndSavevgWithTheDefinedWparsFileSystemsMountedMeanwhile() throws Exception {
        fleet.host("lpar00").writeFile("/wpars/wpr01/home/ledger.txt", "balance 42\n");

        String instance = run(Map.of("lpar", "lpar00", "reason", "before the 6100-03 update"));

        assertThat(variable(instance, "outcome")).as(reason(instance)).isEqualTo("BACKED_UP");
        List<String> ids = List.of(((String) variable(instance, "imageIds")).split(","));
        assertThat(ids).hasSize(2);
        CatalogImage mksysb = catalog.find(ids.get(0)).orElseThrow();
        CatalogImage savevg = catalog.find(ids.get(1)).orElseThrow();
        assertThat(mksysb.kind()).isEqualTo("mksysb");
        assertThat(mksysb.wpar()).isEqualTo(CatalogImage.GLOBAL);
        assertThat(mksysb.lpar()).isEqualTo("lpar00");
        assertThat(savevg.kind()).isEqualTo("savevg");
        assertThat(savevg.volumeGroup()).isEqualTo("datavg");
        for (CatalogImage image : List.of(mksysb, savevg)) {
            byte[] onRepository = fleet.host("lpar02").file(image.path());
            assertThat(onRepository).as(image.path() + " on the repository").isNotNull();
            assertThat(image.checksum()).isEqualTo("sha1:" + sha1(onRepository));
            assertThat(image.sizeBytes()).isEqualTo(onRepository.length);
            assertThat(image.oslevel()).isEqualTo("6100-02-01-0847");
            assertThat(image.processInstanceId()).isEqualTo(instance);
        }
        // the Defined WPAR's file systems are in savevg's image because they were mounted for it
        assertThat(out("lpar00", "lssavevg -l -f " + savevg.path())).contains(WPR01_MOUNTS);
        assertThat(out("lpar00", "lssavevg -f " + savevg.path())).contains("./wpars/wpr01/home/ledger.txt");
        assertThat(out("lpar00", "lsmksysb -l -f " + mksysb.path())).contains("/wpars/wpr00/home");
        assertThat(reason(instance)).contains(mksysb.path(), savevg.path(), "mount /wpars/wpr01/home",
                "umount /wpars/wpr01/home");

        List<String> changes = changes("lpar00");
        assertThat(changes).containsExactly("mount /wpars/wpr01", "mount /wpars/wpr01/home",
                "mount /wpars/wpr01/tmp", "mount /wpars/wpr01/var", "mksysb -i -N " + mksysb.path(),
                "savevg -i -f " + savevg.path() + " datavg", "umount /wpars/wpr01/var", "umount /wpars/wpr01/tmp",
                "umount /wpars/wpr01/home", "umount /wpars/wpr01");
        assertThat(mountedFromTheGlobalEnvironment("lpar00")).isEmpty();
        assertThat(fleet.host("lpar00").states()).contains("wpr00=A", "wpr01=D");
        assertNoLease();
        assertThat(catalog.list("lpar00", null, "mksysb", CatalogImage.State.GOOD, null, 10)).hasSize(1);
        assertThat(catalog.forWpar("lpar00", CatalogImage.GLOBAL, true)).as("not a WPAR's image").isEmpty();
        HttpResponse<String> listed = get("/api/images?lpar=lpar00&kind=savevg");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"kind\":\"savevg\"", "\"volumeGroup\":\"datavg\"", savevg.id())
                .doesNotContain(mksysb.id());
        assertThat(get("/api/images?kind=tarball").statusCode()).isEqualTo(400);
    }

    @Test
    void aFailingMksysbEndsFailedWithEverythingUnmountedAndTheLeaseReleased() {
        fleet.faults().add(FaultRule.on("lpar00").command("mksysb")
                .fail(1, "0512-008 mksysb: The backup media is full.").build());

        String instance = run(Map.of("lpar", "lpar00"));

        assertThat(variable(instance, "outcome")).as(reason(instance)).isEqualTo("FAILED");
        assertThat(variable(instance, "failureCode")).isEqualTo("MKSYSB_FAILED");
        assertThat(reason(instance)).contains("0512-008", "umount /wpars/wpr01");
        assertThat(variable(instance, "imageIds")).isEqualTo("");
        assertThat(changes("lpar00")).contains("mount /wpars/wpr01", "umount /wpars/wpr01")
                .noneMatch(c -> c.startsWith("savevg"));
        assertThat(mountedFromTheGlobalEnvironment("lpar00")).isEmpty();
        assertThat(catalog.list("lpar00", null, null, null, null, 10)).isEmpty();
        assertNoLease();
        assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    @Test
    void aRestoreDrillVerifiesTheMksysbImagesAndACorruptOneFailsIt() {
        CatalogImage good = mksysbOf(run(Map.of("lpar", "lpar00")));
        CatalogImage rotten = mksysbOf(run(Map.of("lpar", "lpar01")));
        // the repository rots under lpar01's image: the next read of it finds another byte in the middle
        fleet.faults().add(FaultRule.on("lpar01").command("csum").argContains(rotten.path()).corrupt().once().build());

        identity.setAuthentication("operator", List.of("wparflow-operators"));
        String drill;
        try {
            drill = runtime.startProcessInstanceByMessage("RestoreDrillRequested", new HashMap<>(Map.of("sample", 5)))
                    .getId();
        } finally {
            identity.clearAuthentication();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                history.createHistoricProcessInstanceQuery().processInstanceId(drill).finished().count() == 1);

        assertThat(variable(drill, "drillPassed")).isEqualTo(1);
        assertThat(variable(drill, "drillFailed")).isEqualTo(1);
        assertThat((String) variable(drill, "drillSummary")).contains("OK mksysb of lpar00 " + good.path(),
                "FAILED mksysb of lpar01 " + rotten.path() + ": IMAGE_CORRUPT", "the catalog recorded "
                        + rotten.checksum());
        assertThat(catalog.find(good.id()).orElseThrow().restoreTestedAt()).as("restore-tested").isNotNull();
        assertThat(catalog.find(rotten.id()).orElseThrow().restoreTestedAt()).isNull();
        assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    CatalogImage mksysbOf(String instance) {
        assertThat(variable(instance, "outcome")).as(reason(instance)).isEqualTo("BACKED_UP");
        return catalog.find(((String) variable(instance, "imageIds")).split(",")[0]).orElseThrow();
    }

    @Test
    void anLparAnotherOperationHoldsIsRefusedAndACallersLeaseIsKept() {
        dev.wparflow.lock.LockResource lpar00 = dev.wparflow.lock.LockResource.host("lpar00");
        locks.acquire(lpar00, "another-operation", "WparLifecycleProcess lpar00", Duration.ofMinutes(5));
        try {
            String instance = run(Map.of("lpar", "lpar00"));
            assertThat(variable(instance, "outcome")).as(reason(instance)).isEqualTo("FAILED");
            assertThat(variable(instance, "failureCode")).isEqualTo("LPAR_LOCKED");
            assertThat(fleet.log().entries("lpar00")).as("nothing sent").isEmpty();
            assertThat(locks.find(lpar00).owner()).isEqualTo("another-operation");

            // a process that called the backup (a maintenance of the LPAR) holds it: the backup runs under it and
            // leaves it to the caller
            assertThat(service.lease("child-instance", List.of("another-operation"), "lpar00")).isFalse();
            service.release("child-instance", "lpar00", false);
            assertThat(locks.find(lpar00).owner()).isEqualTo("another-operation");
        } finally {
            locks.release(lpar00, "another-operation");
        }
    }

    @Test
    void badInputIsRefusedBeforeAnythingReachesAHost() throws Exception {
        long before = history.createHistoricProcessInstanceQuery().count();
        for (String body : List.of("{\"variables\":{\"lpar\":{\"value\":\"lpar99\"}}}",
                "{\"variables\":{\"lpar\":{\"value\":\"lpar00;reboot\"}}}", "{\"variables\":{}}",
                "{\"variables\":{\"lpar\":{\"value\":\"lpar00\"},\"toMount\":{\"value\":\"/\"}}}",
                "{\"variables\":{\"lpar\":{\"value\":\"lpar00\"},\"reason\":{\"value\":\"two\\nlines\"}}}")) {
            HttpResponse<String> r = post("/engine-rest/process-definition/key/GlobalBackupProcess/start", body);
            assertThat(r.statusCode()).as(body + " → " + r.body()).isEqualTo(400);
        }
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
        assertThat(fleet.log().entries()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ helpers

    void assertNoLease() {
        assertThat(locks.held()).extracting(HeldLock::resource).noneMatch(r -> r.startsWith("host:"));
    }

    /** Started by the operator, until it ends, without incidents. */
    String run(Map<String, Object> variables) {
        identity.setAuthentication("operator", List.of("wparflow-operators"));
        String instance;
        try {
            instance = runtime.startProcessInstanceByKey(GlobalBackupVariables.PROCESS_ID, new HashMap<>(variables))
                    .getId();
        } finally {
            identity.clearAuthentication();
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(runtime.createIncidentQuery().list()).as("incidents").isEmpty();
            return history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1;
        });
        return instance;
    }

    Object variable(String instance, String name) {
        var v = history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name)
                .singleResult();
        return v == null ? null : v.getValue();
    }

    String reason(String instance) {
        return variable(instance, "outcome") + ": " + variable(instance, "outcomeReason");
    }

    /** What {@code host} received that is neither a read nor the detached-run protocol (a detached run's command). */
    List<String> changes(String host) {
        return fleet.log().entries(host).stream().filter(e -> !READS.contains(e.command()))
                .filter(e -> !e.command().equals("wparflow-run"))
                .map(e -> e.raw).collect(Collectors.toList());
    }

    /** The file systems of inactive WPARs that df lists on {@code host}. */
    List<String> mountedFromTheGlobalEnvironment(String host) {
        return out(host, "df").lines().filter(l -> l.endsWith("/wpars/wpr01") || l.contains("/wpars/wpr01/"))
                .toList();
    }

    String out(String host, String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = fleet.host(host).runLine("root", line, out, new ByteArrayOutputStream(), () -> { });
        assertThat(rc).as(host + ": " + line).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + app.getEnvironment().getProperty("local.server.port") + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("operator:" + TestUsers.password("operator")).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + app.getEnvironment().getProperty("local.server.port") + path))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("operator:" + TestUsers.password("operator")).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
