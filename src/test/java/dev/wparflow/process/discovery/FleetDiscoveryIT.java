package dev.wparflow.process.discovery;

import static dev.wparflow.process.discovery.FleetDiscoveryModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.wparflow.inventory.DiscoverySummary;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.inventory.LparProfile;
import dev.wparflow.inventory.ManagedSystemRecord;
import dev.wparflow.inventory.VolumeGroupRecord;
import dev.wparflow.inventory.WparRecord;
import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.SelectedDatabase;
import dev.wparflow.testsupport.SpringFleet;
import dev.wparflow.testsupport.TestUsers;

/**
 * FleetDiscoveryProcess end to end: the application (profile test, job executor on) against the default simulated
 * fleet on random ports over real SSH with strict host keys, through the inventory file the simulator wrote. A first
 * run discovers everything; then canberra goes down and hmc01 too: the second run reports canberra with its reason,
 * keeps its previous rows, fails over to hmc02 and completes the rest.
 */
@BothDatabases
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = SelectedDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FleetDiscoveryIT {

    @RegisterExtension
    static final SpringFleet fleet = SpringFleet.defaultFleet();

    @DynamicPropertySource
    static void simulatedFleet(DynamicPropertyRegistry registry) {
        fleet.register(registry);
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    InventoryRepository inventory;

    private String discover() {
        TestUsers.ensure(identityService, "operator", "wparflow-operators");
        ResponseEntity<Map> started = TestUsers.call(rest, "operator", HttpMethod.POST, "/api/discovery", null, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = (String) started.getBody().get("processInstanceId");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HistoricProcessInstance h = historyService.createHistoricProcessInstanceQuery().processInstanceId(id)
                    .singleResult();
            assertThat(runtimeService.createIncidentQuery().processInstanceId(id).list()).isEmpty();
            return h != null && h.getEndTime() != null;
        });
        return id;
    }

    private DiscoverySummary summary() {
        ResponseEntity<DiscoverySummary> r = TestUsers.call(rest, "operator", HttpMethod.GET, "/api/discovery", null,
                DiscoverySummary.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    @Test
    void discoversTheFleetAndReportsTheHostThatIsDown() throws IOException {
        // ---- before the first run (the test profile has no discovery at start-up): 200, saying so
        TestUsers.ensure(identityService, "operator", "wparflow-operators");
        ResponseEntity<Map> none = TestUsers.call(rest, "operator", HttpMethod.GET, "/api/discovery", null, Map.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(none.getBody()).containsEntry("discovered", false);
        assertThat((String) none.getBody().get("message")).startsWith("no discovery has run yet");

        // ---- run 1: everything up
        String first = discover();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(first)
                .activityId(END_EVENT_FLEET_DISCOVERED).count()).isEqualTo(1);
        DiscoverySummary s1 = summary();
        assertThat(s1.runId()).isEqualTo(first);
        assertThat(s1.startedBy()).isEqualTo("operator");
        assertThat(s1.failures()).isEmpty();
        assertThat(s1.hostsTotal()).isEqualTo(6);
        assertThat(s1.hostsOk()).isEqualTo(6);
        assertThat(s1.systemsTotal()).isEqualTo(2);
        int wpars = fleet.get().hosts().stream().mapToInt(h -> h.wpars().size()).sum();
        assertThat(s1.wparCount()).isEqualTo(wpars).isEqualTo(inventory.wparCount());

        assertThat(inventory.systems()).extracting(ManagedSystemRecord::name, ManagedSystemRecord::state,
                ManagedSystemRecord::typeModel, ManagedSystemRecord::serial)
                .containsExactly(tuple("sys570a", "Operating", "9117-MMA", "0610A9C"),
                        tuple("sys570b", "Operating", "9117-MMA", "0610B2D"));
        assertThat(inventory.systems().get(0).viaHmc()).isIn("hmc01", "hmc02");

        assertThat(inventory.lpars()).extracting(LparProfile::name)
                .containsExactly("canberra", "lpar00", "lpar01", "lpar02", "nim01", "sydney");
        LparProfile lpar00 = inventory.lpar("lpar00").orElseThrow();
        assertThat(lpar00.managedSystem()).isEqualTo("sys570a");
        assertThat(lpar00.lparId()).isEqualTo(1);
        assertThat(lpar00.state()).isEqualTo("Running");
        assertThat(lpar00.osVersion()).contains("6100-02-01-0847");
        assertThat(lpar00.oslevel()).isEqualTo("6100-02-01-0847");
        assertThat(lpar00.processorType()).isEqualTo("PowerPC_POWER6");
        assertThat(lpar00.processors()).isEqualTo(2);
        assertThat(lpar00.memoryMb()).isEqualTo(4096L);
        assertThat(lpar00.ntpActive()).isTrue();
        assertThat(lpar00.filesets()).containsEntry("bos.rte", "6.1.2.1").containsEntry("bos.wpars", "6.1.2.1")
                .containsEntry("mcr.rte", "4.2.0.0").containsEntry("bos.rte.libc", "6.1.2.1");
        assertThat(lpar00.volumeGroups()).extracting(VolumeGroupRecord::name, VolumeGroupRecord::ppSizeMb,
                VolumeGroupRecord::totalPps).containsExactly(tuple("datavg", 128L, 400L), tuple("rootvg", 128L, 546L));
        assertThat(lpar00.volumeGroup("rootvg").orElseThrow().freePps())
                .isEqualTo(fleet.get().host("lpar00").model().volumeGroups.get("rootvg").freePps());
        assertThat(lpar00.lastError()).isNull();
        LparProfile sydney = inventory.lpar("sydney").orElseThrow();
        assertThat(sydney).extracting(LparProfile::managedSystem, LparProfile::processorType, LparProfile::memoryMb)
                .containsExactly("sys570b", "PowerPC_POWER5", 8192L);
        assertThat(sydney.filesets()).doesNotContainKey("mcr.rte");
        assertThat(inventory.lpar("lpar02").orElseThrow().ntpActive()).isFalse();

        assertThat(inventory.wparsOf("lpar00")).extracting(WparRecord::name, WparRecord::type, WparRecord::state,
                WparRecord::checkpointable, WparRecord::localFs, WparRecord::nfsFs).containsExactly(
                        tuple("app01", "APPLICATION", "ACTIVE", true, false, true),
                        // mob01 is the mobile WPAR of Example 4-26: /, /home, /tmp and /var on NFS, nothing local
                        tuple("mob01", "SYSTEM", "ACTIVE", true, false, true),
                        tuple("wpr00", "SYSTEM", "DEFINED", false, true, false),
                        tuple("wpr03", "SYSTEM", "ACTIVE", false, true, false));
        WparRecord wpr00 = inventory.findWpar("wpr00").get(0);
        assertThat(wpr00).extracting(WparRecord::lpar, WparRecord::hostname, WparRecord::address,
                WparRecord::interfaceName, WparRecord::directory, WparRecord::lastKnownHost)
                .containsExactly("lpar00", "wpr00", "9.3.5.182", "en0", "/wpars/wpr00", "lpar00");
        assertThat(inventory.findWpar("gordon")).singleElement().extracting(WparRecord::interfaceName)
                .isEqualTo("gordon_if1");
        assertThat(inventory.wpars("sydney", "BROKEN")).extracting(WparRecord::name).containsExactly("shaper");
        // every WPAR in the fleet, in the state the fleet has
        for (var h : fleet.get().hosts()) {
            Map<String, String> states = new java.util.TreeMap<>();
            inventory.wparsOf(h.name()).forEach(w -> states.put(w.name(), w.state().substring(0, 1)));
            Map<String, String> expected = new java.util.TreeMap<>();
            String all = h.states().substring(1, h.states().length() - 1);
            for (String kv : all.isEmpty() ? new String[0] : all.split(", ")) {
                expected.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
            assertThat(states).as(h.name()).isEqualTo(expected);
        }
        ResponseEntity<List> active = TestUsers.call(rest, "operator", HttpMethod.GET, "/api/wpars?host=sydney&state=A",
                null, List.class);
        assertThat(active.getBody()).extracting(w -> ((Map<?, ?>) w).get("name")).containsExactly("gordon", "roy");

        // ---- run 2: canberra down, hmc01 down; a WPAR started on lpar01 since
        fleet.get().host("canberra").setDown(true);
        fleet.get().setHmcDown("hmc01", true);
        String second = discover();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(second)
                .activityId(END_EVENT_FLEET_PARTLY_DISCOVERED).count()).isEqualTo(1);
        DiscoverySummary s2 = summary();
        assertThat(s2.runId()).isEqualTo(second);
        assertThat(s2.hostsOk()).isEqualTo(5);
        assertThat(s2.hostsFailed()).isEqualTo(1);
        assertThat(s2.systemsFailed()).isZero();
        assertThat(s2.failures()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("LPAR");
            assertThat(f.name()).isEqualTo("canberra");
            assertThat(f.reason()).contains("CONNECT_REFUSED", "canberra");
        });
        int onCanberra = fleet.get().host("canberra").wpars().size();
        assertThat(s2.wparCount()).as(s2.results().toString()).isEqualTo(wpars - onCanberra);
        LparProfile canberra = inventory.lpar("canberra").orElseThrow();
        assertThat(canberra.lastError()).contains("CONNECT_REFUSED");
        assertThat(canberra.lastErrorAt()).isAfter(canberra.discoveredAt());
        assertThat(canberra.state()).isEqualTo("Not Activated"); // the HMC's view now
        assertThat(canberra.oslevel()).isEqualTo("6100-02-01-0847"); // kept from run 1
        assertThat(inventory.wparsOf("canberra")).extracting(WparRecord::name)
                .containsExactlyInAnyOrder("newcastle", "harold", "nitro", "MySysWpar");
        assertThat(inventory.systems().get(0).viaHmc()).isEqualTo("hmc02");
        assertThat(inventory.lpar("lpar00").orElseThrow().lastError()).isNull();
        assertThat(inventory.lpar("lpar00").orElseThrow().discoveredAt()).isAfter(lpar00.discoveredAt());
        fleet.get().host("canberra").setDown(false);
        fleet.get().setHmcDown("hmc01", false);
    }
}
