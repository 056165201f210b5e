package dev.wparflow.process.backup.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.catalog.BackupRunRepository;
import dev.wparflow.simulator.CommandLog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.testsupport.FleetApplication;
import dev.wparflow.testsupport.TestDatabases;
import dev.wparflow.testsupport.TestFleets;

/**
 * A fleet backup against the simulator over SSH, job executor on: three LPARs with WPARs, one of them down, one
 * savewpar failing; the image repository is lpar02:/images mounted on lpar00 and lpar01. Then retention on a second
 * run keeps one image per WPAR and never the last good one.
 */
class FleetBackupIT {

    static final String FLEET = TestFleets.yaml("fleet-backup");

    @TempDir
    Path dir;
    Fleet fleet;
    ConfigurableApplicationContext node;
    String postgresSchemaUrl;

    @BeforeEach
    void fleet() throws Exception {
        fleet = Fleet.startYaml(FLEET, FleetOptions.forTests().dataDir(dir.resolve("sim")).timeScale(1.0));
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        fleet.close();
        if (postgresSchemaUrl != null) {
            TestDatabases.dropPostgresSchema(postgresSchemaUrl);
        }
    }

    ConfigurableApplicationContext startNode(String url, String user, String password) {
        return FleetApplication.on(url, user, password).fleet(fleet, "lpar00", "lpar01", "lpar02", "lpar03")
                .properties(url.equals(postgresSchemaUrl) ? TestDatabases.camundaSchemaProperties(url) : Map.of())
                .property("wparflow.ssh.connect-timeout", "PT2S")
                .property("wparflow.backup.per-host", "2")
                .property("wparflow.backup.global-limit", "3")
                .property("wparflow.backup.slot-retry-interval", "PT0.5S")
                .property("wparflow.backup.keep-images", "1")
                .property("wparflow.backup.policies.wpr00.mode", "stop")
                .property("wparflow.backup.policies[lpar01/wpr12].mode", "quiesce")
                .property("wparflow.backup.policies[lpar01/wpr12].quiesce-command[0]", "echo")
                .property("wparflow.backup.policies[lpar01/wpr12].quiesce-command[1]", "quiesce")
                .property("wparflow.backup.policies[lpar01/wpr12].resume-command[0]", "echo")
                .property("wparflow.backup.policies[lpar01/wpr12].resume-command[1]", "resume")
                .start();
    }

    @Test
    void fleetBackupOnH2() throws Exception {
        Files.createDirectories(dir.resolve("db"));
        fleetBackup("jdbc:h2:file:" + dir.resolve("db/wparflow") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    @Test
    void fleetBackupOnPostgres() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresUrl() != null, TestDatabases.POSTGRES_DISABLED_REASON);
        // a schema of its own: the run watchers of other tests' contexts on the shared one would see its runs
        postgresSchemaUrl = TestDatabases.freshPostgresSchemaUrl("fleetbackup");
        fleetBackup(postgresSchemaUrl, TestDatabases.postgresUser(), TestDatabases.postgresPassword());
    }

    private void fleetBackup(String url, String user, String password) throws Exception {
        fleet.host("lpar03").setDown(true);
        fleet.faults().add(FaultRule.on("lpar01").command("savewpar").argContains("wpr11")
                .fail(1, "savewpar: 0512-008 simulated write error on the image repository").once().build());
        node = startNode(url, user, password);
        Instant testStart = Instant.now();
        LeaseLockService leases = node.getBean(LeaseLockService.class);
        leases.held().stream().filter(l -> l.owner().startsWith("backup-lane.")).forEach(l -> leases.releaseAll(l.owner()));
        // the shared test database may hold backups of earlier, aborted runs against fleets that are gone
        RuntimeService runtime = node.getBean(RuntimeService.class);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            for (String key : List.of("FleetBackupProcess", "WparBackupProcess")) {
                runtime.createProcessInstanceQuery().processDefinitionKey(key).list().forEach(pi -> runtime
                        .deleteProcessInstanceIfExists(pi.getId(), "stale test run", true, true, true, true));
            }
            return runtime.createProcessInstanceQuery().processDefinitionKey("FleetBackupProcess").count() == 0
                    && runtime.createProcessInstanceQuery().processDefinitionKey("WparBackupProcess").count() == 0;
        });

        String first = runFleetBackup(Map.of("scope", "all"));
        BackupRunRepository runs = node.getBean(BackupRunRepository.class);
        BackupRunRepository.Run run = run(first);
        assertThat(run.done()).isEqualTo(5);
        assertThat(run.failed()).isEqualTo(2);
        assertThat(run.summary()).contains("FAILED lpar01/wpr11: SAVEWPAR_FAILED", "0512-008 simulated write error")
                .contains("FAILED lpar03: HOST_UNREACHABLE");
        assertThat(node.getBean(HistoryService.class).createHistoricVariableInstanceQuery().processInstanceId(first)
                .variableName("summary").singleResult().getValue().toString()).startsWith("done 5, failed 2, skipped 0");

        // every other WPAR: exactly one new image, in the catalog and on the repository, checksum as recorded
        ImageCatalog catalog = node.getBean(ImageCatalog.class);
        for (String w : List.of("lpar00/wpr00", "lpar00/wpr01", "lpar00/wpr02", "lpar01/wpr10", "lpar01/wpr12")) {
            String[] hw = w.split("/");
            List<CatalogImage> images = catalog.forWpar(hw[0], hw[1], true).stream()
                    .filter(i -> run.id().equals(i.backupRunId())).toList();
            assertThat(images).as(w).hasSize(1);
            CatalogImage image = images.get(0);
            byte[] onRepository = fleet.host("lpar02").file(image.path());
            assertThat(onRepository).as(image.path() + " on lpar02").isNotNull();
            assertThat(image.checksum()).isEqualTo("sha1:" + sha1(onRepository));
            assertThat(image.sizeBytes()).isEqualTo(onRepository.length);
            assertThat(image.fileCount()).isPositive();
            assertThat(image.oslevel()).isNotBlank();
            assertThat(image.imageDataText()).contains("lv_data");
            assertThat(image.specText()).contains(hw[1]);
            assertThat(fleet.host("lpar02").file(image.imageDataPath())).isNotNull();
            assertThat(fleet.host("lpar02").file(image.specPath())).isNotNull();
        }
        assertThat(catalog.forWpar("lpar01", "wpr11", true)).noneMatch(i -> run.id().equals(i.backupRunId()));
        // and, after them (wparflow.backup.global.order's default), a mksysb -N of every global environment it reached
        for (String lpar : List.of("lpar00", "lpar01", "lpar02")) {
            List<CatalogImage> mksysb = catalog.list(lpar, null, CatalogImage.MKSYSB, CatalogImage.State.GOOD, null, 10)
                    .stream().filter(i -> run.id().equals(i.backupRunId())).toList();
            assertThat(mksysb).as(lpar + "'s mksysb").hasSize(1);
            CatalogImage image = mksysb.get(0);
            assertThat(image.wpar()).isEqualTo(CatalogImage.GLOBAL);
            byte[] onRepository = fleet.host("lpar02").file(image.path());
            assertThat(onRepository).as(image.path() + " on lpar02").isNotNull();
            assertThat(image.checksum()).isEqualTo("sha1:" + sha1(onRepository));
            assertThat(commands(lpar, "mksysb")).singleElement().satisfies(e -> assertThat(e.start)
                    .as("after the WPARs' backups").isAfterOrEqualTo(lastEnd(run)));
        }
        assertThat(run.summary()).contains("global environments: backed up 3, failed 1",
                "global environment lpar03 FAILED: HOST_UNREACHABLE");
        assertThat(node.getBean(HistoryService.class).createHistoricVariableInstanceQuery().processInstanceId(first)
                .variableName("globalDoneCount").singleResult().getValue()).isEqualTo(3);

        // nothing left stopped; the stop policy stopped and restarted wpr00; quiesce/resume ran inside wpr12
        assertThat(fleet.host("lpar00").states()).isEqualTo("{wpr00=A, wpr01=A, wpr02=D}");
        assertThat(fleet.host("lpar01").states()).isEqualTo("{wpr10=A, wpr11=A, wpr12=A}");
        assertThat(commands("lpar00", "stopwpar")).singleElement().satisfies(e -> assertThat(e.argv).contains("wpr00"));
        assertThat(commands("lpar00", "startwpar")).singleElement().satisfies(e -> assertThat(e.argv).contains("wpr00"));
        assertThat(commands("lpar01", "clogin")).extracting(e -> String.join(" ", e.argv))
                .containsExactly("clogin wpr12 echo quiesce", "clogin wpr12 echo resume");
        // every WPAR lock and slot given back; the run watcher keeps its poller leases, visibly, until the node stops
        String nodeId = node.getBean(dev.wparflow.NodeIdentity.class).id();
        assertThat(node.getBean(LeaseLockService.class).held()).as("leases taken by this test and still held")
                .filteredOn(l -> l.acquiredAt().isAfter(testStart))
                .allSatisfy(l -> {
                    assertThat(l.resource()).startsWith("poller:");
                    assertThat(l.owner()).isEqualTo(nodeId);
                });

        // the per-host limit: never more than 2 savewpars at once on a host; the global limit 3 in the fleet
        // (whether a host's two lanes overlap depends on timing: with 4 lanes and 3 global slots they need not)
        assertThat(maxOverlap(commands("lpar00", "savewpar"))).isLessThanOrEqualTo(2);
        assertThat(maxOverlap(commands("lpar01", "savewpar"))).isLessThanOrEqualTo(2);
        List<CommandLog.Entry> all = new ArrayList<>(commands("lpar00", "savewpar"));
        all.addAll(commands("lpar01", "savewpar"));
        assertThat(maxOverlap(all)).as("savewpars at once in the fleet").isBetween(2, 3);

        // retention (keep 1): a second run of lpar00 deletes the first images, on the repository and in the catalog
        String second = runFleetBackup(Map.of("scope", "host:lpar00"));
        BackupRunRepository.Run secondRun = run(second);
        assertThat(secondRun.done()).isEqualTo(3);
        for (String wpar : List.of("wpr00", "wpr01", "wpr02")) {
            List<CatalogImage> images = catalog.forWpar("lpar00", wpar, true).stream()
                    .filter(i -> run.id().equals(i.backupRunId()) || secondRun.id().equals(i.backupRunId())).toList();
            assertThat(images).hasSize(2);
            assertThat(catalog.forWpar("lpar00", wpar, false)).as("one good image left").singleElement()
                    .satisfies(i -> assertThat(i.backupRunId()).isEqualTo(secondRun.id()));
            assertThat(images.get(0).state()).isEqualTo(CatalogImage.State.GOOD);
            assertThat(fleet.host("lpar02").file(images.get(0).path())).isNotNull();
            assertThat(images.get(1).state()).isEqualTo(CatalogImage.State.DELETED);
            assertThat(fleet.host("lpar02").file(images.get(1).path())).isNull();
            assertThat(fleet.host("lpar02").file(images.get(1).imageDataPath())).isNull();
        }
        // lpar01's images were not touched by lpar00's run
        assertThat(catalog.forWpar("lpar01", "wpr10", false)).anyMatch(i -> run.id().equals(i.backupRunId()));
    }

    /** When the run's last WPAR backup ended. */
    private Instant lastEnd(BackupRunRepository.Run run) {
        return node.getBean(BackupRunRepository.class).items(run.id()).stream()
                .filter(i -> !BackupRunRepository.GLOBAL.equals(i.wpar()) && i.finishedAt() != null)
                .map(BackupRunRepository.Item::finishedAt).max(Instant::compareTo).orElseThrow();
    }

    private BackupRunRepository.Run run(String processInstanceId) {
        return node.getBean(BackupRunRepository.class).runs(1000).stream()
                .filter(r -> processInstanceId.equals(r.processInstanceId())).findFirst().orElseThrow();
    }

    private String runFleetBackup(Map<String, Object> variables) {
        java.util.Set<String> incidentsBefore = new java.util.HashSet<>();
        node.getBean(RuntimeService.class).createIncidentQuery().list().forEach(i -> incidentsBefore.add(i.getId()));
        String instance = node.getBean(RuntimeService.class).startProcessInstanceByMessage("FleetBackupRequested", variables)
                .getId();
        HistoryService history = node.getBean(HistoryService.class);
        RuntimeService management = node.getBean(RuntimeService.class);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            assertThat(management.createIncidentQuery().list()).as("incidents")
                    .allMatch(i -> incidentsBefore.contains(i.getId()));
            return history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1;
        });
        return instance;
    }

    private List<CommandLog.Entry> commands(String host, String command) {
        return fleet.log().entries(host).stream().filter(e -> e.command().equals(command) && !e.refused).toList();
    }

    /** The largest number of entries running at one instant (each from start to end). */
    static int maxOverlap(List<CommandLog.Entry> entries) {
        int max = 0;
        for (CommandLog.Entry e : entries) {
            Instant t = e.start;
            int running = 0;
            for (CommandLog.Entry o : entries) {
                Instant end = o.end() == null ? Instant.MAX : o.end();
                if (!o.start.isAfter(t) && end.isAfter(t)) {
                    running++;
                }
            }
            max = Math.max(max, running);
        }
        return max;
    }

    static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
