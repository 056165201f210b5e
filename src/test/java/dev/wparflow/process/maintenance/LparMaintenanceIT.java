package dev.wparflow.process.maintenance;

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
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import dev.wparflow.lock.HeldLock;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockResource;
import dev.wparflow.simulator.CommandLog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.FleetUnderTest;
import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestFleets;
import dev.wparflow.testsupport.TestUsers;

/**
 * LparMaintenanceProcess end to end: the application (job executor on, real SSH) against three simulated LPARs with
 * shared and detached WPARs, some Active, an image repository with an update directory, the fleet reset before each
 * test. A rolling update of the three LPARs, one at a time, with a global backup of each: every global environment at
 * the new levels ({@code lslpp -l}), every WPAR at its global environment's levels (through {@code clogin … lslpp -l}
 * for the Active ones, the simulated WPAR for the Defined one), the Active WPARs Active again. The second LPAR's update
 * failing on a fileset stops the rollout: the third LPAR gets no changing command, the outcome names the LPAR and the
 * fileset. An LPAR another operation holds is LPAR_LOCKED, gets nothing, and the others are updated. A maintenance
 * refused at its plan has its record, REFUSED with the rule. Bad input is refused with a 400 before any command;
 * nothing changes before the approval or before the window opens; a rejection changes nothing.
 */
@BothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LparMaintenanceIT {

    static final String FLEET = TestFleets.yaml("maintenance");
    static final String SOURCE = "/images/updates/6100-02-03";
    static final List<String> LPARS = List.of("lpar00", "lpar01", "lpar02");
    /** what the simulator receives that changes a host (a preview installp -p reads only) */
    static final List<String> CHANGING = List.of("installp", "install_all_updates", "emgr", "syncwpar", "syncroot",
            "inuwpar", "startwpar", "stopwpar", "mksysb", "savevg", "mount", "umount");

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
    ManagementService management;
    @Autowired
    LeaseLockService locks;
    @Autowired
    MaintenanceRecords records;
    @Autowired
    dev.wparflow.inventory.InventoryRepository inventory;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @BeforeAll
    void start() throws Exception {
        system = FleetUnderTest.start(FLEET, dir.resolve("sim"), TestDatabase.selected("maintenance"));
        fleet = system.fleet();
        app = system.application(this, application -> application
                .fleet(fleet, "lpar00", "lpar01", "lpar02", "lpar03")
                .property("wparflow.discovery.at-start", "false")
                .property("wparflow.discovery.on-inventory-change", "false")
                .property("wparflow.maintenance.sources", "/images/updates,/images/efixes"));
        TestUsers.ensure(identity, "operator", "wparflow-operators");
        TestUsers.ensure(identity, "approver", "wparflow-approvers");
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
        fleet.faults().clear();
        fleet.log().clear();
    }

    @Test
    void aRollingUpdateOfThreeLparsLeavesEveryWparAtItsGlobalLevelsAndTheActiveOnesActive() {
        Map<String, String> statesBefore = Map.of("lpar00", fleet.host("lpar00").states(), "lpar01",
                fleet.host("lpar01").states(), "lpar02", fleet.host("lpar02").states());
        String id = start(Map.of("lpars", "lpar00,lpar01,lpar02", "updateKind", "installp", "softwareSource", SOURCE,
                "filesets", "bos.rte.libc,bos.wpars", "changeReason", "6100-02-03 (CHG-42)"));
        awaitApproval(id);
        assertThat(changing()).as("nothing changes before the approval").isEmpty();
        decide(id, "approve");
        awaitEnd(id);

        assertThat(variable(id, "outcome")).as(reason(id)).isEqualTo("COMPLETED");
        for (String lpar : LPARS) {
            assertThat(out(lpar, "lslpp -l bos.rte.libc bos.wpars")).as(lpar).contains("6.1.2.3")
                    .doesNotContain("6.1.2.1");
            assertThat(fleet.host(lpar).states()).as("the Active WPARs are Active again")
                    .isEqualTo(statesBefore.get(lpar));
            for (var w : fleet.host(lpar).wpars()) {
                if (w.state() == dev.wparflow.simulator.model.WparState.ACTIVE) {
                    assertThat(out(lpar, "clogin " + w.name + " lslpp -l bos.rte.libc bos.wpars"))
                            .as(lpar + "/" + w.name + " through clogin").contains("6.1.2.3").doesNotContain("6.1.2.1");
                }
                assertThat(w.filesets).as(lpar + "/" + w.name).containsEntry("bos.rte.libc", "6.1.2.3")
                        .containsEntry("bos.wpars", "6.1.2.3");
            }
        }
        // one LPAR at a time: each LPAR's update starts after the previous one's WPARs were synchronised
        List<CommandLog.Entry> log = fleet.log().entries();
        assertThat(firstIndex(log, "lpar01", "mksysb")).isGreaterThan(lastIndex(log, "lpar00", "syncwpar"));
        assertThat(firstIndex(log, "lpar02", "mksysb")).isGreaterThan(lastIndex(log, "lpar01", "syncwpar"));
        assertThat(log).filteredOn(e -> e.host.equals("lpar00") && e.command().equals("inuwpar")).isNotEmpty();
        MaintenanceRecords.Maintenance m = records.find(id).orElseThrow();
        assertThat(m.outcome()).isEqualTo("COMPLETED");
        assertThat(records.lpars(id)).extracting(MaintenanceRecords.Lpar::state).containsOnly("UPDATED");
        assertThat(records.lpars(id)).allSatisfy(l -> assertThat(l.backupImages()).isNotBlank());
        assertThat(records.wpars(id)).filteredOn(w -> w.wpar().equals("wpr01")).singleElement()
                .satisfies(w -> assertThat(w.syncState()).isEqualTo("NOT_CHECKED"));
        assertThat(records.wpars(id)).filteredOn(w -> !w.wpar().equals("wpr01") && !w.wpar().equals("wpr21"))
                .allSatisfy(w -> {
                    assertThat(w.syncState()).isEqualTo("SYNCED");
                    assertThat(w.levelsAfter()).contains("bos.rte.libc=6.1.2.3");
                });
        assertNoLease();
    }

    @Test
    void theSecondLparsFailedUpdateStopsTheRolloutBeforeTheThird() {
        double failedBefore = lparsFinished("apply_failed");
        fleet.faults().add(FaultRule.on("lpar01").filesetFails("bos.wpars").build());
        String id = start(Map.of("lpars", "lpar00,lpar01,lpar02", "updateKind", "installp", "softwareSource", SOURCE,
                "filesets", "bos.rte.libc,bos.wpars", "globalBackup", false));
        awaitApproval(id);
        long mark = fleet.log().entries().size();
        decide(id, "approve");
        awaitEnd(id);

        assertThat(variable(id, "outcome")).as(reason(id)).isEqualTo("PARTIAL");
        assertThat(reason(id)).contains("lpar01", "bos.wpars", "rollout stopped");
        assertThat(fleet.log().entries().subList((int) mark, fleet.log().entries().size()))
                .as("the third LPAR gets nothing after the approval").noneMatch(e -> e.host.equals("lpar02"));
        assertThat(out("lpar02", "lslpp -l bos.rte.libc")).contains("6.1.2.1");
        assertThat(out("lpar00", "lslpp -l bos.rte.libc")).contains("6.1.2.3");
        assertThat(records.lpars(id)).extracting(MaintenanceRecords.Lpar::lpar, MaintenanceRecords.Lpar::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lpar00", "UPDATED"),
                        org.assertj.core.groups.Tuple.tuple("lpar01", "APPLY_FAILED"),
                        org.assertj.core.groups.Tuple.tuple("lpar02", "NOT_STARTED"));
        assertThat(records.lpar(id, "lpar01").orElseThrow().failedFileset()).contains("bos.wpars");
        assertThat(lparsFinished("apply_failed")).as("wparflow_maintenance_lpars_total{result=apply_failed}")
                .isEqualTo(failedBefore + 1);
        assertNoLease();
    }

    @Test
    void anLparAnotherOperationHoldsIsReportedLockedUntouchedAndTheRolloutGoesOn() {
        // a relocation of lpar01's WPAR holds the LPAR for the whole maintenance
        assertThat(locks.acquire(LockResource.host("lpar01"), "relocation-r-7", "relocation of wpr10 to lpar03",
                Duration.ofHours(1)).acquired()).isTrue();
        try {
            double lockedBefore = lparsFinished("lpar_locked");
            String id = start(Map.of("lpars", "lpar00,lpar01,lpar02", "updateKind", "installp", "softwareSource",
                    SOURCE, "filesets", "bos.rte.libc", "globalBackup", false));
            awaitApproval(id);
            decide(id, "approve");
            awaitEnd(id); // fails on any incident

            assertThat(variable(id, "outcome")).as(reason(id)).isEqualTo("PARTIAL");
            assertThat(records.lpars(id)).extracting(MaintenanceRecords.Lpar::lpar, MaintenanceRecords.Lpar::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("lpar00", "UPDATED"),
                            org.assertj.core.groups.Tuple.tuple("lpar01", "LPAR_LOCKED"),
                            org.assertj.core.groups.Tuple.tuple("lpar02", "UPDATED"));
            assertThat(records.lpar(id, "lpar01").orElseThrow().error()).contains("relocation-r-7",
                    "relocation of wpr10 to lpar03");
            assertThat(reason(id)).contains("lpar01: LPAR_LOCKED", "relocation-r-7");
            assertThat(records.wpars(id, "lpar01")).extracting(MaintenanceRecords.Wpar::syncState)
                    .containsOnly("NOT_SYNCED");
            assertThat(changing()).as("nothing changing reaches the held LPAR").noneMatch(c -> c.startsWith("lpar01:"));
            assertThat(out("lpar01", "lslpp -l bos.rte.libc")).contains("6.1.2.1");
            assertThat(out("lpar02", "lslpp -l bos.rte.libc")).contains("6.1.2.3");
            assertThat(lparsFinished("lpar_locked")).as("wparflow_maintenance_lpars_total{result=lpar_locked}")
                    .isEqualTo(lockedBefore + 1);
            assertThat(locks.find(LockResource.host("lpar01")).owner()).as("the holder keeps its lease")
                    .isEqualTo("relocation-r-7");
        } finally {
            locks.release(LockResource.host("lpar01"), "relocation-r-7");
        }
        assertNoLease();
    }

    @Test
    void aMaintenanceRefusedAtItsPlanHasItsRecord() throws Exception {
        // started by the application itself (a schedule, an integration): no user, so the plan applies the rules
        String id = runtime.startProcessInstanceByKey(LparMaintenanceVariables.PROCESS_ID, new HashMap<>(Map.of(
                "lpars", "lpar00", "updateKind", "installp", "softwareSource", "/tmp", "filesets", "bos.rte.libc")))
                .getId();
        awaitEnd(id);

        assertThat(variable(id, "outcome")).as(reason(id)).isEqualTo("REFUSED");
        MaintenanceRecords.Maintenance m = records.find(id).orElseThrow();
        assertThat(m.outcome()).isEqualTo("REFUSED");
        assertThat(m.summary()).contains("SOURCE_NOT_ALLOWED", "/tmp");
        HttpResponse<String> r = get("/api/maintenance/" + id, "approver");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"state\":\"REFUSED\"", "SOURCE_NOT_ALLOWED");
        assertThat(changing()).isEmpty();
    }

    @Test
    void theActiveWparsLeaveWhileTheLparIsUpdatedAndComeBackSynchronised() {
        // what discovery would have found: each LPAR on its managed system, with its WPARs
        Instant now = Instant.now();
        int n = 1;
        for (String lpar : LPARS) {
            inventory.saveHmcLpar(lpar, "sys" + lpar, n++, "Running", "aixlinux", "AIX 6.1", now);
            List<dev.wparflow.inventory.LparScan.Wpar> ws = fleet.host(lpar).wpars().stream()
                    .map(w -> new dev.wparflow.inventory.LparScan.Wpar(w.name, "SYSTEM", w.state().name(), w.name,
                            null, null, "/wpars/" + w.name, false, true, false, null)).toList();
            inventory.saveScan(new dev.wparflow.inventory.LparScan(lpar, "sys" + lpar, "6100-02-01-0847", null, null,
                    null, null, List.of(), Map.of(), List.of(), ws), now);
        }
        String id = start(Map.of("lpars", "lpar02", "updateKind", "installp", "softwareSource", SOURCE,
                "filesets", "bos.rte.libc", "globalBackup", false, "evacuate", "active"));
        awaitApproval(id);
        decide(id, "approve");
        awaitEnd(id);

        assertThat(tasks.createTaskQuery().processDefinitionKey("ChangeApprovalProcess").count())
                .as("one approval: the evacuations ask no one").isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("ChangeApprovalProcess")
                .rootProcessInstanceId(id).count()).isEqualTo(1);
        MaintenanceRecords.Lpar lpar02 = records.lpar(id, "lpar02").orElseThrow();
        assertThat(lpar02.evacuationId()).isNotNull();
        assertThat(variable(id, "outcome")).as(reason(id)).isEqualTo("COMPLETED");
        assertThat(reason(id)).doesNotContain("inventory not refreshed");
        // the evacuated WPARs ran elsewhere while lpar02 was updated, came back and were synchronised there
        List<CommandLog.Entry> log = fleet.log().entries();
        assertThat(firstIndex(log, "lpar02", "installp -acgXY")).isGreaterThan(lastIndex(log, "lpar02", "savewpar"));
        assertThat(log).as("the Defined WPAR stays (activeOnly)").noneMatch(e -> e.raw.contains("savewpar")
                && e.raw.contains("wpr21"));
        assertThat(fleet.host("lpar02").states()).contains("wpr20=A", "wpr21=D");
        assertThat(out("lpar02", "clogin wpr20 lslpp -l bos.rte.libc")).contains("6.1.2.3");
        assertNoLease();
    }

    @Test
    void aWparsSyncIsRetriedAndOneThatKeepsFailingIsReportedWhileTheOthersGoOn() {
        fleet.faults().add(FaultRule.on("lpar01").command("syncwpar").argContains("wpr10")
                .fail(1, "syncwpar: 0960-999 Could not synchronize workload partition wpr10.").once().build());
        fleet.faults().add(FaultRule.on("lpar01").command("inuwpar").argContains("det10")
                .fail(1, "inuwpar: 0503-008 installp: There is not enough free disk space in /usr.").build());
        String id = start(Map.of("lpars", "lpar01", "updateKind", "installp", "softwareSource", SOURCE,
                "filesets", "bos.rte.libc", "globalBackup", false, "syncAttempts", 3));
        awaitApproval(id);
        decide(id, "approve");
        awaitEnd(id);

        assertThat(variable(id, "outcome")).as(reason(id)).isEqualTo("PARTIAL");
        assertThat(records.wpars(id, "lpar01")).extracting(MaintenanceRecords.Wpar::wpar,
                MaintenanceRecords.Wpar::syncState, MaintenanceRecords.Wpar::syncAttempts).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("wpr10", "SYNCED", 2),
                        org.assertj.core.groups.Tuple.tuple("det10", "FAILED", 3));
        assertThat(reason(id)).contains("det10: FAILED after 3 attempt(s)", "0503-008");
        assertThat(out("lpar01", "clogin wpr10 lslpp -l bos.rte.libc")).contains("6.1.2.3");
        assertThat(fleet.host("lpar01").states()).contains("wpr10=A", "det10=A");
        assertNoLease();
    }

    @Test
    void anLparWhoseTurnComesAfterTheWindowHasEndedIsSkipped() {
        String id = start(Map.of("lpars", "lpar00,lpar01", "updateKind", "installp", "softwareSource", SOURCE,
                "filesets", "bos.rte.libc", "globalBackup", false,
                "maintenanceWindowEnd", Instant.now().minus(Duration.ofMinutes(1)).toString()));
        awaitApproval(id);
        decide(id, "approve");
        awaitEnd(id);

        assertThat(variable(id, "outcome")).as(reason(id)).isEqualTo("FAILED");
        assertThat(records.lpars(id)).extracting(MaintenanceRecords.Lpar::state).containsOnly("SKIPPED");
        assertThat(reason(id)).contains("after the maintenance window ended");
        assertThat(changing()).isEmpty();
        assertNoLease();
    }

    @Test
    void twoLparsAtATimeInParallelLanes() {
        String id = start(Map.of("lpars", "lpar00,lpar01,lpar02", "updateKind", "installp", "softwareSource", SOURCE,
                "filesets", "bos.rte.libc", "globalBackup", false, "rollout", "parallel", "parallel", 2));
        awaitApproval(id);
        decide(id, "approve");
        awaitEnd(id);

        assertThat(variable(id, "outcome")).as(reason(id)).isEqualTo("COMPLETED");
        assertThat(records.find(id).orElseThrow().lanes()).isEqualTo(2);
        assertThat(records.lpars(id)).extracting(MaintenanceRecords.Lpar::state).containsOnly("UPDATED");
        for (String lpar : LPARS) {
            assertThat(out(lpar, "lslpp -l bos.rte.libc")).as(lpar).contains("6.1.2.3");
        }
        assertNoLease();
    }

    @Test
    void anInterimFixIsInstalledWithEmgrAndTheWparsFollow() {
        String id = start(Map.of("lpars", "lpar02", "updateKind", "emgr", "softwareSource", "/images/efixes",
                "fixPackage", "IZ38930.epkg.Z", "globalBackup", false));
        awaitApproval(id);
        decide(id, "approve");
        awaitEnd(id);

        assertThat(variable(id, "outcome")).as(reason(id)).isEqualTo("COMPLETED");
        assertThat(out("lpar02", "emgr -l")).contains("IZ38930");
        assertThat(fleet.log().entries("lpar02"))
                .anyMatch(e -> e.raw.contains("emgr -e /images/efixes/IZ38930.epkg.Z"));
        assertThat(records.wpars(id, "lpar02")).filteredOn(w -> w.wpar().equals("wpr20")).singleElement()
                .satisfies(w -> assertThat(w.syncState()).isEqualTo("SYNCED"));
        assertNoLease();
    }

    @Test
    void aPreviewThatFailsOrInstallsNothingAsksNoOne() {
        // the source lacks the fileset: installp -p says so, the LPAR is refused
        String refused = start(Map.of("lpars", "lpar00", "updateKind", "installp", "softwareSource", SOURCE,
                "filesets", "bos.nosuch.rte"));
        awaitEnd(refused);
        assertThat(variable(refused, "outcome")).as(reason(refused)).isEqualTo("REFUSED");
        assertThat(reason(refused)).contains("lpar00: REFUSED", "bos.nosuch.rte");

        // lpar02 at the source's levels already: nothing to do
        fleet.host("lpar02").model().filesets.put("bos.rte.libc", "6.1.2.3");
        String nothing = start(Map.of("lpars", "lpar02", "updateKind", "installp", "softwareSource", SOURCE,
                "filesets", "bos.rte.libc"));
        awaitEnd(nothing);
        assertThat(variable(nothing, "outcome")).as(reason(nothing)).isEqualTo("NOTHING_TO_DO");
        assertThat(tasks.createTaskQuery().processDefinitionKey("ChangeApprovalProcess").count()).isZero();
        assertThat(changing()).isEmpty();
    }

    @Test
    void badInputIsRefusedWithA400BeforeAnythingReachesAHost() throws Exception {
        long before = history.createHistoricProcessInstanceQuery().count();
        for (String vars : List.of(
                "\"lpars\":{\"value\":\"lpar99\"},\"updateKind\":{\"value\":\"installp\"},"
                        + "\"softwareSource\":{\"value\":\"" + SOURCE + "\"},\"filesets\":{\"value\":\"bos.rte\"}",
                "\"lpars\":{\"value\":\"lpar00\"},\"updateKind\":{\"value\":\"installp\"},"
                        + "\"softwareSource\":{\"value\":\"/tmp\"},\"filesets\":{\"value\":\"bos.rte\"}",
                "\"lpars\":{\"value\":\"lpar00\"},\"updateKind\":{\"value\":\"installp\"},"
                        + "\"softwareSource\":{\"value\":\"" + SOURCE + "\"}",
                "\"lpars\":{\"value\":\"lpar00\"},\"updateKind\":{\"value\":\"installp\"},"
                        + "\"softwareSource\":{\"value\":\"" + SOURCE + "\"},"
                        + "\"filesets\":{\"value\":\"bos.rte;reboot\"}",
                "\"lpars\":{\"value\":\"lpar00\"},\"updateKind\":{\"value\":\"installp\"},"
                        + "\"softwareSource\":{\"value\":\"" + SOURCE + "\"},\"filesets\":{\"value\":\"bos.rte\"},"
                        + "\"toUpdate\":{\"value\":1}")) {
            HttpResponse<String> r = post("/engine-rest/process-definition/key/LparMaintenanceProcess/start",
                    "{\"variables\":{" + vars + "}}");
            assertThat(r.statusCode()).as(vars + " → " + r.body()).isEqualTo(400);
        }
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
        assertThat(fleet.log().entries()).as("the simulator's command log").isEmpty();
    }

    @Test
    void nothingChangesBeforeTheWindowOpens() {
        String id = start(Map.of("lpars", "lpar02", "updateKind", "installp", "softwareSource", SOURCE,
                "filesets", "bos.rte.libc", "globalBackup", false,
                "maintenanceWindowStart", Instant.now().plus(Duration.ofDays(1)).toString()));
        awaitApproval(id);
        decide(id, "approve");
        Job window = await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery()
                .processInstanceId(id).timers().activityId(LparMaintenanceModel.TIMER_EVENT_WAIT_FOR_WINDOW)
                .singleResult(), j -> j != null);
        assertThat(changing()).as("nothing changes before the window").isEmpty();

        management.executeJob(window.getId());
        awaitEnd(id);
        assertThat(variable(id, "outcome")).as(reason(id)).isEqualTo("COMPLETED");
        assertThat(out("lpar02", "lslpp -l bos.rte.libc")).contains("6.1.2.3");
    }

    @Test
    void aRejectedMaintenanceChangesNothing() {
        String id = start(Map.of("lpars", "lpar00,lpar01", "updateKind", "installp", "softwareSource", SOURCE,
                "filesets", "bos.rte.libc"));
        awaitApproval(id);
        decide(id, "reject");
        awaitEnd(id);

        assertThat(variable(id, "outcome")).as(reason(id)).isEqualTo("REJECTED");
        assertThat(changing()).isEmpty();
        assertThat(records.lpars(id)).extracting(MaintenanceRecords.Lpar::state).containsOnly("NOT_STARTED");
        assertNoLease();
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The changing commands the simulated hosts received (installp -p is a preview, wparflow-run start a change). */
    List<String> changing() {
        return fleet.log().entries().stream().filter(e -> {
            String c = e.command();
            if (c.equals("wparflow-run")) {
                return e.argv.size() > 1 && e.argv.get(1).equals("start");
            }
            if (c.equals("installp")) {
                return e.argv.stream().noneMatch(a -> a.startsWith("-") && a.contains("p"));
            }
            return CHANGING.contains(c);
        }).map(e -> e.host + ": " + e.raw).collect(Collectors.toList());
    }

    static int firstIndex(List<CommandLog.Entry> log, String host, String command) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).host.equals(host) && log.get(i).raw.contains(command)) {
                return i;
            }
        }
        return -1;
    }

    static int lastIndex(List<CommandLog.Entry> log, String host, String command) {
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).host.equals(host) && log.get(i).raw.contains(command)) {
                return i;
            }
        }
        return -1;
    }

    double lparsFinished(String result) {
        var counter = meters.find("wparflow.maintenance.lpars").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    void assertNoLease() {
        assertThat(locks.held()).extracting(HeldLock::resource).noneMatch(r -> r.startsWith("host:"));
    }

    String start(Map<String, Object> variables) {
        identity.setAuthentication("operator", List.of("wparflow-operators"));
        try {
            return runtime.startProcessInstanceByKey(LparMaintenanceVariables.PROCESS_ID, new HashMap<>(variables))
                    .getId();
        } finally {
            identity.clearAuthentication();
        }
    }

    void awaitApproval(String instance) {
        await().atMost(Duration.ofSeconds(60)).until(() -> approvalOf(instance) != null);
    }

    Task approvalOf(String instance) {
        for (Task t : tasks.createTaskQuery().processDefinitionKey("ChangeApprovalProcess").list()) {
            String root = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                    .singleResult().getRootProcessInstanceId();
            if (instance.equals(root)) {
                return t;
            }
        }
        return null;
    }

    void decide(String instance, String decision) {
        Task t = approvalOf(instance);
        identity.setAuthentication("approver", List.of("wparflow-approvers"));
        try {
            tasks.complete(t.getId(), Map.of("decision", decision, "reason", "tested maintenance"));
        } finally {
            identity.clearAuthentication();
        }
    }

    void awaitEnd(String instance) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(runtime.createIncidentQuery().list()).as("incidents").extracting(i -> i.getIncidentMessage())
                    .isEmpty();
            return history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1;
        });
    }

    Object variable(String instance, String name) {
        var v = history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name)
                .list().stream().filter(x -> x.getActivityInstanceId() == null
                        || x.getActivityInstanceId().equals(instance)).findFirst().orElse(null);
        return v == null ? null : v.getValue();
    }

    String reason(String instance) {
        return variable(instance, "outcome") + ": " + variable(instance, "outcomeReason");
    }

    String out(String host, String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = fleet.host(host).runLine("root", line, out, new ByteArrayOutputStream(), () -> { });
        assertThat(rc).as(host + ": " + line).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    HttpResponse<String> get(String path, String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + app.getEnvironment().getProperty("local.server.port") + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":"
                        + TestUsers.password(user)).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + app.getEnvironment().getProperty("local.server.port") + path))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("operator:" + TestUsers.password("operator"))
                                .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anEvacuatedDetachedWparComesBackAndGetsTheGlobalLevelsNotTheSources() {
        // what discovery would have found: each LPAR on its managed system, with its WPARs
        Instant now = Instant.now();
        int n = 1;
        for (String lpar : LPARS) {
            inventory.saveHmcLpar(lpar, "sys" + lpar, n++, "Running", "aixlinux", "AIX 6.1", now);
            List<dev.wparflow.inventory.LparScan.Wpar> ws = fleet.host(lpar).wpars().stream()
                    .map(w -> new dev.wparflow.inventory.LparScan.Wpar(w.name, "SYSTEM", w.state().name(), w.name,
                            null, null, "/wpars/" + w.name, false, true, false, null)).toList();
            inventory.saveScan(new dev.wparflow.inventory.LparScan(lpar, "sys" + lpar, "6100-02-01-0847", null, null,
                    null, null, List.of(), Map.of(), List.of(), ws), now);
        }
        // the source also holds bos.rte and bos.wpars 6.1.2.3; only bos.rte.libc goes into the global environment
        String id = start(Map.of("lpars", "lpar00", "updateKind", "installp", "softwareSource", SOURCE,
                "filesets", "bos.rte.libc", "globalBackup", false, "evacuate", "active"));
        awaitApproval(id);
        decide(id, "approve");
        awaitEnd(id);

        assertThat(variable(id, "outcome")).as(reason(id)).isEqualTo("COMPLETED");
        assertThat(records.lpar(id, "lpar00").orElseThrow().evacuationId()).isNotNull();
        List<CommandLog.Entry> log = fleet.log().entries();
        assertThat(log).as("det00 left and came back").anyMatch(e -> e.raw.contains("savewpar") && e.raw.contains("det00")
                && !e.host.equals("lpar00"));
        // det00 came back with the levels it left with and got exactly the global environment's new level
        List<String> inuwpar = log.stream().filter(e -> e.host.equals("lpar00") && e.command().equals("inuwpar"))
                .map(e -> e.raw).toList();
        assertThat(inuwpar).isNotEmpty().allMatch(c -> c.contains("-w det00") && c.endsWith("bos.rte.libc 6.1.2.3"));
        assertThat(fleet.host("lpar00").model().filesets).containsEntry("bos.rte.libc", "6.1.2.3")
                .containsEntry("bos.rte", "6.1.2.1").containsEntry("bos.wpars", "6.1.2.1");
        assertThat(fleet.host("lpar00").model().wpar("det00").orElseThrow().filesets)
                .containsEntry("bos.rte.libc", "6.1.2.3").containsEntry("bos.rte", "6.1.2.1")
                .containsEntry("bos.wpars", "6.1.2.1");
        assertThat(out("lpar00", "clogin det00 lslpp -l bos.rte bos.wpars")).contains("6.1.2.1")
                .doesNotContain("6.1.2.3");
        assertThat(fleet.host("lpar00").states()).contains("det00=A", "wpr00=A");
        assertThat(records.wpars(id)).filteredOn(w -> w.wpar().equals("det00")).singleElement()
                .satisfies(w -> assertThat(w.syncState()).as(reason(id)).isEqualTo("SYNCED"));
        assertNoLease();
    }
}
