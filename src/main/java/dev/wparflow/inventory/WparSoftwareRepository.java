package dev.wparflow.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code wparflow_wpar_software} and {@code wparflow_wpar_fileset_drift}: each system WPAR's software levels against
 * its global environment, as discovery (or a sync) last measured them. Saving an LPAR replaces its rows; saving one
 * WPAR replaces that WPAR's.
 */
@Repository
public class WparSoftwareRepository {

    static final int MAX_NOTE = 1900;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public WparSoftwareRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Replaces every row of {@code lpar} by {@code measured} (the WPARs it has now). */
    public void saveLpar(String lpar, List<WparSoftwareStatus> measured) {
        tx.executeWithoutResult(s -> {
            jdbc.update("DELETE FROM wparflow_wpar_fileset_drift WHERE lpar = ?", lpar);
            jdbc.update("DELETE FROM wparflow_wpar_software WHERE lpar = ?", lpar);
            measured.forEach(this::insert);
        });
    }

    /** Replaces the rows of one WPAR. */
    public void save(WparSoftwareStatus status) {
        tx.executeWithoutResult(s -> {
            jdbc.update("DELETE FROM wparflow_wpar_fileset_drift WHERE lpar = ? AND wpar = ?", status.lpar(),
                    status.wpar());
            jdbc.update("DELETE FROM wparflow_wpar_software WHERE lpar = ? AND wpar = ?", status.lpar(),
                    status.wpar());
            insert(status);
        });
    }

    private void insert(WparSoftwareStatus w) {
        String note = w.note() == null ? null : w.note().length() > MAX_NOTE ? w.note().substring(0, MAX_NOTE)
                : w.note();
        jdbc.update("INSERT INTO wparflow_wpar_software (lpar, wpar, wpar_kind, in_sync, note, checked_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", w.lpar(), w.wpar(), w.kind(), w.inSync(), note,
                InventoryRepository.ts(w.checkedAt()));
        List<Object[]> rows = new ArrayList<>();
        for (WparSoftwareStatus.Drifting d : w.drifting()) {
            rows.add(new Object[] {w.lpar(), w.wpar(), d.fileset(), d.globalLevel(), d.wparLevel(), d.part()});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO wparflow_wpar_fileset_drift (lpar, wpar, fileset, global_level, wpar_level,"
                    + " part) VALUES (?, ?, ?, ?, ?, ?)", rows);
        }
    }

    /** Every WPAR's status, by "lpar/wpar". */
    public Map<String, WparSoftwareStatus> all() {
        return query("", new Object[0]);
    }

    /** One WPAR's status, if it was measured. */
    public Optional<WparSoftwareStatus> find(String lpar, String wpar) {
        return Optional.ofNullable(query(" WHERE lpar = ? AND wpar = ?", new Object[] {lpar, wpar})
                .get(lpar + "/" + wpar));
    }

    /** The WPARs of {@code lpar} last measured out of sync. */
    public List<WparSoftwareStatus> drifting(String lpar) {
        return query(" WHERE lpar = ?", new Object[] {lpar}).values().stream()
                .filter(w -> Boolean.FALSE.equals(w.inSync())).toList();
    }

    private Map<String, WparSoftwareStatus> query(String where, Object[] args) {
        Map<String, List<WparSoftwareStatus.Drifting>> drift = new LinkedHashMap<>();
        jdbc.query("SELECT lpar, wpar, fileset, global_level, wpar_level, part FROM wparflow_wpar_fileset_drift"
                + where + " ORDER BY lpar, wpar, fileset", rs -> {
                    drift.computeIfAbsent(rs.getString("lpar") + "/" + rs.getString("wpar"), k -> new ArrayList<>())
                            .add(new WparSoftwareStatus.Drifting(rs.getString("fileset"), rs.getString("global_level"),
                                    rs.getString("wpar_level"), rs.getString("part")));
                }, args);
        Map<String, WparSoftwareStatus> out = new LinkedHashMap<>();
        jdbc.query("SELECT lpar, wpar, wpar_kind, in_sync, note, checked_at FROM wparflow_wpar_software" + where
                + " ORDER BY lpar, wpar", rs -> {
                    String key = rs.getString("lpar") + "/" + rs.getString("wpar");
                    boolean inSync = rs.getBoolean("in_sync");
                    Boolean value = rs.wasNull() ? null : inSync;
                    out.put(key, new WparSoftwareStatus(rs.getString("lpar"), rs.getString("wpar"),
                            rs.getString("wpar_kind"), value, rs.getString("note"),
                            InventoryRepository.instant(rs, "checked_at"), drift.getOrDefault(key, List.of())));
                }, args);
        return out;
    }
}
