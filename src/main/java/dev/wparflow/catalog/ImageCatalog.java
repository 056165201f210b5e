package dev.wparflow.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The image catalog table. Recording an image is idempotent by its repository path (a retried step). */
@Repository
public class ImageCatalog {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ImageCatalog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a verified backup adds to the catalog. */
    public record NewImage(String lpar, String wpar, Instant createdAt, String path, String imageDataPath,
            String specPath, long sizeBytes, long fileCount, String checksum, String oslevel, String specText,
            String imageDataText, String processInstanceId, String backupRunId) {
    }

    /** What a verified backup of a global environment adds: a mksysb or savevg image, no WPAR. */
    public record NewGlobalImage(String lpar, String kind, String volumeGroup, Instant createdAt, String path,
            long sizeBytes, long fileCount, String checksum, String oslevel, String processInstanceId,
            String backupRunId) {
    }

    /** Records a global environment's image; idempotent by its path like {@link #record(NewImage)}. */
    public CatalogImage record(NewGlobalImage n) {
        Optional<CatalogImage> existing = findByPath(n.path());
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO wparflow_image (id, lpar, wpar, kind, volume_group, created_at, path, size_bytes,
                    file_count, checksum, oslevel, state, golden, process_instance_id, backup_run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'GOOD', FALSE, ?, ?)
                """, id, n.lpar(), CatalogImage.GLOBAL, n.kind(), n.volumeGroup(), utc(n.createdAt()), n.path(),
                n.sizeBytes(), n.fileCount(), n.checksum(), n.oslevel(), n.processInstanceId(), n.backupRunId());
        return find(id).orElseThrow();
    }

    /**
     * A global environment's images of one kind (and, for savevg, one volume group; null for any), newest first;
     * deleted ones only if asked.
     */
    public List<CatalogImage> forGlobal(String lpar, String kind, String volumeGroup, boolean includeDeleted) {
        List<Object> args = new ArrayList<>(List.of(lpar, kind));
        String vg = "";
        if (volumeGroup != null) {
            vg = " AND volume_group = ?";
            args.add(volumeGroup);
        }
        return jdbc.query("SELECT * FROM wparflow_image WHERE lpar = ? AND kind = ?" + vg
                + (includeDeleted ? "" : " AND state = 'GOOD'") + " ORDER BY created_at DESC, id DESC",
                ImageCatalog::row, args.toArray());
    }

    public CatalogImage record(NewImage n) {
        Optional<CatalogImage> existing = findByPath(n.path());
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO wparflow_image (id, lpar, wpar, created_at, path, image_data_path, spec_path, size_bytes,
                    file_count, checksum, oslevel, spec_text, image_data_text, state, golden, process_instance_id,
                    backup_run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'GOOD', FALSE, ?, ?)
                """, id, n.lpar(), n.wpar(), utc(n.createdAt()), n.path(), n.imageDataPath(), n.specPath(),
                n.sizeBytes(), n.fileCount(), n.checksum(), n.oslevel(), n.specText(), n.imageDataText(),
                n.processInstanceId(), n.backupRunId());
        return find(id).orElseThrow();
    }

    public Optional<CatalogImage> find(String id) {
        return jdbc.query("SELECT * FROM wparflow_image WHERE id = ?", ImageCatalog::row, id).stream().findFirst();
    }

    public Optional<CatalogImage> findByPath(String path) {
        return jdbc.query("SELECT * FROM wparflow_image WHERE path = ?", ImageCatalog::row, path).stream().findFirst();
    }

    /** Images the given process instances made (an operation and its called processes), oldest first. */
    public List<CatalogImage> madeBy(java.util.Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(processInstanceIds.size(), "?"));
        return jdbc.query("SELECT * FROM wparflow_image WHERE process_instance_id IN (" + marks
                + ") ORDER BY created_at, id", ImageCatalog::row, processInstanceIds.toArray()).stream()
                .map(CatalogImage::summary).toList();
    }

    /** The savewpar images of one WPAR, newest first; deleted ones only if asked. */
    public List<CatalogImage> forWpar(String lpar, String wpar, boolean includeDeleted) {
        return jdbc.query("SELECT * FROM wparflow_image WHERE lpar = ? AND wpar = ? AND kind = 'savewpar'"
                + (includeDeleted ? "" : " AND state = 'GOOD'") + " ORDER BY created_at DESC, id DESC",
                ImageCatalog::row, lpar, wpar);
    }

    /** Filtered list (any filter may be null), newest first. */
    public List<CatalogImage> list(String lpar, String wpar, CatalogImage.State state, int limit) {
        return list(lpar, wpar, state, null, limit);
    }

    /** Filtered list (any filter may be null; {@code golden}: only golden or only other images), newest first. */
    public List<CatalogImage> list(String lpar, String wpar, CatalogImage.State state, Boolean golden, int limit) {
        return list(lpar, wpar, null, state, golden, limit);
    }

    /** Filtered list (any filter may be null; {@code kind}: savewpar, mksysb or savevg), newest first. */
    public List<CatalogImage> list(String lpar, String wpar, String kind, CatalogImage.State state, Boolean golden,
            int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM wparflow_image WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (kind != null) {
            sql.append(" AND kind = ?");
            args.add(kind);
        }
        if (lpar != null) {
            sql.append(" AND lpar = ?");
            args.add(lpar);
        }
        if (wpar != null) {
            sql.append(" AND wpar = ?");
            args.add(wpar);
        }
        if (state != null) {
            sql.append(" AND state = ?");
            args.add(state.name());
        }
        if (golden != null) {
            sql.append(" AND golden = ?");
            args.add(golden);
        }
        sql.append(" ORDER BY created_at DESC, id DESC");
        List<CatalogImage> rows = jdbc.query(sql.toString(), ImageCatalog::row, args.toArray());
        return rows.subList(0, Math.min(limit, rows.size()));
    }

    public void markDeleted(String id, String note) {
        jdbc.update("UPDATE wparflow_image SET state = 'DELETED', deleted_at = ?, note = ? WHERE id = ?",
                utc(clock.instant()), note, id);
    }

    public void markRestoreTested(String id) {
        jdbc.update("UPDATE wparflow_image SET restore_tested_at = ? WHERE id = ?", utc(clock.instant()), id);
    }

    /**
     * Marks an image golden (a clone source; retention never deletes it) or takes the mark off, as {@code user}. Only a
     * GOOD image can be marked; taking the mark off works in any state. A change records who made it and when; setting
     * what is already so records nothing. Returns whether the row changed state or already was so.
     */
    public boolean setGolden(String id, boolean golden, String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("who marks an image golden or unmarks it must be named");
        }
        return jdbc.update("""
                UPDATE wparflow_image
                   SET golden_changed_by = CASE WHEN golden = ? THEN golden_changed_by ELSE ? END,
                       golden_changed_at = CASE WHEN golden = ? THEN golden_changed_at ELSE ? END,
                       golden = ?
                 WHERE id = ?""" + (golden ? " AND state = 'GOOD'" : ""),
                golden, user, golden, utc(clock.instant()), golden, id) == 1;
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime v = rs.getObject(column, OffsetDateTime.class);
        return v == null ? null : v.toInstant();
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static CatalogImage row(ResultSet rs, int n) throws SQLException {
        return new CatalogImage(rs.getString("id"), rs.getString("lpar"), rs.getString("wpar"),
                instant(rs, "created_at"), rs.getString("path"), rs.getString("image_data_path"),
                rs.getString("spec_path"), longOrNull(rs, "size_bytes"), longOrNull(rs, "file_count"),
                rs.getString("checksum"), rs.getString("oslevel"), rs.getString("spec_text"),
                rs.getString("image_data_text"), CatalogImage.State.valueOf(rs.getString("state")),
                rs.getBoolean("golden"), rs.getString("golden_changed_by"), instant(rs, "golden_changed_at"),
                instant(rs, "restore_tested_at"), instant(rs, "deleted_at"),
                rs.getString("process_instance_id"), rs.getString("backup_run_id"), rs.getString("note"),
                rs.getString("kind"), rs.getString("volume_group"));
    }
}
