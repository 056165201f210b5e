package dev.wparflow.process.evacuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.context.ConfigurableApplicationContext;

import dev.wparflow.catalog.RelocationGroup;
import dev.wparflow.catalog.RelocationGroups;
import dev.wparflow.engine.InputRefusedException;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.inventory.LparScan;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.model.WparStateHistory;
import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.FleetUnderTest;
import dev.wparflow.testsupport.TestDatabase;
import dev.wparflow.testsupport.TestFleets;
import dev.wparflow.testsupport.TestUsers;

/**
 * EvacuationProcess end to end (job executor on, real SSH, simulated fleet, fleets/evacuation.yaml): managed system
 * sysA, 12 WPARs on 3 LPARs, is evacuated with one approval; every movable WPAR runs on another system exactly once,
 * the anti-affinity pair of group "web" ends on different managed systems, dup01 (its name taken on every target) is
 * reported and untouched, no lease is left, and the simulator's history never shows more moves at once than the
 * limits. A return home brings them back. Bad input is refused before any instance exists.
 */
@BothDatabases
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvacuationIT {

    static final String FLEET = TestFleets.yaml("evacuation");
    static final List<String> SCOPE = List.of("lpar10", "lpar11", "lpar12");
    static final Map<String, String> SYSTEM = Map.of("lpar10", "sysA", "lpar11", "sysA", "lpar12", "sysA",
            "lpar20", "sysB", "lpar21", "sysB", "lpar30", "sysC");
    static final int PER_SOURCE = 1;
    static final int PER_TARGET = 2;
    static final int GLOBAL = 3;

    @TempDir
    static Path dir;
    FleetUnderTest system;
    Fleet fleet;
    ConfigurableApplicationContext app;
    TestRestTemplate rest;
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
    InventoryRepository inventory;
    @Autowired
    RelocationGroups groups;
    @Autowired
    EvacuationRecords records;
    final List<String> approvals = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        system = FleetUnderTest.start(FLEET, dir.resolve("sim"), TestDatabase.selected("evacuation"));
        fleet = system.fleet();
        app = system.application(this, application -> application
                .fleet(fleet, "lpar10", "lpar11", "lpar12", "lpar20", "lpar21", "lpar30", "lpar02")
                .property("camunda.bpm.job-execution.wait-time-in-millis", "500")
                .property("camunda.bpm.job-execution.max-wait", "2000"));
        rest = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")));
        TestUsers.ensure(identity, "operator", "wparflow-operators");
        TestUsers.ensure(identity, "operator2", "wparflow-operators");
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
        approvals.clear();
        // what discovery would have found: the HMCs' view and each LPAR's WPARs
        Instant now = Instant.now();
        int id = 1;
        for (String lpar : List.of("lpar10", "lpar11", "lpar12", "lpar20", "lpar21", "lpar30")) {
            inventory.saveHmcLpar(lpar, SYSTEM.get(lpar), id++, "Running", "aixlinux", "AIX 6.1", now);
            List<LparScan.Wpar> ws = fleet.host(lpar).wpars().stream().map(w -> new LparScan.Wpar(w.name,
                    "SYSTEM", "ACTIVE", w.name, null, null, "/wpars/" + w.name, false, true, false, null))
                    .toList();
            inventory.saveScan(new LparScan(lpar, SYSTEM.get(lpar), "6100-02-01-0847", null, null, null, null,
                    List.of(), Map.of(), List.of(), ws), now);
        }
        if (groups.find("web").isEmpty()) {
            groups.save("web", new RelocationGroup.Definition("web tier", List.of("web01", "web02"), List.of(
                    new RelocationGroup.Candidate(RelocationGroup.Kind.LPAR, "lpar20", RelocationGroup.Rank.HIGH),
                    new RelocationGroup.Candidate(RelocationGroup.Kind.MANAGED_SYSTEM, "sysC",
                            RelocationGroup.Rank.LOW)),
                    List.of(new RelocationGroup.Pair("web01", "web02")), null, null), "admin");
        }
    }

    @Test
    void aManagedSystemIsEvacuatedWithOneApprovalWithinTheLimitsAndReturnsHome() {
        Map<String, List<String>> before = wparsBySource();
        long mark = fleet.stateHistory().lastSeq();

        String evacuation = run(Map.of("managedSystem", "sysA", "perSource", PER_SOURCE, "perTarget", PER_TARGET,
                "globalLimit", GLOBAL));

        assertThat(approvals).as("approval tasks").hasSize(1);
        assertThat(variable(evacuation, "plan").toString()).contains("dup01", "STAYS", "web01", "web02");
        List<EvacuationRecords.Item> items = records.items(evacuation);
        assertThat(items).hasSize(12);
        EvacuationRecords.Item dup = items.stream().filter(i -> i.wpar().equals("dup01")).findFirst().orElseThrow();
        assertThat(dup.state()).isEqualTo(EvacuationRecords.State.UNMOVABLE);
        assertThat(dup.reason()).contains("lpar20", "lpar21", "lpar30");
        assertThat(items).filteredOn(i -> !i.wpar().equals("dup01")).allSatisfy(i -> assertThat(i.state())
                .as(i.wpar() + ": " + i.reason()).isEqualTo(EvacuationRecords.State.MOVED));
        assertThat(variable(evacuation, "outcome")).as(String.valueOf(variable(evacuation, "outcomeReason")))
                .isEqualTo("EVACUATED");
        assertThat(items).filteredOn(i -> "live".equals(i.mode())).extracting(EvacuationRecords.Item::wpar)
                .contains("web01", "app12", "app15");

        // every movable WPAR runs elsewhere, arrived there exactly once; dup01 untouched
        List<WparStateHistory.Transition> changes = fleet.stateHistory().since(mark);
        for (EvacuationRecords.Item i : items) {
            if (i.wpar().equals("dup01")) {
                continue;
            }
            assertThat(fleet.host(i.departing()).wpar(i.wpar())).as(i.wpar() + " left " + i.departing()).isEmpty();
            assertThat(fleet.host(i.arriving()).wpar(i.wpar())).as(i.wpar() + " on " + i.arriving()).isPresent();
            assertThat(changes.stream().filter(t -> t.wpar().equals(i.wpar()) && t.from() == null
                    && !SCOPE.contains(t.host())).count()).as(i.wpar() + " arrivals").isEqualTo(1);
        }
        assertThat(changes).noneMatch(t -> t.wpar().equals("dup01"));
        assertThat(fleet.host("lpar10").wpar("dup01")).isPresent();
        // the anti-affinity pair on different managed systems
        String web01 = where("web01", items);
        String web02 = where("web02", items);
        assertThat(SYSTEM.get(web01)).isNotEqualTo(SYSTEM.get(web02));
        assertThat(operationLeases()).as("leases").isEmpty();
        assertLimits(changes);
        assertTheRecordIsServed(evacuation, items);

        // return home
        long back = fleet.stateHistory().lastSeq();
        String home = run(Map.of("returnFrom", evacuation, "perSource", PER_SOURCE, "perTarget", PER_TARGET,
                "globalLimit", GLOBAL));
        assertThat(variable(home, "outcome")).as(String.valueOf(variable(home, "outcomeReason")))
                .isEqualTo("EVACUATED");
        assertThat(wparsBySource()).isEqualTo(before);
        assertThat(operationLeases()).isEmpty();
        assertLimits(fleet.stateHistory().since(back));
    }

    /**
     * /api/evacuations serves the record as the table holds it and as the simulator ended: the scope, the limits the
     * request set, every WPAR's plan row and state, the plan text uncut; only to whoever may read the operation.
     */
    @SuppressWarnings("unchecked")
    void assertTheRecordIsServed(String evacuation, List<EvacuationRecords.Item> items) {
        ResponseEntity<Map> one = TestUsers.call(rest, "operator", HttpMethod.GET, "/api/evacuations/" + evacuation,
                null, Map.class);
        assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> body = one.getBody();
        assertThat(body).containsEntry("id", evacuation).containsEntry("scopeKind", "MANAGED_SYSTEM")
                .containsEntry("scopeName", "sysA").containsEntry("requestedBy", "operator")
                .containsEntry("state", "EVACUATED").containsEntry("maintenanceWindowStart", null);
        assertThat(((Number) body.get("planMillis")).longValue()).isGreaterThanOrEqualTo(0);
        assertThat(body.get("plannedAt")).isNotNull();
        assertThat(body.get("finishedAt")).isNotNull();
        assertThat((Map<String, Object>) body.get("limits")).containsEntry("perSource", PER_SOURCE)
                .containsEntry("perTarget", PER_TARGET).containsEntry("globalLimit", GLOBAL)
                .containsEntry("stopAfterFailures", 2);
        assertThat((Map<String, Object>) body.get("counts")).containsEntry("MOVED", 11).containsEntry("UNMOVABLE", 1);
        List<Map<String, Object>> wpars = (List<Map<String, Object>>) body.get("wpars");
        assertThat(wpars).hasSize(items.size());
        for (EvacuationRecords.Item i : items) {
            Map<String, Object> w = wpars.stream().filter(r -> i.wpar().equals(r.get("wpar"))).findFirst()
                    .orElseThrow();
            assertThat(w).containsEntry("departing", i.departing()).containsEntry("arriving", i.arriving())
                    .containsEntry("mode", i.mode()).containsEntry("group", i.group()).containsEntry("rank", i.rank())
                    .containsEntry("note", i.reason()).containsEntry("state", i.state().name())
                    .containsEntry("attempts", i.attempts());
            if (i.state() == EvacuationRecords.State.MOVED) {
                assertThat(fleet.host(i.arriving()).wpar(i.wpar())).as(i.wpar() + " where the API says").isPresent();
            } else {
                assertThat(fleet.host(i.departing()).wpar(i.wpar())).as(i.wpar() + " stayed").isPresent();
            }
        }

        ResponseEntity<String> text = TestUsers.call(rest, "operator", HttpMethod.GET,
                "/api/evacuations/" + evacuation + "/plan.txt", null, String.class);
        assertThat(text.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(text.getHeaders().getContentType().toString()).startsWith("text/plain");
        List<String> lines = text.getBody().lines().toList();
        for (EvacuationRecords.Item i : items) {
            String expected = i.wpar() + " +" + i.departing() + " +" + (i.state() == EvacuationRecords.State.UNMOVABLE
                    ? "STAYS" : i.arriving() + " +" + i.mode()) + "\\b.*";
            assertThat(lines).as(i.wpar() + " in plan.txt").anyMatch(l -> l.matches(expected));
        }
        assertThat(variable(evacuation, "plan").toString()).doesNotContain("/plan.txt");

        ResponseEntity<List> listed = TestUsers.call(rest, "operator", HttpMethod.GET,
                "/api/evacuations?state=EVACUATED", null, List.class);
        assertThat(listed.getBody()).anySatisfy(e -> assertThat((Map<String, Object>) e)
                .containsEntry("id", evacuation).containsEntry("state", "EVACUATED"));
        assertThat(TestUsers.call(rest, "operator", HttpMethod.GET, "/api/evacuations?state=RUNNING", null,
                List.class).getBody()).noneSatisfy(e -> assertThat((Map<String, Object>) e)
                .containsEntry("id", evacuation));
        assertThat(TestUsers.call(rest, "operator", HttpMethod.GET, "/api/evacuations?state=GONE", null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        // not the caller's operation: 404, as if it did not exist; no login: 401
        assertThat(TestUsers.call(rest, "operator2", HttpMethod.GET, "/api/evacuations/" + evacuation, null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(TestUsers.call(rest, "operator2", HttpMethod.GET, "/api/evacuations/" + evacuation + "/plan.txt",
                null, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(TestUsers.call(rest, "operator2", HttpMethod.GET, "/api/evacuations", null, List.class)
                .getBody()).noneSatisfy(e -> assertThat((Map<String, Object>) e).containsEntry("id", evacuation));
        assertThat(TestUsers.call(rest, null, HttpMethod.GET, "/api/evacuations/" + evacuation, null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** The README's example: an LPAR running no WPAR ends NOTHING_TO_MOVE, and its record says so over REST. */
    @Test
    @SuppressWarnings("unchecked")
    void anLparWithoutWparsIsRecordedAsNothingToMove() {
        String evacuation = run(Map.of("lpar", "lpar02"));
        assertThat(approvals).isEmpty();
        assertThat(variable(evacuation, "outcome")).isEqualTo("NOTHING_TO_MOVE");
        ResponseEntity<Map> one = TestUsers.call(rest, "operator", HttpMethod.GET, "/api/evacuations/" + evacuation,
                null, Map.class);
        assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(one.getBody()).containsEntry("scopeKind", "LPAR").containsEntry("scopeName", "lpar02")
                .containsEntry("state", "NOTHING_TO_MOVE").containsEntry("wpars", List.of());
        assertThat((String) one.getBody().get("summary")).contains("no WPAR on lpar02");
        assertThat(TestUsers.call(rest, "operator", HttpMethod.GET, "/api/evacuations?state=NOTHING_TO_MOVE", null,
                List.class).getBody()).anySatisfy(e -> assertThat((Map<String, Object>) e)
                .containsEntry("id", evacuation));
    }

    @Test
    void badInputIsRefusedBeforeAnyInstanceExists() {
        long instances = history.createHistoricProcessInstanceQuery().processDefinitionKey("EvacuationProcess")
                .count();
        assertRefused(Map.of("managedSystem", "sysA", "lpar", "lpar10"), "lpar");
        assertRefused(Map.of(), "lpar");
        assertRefused(Map.of("managedSystem", "sys999"), "managedSystem");
        assertRefused(Map.of("lpar", "lpar99"), "lpar");
        assertRefused(Map.of("returnFrom", "no-such-evacuation"), "returnFrom");
        assertRefused(Map.of("lpar", "lpar10", "perSource", 0), "perSource");
        assertRefused(Map.of("lpar", "lpar10", "initiator", "someone"), "initiator");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("EvacuationProcess").count())
                .isEqualTo(instances);
        assertThat(fleet.stateHistory().since(0)).allMatch(t -> t.from() == null);
    }

    void assertRefused(Map<String, Object> variables, String field) {
        assertThatThrownBy(() -> start(variables)).isInstanceOf(InputRefusedException.class)
                .hasMessageContaining(field);
    }

    /**
     * From the simulator's history: a WPAR moves from its first change to its last (seq), off the host of the first,
     * onto the host it last appeared on; at no seq are more moves under way than the limits allow.
     */
    static void assertLimits(List<WparStateHistory.Transition> changes) {
        Map<String, long[]> span = new LinkedHashMap<>();
        Map<String, String> from = new HashMap<>();
        Map<String, String> to = new HashMap<>();
        for (WparStateHistory.Transition t : changes) {
            span.computeIfAbsent(t.wpar(), w -> new long[] {t.seq(), t.seq()})[1] = t.seq();
            from.putIfAbsent(t.wpar(), t.host());
            if (t.from() == null) {
                to.put(t.wpar(), t.host());
            }
        }
        for (WparStateHistory.Transition t : changes) {
            List<String> moving = span.entrySet().stream().filter(e -> e.getValue()[0] <= t.seq()
                    && t.seq() <= e.getValue()[1]).map(Map.Entry::getKey).toList();
            assertThat(moving.size()).as("moves at once at seq " + t.seq() + ": " + moving).isLessThanOrEqualTo(GLOBAL);
            assertThat(moving.stream().collect(Collectors.groupingBy(from::get, Collectors.counting())).values())
                    .as("moves off one LPAR at seq " + t.seq() + ": " + moving).allMatch(n -> n <= PER_SOURCE);
            assertThat(moving.stream().filter(to::containsKey).collect(Collectors.groupingBy(to::get,
                    Collectors.counting())).values()).as("moves onto one LPAR at seq " + t.seq() + ": " + moving)
                    .allMatch(n -> n <= PER_TARGET);
        }
    }

    /** The leases operations hold: the run watcher's pollers are the application's own. */
    List<String> operationLeases() {
        return locks.held().stream().map(l -> String.valueOf(l.resource()) + " " + l.owner())
                .filter(l -> !l.startsWith("poller:")).toList();
    }

    static String where(String wpar, List<EvacuationRecords.Item> items) {
        return items.stream().filter(i -> i.wpar().equals(wpar)).findFirst().orElseThrow().arriving();
    }

    Map<String, List<String>> wparsBySource() {
        Map<String, List<String>> by = new LinkedHashMap<>();
        for (String lpar : List.of("lpar10", "lpar11", "lpar12", "lpar20", "lpar21", "lpar30")) {
            by.put(lpar, fleet.host(lpar).wpars().stream().map(w -> w.name + "=" + w.state().letter()).sorted()
                    .toList());
        }
        return by;
    }

    String start(Map<String, Object> variables) {
        identity.setAuthentication("operator", List.of("wparflow-operators"));
        try {
            return runtime.startProcessInstanceByKey("EvacuationProcess", variables).getId();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Started by the operator, its approval task approved by the approver, until it ends, without incidents. */
    String run(Map<String, Object> variables) {
        Set<String> incidentsBefore = incidents();
        String instance = start(new HashMap<>(variables));
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(300)).until(() -> {
            assertThat(incidents()).as("incidents").isEqualTo(incidentsBefore);
            for (Task t : tasks.createTaskQuery().processDefinitionKey("ChangeApprovalProcess").list()) {
                String root = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                        .singleResult().getRootProcessInstanceId();
                if (instance.equals(root)) {
                    approvals.add(t.getName());
                    identity.setAuthentication("approver", List.of("wparflow-approvers"));
                    try {
                        tasks.complete(t.getId(), Map.of("decision", "approve", "reason", "firmware on sysA"));
                    } finally {
                        identity.clearAuthentication();
                    }
                }
            }
            return history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1;
        });
        return instance;
    }

    Set<String> incidents() {
        return runtime.createIncidentQuery().list().stream().map(i -> i.getActivityId() + ": " + i.getIncidentMessage())
                .collect(Collectors.toSet());
    }

    Object variable(String instance, String name) {
        var v = history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name)
                .singleResult();
        return v == null ? null : v.getValue();
    }
}
