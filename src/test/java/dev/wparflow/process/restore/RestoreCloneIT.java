package dev.wparflow.process.restore;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.run.RemoteRun;
import dev.wparflow.run.RemoteRunService;
import dev.wparflow.simulator.CommandLog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.simulator.fault.FaultType;
import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.simulator.model.WparFileSystem;
import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.FleetApplication;
import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestFleets;
import dev.wparflow.testsupport.TestUsers;

/**
 * Restore, clone and the restore drill against the simulator over SSH, job executor on, one application per database
 * (subclasses: H2, PostgreSQL in a schema of its own), the fleet reset before each test. Backups of lpar00/wpr00 (with
 * files of its own) go to lpar02:/images. Restore: after removal, back Active with its files; refusals change nothing;
 * restwpar failing or hanging after the existing WPAR was renamed or removed rolls back or reports the WPAR ABSENT
 * with the image to use; what a cancelled restwpar left is removed. Clone: from a golden image (marked over REST) to
 * lpar01 into datavg, every logical volume in datavg in the simulator's model; a failed clone leaves nothing. Drill:
 * two images drilled OK and marked, a missing one FAILED and not marked, the scratch WPAR gone.
 */
@BothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestoreCloneIT {

    static final String FLEET = TestFleets.yaml("restore-clone");
    /** restwpar longer than this is cancelled; long enough for the 0.3 s restwpar of this fleet on a busy machine */
    static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(6);
    static final String DATA = "/home/app/data.txt";
    static final String CONFIG = "/var/app/app.conf";

    @TempDir
    static Path dir;
    Fleet fleet;
    ConfigurableApplicationContext node;

    /** This class's database, dropped after its last test. */
    private final TestDatabase database = TestDatabase.selected("restore");

    TestDatabase database() {
        return database;
    }

    @BeforeAll
    void start() throws Exception {
        fleet = Fleet.startYaml(FLEET, FleetOptions.forTests().dataDir(dir.resolve("sim")).timeScale(1.0));
        node = FleetApplication.on(database())
                .fleet(fleet, "lpar00", "lpar01", "lpar02")
                .property("wparflow.ssh.connect-timeout", "PT2S")
                .property("wparflow.backup.restore-timeout", RESTORE_TIMEOUT.toString())
                // an idle job executor waits up to max-wait (default 60 s) before it looks for due timers again: the
                // timeout tests measured 9-15 s past due with the defaults
                .property("camunda.bpm.job-execution.wait-time-in-millis", "500")
                .property("camunda.bpm.job-execution.max-wait", "2000")
                .property("wparflow.backup.drill.lpar", "lpar01")
                .property("wparflow.backup.drill.address", "9.3.5.210")
                .property("wparflow.backup.drill.volume-group", "datavg")
                .property("wparflow.backup.drill.sample", "5")
                .start();
        IdentityService identity = node.getBean(IdentityService.class);
        TestUsers.ensure(identity, "operator", "wparflow-operators");
        TestUsers.ensure(identity, "approver", "wparflow-approvers");
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
            node = null;
        }
        if (fleet != null) {
            fleet.close();
            fleet = null;
        }
        database().drop();
    }

    @BeforeEach
    void freshFleet() throws Exception {
        fleet.reset();
    }

    @Test
    void restoreAndClone() throws Exception {
        fleet.host("lpar00").writeFile("/wpars/wpr00" + DATA, "wpr00's own data\n");
        fleet.host("lpar00").writeFile("/wpars/wpr00" + CONFIG, "threads=8\n");
        String imageId = backup("wpr00");
        CatalogImage image = catalog().find(imageId).orElseThrow();
        fleet.host("lpar00").writeFile("/wpars/wpr00/tmp/after-the-backup.txt", "not in the image\n");

        // restore refuses while wpr00 exists and nothing says what to do with it; nothing changed
        int logBefore = changes("lpar00");
        String refused = runToEnd("WparRestoreProcess", Map.of("host", "lpar00", "wpar", "wpr00", "requester", "operator"), null);
        assertThat(variable(refused, "failureCode")).isEqualTo("NAME_TAKEN");
        assertThat(variable(refused, "outcome")).isEqualTo("REFUSED");
        assertThat(changes("lpar00")).isEqualTo(logBefore);

        // renamed aside, wpr00 would keep its hostname beside the restored one: refused
        String beside = runToEnd("WparRestoreProcess", Map.of("host", "lpar00", "wpar", "wpr00", "requester", "operator",
                "existing", "rename", "renameTo", "wpr00old"), null);
        assertThat(variable(beside, "failureCode")).isEqualTo("HOSTNAME_TAKEN");
        assertThat(changes("lpar00")).isEqualTo(logBefore);

        // removed, then restored from the catalog: back Active with its files, and only those of the image
        sh("lpar00", "stopwpar -F wpr00");
        sh("lpar00", "rmwpar wpr00");
        assertThat(fleet.host("lpar00").wpar("wpr00")).isEmpty();
        assertThat(file("lpar00", "/wpars/wpr00" + DATA)).isNull();
        String restore = runToEnd("WparRestoreProcess", Map.of("host", "lpar00", "wpar", "wpr00", "requester", "operator",
                "start", true), "approver");
        assertThat(variable(restore, "failureReason")).isNull();
        assertThat(variable(restore, "outcome")).isEqualTo("RESTORED");
        assertThat(variable(restore, "decision")).isEqualTo("approve");
        assertThat(variable(restore, "restoredState")).isEqualTo("ACTIVE");
        assertThat(variable(restore, "imageId")).isEqualTo(imageId);
        assertThat(fleet.host("lpar00").states()).contains("wpr00=A");
        assertThat(file("lpar00", "/wpars/wpr00" + DATA)).isEqualTo("wpr00's own data\n");
        assertThat(file("lpar00", "/wpars/wpr00" + CONFIG)).isEqualTo("threads=8\n");
        assertThat(file("lpar00", "/wpars/wpr00/tmp/after-the-backup.txt")).isNull();
        assertNoLeaseOf(restore);

        // restore over the existing WPAR (remove), left Defined, with its files
        fleet.host("lpar00").writeFile("/wpars/wpr00" + DATA, "changed since\n");
        String replace = runToEnd("WparRestoreProcess", Map.of("host", "lpar00", "wpar", "wpr00", "requester", "operator",
                "existing", "remove", "imageId", imageId), "approver");
        assertThat(variable(replace, "failureReason")).isNull();
        assertThat(approvalTitles).contains("Approve: restore wpr00 on lpar00 from image " + imageId);
        assertThat(fleet.host("lpar00").states()).contains("wpr00=D");
        assertThat(file("lpar00", "/wpars/wpr00" + DATA)).isEqualTo("wpr00's own data\n");

        // the image is not golden: a clone is refused, nothing changes; an operator marks it golden over REST
        String lpar01States = fleet.host("lpar01").states();
        int lpar01Before = changes("lpar01");
        assertThat(refusedClone(Map.of("wpar", "wpr05", "address", "9.3.5.199"), imageId)).isEqualTo("IMAGE_NOT_GOLDEN");
        assertThat(changes("lpar01")).isEqualTo(lpar01Before);
        assertThat(restCall("operator", "PUT", "/api/images/" + imageId + "/golden")).isEqualTo(200);
        assertThat(catalog().find(imageId).orElseThrow().golden()).isTrue();

        // clone to lpar01 into datavg: new name, hostname, address; every LV in datavg; the edited image.data
        Set<String> rootvgBefore = Set.copyOf(model("lpar01").volumeGroups.get("rootvg").logicalVolumes().keySet());
        String clone = runToEnd("WparCloneProcess", Map.of("host", "lpar01", "wpar", "wpr05", "imageId", imageId,
                "hostname", "wpr05.example", "address", "9.3.5.199", "volumeGroup", "datavg", "disks", "hdisk1",
                "start", true), null);
        assertThat(variable(clone, "failureReason")).isNull();
        assertThat(variable(clone, "outcome")).isEqualTo("CLONED");
        assertThat(variable(clone, "restoredState")).isEqualTo("ACTIVE");
        assertThat(sh("lpar01", "lswpar -c -q -a name,state,hostname,directory wpr05").strip())
                .isEqualTo("wpr05:A:wpr05.example:/wpars/wpr05");
        assertThat(sh("lpar01", "lswpar -c -q -N wpr05")).contains("9.3.5.199");
        assertLogicalVolumesIn("lpar01", "wpr05", "datavg", jfs2MountPoints(model("lpar00").wpar("wpr00").orElseThrow()));
        assertThat(model("lpar01").volumeGroups.get("rootvg").logicalVolumes().keySet()).as("rootvg untouched")
                .isEqualTo(rootvgBefore);
        String edited = file("lpar01", "/tmp/wpardata/wpr05/image.data.datavg");
        assertThat(edited).contains("VOLUME_GROUP= datavg").contains("LV_SOURCE_DISK_LIST= hdisk1").doesNotContain("rootvg");
        assertThat(file("lpar01", "/wpars/wpr05" + DATA)).isEqualTo("wpr00's own data\n");
        assertThat(file("lpar01", "/wpars/wpr05" + CONFIG)).isEqualTo("threads=8\n");
        assertNoLeaseOf(clone);

        // refusals: nothing changes on lpar01
        String states = fleet.host("lpar01").states();
        int before = changes("lpar01");
        assertThat(states).isNotEqualTo(lpar01States).contains("wpr05=A");
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
    }

    /**
     * What the catalog and the host can tell before approval is refused before approval: an image id the catalog does
     * not have, and an image whose file on the repository no longer verifies (lssavewpar, SHA-1 against the
     * catalog's). No approval is asked, nothing changes, no incident.
     */
    @Test
    void anImageMissingOrNotVerifyingIsRefusedBeforeApproval() {
        String imageId = backup("wpr01");
        CatalogImage image = catalog().find(imageId).orElseThrow();
        int before = changes("lpar00");

        String unknown = runToEnd("WparRestoreProcess", Map.of("host", "lpar00", "wpar", "wpr01", "requester",
                "operator", "existing", "remove", "imageId", "no-such-image"), null);
        assertThat(variable(unknown, "outcome")).isEqualTo("REFUSED");
        assertThat(variable(unknown, "failureCode")).isEqualTo("IMAGE_NOT_FOUND");
        assertThat((String) variable(unknown, "failureReason")).contains("no-such-image");

        fleet.host("lpar00").writeFile(image.path(), "not the image the catalog recorded\n");
        String corrupt = runToEnd("WparRestoreProcess", Map.of("host", "lpar00", "wpar", "wpr01", "requester",
                "operator", "existing", "remove", "imageId", imageId), null);
        assertThat(variable(corrupt, "outcome")).isEqualTo("REFUSED");
        assertThat(variable(corrupt, "failureCode")).isEqualTo("IMAGE_CORRUPT");
        assertThat((String) variable(corrupt, "failureReason")).contains(image.path());

        HistoryService history = node.getBean(HistoryService.class);
        for (String refused : List.of(unknown, corrupt)) {
            assertThat(history.createHistoricProcessInstanceQuery().superProcessInstanceId(refused).count())
                    .as("approvals asked").isZero();
        }
        assertThat(changes("lpar00")).isEqualTo(before);
        assertThat(fleet.host("lpar00").wpar("wpr01")).isPresent();
    }

    /**
     * The WPAR was rebuilt since the backup (other directory, hostname, address), so the backup can be restored beside
     * it: renamed aside, then restwpar fails. The original gets its name back and is started again, its files as they
     * were; no lease is left.
     */
    @Test
    void restwparFailingAfterTheRenameRollsBack() throws Exception {
        String imageId = backupThenRebuild();
        fleet.faults().add(FaultRule.on("lpar00").command("restwpar")
                .fail(1, "restwpar: 0960-999 simulated restore failure on lpar00").once().build());
        int start = fleet.log().entries("lpar00").size();
        long renamedToken = leaseToken("wpar:lpar00/wpr00old");

        String restore = runToEnd("WparRestoreProcess", Map.of("host", "lpar00", "wpar", "wpr00", "requester", "operator",
                "existing", "rename", "renameTo", "wpr00old", "imageId", imageId, "start", true), "approver");

        assertThat(variable(restore, "outcome")).isEqualTo("ROLLED_BACK");
        assertThat(variable(restore, "failureCode")).isEqualTo("RESTORE_FAILED");
        assertThat((String) variable(restore, "failureReason")).contains("0960-999 simulated restore failure",
                "restwpar left no WPAR lpar00/wpr00", "wpr00old was renamed back to wpr00", "restarted");
        assertRebuiltWparIsBack();
        assertThat(leaseToken("wpar:lpar00/wpr00old")).as("the name renamed to was leased too").isGreaterThan(renamedToken);
        assertThat(changesSince("lpar00", start)).containsExactly("stopwpar -F wpr00", "chwpar -n wpr00old wpr00",
                "restwpar -f " + catalog().find(imageId).orElseThrow().path(), "chwpar -n wpr00 wpr00old",
                "startwpar wpr00");
        assertNoLeaseOf(restore);
    }

    /**
     * A renamed WPAR keeps its directory (Example 4-12): a restore beside it into the same directory would fail in
     * restwpar after the rename, so it is refused before the approval, nothing changed.
     */
    @Test
    void renamingAsideIntoTheSameDirectoryIsRefusedUpFront() throws Exception {
        String imageId = backup("wpr00");
        sh("lpar00", "stopwpar -F wpr00");
        sh("lpar00", "rmwpar wpr00");
        sh("lpar00", "mkwpar -n wpr00 -h wpr00new -N address=9.3.5.184");
        int before = changes("lpar00");

        String restore = runToEnd("WparRestoreProcess", Map.of("host", "lpar00", "wpar", "wpr00", "requester", "operator",
                "existing", "rename", "renameTo", "wpr00old", "imageId", imageId), null);

        assertThat(variable(restore, "outcome")).isEqualTo("REFUSED");
        assertThat(variable(restore, "failureCode")).isEqualTo("DIRECTORY_TAKEN");
        assertThat((String) variable(restore, "failureReason")).contains("/wpars/wpr00", "existing=remove");
        assertThat(changes("lpar00")).isEqualTo(before);
        assertThat(sh("lpar00", "lswpar -c -q -a name,state,hostname wpr00").strip()).isEqualTo("wpr00:D:wpr00new");
    }

    /**
     * restwpar never answers after the existing WPAR was removed: cancelled at the timeout, nothing half-made is left,
     * and the outcome says the WPAR is ABSENT and which image restores it; restoring from that image then works.
     */
    @Test
    void restwparHangingAfterTheRemovalIsCancelledAndTheWparReportedAbsent() throws Exception {
        fleet.host("lpar00").writeFile("/wpars/wpr00" + DATA, "wpr00's own data\n");
        String imageId = backup("wpr00");
        String path = catalog().find(imageId).orElseThrow().path();
        FaultRule hang = fleet.faults().add(FaultRule.on("lpar00").command("restwpar").type(FaultType.HANG).once().build());

        long began = System.nanoTime();
        String restore = runToEnd("WparRestoreProcess", Map.of("host", "lpar00", "wpar", "wpr00", "requester", "operator",
                "existing", "remove", "start", true), "approver");
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertThat(hang.fired()).isEqualTo(1);
        assertThat(took).as("waited for the timeout").isGreaterThanOrEqualTo(RESTORE_TIMEOUT);
        assertThat(variable(restore, "outcome")).isEqualTo("ABSENT");
        assertThat(variable(restore, "failureCode")).isEqualTo("RESTORE_TIMEOUT");
        assertThat((String) variable(restore, "failureReason")).contains("ran longer than " + RESTORE_TIMEOUT,
                "cancelled", "lpar00/wpr00 is ABSENT", "removed before the restore", imageId, path);
        RemoteRun run = node.getBean(RemoteRunService.class).find((String) variable(restore, "restoreRunId")).orElseThrow();
        assertThat(run.state()).isEqualTo(RemoteRun.State.CANCELLED);
        assertThat(fleet.host("lpar00").wpar("wpr00")).isEmpty();
        assertThat(fleet.host("lpar00").states()).isEqualTo("{wpr01=D}");
        assertNoLeaseOf(restore);

        // the image the outcome names brings it back
        String again = runToEnd("WparRestoreProcess", Map.of("host", "lpar00", "wpar", "wpr00", "requester", "operator",
                "imageId", imageId, "start", true), "approver");
        assertThat(variable(again, "outcome")).isEqualTo("RESTORED");
        assertThat(fleet.host("lpar00").states()).contains("wpr00=A");
        assertThat(file("lpar00", "/wpars/wpr00" + DATA)).isEqualTo("wpr00's own data\n");
    }

    /**
     * restwpar is still creating file systems when the timeout cancels it: the Broken WPAR it left (with its logical
     * volumes) is removed, the renamed original renamed back and restarted.
     */
    @Test
    void aSlowRestwparCancelledAfterTheRenameLeavesNothingHalfMade() throws Exception {
        String imageId = backupThenRebuild();
        Set<String> lvsBefore = Set.copyOf(model("lpar00").volumeGroups.get("rootvg").logicalVolumes().keySet());
        model("lpar00").timing.setDuration("restwpar", 120_000);

        String restore = runToEnd("WparRestoreProcess", Map.of("host", "lpar00", "wpar", "wpr00", "requester", "operator",
                "existing", "rename", "renameTo", "wpr00old", "imageId", imageId, "start", true), "approver");

        assertThat(variable(restore, "outcome")).isEqualTo("ROLLED_BACK");
        assertThat(variable(restore, "failureCode")).isEqualTo("RESTORE_TIMEOUT");
        assertThat((String) variable(restore, "failureReason")).contains("what restwpar left of lpar00/wpr00 (BROKEN) "
                + "was removed", "renamed back");
        assertThat(fleet.log().entries("lpar00").stream().map(e -> String.join(" ", e.argv)))
                .contains("rmwpar -F wpr00");
        assertRebuiltWparIsBack();
        assertThat(model("lpar00").volumeGroups.get("rootvg").logicalVolumes().keySet()).as("no LV left behind")
                .isEqualTo(lvsBefore);
        assertThat(model("lpar00").files.exists("/wpars/wpr00")).as("the partial WPAR's directory").isFalse();
        assertNoLeaseOf(restore);
    }

    /** A clone whose restwpar fails part-way leaves nothing on the target: no WPAR, no logical volume. */
    @Test
    void aCloneCancelledPartWayLeavesNothing() throws Exception {
        String imageId = backup("wpr00");
        catalog().setGolden(imageId, true, "operator");
        String states = fleet.host("lpar01").states();
        Set<String> datavg = Set.copyOf(model("lpar01").volumeGroups.get("datavg").logicalVolumes().keySet());
        model("lpar01").timing.setDuration("restwpar", 120_000);

        String clone = runToEnd("WparCloneProcess", Map.of("host", "lpar01", "wpar", "wpr05", "imageId", imageId,
                "address", "9.3.5.199", "volumeGroup", "datavg", "disks", "hdisk1", "start", true), null);

        assertThat(variable(clone, "outcome")).isEqualTo("FAILED");
        assertThat(variable(clone, "failureCode")).isEqualTo("RESTORE_TIMEOUT");
        assertThat((String) variable(clone, "failureReason")).contains("what restwpar left of lpar01/wpr05 (BROKEN) was removed");
        assertThat(fleet.host("lpar01").states()).isEqualTo(states);
        assertThat(model("lpar01").volumeGroups.get("datavg").logicalVolumes().keySet()).isEqualTo(datavg);
        assertNoLeaseOf(clone);
    }

    /**
     * The drill on a catalog of this test's images: both WPARs' newest images restored to drill00 on lpar01 (datavg),
     * Active, removed, marked restore-tested; a missing image fails its drill and is not marked.
     */
    @Test
    void restoreDrill() throws Exception {
        node.getBean(JdbcTemplate.class).update("DELETE FROM wparflow_image");
        String wpr00 = backup("wpr00");
        String wpr01 = backup("wpr01");
        String wpr10 = (String) variable(runToEnd("WparBackupProcess", Map.of("host", "lpar01", "wpar", "wpr10"), null), "imageId");
        assertThat(wpr10).isNotNull();
        fleet.host("lpar02").model().files.delete(catalog().find(wpr10).orElseThrow().path());

        RuntimeService runtime = node.getBean(RuntimeService.class);
        Set<String> incidentsBefore = incidents();
        String drill = runtime.startProcessInstanceByMessage("RestoreDrillRequested", Map.of()).getId();
        HistoryService history = node.getBean(HistoryService.class);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> {
            assertThat(incidents()).as("incidents").isEqualTo(incidentsBefore);
            return history.createHistoricProcessInstanceQuery().processInstanceId(drill).finished().count() == 1;
        });
        assertThat(variable(drill, "drillPassed")).isEqualTo(2);
        assertThat(variable(drill, "drillFailed")).isEqualTo(1);
        assertThat((String) variable(drill, "drillSummary")).contains("OK lpar00/wpr00", "OK lpar00/wpr01",
                "FAILED lpar01/wpr10", "IMAGE_NOT_FOUND");
        assertThat(catalog().find(wpr00).orElseThrow().restoreTestedAt()).isNotNull();
        assertThat(catalog().find(wpr01).orElseThrow().restoreTestedAt()).isNotNull();
        assertThat(catalog().find(wpr10).orElseThrow().restoreTestedAt()).isNull();
        assertThat(catalog().find(wpr00).orElseThrow().golden()).as("drilled though not golden").isFalse();
        assertThat(fleet.host("lpar01").wpar("drill00")).isEmpty();
        assertThat(fleet.log().entries("lpar01").stream().filter(e -> e.command().equals("startwpar")
                && e.argv.contains("drill00"))).hasSize(2);
        assertThat(fleet.host("lpar01").states()).isEqualTo("{wpr10=A}");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    ImageCatalog catalog() {
        return node.getBean(ImageCatalog.class);
    }

    SimulatedHost model(String host) {
        return fleet.host(host).model();
    }

    String backup(String wpar) {
        String backup = runToEnd("WparBackupProcess", Map.of("host", "lpar00", "wpar", wpar), null);
        String imageId = (String) variable(backup, "imageId");
        assertThat(imageId).as("backup of " + wpar + ": " + variable(backup, "failureReason")).isNotNull();
        return imageId;
    }

    /** wpr00 backed up, then rebuilt in /wpars/wpr00new as wpr00new, 9.3.5.184, Active, with a file of its own. */
    String backupThenRebuild() {
        fleet.host("lpar00").writeFile("/wpars/wpr00" + DATA, "as backed up\n");
        String imageId = backup("wpr00");
        sh("lpar00", "stopwpar -F wpr00");
        sh("lpar00", "rmwpar wpr00");
        sh("lpar00", "mkwpar -n wpr00 -d /wpars/wpr00new -h wpr00new -N address=9.3.5.184");
        sh("lpar00", "startwpar wpr00");
        fleet.host("lpar00").writeFile("/wpars/wpr00new" + DATA, "rebuilt\n");
        return imageId;
    }

    void assertRebuiltWparIsBack() {
        assertThat(sh("lpar00", "lswpar -c -q -a name,state,hostname,directory").strip().lines().sorted().toList())
                .containsExactly("wpr00:A:wpr00new:/wpars/wpr00new", "wpr01:D:wpr01:/wpars/wpr01");
        assertThat(file("lpar00", "/wpars/wpr00new" + DATA)).isEqualTo("rebuilt\n");
        assertThat(sh("lpar00", "lswpar -c -q -N wpr00")).contains("9.3.5.184");
    }

    static List<String> jfs2MountPoints(Wpar w) {
        return w.fileSystems.stream().filter(f -> "jfs2".equals(f.vfs())).map(WparFileSystem::mountPoint).sorted()
                .toList();
    }

    /** In the simulator's model: every jfs2 file system of the WPAR on an LV of {@code vg}, registered there. */
    void assertLogicalVolumesIn(String host, String wpar, String vg, List<String> expectedMountPoints) {
        Wpar w = model(host).wpar(wpar).orElseThrow();
        List<WparFileSystem> jfs2 = w.fileSystems.stream().filter(f -> "jfs2".equals(f.vfs())).toList();
        assertThat(jfs2MountPoints(w)).as("the image's file systems").isEqualTo(expectedMountPoints).isNotEmpty();
        var lvs = model(host).volumeGroups.get(vg).logicalVolumes();
        for (WparFileSystem f : jfs2) {
            assertThat(f.volumeGroup()).as(f.mountPoint()).isEqualTo(vg);
            assertThat(lvs).as(f.mountPoint() + " on " + f.logicalVolume()).containsKey(f.logicalVolume());
            assertThat(lvs.get(f.logicalVolume()).mountPoint()).isEqualTo(f.globalPath(w.directory));
            for (var other : model(host).volumeGroups.values()) {
                if (!other.name().equals(vg)) {
                    assertThat(other.logicalVolumes()).as(f.logicalVolume() + " only in " + vg)
                            .doesNotContainKey(f.logicalVolume());
                }
            }
        }
        // and what AIX reports: lswpar -M's devices among lsvg -l's logical volumes
        List<String> lsvg = sh(host, "lsvg -l " + vg).lines().skip(2).map(l -> l.split("\\s+")[0]).toList();
        List<String> devices = sh(host, "lswpar -c -q -M " + wpar).lines().filter(l -> l.contains(":jfs2:"))
                .map(l -> l.split(":")[2].replace("/dev/", "")).toList();
        assertThat(devices).hasSize(jfs2.size());
        assertThat(lsvg).containsAll(devices);
    }

    String file(String host, String path) {
        byte[] content = fleet.host(host).file(path);
        return content == null ? null : new String(content, StandardCharsets.UTF_8);
    }

    /** The fencing token of a lease (0: never taken); it grows with every change of owner. */
    long leaseToken(String resource) {
        List<Long> tokens = node.getBean(JdbcTemplate.class).queryForList(
                "SELECT fencing_token FROM wparflow_lock WHERE resource = ?", Long.class, resource);
        return tokens.isEmpty() ? 0 : tokens.get(0);
    }

    void assertNoLeaseOf(String instance) {
        assertThat(node.getBean(LeaseLockService.class).held()).as("leases of " + instance)
                .noneMatch(l -> instance.equals(l.owner()));
    }

    private String refusedClone(Map<String, Object> extra, String imageId) {
        Map<String, Object> v = new HashMap<>(extra);
        v.put("host", "lpar01");
        v.put("imageId", imageId);
        String id = runToEnd("WparCloneProcess", v, null);
        assertThat(variable(id, "failureReason")).as("reason").isNotNull();
        assertThat(variable(id, "outcome")).isEqualTo("FAILED");
        assertNoLeaseOf(id);
        return (String) variable(id, "failureCode");
    }

    static final Set<String> READS = Set.of("lswpar", "lssavewpar", "csum", "lsvg", "cat", "wc", "oslevel", "df",
            "wparflow-run", "uname", "hostname");

    /** Commands on the host that change something (anything but reads). */
    private int changes(String host) {
        return (int) fleet.log().entries(host).stream().filter(e -> !READS.contains(e.command())).count();
    }

    /** The changing commands since the {@code from}th log entry, as command lines (detached runs included). */
    private List<String> changesSince(String host, int from) {
        List<CommandLog.Entry> entries = fleet.log().entries(host);
        return entries.subList(from, entries.size()).stream().filter(e -> !READS.contains(e.command()))
                .map(e -> String.join(" ", e.argv)).toList();
    }

    private Set<String> incidents() {
        Set<String> ids = new HashSet<>();
        node.getBean(RuntimeService.class).createIncidentQuery().list().forEach(i -> ids.add(i.getId()));
        return ids;
    }

    /** The names of the approval tasks {@link #runToEnd} completed, as Tasklist lists them. */
    private final List<String> approvalTitles = new java.util.ArrayList<>();

    /** Starts an instance and drives it to its end; an approval task is approved by {@code approver} if given. */
    private String runToEnd(String key, Map<String, Object> variables, String approver) {
        RuntimeService runtime = node.getBean(RuntimeService.class);
        Set<String> incidentsBefore = incidents();
        // a restore's requester is whoever starts it, logged in (the engine's record, not a variable)
        Map<String, Object> inputs = new java.util.HashMap<>(variables);
        Object requester = inputs.remove("requester");
        IdentityService starter = node.getBean(IdentityService.class);
        if (requester != null) {
            starter.setAuthentication(requester.toString(), List.of("wparflow-operators"));
        }
        String instance;
        try {
            instance = runtime.startProcessInstanceByKey(key, inputs).getId();
        } finally {
            starter.clearAuthentication();
        }
        HistoryService history = node.getBean(HistoryService.class);
        TaskService tasks = node.getBean(TaskService.class);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(incidents()).as("incidents").isEqualTo(incidentsBefore);
            if (approver != null) {
                for (Task t : tasks.createTaskQuery().list()) {
                    String root = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                            .singleResult().getRootProcessInstanceId();
                    if (instance.equals(root)) {
                        approvalTitles.add(t.getName());
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

    /** An /api call as {@code user} (password per TestUsers); returns the HTTP status. */
    private int restCall(String user, String method, String path) throws Exception {
        String port = node.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + TestUsers.password(user)).getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private String sh(String host, String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = fleet.host(host).runLine("root", line, out, err, () -> { });
        assertThat(rc).as(line + ": " + err).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
