package dev.wparflow.process.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.testsupport.FleetApplication;
import dev.wparflow.testsupport.TestDatabases;

/**
 * Restore and clone against the simulator over SSH, job executor on: a backup of lpar00/wpr00 (with a file of its
 * own) into lpar02:/images; the WPAR removed, then restored (four-eyes approval through the engine API) Active with
 * its file; the image cloned to lpar01 into datavg on hdisk1 with a new name, hostname and address; and every
 * refusal (name, hostname, address taken; image missing or corrupt) ends with a clear code and nothing changed.
 */
class RestoreCloneIT {

    static final String FLEET = """
            time-scale: 1
            durations: {savewpar: 300, restwpar: 300, stopwpar: 100, startwpar: 100, rmwpar: 100}
            hosts:
              - name: lpar00
                port: 0
                nfs-mounts: [{server: lpar02, remote: /images, local: /images}]
                wpars:
                  - {name: wpr00, state: A, address: 9.3.5.182}
                  - {name: wpr01, state: D, address: 9.3.5.183}
              - name: lpar01
                port: 0
                nfs-mounts: [{server: lpar02, remote: /images, local: /images}]
                volume-groups:
                  - {name: rootvg, pp-size-mb: 128, total-pps: 546, disks: [hdisk0]}
                  - {name: datavg, pp-size-mb: 128, total-pps: 800, disks: [hdisk1]}
                wpars:
                  - {name: wpr10, state: A, address: 9.3.5.190}
              - name: lpar02
                port: 0
                nfs-exports: [{path: /images, clients: [lpar00, lpar01]}]
            """;

    @TempDir
    Path dir;
    Fleet fleet;
    ConfigurableApplicationContext node;

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
    }

    ConfigurableApplicationContext startNode(String url, String user, String password) {
        return FleetApplication.on(url, user, password).fleet(fleet, "lpar00", "lpar01", "lpar02")
                .property("wparflow.ssh.connect-timeout", "PT2S")
                .property("wparflow.backup.drill.lpar", "lpar01")
                .property("wparflow.backup.drill.address", "9.3.5.210")
                .property("wparflow.backup.drill.volume-group", "datavg")
                .property("wparflow.backup.drill.sample", "5")
                .start();
    }

    @Test
    void restoreAndCloneOnH2() throws Exception {
        Files.createDirectories(dir.resolve("db"));
        restoreAndClone("jdbc:h2:file:" + dir.resolve("db/wparflow") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    @Test
    void restoreAndCloneOnPostgres() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresUrl() != null, TestDatabases.POSTGRES_DISABLED_REASON);
        restoreAndClone(TestDatabases.postgresUrl(), TestDatabases.postgresUser(), TestDatabases.postgresPassword());
    }

    private void restoreAndClone(String url, String user, String password) throws Exception {
        node = startNode(url, user, password);
        users();
        fleet.host("lpar00").writeFile("/wpars/wpr00/home/app/data.txt", "wpr00's own data\n");

        // a backup of wpr00 into the shared repository
        String backup = runToEnd("WparBackupProcess", Map.of("host", "lpar00", "wpar", "wpr00"), null);
        String imageId = (String) variable(backup, "imageId");
        assertThat(imageId).as("backup of wpr00: " + variable(backup, "failureReason")).isNotNull();
        CatalogImage image = node.getBean(ImageCatalog.class).find(imageId).orElseThrow();

        // restore refuses while wpr00 exists and nothing says what to do with it; nothing changed
        int logBefore = changes("lpar00");
        String refused = runToEnd("WparRestoreProcess", Map.of("host", "lpar00", "wpar", "wpr00", "requester", "operator"), null);
        assertThat(variable(refused, "failureCode")).isEqualTo("NAME_TAKEN");
        assertThat(changes("lpar00")).isEqualTo(logBefore);

        // removed, then restored from the catalog: back Active with its file
        sh("lpar00", "stopwpar -F wpr00");
        sh("lpar00", "rmwpar wpr00");
        assertThat(fleet.host("lpar00").wpar("wpr00")).isEmpty();
        assertThat(fleet.host("lpar00").file("/wpars/wpr00/home/app/data.txt")).isNull();
        String restore = runToEnd("WparRestoreProcess", Map.of("host", "lpar00", "wpar", "wpr00", "requester", "operator",
                "start", true), "approver");
        assertThat(variable(restore, "failureReason")).isNull();
        assertThat(variable(restore, "decision")).isEqualTo("approve");
        assertThat(variable(restore, "restoredState")).isEqualTo("ACTIVE");
        assertThat(variable(restore, "imageId")).isEqualTo(imageId);
        assertThat(fleet.host("lpar00").states()).contains("wpr00=A");
        assertThat(new String(fleet.host("lpar00").file("/wpars/wpr00/home/app/data.txt"), StandardCharsets.UTF_8))
                .isEqualTo("wpr00's own data\n");

        // restore over the existing WPAR (remove), left Defined
        String replace = runToEnd("WparRestoreProcess", Map.of("host", "lpar00", "wpar", "wpr00", "requester", "operator",
                "existing", "remove", "imageId", imageId), "approver");
        assertThat(variable(replace, "failureReason")).isNull();
        assertThat(fleet.host("lpar00").states()).contains("wpr00=D");

        // not golden: refused, nothing changed; then marked golden
        int lpar01Before = changes("lpar01");
        assertThat(refusedClone(Map.of("wpar", "wpr05", "address", "9.3.5.199"), imageId)).isEqualTo("IMAGE_NOT_GOLDEN");
        assertThat(changes("lpar01")).isEqualTo(lpar01Before);
        node.getBean(ImageCatalog.class).setGolden(imageId, true);

        // clone to lpar01 into datavg: new name, hostname, address; LVs in datavg; the edited image.data on the host
        String clone = runToEnd("WparCloneProcess", Map.of("host", "lpar01", "wpar", "wpr05", "imageId", imageId,
                "hostname", "wpr05.example", "address", "9.3.5.199", "volumeGroup", "datavg", "disks", "hdisk1",
                "start", true), null);
        assertThat(variable(clone, "failureReason")).isNull();
        assertThat(variable(clone, "restoredState")).isEqualTo("ACTIVE");
        assertThat(sh("lpar01", "lswpar -c -q -a name,state,hostname,directory wpr05").strip())
                .isEqualTo("wpr05:A:wpr05.example:/wpars/wpr05");
        assertThat(sh("lpar01", "lswpar -c -q -N wpr05")).contains("9.3.5.199");
        String datavg = sh("lpar01", "lsvg -l datavg");
        for (String line : sh("lpar01", "lswpar -c -q -M wpr05").lines().filter(l -> l.contains(":jfs2:")).toList()) {
            String lv = line.split(":")[2].replace("/dev/", "");
            assertThat(datavg).as(lv + " in datavg").contains(lv);
        }
        String edited = new String(fleet.host("lpar01").file("/tmp/wpardata/wpr05/image.data.datavg"), StandardCharsets.UTF_8);
        assertThat(edited).contains("VOLUME_GROUP= datavg").contains("LV_SOURCE_DISK_LIST= hdisk1").doesNotContain("rootvg");
        assertThat(new String(fleet.host("lpar01").file("/wpars/wpr05/home/app/data.txt"), StandardCharsets.UTF_8))
                .isEqualTo("wpr00's own data\n");

        // refusals: nothing changes on lpar01
        String states = fleet.host("lpar01").states();
        int before = changes("lpar01");
        assertThat(refusedClone(Map.of("wpar", "wpr10", "address", "9.3.5.200"), imageId)).isEqualTo("NAME_TAKEN");
        assertThat(refusedClone(Map.of("wpar", "wpr06", "hostname", "wpr05.example", "address", "9.3.5.200"), imageId))
                .isEqualTo("HOSTNAME_TAKEN");
        assertThat(refusedClone(Map.of("wpar", "wpr06", "address", "9.3.5.190"), imageId)).isEqualTo("ADDRESS_TAKEN");
        assertThat(refusedClone(Map.of("wpar", "wpr06", "address", "9.3.5.200", "volumeGroup", "nosuchvg"), imageId))
                .isEqualTo("VOLUME_GROUP_NOT_FOUND");
        assertThat(refusedClone(Map.of("wpar", "wpr06", "address", "9.3.5.200"), "no-such-image")).isEqualTo("IMAGE_NOT_FOUND");
        byte[] original = fleet.host("lpar02").file(image.path());
        byte[] corrupt = original.clone();
        corrupt[corrupt.length - 2] ^= 1;
        fleet.host("lpar02").model().files.write(image.path(), corrupt);
        assertThat(refusedClone(Map.of("wpar", "wpr06", "address", "9.3.5.200"), imageId)).isEqualTo("IMAGE_CORRUPT");
        fleet.host("lpar02").model().files.delete(image.path());
        assertThat(refusedClone(Map.of("wpar", "wpr06", "address", "9.3.5.200"), imageId)).isEqualTo("IMAGE_NOT_FOUND");
        String restoreMissing = runToEnd("WparRestoreProcess", Map.of("host", "lpar00", "wpar", "wpr00",
                "requester", "operator", "existing", "remove"), null);
        assertThat(variable(restoreMissing, "failureCode")).isEqualTo("IMAGE_NOT_FOUND");
        assertThat(fleet.host("lpar01").states()).isEqualTo(states);
        assertThat(changes("lpar01")).isEqualTo(before);
        assertThat(fleet.host("lpar00").states()).contains("wpr00=D");
        assertThat(node.getBean(dev.wparflow.lock.LeaseLockService.class).held()).noneMatch(l -> l.owner().equals(clone));
    }

    /**
     * The drill on H2 (its sample is the whole catalog, which on the shared PostgreSQL database holds images of other
     * tests' fleets): both WPARs' newest images are restored to drill00 on lpar01 (datavg), Active, removed, marked
     * restore-tested; a missing image fails its drill and is not marked.
     */
    @Test
    void restoreDrillOnH2() throws Exception {
        Files.createDirectories(dir.resolve("db"));
        node = startNode("jdbc:h2:file:" + dir.resolve("db/wparflow") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        ImageCatalog catalog = node.getBean(ImageCatalog.class);
        String wpr00 = (String) variable(runToEnd("WparBackupProcess", Map.of("host", "lpar00", "wpar", "wpr00"), null), "imageId");
        String wpr01 = (String) variable(runToEnd("WparBackupProcess", Map.of("host", "lpar00", "wpar", "wpr01"), null), "imageId");
        String wpr10 = (String) variable(runToEnd("WparBackupProcess", Map.of("host", "lpar01", "wpar", "wpr10"), null), "imageId");
        assertThat(List.of(wpr00, wpr01, wpr10)).doesNotContainNull();
        fleet.host("lpar02").model().files.delete(catalog.find(wpr10).orElseThrow().path());

        RuntimeService runtime = node.getBean(RuntimeService.class);
        String drill = runtime.startProcessInstanceByMessage("RestoreDrillRequested", Map.of()).getId();
        HistoryService history = node.getBean(HistoryService.class);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            assertThat(runtime.createIncidentQuery().list()).as("incidents").isEmpty();
            return history.createHistoricProcessInstanceQuery().processInstanceId(drill).finished().count() == 1;
        });
        assertThat(variable(drill, "drillPassed")).isEqualTo(2);
        assertThat(variable(drill, "drillFailed")).isEqualTo(1);
        assertThat((String) variable(drill, "drillSummary")).contains("OK lpar00/wpr00", "OK lpar00/wpr01",
                "FAILED lpar01/wpr10", "IMAGE_NOT_FOUND");
        assertThat(catalog.find(wpr00).orElseThrow().restoreTestedAt()).isNotNull();
        assertThat(catalog.find(wpr01).orElseThrow().restoreTestedAt()).isNotNull();
        assertThat(catalog.find(wpr10).orElseThrow().restoreTestedAt()).isNull();
        assertThat(fleet.host("lpar01").wpar("drill00")).isEmpty();
        assertThat(fleet.log().entries("lpar01").stream().filter(e -> e.command().equals("startwpar")
                && e.argv.contains("drill00"))).hasSize(2);
        assertThat(fleet.host("lpar01").states()).isEqualTo("{wpr10=A}");
    }

    private String refusedClone(Map<String, Object> extra, String imageId) {
        Map<String, Object> v = new HashMap<>(extra);
        v.put("host", "lpar01");
        v.put("imageId", imageId);
        String id = runToEnd("WparCloneProcess", v, null);
        assertThat(variable(id, "failureReason")).as("reason").isNotNull();
        return (String) variable(id, "failureCode");
    }

    /** Commands on the host that change something (anything but reads). */
    private int changes(String host) {
        Set<String> reads = Set.of("lswpar", "lssavewpar", "csum", "lsvg", "cat", "wc", "oslevel", "df", "wparflow-run",
                "uname", "hostname");
        return (int) fleet.log().entries(host).stream().filter(e -> !reads.contains(e.command())).count();
    }

    private void users() {
        IdentityService identity = node.getBean(IdentityService.class);
        dev.wparflow.testsupport.TestUsers.ensure(identity, "operator", "wparflow-operators");
        dev.wparflow.testsupport.TestUsers.ensure(identity, "approver", "wparflow-approvers");
    }

    /** Starts an instance and drives it to its end; an approval task is approved by {@code approver} if given. */
    private String runToEnd(String key, Map<String, Object> variables, String approver) {
        RuntimeService runtime = node.getBean(RuntimeService.class);
        Set<String> incidentsBefore = new HashSet<>();
        runtime.createIncidentQuery().list().forEach(i -> incidentsBefore.add(i.getId()));
        String instance = runtime.startProcessInstanceByKey(key, variables).getId();
        HistoryService history = node.getBean(HistoryService.class);
        TaskService tasks = node.getBean(TaskService.class);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(runtime.createIncidentQuery().list()).as("incidents")
                    .allMatch(i -> incidentsBefore.contains(i.getId()));
            if (approver != null) {
                for (Task t : tasks.createTaskQuery().list()) {
                    String root = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                            .singleResult().getRootProcessInstanceId();
                    if (instance.equals(root)) {
                        IdentityService identity = node.getBean(IdentityService.class);
                        identity.setAuthentication(approver, List.of("wparflow-approvers"));
                        try {
                            tasks.complete(t.getId(), Map.of("decision", "approve", "reason", "tested restore"));
                        } finally {
                            identity.clearAuthentication();
                        }
                    }
                }
            }
            return history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1;
        });
        return instance;
    }

    private Object variable(String instance, String name) {
        HistoricVariableInstance v = node.getBean(HistoryService.class).createHistoricVariableInstanceQuery()
                .processInstanceId(instance).variableName(name).singleResult();
        return v == null ? null : v.getValue();
    }

    private String sh(String host, String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = fleet.host(host).runLine("root", line, out, err, () -> { });
        assertThat(rc).as(line + ": " + err).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
