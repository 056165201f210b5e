package dev.wparflow.process.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.wparflow.inventory.DiscoverySummary;
import dev.wparflow.testsupport.SpringFleet;
import dev.wparflow.testsupport.TestUsers;

/**
 * Discovery without waiting for its timer (docs/inventory.md): the application against the default simulated fleet,
 * with the start-up and inventory-change triggers on (the test profile turns them off elsewhere). Right after the
 * start a run has discovered every host and {@code /api/wpars} lists the fleet's WPARs; an edit of the inventory
 * file starts another run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wparflow.discovery.at-start=true", "wparflow.discovery.on-inventory-change=true",
        "wparflow.discovery.inventory-check-interval=PT0.2S", "wparflow.inventory.check-interval=PT0.1S" })
@ActiveProfiles("test")
class DiscoveryTriggerIT {

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

    List<HistoricProcessInstance> runs() {
        return historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(FleetDiscoveryVariables.PROCESS_ID).orderByProcessInstanceStartTime().asc().list();
    }

    void awaitFinished(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> runs().stream().filter(h -> h.getEndTime() != null).count() >= count);
    }

    @Test
    void discoveryRunsAtStartUpAndWhenTheInventoryFileChanges() throws IOException {
        // ---- start-up: one run, started by the application (no user), fills the inventory tables
        awaitFinished(1);
        assertThat(runs()).hasSize(1);
        TestUsers.ensure(identityService, "operator", "wparflow-operators");
        ResponseEntity<DiscoverySummary> summary = TestUsers.call(rest, "operator", HttpMethod.GET, "/api/discovery",
                null, DiscoverySummary.class);
        assertThat(summary.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(summary.getBody().runId()).isEqualTo(runs().get(0).getId());
        assertThat(summary.getBody().startedBy()).isNull();
        assertThat(summary.getBody().hostsOk()).isEqualTo(fleet.get().hosts().size());
        ResponseEntity<List> wpars = TestUsers.call(rest, "operator", HttpMethod.GET, "/api/wpars", null, List.class);
        assertThat(wpars.getStatusCode()).isEqualTo(HttpStatus.OK);
        int inFleet = fleet.get().hosts().stream().mapToInt(h -> h.wpars().size()).sum();
        assertThat(wpars.getBody()).hasSize(inFleet);
        assertThat(wpars.getBody()).extracting(w -> ((Map<?, ?>) w).get("name")).contains("wpr00", "mob01");

        // ---- the inventory file edited (a comment appended): one more run
        Files.writeString(fleet.get().inventoryPath(), "\n# edited by the test\n", StandardOpenOption.APPEND);
        awaitFinished(2);
        assertThat(runs()).hasSize(2);
    }
}
