package dev.wparflow.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The discovered inventory in our tables (Flyway V4): managed systems, LPARs with their filesets and volume groups,
 * WPARs. Plain SQL that runs on H2 and PostgreSQL. An LPAR's scan replaces its filesets, volume groups and WPARs in
 * one transaction (readers see the old rows or the new ones); a failure only sets last_error / last_error_at.
 */
@Repository
public class InventoryRepository {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public InventoryRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    // ---------------------------------------------------------------- writes

    /** A managed system as its HMC listed it; clears its last error. */
    public void saveSystem(String name, String state, String typeModel, String serial, String viaHmc, Instant at) {
        OffsetDateTime t = ts(at);
        upsert(() -> jdbc.update("UPDATE wparflow_managed_system SET state = ?, type_model = ?, serial = ?, via_hmc = ?,"
                + " discovered_at = ?, last_error = NULL, last_error_at = NULL WHERE name = ?",
                state, typeModel, serial, viaHmc, t, name),
                () -> jdbc.update("INSERT INTO wparflow_managed_system (name, state, type_model, serial, via_hmc,"
                        + " discovered_at) VALUES (?, ?, ?, ?, ?, ?)", name, state, typeModel, serial, viaHmc, t));
    }

    /** Neither HMC answered for this system: keep what we knew, note why and when. */
    public void systemFailed(String name, String reason, Instant at) {
        OffsetDateTime t = ts(at);
        String r = cut(reason);
        upsert(() -> jdbc.update("UPDATE wparflow_managed_system SET last_error = ?, last_error_at = ? WHERE name = ?",
                r, t, name),
                () -> jdbc.update("INSERT INTO wparflow_managed_system (name, last_error, last_error_at) VALUES (?, ?, ?)",
                        name, r, t));
    }

    /** The HMC's view of a partition ({@code lssyscfg -r lpar}). */
    public void saveHmcLpar(String name, String managedSystem, int lparId, String state, String lparEnv,
            String osVersion, Instant at) {
        OffsetDateTime t = ts(at);
        upsert(() -> jdbc.update("UPDATE wparflow_lpar SET managed_system = ?, lpar_id = ?, state = ?, lpar_env = ?,"
                + " os_version = ?, hmc_seen_at = ? WHERE name = ?", managedSystem, lparId, state, lparEnv, osVersion, t,
                name),
                () -> jdbc.update("INSERT INTO wparflow_lpar (name, managed_system, lpar_id, state, lpar_env, os_version,"
                        + " hmc_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)", name, managedSystem, lparId, state, lparEnv,
                        osVersion, t));
    }

    /**
     * Replaces everything known about an LPAR from the host in one transaction: its row (last error cleared), its
     * filesets, volume groups and WPARs. A WPAR that is still there keeps its target_host.
     */
    public void saveScan(LparScan scan, Instant at) {
        OffsetDateTime t = ts(at);
        // make sure the row exists first: outside a surrounding transaction this is its own statement, so a
        // concurrent first insert cannot abort the transaction below (a duplicate key would, on PostgreSQL); inside
        // a job's transaction such a race fails the job, which is retried
        upsert(() -> jdbc.update("UPDATE wparflow_lpar SET name = name WHERE name = ?", scan.lpar()),
                () -> jdbc.update("INSERT INTO wparflow_lpar (name, managed_system) VALUES (?, ?)", scan.lpar(),
                        scan.managedSystem()));
        tx.executeWithoutResult(status -> {
            // the row update comes first: it locks the LPAR, so two refreshes of one LPAR take turns
            upsert(() -> jdbc.update("UPDATE wparflow_lpar SET managed_system = COALESCE(?, managed_system), oslevel = ?,"
                    + " processor_type = ?, processors = ?, memory_mb = ?, ntp_active = ?, interfaces = ?, wpar_count = ?,"
                    + " discovered_at = ?, last_error = NULL, last_error_at = NULL WHERE name = ?",
                    scan.managedSystem(), scan.oslevel(), scan.processorType(), scan.processors(), scan.memoryMb(),
                    scan.ntpActive(), joined(scan.interfaces()), scan.wpars().size(), t, scan.lpar()),
                    () -> jdbc.update("INSERT INTO wparflow_lpar (name, managed_system, oslevel, processor_type, processors,"
                            + " memory_mb, ntp_active, interfaces, wpar_count, discovered_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", scan.lpar(), scan.managedSystem(), scan.oslevel(),
                            scan.processorType(), scan.processors(), scan.memoryMb(), scan.ntpActive(),
                            joined(scan.interfaces()), scan.wpars().size(), t));
            jdbc.update("DELETE FROM wparflow_lpar_fileset WHERE lpar = ?", scan.lpar());
            List<Object[]> fs = new ArrayList<>();
            scan.filesets().forEach((k, v) -> fs.add(new Object[] {scan.lpar(), k, v}));
            if (!fs.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO wparflow_lpar_fileset (lpar, fileset, fileset_level) VALUES (?, ?, ?)", fs);
            }
            jdbc.update("DELETE FROM wparflow_volume_group WHERE lpar = ?", scan.lpar());
            List<Object[]> vgs = new ArrayList<>();
            scan.volumeGroups().forEach(v -> vgs.add(new Object[] {scan.lpar(), v.name(), v.ppSizeMb(), v.totalPps(),
                    v.freePps()}));
            if (!vgs.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO wparflow_volume_group (lpar, name, pp_size_mb, total_pps, free_pps)"
                        + " VALUES (?, ?, ?, ?, ?)", vgs);
            }
            Map<String, String> targets = new HashMap<>();
            jdbc.query("SELECT name, target_host FROM wparflow_wpar WHERE lpar = ? AND target_host IS NOT NULL",
                    rs -> {
                        targets.put(rs.getString(1), rs.getString(2));
                    }, scan.lpar());
            jdbc.update("DELETE FROM wparflow_wpar WHERE lpar = ?", scan.lpar());
            List<Object[]> ws = new ArrayList<>();
            for (LparScan.Wpar w : scan.wpars()) {
                ws.add(new Object[] {scan.lpar(), w.name(), w.type(), w.state(), w.hostname(), w.address(),
                        w.interfaceName(), w.directory(), w.checkpointable(), w.localFs(), w.nfsFs(), t, scan.lpar(),
                        targets.get(w.name()), w.cpuMinimum()});
            }
            if (!ws.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO wparflow_wpar (lpar, name, wpar_type, state, hostname, address,"
                        + " interface_name, directory, checkpointable, local_fs, nfs_fs, discovered_at, last_known_host,"
                        + " target_host, cpu_minimum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ws);
            }
        });
    }

    /** The host could not be scanned: its previous rows stay, with the reason and the time. */
    public void lparFailed(String name, String managedSystem, String reason, Instant at) {
        OffsetDateTime t = ts(at);
        String r = cut(reason);
        upsert(() -> jdbc.update("UPDATE wparflow_lpar SET last_error = ?, last_error_at = ? WHERE name = ?", r, t, name),
                () -> jdbc.update("INSERT INTO wparflow_lpar (name, managed_system, last_error, last_error_at)"
                        + " VALUES (?, ?, ?, ?)", name, managedSystem, r, t));
    }

    /** A relocation names where a WPAR is going (null clears it); false when no such row. */
    public boolean setTargetHost(String lpar, String wpar, String targetHost) {
        return jdbc.update("UPDATE wparflow_wpar SET target_host = ? WHERE lpar = ? AND name = ?", targetHost, lpar,
                wpar) == 1;
    }

    /** A relocation reports where the WPAR now lives (before the next discovery sees it there). */
    public boolean setLastKnownHost(String lpar, String wpar, String host) {
        return jdbc.update("UPDATE wparflow_wpar SET last_known_host = ? WHERE lpar = ? AND name = ?", host, lpar,
                wpar) == 1;
    }

    /**
     * A relocation moved the WPAR: its row now belongs to {@code to} in {@code state}, remembering
     * {@code from} as the last known host (a row the next discovery already found on {@code to} gives way).
     * Idempotent: moving it again finds it where it already is.
     */
    public void recordMove(String wpar, String from, String to, String state) {
        tx.executeWithoutResult(status -> {
            int moved = jdbc.update("UPDATE wparflow_wpar SET lpar = ?, state = ?, last_known_host = ?, target_host = NULL"
                    + " WHERE lpar = ? AND name = ? AND NOT EXISTS (SELECT 1 FROM wparflow_wpar w WHERE w.lpar = ? AND w.name = ?)",
                    to, state, from, from, wpar, to, wpar);
            if (moved == 0) {
                jdbc.update("UPDATE wparflow_wpar SET state = ?, last_known_host = ?, target_host = NULL WHERE lpar = ? AND name = ?",
                        state, from, to, wpar);
                jdbc.update("DELETE FROM wparflow_wpar WHERE lpar = ? AND name = ?", from, wpar);
            }
        });
    }

    /**
     * A WPAR this application created (provisioning): its row as lswpar showed it after the creation, replacing any
     * row of that LPAR and name. The next discovery refreshes it like any other.
     */
    public void recordCreated(WparRecord w) {
        tx.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM wparflow_wpar WHERE lpar = ? AND name = ?", w.lpar(), w.name());
            jdbc.update("""
                    INSERT INTO wparflow_wpar (lpar, name, wpar_type, state, hostname, address, interface_name, directory,
                        checkpointable, local_fs, nfs_fs, discovered_at, last_known_host)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", w.lpar(), w.name(), w.type(), w.state(),
                    w.hostname(), w.address(), w.interfaceName(), w.directory(), w.checkpointable(), w.localFs(),
                    w.nfsFs(), ts(w.discoveredAt()), w.lpar());
        });
    }

    /**
     * A decommission removed the WPAR from its LPAR: its row goes, and the LPAR's WPAR count with it (the next
     * discovery would find the same). False when there was no such row (removed already, or never discovered).
     */
    public boolean removeWpar(String lpar, String wpar) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (jdbc.update("DELETE FROM wparflow_wpar WHERE lpar = ? AND name = ?", lpar, wpar) == 0) {
                return false;
            }
            jdbc.update("UPDATE wparflow_lpar SET wpar_count = wpar_count - 1 WHERE name = ? AND wpar_count > 0", lpar);
            return true;
        }));
    }

    /** The WPAR stays where it was, in {@code state}, with no move pending. */
    public void recordStay(String wpar, String lpar, String state) {
        jdbc.update("UPDATE wparflow_wpar SET state = ?, target_host = NULL WHERE lpar = ? AND name = ?", state, lpar, wpar);
    }

    // ---------------------------------------------------------------- queries

    public List<ManagedSystemRecord> systems() {
        return jdbc.query("SELECT * FROM wparflow_managed_system ORDER BY name", (rs, i) -> new ManagedSystemRecord(
                rs.getString("name"), rs.getString("state"), rs.getString("type_model"), rs.getString("serial"),
                rs.getString("via_hmc"), instant(rs, "discovered_at"), rs.getString("last_error"),
                instant(rs, "last_error_at")));
    }

    /** Every LPAR with filesets and volume groups (three queries, whatever the fleet's size). */
    public List<LparProfile> lpars() {
        return profiles("SELECT * FROM wparflow_lpar ORDER BY name", null);
    }

    /** The LPAR profile for compatibility checks, if the LPAR was ever seen. */
    public Optional<LparProfile> lpar(String name) {
        return profiles("SELECT * FROM wparflow_lpar WHERE name = ?", name).stream().findFirst();
    }

    /** WPARs, optionally of one LPAR and/or in one state ({@code ACTIVE}, …), by LPAR and name. */
    public List<WparRecord> wpars(String lpar, String state) {
        StringBuilder sql = new StringBuilder("SELECT * FROM wparflow_wpar WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (lpar != null) {
            sql.append(" AND lpar = ?");
            args.add(lpar);
        }
        if (state != null) {
            sql.append(" AND state = ?");
            args.add(state);
        }
        sql.append(" ORDER BY lpar, name");
        return jdbc.query(sql.toString(), this::wpar, args.toArray());
    }

    public List<WparRecord> wparsOf(String lpar) {
        return wpars(lpar, null);
    }

    /**
     * A WPAR by name across the fleet. Usually one row; two while a relocation has it on both sides (departing
     * Defined, arriving Active), so the caller decides.
     */
    public List<WparRecord> findWpar(String name) {
        return jdbc.query("SELECT * FROM wparflow_wpar WHERE name = ? ORDER BY lpar", this::wpar, name);
    }

    /**
     * The sum of the CPU minimums (percent, {@code lswpar -R} at the last discovery) of the WPARs the inventory has
     * Active on {@code lpar}; a WPAR whose controls were not read counts 0.
     */
    public java.math.BigDecimal runningCpuMinimums(String lpar) {
        java.math.BigDecimal sum = jdbc.queryForObject("SELECT SUM(cpu_minimum) FROM wparflow_wpar WHERE lpar = ? AND state = ?",
                java.math.BigDecimal.class, lpar, "ACTIVE");
        return sum == null ? java.math.BigDecimal.ZERO : sum;
    }

    /**
     * The CPU minimum (percent, {@code lswpar -R} at the last discovery) of every WPAR the inventory lists, keyed
     * {@code lpar/wpar}; a WPAR whose controls were not read is absent.
     */
    public Map<String, java.math.BigDecimal> cpuMinimums() {
        Map<String, java.math.BigDecimal> minimums = new HashMap<>();
        jdbc.query("SELECT lpar, name, cpu_minimum FROM wparflow_wpar WHERE cpu_minimum IS NOT NULL", rs -> {
            minimums.put(rs.getString(1) + "/" + rs.getString(2), rs.getBigDecimal(3));
        });
        return minimums;
    }

    public int wparCount() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM wparflow_wpar", Integer.class);
        return n == null ? 0 : n;
    }

    private List<LparProfile> profiles(String sql, String name) {
        Object[] args = name == null ? new Object[0] : new Object[] {name};
        Map<String, Map<String, String>> filesets = new HashMap<>();
        Map<String, List<VolumeGroupRecord>> vgs = new HashMap<>();
        String where = name == null ? "" : " WHERE lpar = ?";
        jdbc.query("SELECT lpar, fileset, fileset_level FROM wparflow_lpar_fileset" + where + " ORDER BY lpar, fileset",
                rs -> {
                    filesets.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                            rs.getString(3));
                }, args);
        jdbc.query("SELECT lpar, name, pp_size_mb, total_pps, free_pps FROM wparflow_volume_group" + where
                + " ORDER BY lpar, name", rs -> {
                    vgs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new VolumeGroupRecord(
                            rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                }, args);
        return jdbc.query(sql, (rs, i) -> {
            String n = rs.getString("name");
            String ifs = rs.getString("interfaces");
            return new LparProfile(n, rs.getString("managed_system"), integer(rs, "lpar_id"), rs.getString("state"),
                    rs.getString("lpar_env"), rs.getString("os_version"), instant(rs, "hmc_seen_at"),
                    rs.getString("oslevel"), rs.getString("processor_type"), integer(rs, "processors"),
                    longOrNull(rs, "memory_mb"), bool(rs, "ntp_active"),
                    ifs == null || ifs.isEmpty() ? List.of() : Arrays.asList(ifs.split(",")),
                    filesets.getOrDefault(n, Map.of()), vgs.getOrDefault(n, List.of()), integer(rs, "wpar_count"),
                    instant(rs, "discovered_at"), rs.getString("last_error"), instant(rs, "last_error_at"));
        }, args);
    }

    private WparRecord wpar(ResultSet rs, int i) throws SQLException {
        return new WparRecord(rs.getString("lpar"), rs.getString("name"), rs.getString("wpar_type"),
                rs.getString("state"), rs.getString("hostname"), rs.getString("address"), rs.getString("interface_name"),
                rs.getString("directory"), bool(rs, "checkpointable"), rs.getBoolean("local_fs"), rs.getBoolean("nfs_fs"),
                instant(rs, "discovered_at"), rs.getString("last_known_host"), rs.getString("target_host"));
    }

    // ---------------------------------------------------------------- helpers

    /** UPDATE, else INSERT; a concurrent INSERT of the same key makes the UPDATE win on a second try. */
    static void upsert(java.util.function.IntSupplier update, Runnable insert) {
        if (update.getAsInt() > 0) {
            return;
        }
        try {
            insert.run();
        } catch (DuplicateKeyException raced) {
            update.getAsInt();
        }
    }

    static OffsetDateTime ts(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Integer integer(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    static Long longOrNull(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    static Boolean bool(ResultSet rs, String col) throws SQLException {
        boolean v = rs.getBoolean(col);
        return rs.wasNull() ? null : v;
    }

    static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }

    private static String joined(List<String> l) {
        return l == null || l.isEmpty() ? null : String.join(",", l);
    }
}
