package dev.wparflow.process.relocation.request;

import static dev.wparflow.process.relocation.request.RelocationModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.process.relocation.RelocationRecords;
import dev.wparflow.simulator.CommandLog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.FleetUnderTest;
import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestFleets;

/**
 * The compatibility checks measured on the hosts, through WparRelocationProcess (whole application, job executor,
 * simulator over SSH): a relocation to an LPAR without the WPAR's interface, to one that is not a client of its NFS
 * export, to one whose volume group is too small for the WPAR's logical volumes, and to one where the user-defined
 * check fails is each refused with the measured values; the same relocations to a fit LPAR pass, the user-defined
 * check shown in the table, and an approved one moves the WPAR.
 */
@BothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompatibilityIT {

    static final String FLEET = TestFleets.yaml("compatibility");

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

    @BeforeAll
    void start() throws Exception {
        system = FleetUnderTest.start(FLEET, dir.resolve("sim"), TestDatabase.selected("compat"));
        fleet = system.fleet();
        app = system.application(this, application -> application
                .fleet(fleet, "lpar00", "lpar01", "lpar02", "lpar04", "lpar05", "lpar06", "lpar07")
                .property("wparflow.relocation.retry-cycle", "R1/PT1S")
                .property("wparflow.relocation.save-timeout", "PT20S")
                .property("wparflow.relocation.user-checks[0].name", "app-ready")
                .property("wparflow.relocation.user-checks[0].command[0]", "/usr/local/wparcheck/app_ready")
                .property("wparflow.relocation.user-checks[0].command[1]", "{wpar}")
                .property("wparflow.relocation.user-checks[0].command[2]", "--from")
                .property("wparflow.relocation.user-checks[0].command[3]", "{departing}")
                .property("wparflow.relocation.user-checks[0].side", "arriving")
                .property("wparflow.relocation.user-checks[0].wpars[0]", "wpr00"));
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
    }

    String relocate(String wpar, String arriving, String mode, boolean validateOnly) {
        Map<String, Object> v = new HashMap<>(Map.of("wpar", wpar, "departingLpar", "lpar00", "arrivingLpar",
                arriving, "mode", mode, "validateOnly", validateOnly));
        identity.setAuthentication("alice", List.of("wparflow-operators"));
        try {
            return runtime.startProcessInstanceByKey(RelocationVariables.PROCESS_ID, v).getId();
        } finally {
            identity.clearAuthentication();
        }
    }

    void awaitEnd(String instance) {
        await().atMost(Duration.ofSeconds(90)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(instance).finished().count() == 1);
    }

    Object variable(String instance, String name) {
        var v = history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name)
                .singleResult();
        return v == null ? null : v.getValue();
    }

    void assertPassed(String instance, String activityId) {
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId(activityId)
                .finished().count()).as(activityId + " (outcome " + variable(instance, "outcome") + ": "
                        + variable(instance, "outcomeReason") + ")").isEqualTo(1);
    }

    /** The relocation ended INCOMPATIBLE, no approval asked, and its table has {@code check} failing with {@code detail}. */
    String assertRefused(String instance, String check, String detail) {
        awaitEnd(instance);
        assertPassed(instance, END_EVENT_TARGET_INCOMPATIBLE);
        assertThat(variable(instance, "outcome")).isEqualTo("INCOMPATIBLE");
        String reason = (String) variable(instance, "outcomeReason");
        assertThat(reason.lines()).as(reason).anySatisfy(l -> assertThat(l).startsWith(check + " ").contains("FAIL")
                .endsWith(detail));
        assertThat(history.createHistoricProcessInstanceQuery().superProcessInstanceId(instance).count())
                .as("approvals asked").isZero();
        assertThat(app.getBean(RelocationRecords.class).find(instance)).get()
                .satisfies(r -> assertThat(r.checkReport()).contains("\"check\":\"" + check + "\""));
        assertThat(locks.heldBy(instance)).isEmpty();
        return reason;
    }

    String state(String host, String wpar) {
        return fleet.host(host).wpar(wpar).map(w -> String.valueOf(w.state().letter())).orElse(null);
    }

    @Test
    void anLparWithoutTheWparsInterfaceIsRefusedAndOneWithItPasses() {
        assertRefused(relocate("wpr10", "lpar04", "auto", false), "interfaces",
                "arriving lpar04 has en0, lo0; the WPAR's network uses en1; en1 missing");
        assertThat(state("lpar00", "wpr10")).isEqualTo("A");

        String fit = relocate("wpr10", "lpar01", "auto", true);
        awaitEnd(fit);
        assertPassed(fit, END_EVENT_VALIDATED);
        String table = (String) variable(fit, "outcomeReason");
        assertThat(table).startsWith("compatible (static)");
        assertThat(table.lines()).anySatisfy(l -> assertThat(l).startsWith("interfaces ").contains("PASS")
                .endsWith("arriving lpar01 has en0, en1, lo0; the WPAR's network uses en1"));
    }

    @Test
    void anLparThatIsNoClientOfTheNfsExportIsRefusedAndAClientPassesWithATestMount() {
        String reason = assertRefused(relocate("mob01", "lpar05", "live", false), "nfs-exports",
                "lpar02:/wpar_share/mob01, /wpar_share/mob01/home, /wpar_share/mob01/tmp, /wpar_share/mob01/var"
                        + " exported to lpar00, lpar01, lpar04, lpar06, lpar07, not to lpar05 (showmount -e from lpar05)");
        assertThat(reason).contains("nfs-mount").contains("lpar02:/wpar_share/mob01 not mountable on lpar05"
                + " (mount: 1831-011 access denied for lpar02:/wpar_share/mob01)");

        int before = fleet.log().entries().size();
        String fit = relocate("mob01", "lpar01", "live", true);
        awaitEnd(fit);
        assertPassed(fit, END_EVENT_VALIDATED);
        assertThat((String) variable(fit, "outcomeReason")).startsWith("compatible (live)")
                .contains("/wpar_share/mob01/var exported to lpar01")
                .contains("/wpar_share/mob01/var mounted read-only on lpar01");
        var entries = fleet.log().entries();
        assertThat(entries.subList(before, entries.size())).filteredOn(e -> e.host.equals("lpar01"))
                .extracting((CommandLog.Entry e) -> e.raw)
                .contains("mount -r -n lpar02 /wpar_share/mob01 /tmp/wparflow-nfscheck.mob01",
                        "umount /tmp/wparflow-nfscheck.mob01", "rmdir /tmp/wparflow-nfscheck.mob01");
        // the test mount left nothing behind
        assertThat(fleet.host("lpar01").model().nfsMounts).doesNotContainKey("/tmp/wparflow-nfscheck.mob01");
        assertThat(fleet.host("lpar01").model().files.exists("/tmp/wparflow-nfscheck.mob01")).isFalse();
    }

    @Test
    void aVolumeGroupTooSmallForTheWparsLogicalVolumesIsRefused() {
        assertRefused(relocate("wpr00", "lpar06", "static", false), "free-space",
                "rootvg: wpr00 uses 512 MB (4 logical volumes) on lpar00, 384 MB free on lpar06");
        assertThat(state("lpar00", "wpr00")).isEqualTo("A");
        assertThat(state("lpar06", "wpr00")).isNull();
    }

    @Test
    void aFailingUserDefinedCheckBlocks() {
        assertRefused(relocate("wpr00", "lpar07", "static", false), "user:app-ready",
                "/usr/local/wparcheck/app_ready wpr00 --from lpar00 failed on lpar07 (exit 1: application not quiesced)");
    }

    @Test
    void theSameRelocationToAFitLparShowsEveryCheckPassedAndMovesTheWpar() {
        String instance = relocate("wpr00", "lpar01", "static", false);
        Task task = approvalTask(instance);
        String table = (String) runtime.getVariable(instance, "checkTable");
        assertThat((String) tasks.getVariable(task.getId(), "plan")).contains("CHECK").contains("user:app-ready");
        assertThat(table.lines()).anySatisfy(l -> assertThat(l).startsWith("user:app-ready").contains("PASS")
                .endsWith("/usr/local/wparcheck/app_ready wpr00 --from lpar00 passed on lpar01 (exit 0: application"
                        + " ready)"))
                .anySatisfy(l -> assertThat(l).startsWith("free-space").contains("PASS")
                        .endsWith("rootvg: wpr00 uses 512 MB (4 logical volumes) on lpar00, 69888 MB free on lpar01"))
                .anySatisfy(l -> assertThat(l).startsWith("cpu-headroom").contains("PASS"))
                .anySatisfy(l -> assertThat(l).startsWith("devices").contains("PASS"))
                .noneSatisfy(l -> assertThat(l).contains("NOT CHECKED"));
        identity.setAuthentication("bob", List.of("wparflow-approvers"));
        try {
            tasks.complete(task.getId(), Variables.createVariables().putValue("decision", "approve")
                    .putValue("reason", "window agreed"));
        } finally {
            identity.clearAuthentication();
        }
        awaitEnd(instance);
        assertPassed(instance, END_EVENT_WPAR_RELOCATED);
        assertThat(state("lpar01", "wpr00")).isEqualTo("A");
        assertThat(state("lpar00", "wpr00")).isNull();
        assertThat(locks.heldBy(instance)).isEmpty();
    }

    Task approvalTask(String instance) {
        await().atMost(Duration.ofSeconds(60)).until(() -> approval(instance) != null);
        return approval(instance);
    }

    private Task approval(String instance) {
        var sub = runtime.createProcessInstanceQuery().superProcessInstanceId(instance).singleResult();
        return sub == null ? null : tasks.createTaskQuery().processInstanceId(sub.getId()).singleResult();
    }
}
