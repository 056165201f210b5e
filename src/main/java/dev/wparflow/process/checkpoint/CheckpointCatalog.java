package dev.wparflow.process.checkpoint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The checkpoints wparflow took (table {@code wparflow_checkpoint}): one row per checkpoint directory on the shared
 * repository, newest first in every listing.
 */
@Repository
public class CheckpointCatalog {

    /** One checkpoint: its id, the WPAR and the LPAR it was taken on, its directory, when, by whom, how. */
    public record Checkpoint(long id, String wpar, String lpar, String directory, Instant takenAt, String takenBy,
            boolean killed, Long sizeKb, boolean scheduled, String operationInstanceId) {
    }

    private final JdbcTemplate jdbc;

    public CheckpointCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a checkpoint; a directory recorded already (a retried step) keeps its row. Returns its id. */
    public long record(String wpar, String lpar, String directory, Instant takenAt, String takenBy, boolean killed,
            Long sizeKb, boolean scheduled, String operationInstanceId) {
        Optional<Checkpoint> existing = byDirectory(directory);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        jdbc.update("""
                INSERT INTO wparflow_checkpoint (wpar, lpar, directory, taken_at, taken_by, killed, size_kb, scheduled,
                    operation_instance_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", wpar, lpar, directory,
                OffsetDateTime.ofInstant(takenAt, ZoneOffset.UTC), takenBy, killed, sizeKb, scheduled,
                operationInstanceId);
        return byDirectory(directory).orElseThrow().id();
    }

    public Optional<Checkpoint> find(long id) {
        return jdbc.query("SELECT * FROM wparflow_checkpoint WHERE id = ?", CheckpointCatalog::row, id).stream()
                .findFirst();
    }

    public Optional<Checkpoint> byDirectory(String directory) {
        return jdbc.query("SELECT * FROM wparflow_checkpoint WHERE directory = ?", CheckpointCatalog::row, directory)
                .stream().findFirst();
    }

    /** Every checkpoint, or those of one WPAR and/or LPAR (null: any), newest first. */
    public List<Checkpoint> list(String wpar, String lpar) {
        return jdbc.query("""
                SELECT * FROM wparflow_checkpoint
                WHERE (CAST(? AS VARCHAR(25)) IS NULL OR wpar = ?) AND (CAST(? AS VARCHAR(63)) IS NULL OR lpar = ?)
                ORDER BY taken_at DESC, id DESC""", CheckpointCatalog::row, wpar, wpar, lpar, lpar);
    }

    /** The scheduled checkpoints of one WPAR, newest first. */
    public List<Checkpoint> scheduled(String wpar) {
        return jdbc.query("SELECT * FROM wparflow_checkpoint WHERE wpar = ? AND scheduled = TRUE"
                + " ORDER BY taken_at DESC, id DESC", CheckpointCatalog::row, wpar);
    }

    public void remove(long id) {
        jdbc.update("DELETE FROM wparflow_checkpoint WHERE id = ?", id);
    }

    private static Checkpoint row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime taken = rs.getObject("taken_at", OffsetDateTime.class);
        long size = rs.getLong("size_kb");
        return new Checkpoint(rs.getLong("id"), rs.getString("wpar"), rs.getString("lpar"), rs.getString("directory"),
                taken.toInstant(), rs.getString("taken_by"), rs.getBoolean("killed"), rs.wasNull() ? null : size,
                rs.getBoolean("scheduled"), rs.getString("operation_instance_id"));
    }
}
