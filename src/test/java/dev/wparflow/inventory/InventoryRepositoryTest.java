package dev.wparflow.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.MigratedDatabase;

/** The discovered inventory and discovery runs against a real database, in a schema of its own. */
@BothDatabases
class InventoryRepositoryTest {

    static final MigratedDatabase DB = MigratedDatabase.selected("inventory");

    DataSource dataSource() {
        return DB.dataSource();
    }

    @AfterAll
    static void closePool() {
        DB.close();
    }

    InventoryRepository repo;
    DiscoveryRunRepository runs;
    JdbcTemplate jdbc;

    static final Instant T1 = Instant.parse("2026-11-22T10:15:30.123456Z");
    static final Instant T2 = Instant.parse("2026-11-22T10:30:30Z");

    @BeforeEach
    void clean() {
        jdbc = new JdbcTemplate(dataSource());
        for (String t : List.of("wparflow_managed_system", "wparflow_lpar", "wparflow_lpar_fileset",
                "wparflow_volume_group", "wparflow_wpar", "wparflow_discovery_run", "wparflow_discovery_result")) {
            jdbc.update("DELETE FROM " + t);
        }
        repo = new InventoryRepository(jdbc, new DataSourceTransactionManager(dataSource()));
        runs = new DiscoveryRunRepository(jdbc);
    }

    static LparScan.Wpar wpar(String name, String state) {
        return new LparScan.Wpar(name, "SYSTEM", state, name, "9.3.5.182", "en0", "/wpars/" + name, false, true, false, null);
    }

    static LparScan scan(String lpar, List<LparScan.Wpar> wpars) {
        return new LparScan(lpar, "sys570a", "6100-02-01-0847", "PowerPC_POWER6", 2, 4096L, true, List.of("en0", "en1"),
                Map.of("bos.rte", "6.1.2.1", "mcr.rte", "4.2.0.0"),
                List.of(new VolumeGroupRecord("rootvg", 128, 546, 497), new VolumeGroupRecord("datavg", 128, 400, 383)),
                wpars);
    }

    @Test
    void systemsAreUpsertedAndFailuresKeepWhatWasKnown() {
        repo.saveSystem("sys570a", "Operating", "9117-MMA", "0610A9C", "hmc01", T1);
        repo.saveSystem("sys570a", "Standby", "9117-MMA", "0610A9C", "hmc02", T2);
        repo.systemFailed("sys570a", "CONNECT_REFUSED on hmc01; CONNECT_REFUSED on hmc02", T2.plusSeconds(900));
        repo.systemFailed("sys570z", "never seen", T2);
        List<ManagedSystemRecord> systems = repo.systems();
        assertThat(systems).hasSize(2);
        ManagedSystemRecord a = systems.get(0);
        assertThat(a).isEqualTo(new ManagedSystemRecord("sys570a", "Standby", "9117-MMA", "0610A9C", "hmc02", T2,
                "CONNECT_REFUSED on hmc01; CONNECT_REFUSED on hmc02", T2.plusSeconds(900)));
        assertThat(systems.get(1).state()).isNull();
        repo.saveSystem("sys570a", "Operating", "9117-MMA", "0610A9C", "hmc01", T2.plusSeconds(1800));
        assertThat(repo.systems().get(0).lastError()).isNull();
    }

    @Test
    void aScanReplacesAnLparsRowsAndKeepsTheHmcView() {
        repo.saveHmcLpar("lpar00", "sys570a", 1, "Running", "aixlinux", "AIX 6.1 6100-02-01-0847", T1);
        repo.saveScan(scan("lpar00", List.of(wpar("wpr00", "DEFINED"), wpar("wpr03", "ACTIVE"))), T1);
        repo.saveScan(scan("lpar01", List.of(wpar("wpr01", "ACTIVE"))), T1);

        LparProfile p = repo.lpar("lpar00").orElseThrow();
        assertThat(p.managedSystem()).isEqualTo("sys570a");
        assertThat(p.lparId()).isEqualTo(1);
        assertThat(p.state()).isEqualTo("Running");
        assertThat(p.osVersion()).isEqualTo("AIX 6.1 6100-02-01-0847");
        assertThat(p.oslevel()).isEqualTo("6100-02-01-0847");
        assertThat(p.processorType()).isEqualTo("PowerPC_POWER6");
        assertThat(p.memoryMb()).isEqualTo(4096L);
        assertThat(p.ntpActive()).isTrue();
        assertThat(p.interfaces()).containsExactly("en0", "en1");
        assertThat(p.filesets()).containsOnly(Map.entry("bos.rte", "6.1.2.1"), Map.entry("mcr.rte", "4.2.0.0"));
        assertThat(p.volumeGroup("rootvg").orElseThrow().freeMb()).isEqualTo(497L * 128);
        assertThat(p.wparCount()).isEqualTo(2);
        assertThat(p.discoveredAt()).isEqualTo(T1);
        assertThat(repo.wparsOf("lpar00")).extracting(WparRecord::name).containsExactly("wpr00", "wpr03");
        assertThat(repo.wpars(null, "ACTIVE")).extracting(WparRecord::name).containsExactly("wpr03", "wpr01");
        assertThat(repo.lpars()).extracting(LparProfile::name).containsExactly("lpar00", "lpar01");

        // a relocation marks wpr03; the next refresh drops wpr00, adds wpr04 and keeps wpr03's target
        assertThat(repo.setTargetHost("lpar00", "wpr03", "lpar01")).isTrue();
        repo.saveScan(new LparScan("lpar00", null, "6100-03-01-0921", "PowerPC_POWER6", 2, 4096L, false, List.of(),
                Map.of("bos.rte", "6.1.3.1"), List.of(new VolumeGroupRecord("rootvg", 128, 546, 400)),
                List.of(wpar("wpr03", "ACTIVE"), wpar("wpr04", "DEFINED"))), T2);
        assertThat(repo.wparsOf("lpar00")).extracting(WparRecord::name, WparRecord::targetHost, WparRecord::lastKnownHost)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("wpr03", "lpar01", "lpar00"),
                        org.assertj.core.groups.Tuple.tuple("wpr04", null, "lpar00"));
        LparProfile q = repo.lpar("lpar00").orElseThrow();
        assertThat(q.managedSystem()).isEqualTo("sys570a"); // kept: the scan did not name one
        assertThat(q.filesets()).containsOnlyKeys("bos.rte");
        assertThat(q.volumeGroups()).hasSize(1);
        assertThat(q.ntpActive()).isFalse();
        assertThat(q.interfaces()).isEmpty();
        assertThat(repo.findWpar("wpr01")).singleElement().extracting(WparRecord::lpar).isEqualTo("lpar01");
        assertThat(repo.findWpar("wpr00")).isEmpty();
        assertThat(repo.wparCount()).isEqualTo(3);
    }

    @Test
    void aDecommissionRemovesTheWparsRowAndCountsItOutOnce() {
        repo.saveScan(scan("lpar00", List.of(wpar("wpr00", "DEFINED"), wpar("wpr03", "ACTIVE"))), T1);
        repo.saveScan(scan("lpar01", List.of(wpar("wpr03", "DEFINED"))), T1);

        assertThat(repo.removeWpar("lpar00", "wpr03")).isTrue();
        assertThat(repo.removeWpar("lpar00", "wpr03")).as("a retried step").isFalse();
        assertThat(repo.wparsOf("lpar00")).extracting(WparRecord::name).containsExactly("wpr00");
        assertThat(repo.lpar("lpar00").orElseThrow().wparCount()).isEqualTo(1);
        assertThat(repo.findWpar("wpr03")).singleElement().extracting(WparRecord::lpar).isEqualTo("lpar01");
        assertThat(repo.lpar("lpar01").orElseThrow().wparCount()).isEqualTo(1);
    }

    @Test
    void aRelocationMovesTheWparsRowOnceEvenIfDiscoverySawItArriveFirst() {
        repo.saveScan(scan("lpar00", List.of(wpar("wpr03", "ACTIVE"))), T1);
        repo.saveScan(scan("lpar01", List.of()), T1);
        repo.setTargetHost("lpar00", "wpr03", "lpar01");

        repo.recordMove("wpr03", "lpar00", "lpar01", "ACTIVE");
        repo.recordMove("wpr03", "lpar00", "lpar01", "ACTIVE"); // a retried step
        assertThat(repo.findWpar("wpr03")).singleElement().satisfies(w -> {
            assertThat(w.lpar()).isEqualTo("lpar01");
            assertThat(w.lastKnownHost()).isEqualTo("lpar00");
            assertThat(w.targetHost()).isNull();
        });

        // discovery already saw the copy on the arriving LPAR while the old row was still there
        repo.saveScan(scan("lpar02", List.of(wpar("wpr07", "DEFINED"))), T1);
        repo.saveScan(scan("lpar01", List.of(wpar("wpr03", "ACTIVE"), wpar("wpr07", "DEFINED"))), T2);
        repo.recordMove("wpr07", "lpar02", "lpar01", "DEFINED");
        assertThat(repo.findWpar("wpr07")).singleElement().satisfies(w -> {
            assertThat(w.lpar()).isEqualTo("lpar01");
            assertThat(w.lastKnownHost()).isEqualTo("lpar02");
        });
    }

    @Test
    void aFailedHostKeepsItsRowsWithTheReason() {
        repo.saveScan(scan("lpar00", List.of(wpar("wpr00", "DEFINED"))), T1);
        repo.lparFailed("lpar00", "sys570a", "CONNECT_REFUSED on lpar00: Connection refused", T2);
        repo.lparFailed("lpar09", "sys570b", "HOST_KEY_UNKNOWN on lpar09: …", T2);
        LparProfile p = repo.lpar("lpar00").orElseThrow();
        assertThat(p.lastError()).isEqualTo("CONNECT_REFUSED on lpar00: Connection refused");
        assertThat(p.lastErrorAt()).isEqualTo(T2);
        assertThat(p.discoveredAt()).isEqualTo(T1);
        assertThat(p.oslevel()).isEqualTo("6100-02-01-0847");
        assertThat(repo.wparsOf("lpar00")).hasSize(1);
        assertThat(repo.lpar("lpar09").orElseThrow().managedSystem()).isEqualTo("sys570b");
        repo.saveScan(scan("lpar00", List.of()), T2.plusSeconds(60));
        assertThat(repo.lpar("lpar00").orElseThrow().lastError()).isNull();
        assertThat(repo.wparsOf("lpar00")).isEmpty();
    }

    @Test
    void concurrentRefreshesOfOneLparLeaveOneConsistentSet() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                fs.add(pool.submit(() -> {
                    List<LparScan.Wpar> ws = new ArrayList<>();
                    for (int w = 0; w < 20; w++) {
                        ws.add(wpar("w" + n + "x" + w, "ACTIVE"));
                    }
                    repo.saveScan(scan("lpar00", ws), T1.plusSeconds(n));
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<WparRecord> ws = repo.wparsOf("lpar00");
        assertThat(ws).hasSize(20);
        assertThat(ws.stream().map(w -> w.name().substring(0, w.name().indexOf('x'))).distinct()).hasSize(1);
    }

    @Test
    void discoveryRunsCountTheirResults() {
        runs.start("run-1", "operator", T1);
        runs.start("run-1", "operator", T1); // a retried step
        runs.plan("run-1", DiscoverySummary.SYSTEM, List.of("sys570a", "sys570b"));
        runs.plan("run-1", DiscoverySummary.LPAR, List.of("lpar01", "lpar00", "lpar02"));
        runs.plan("run-1", DiscoverySummary.LPAR, List.of("lpar01", "lpar00", "lpar02"));
        assertThat(runs.planned("run-1", DiscoverySummary.LPAR)).containsExactly("lpar00", "lpar01", "lpar02");
        runs.result("run-1", DiscoverySummary.SYSTEM, "sys570a", true, null, null, T1);
        runs.result("run-1", DiscoverySummary.SYSTEM, "sys570b", false, "both HMCs refused", null, T1);
        runs.result("run-1", DiscoverySummary.LPAR, "lpar00", true, null, 4, T1);
        runs.result("run-1", DiscoverySummary.LPAR, "lpar01", false, "CONNECT_REFUSED on lpar01", null, T1);
        DiscoverySummary open = runs.latest().orElseThrow();
        assertThat(open.finished()).isFalse();
        assertThat(open.hostsOk()).isEqualTo(1);
        runs.result("run-1", DiscoverySummary.LPAR, "lpar02", true, null, 0, T1);
        DiscoverySummary s = runs.finish("run-1", T2);
        assertThat(s.finished()).isTrue();
        assertThat(s).extracting(DiscoverySummary::systemsTotal, DiscoverySummary::systemsFailed,
                DiscoverySummary::hostsTotal, DiscoverySummary::hostsOk, DiscoverySummary::hostsFailed,
                DiscoverySummary::wparCount).containsExactly(2, 1, 3, 2, 1, 4);
        assertThat(s.failures()).extracting(DiscoverySummary.Result::name, DiscoverySummary.Result::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sys570b", "both HMCs refused"),
                        org.assertj.core.groups.Tuple.tuple("lpar01", "CONNECT_REFUSED on lpar01"));
        runs.start("run-2", null, T2);
        assertThat(runs.latest().orElseThrow().runId()).isEqualTo("run-2");
        assertThat(runs.latestFinished().orElseThrow().runId()).isEqualTo("run-1");
        assertThat(runs.summary("nope")).isEmpty();
    }
}
