package dev.wparflow.catalog;

import java.time.Instant;

/**
 * An image as the catalog records it (wparflow_image): a WPAR's savewpar image, or a backup of a global environment
 * ({@code kind} mksysb or savevg, {@code wpar} {@link #GLOBAL}, {@code volumeGroup} the group it holds);
 * {@code goldenChangedBy}/{@code At}: who last marked it golden or took the mark off, and when.
 */
public record CatalogImage(String id, String lpar, String wpar, Instant createdAt, String path, String imageDataPath,
        String specPath, Long sizeBytes, Long fileCount, String checksum, String oslevel, String specText,
        String imageDataText, State state, boolean golden, String goldenChangedBy, Instant goldenChangedAt,
        Instant restoreTestedAt, Instant deletedAt, String processInstanceId, String backupRunId, String note,
        String kind, String volumeGroup) {

    /** The kind of a WPAR's image. */
    public static final String SAVEWPAR = "savewpar";
    /** The kinds of a global environment's images. */
    public static final String MKSYSB = "mksysb";
    public static final String SAVEVG = "savevg";
    /** The {@code wpar} of a global environment's image: it belongs to no WPAR. */
    public static final String GLOBAL = "-";

    /** A savewpar image (the kind every image had before global backups). */
    public CatalogImage(String id, String lpar, String wpar, Instant createdAt, String path, String imageDataPath,
            String specPath, Long sizeBytes, Long fileCount, String checksum, String oslevel, String specText,
            String imageDataText, State state, boolean golden, String goldenChangedBy, Instant goldenChangedAt,
            Instant restoreTestedAt, Instant deletedAt, String processInstanceId, String backupRunId, String note) {
        this(id, lpar, wpar, createdAt, path, imageDataPath, specPath, sizeBytes, fileCount, checksum, oslevel,
                specText, imageDataText, state, golden, goldenChangedBy, goldenChangedAt, restoreTestedAt, deletedAt,
                processInstanceId, backupRunId, note, SAVEWPAR, null);
    }

    /** Whether this is a backup of a global environment (mksysb, savevg) rather than of a WPAR. */
    public boolean global() {
        return !SAVEWPAR.equals(kind);
    }

    public enum State {
        /** verified with lssavewpar and checksummed after savewpar */
        GOOD,
        /** retention removed it from the repository */
        DELETED
    }

    /** Without the spec and image.data texts, for lists. */
    public CatalogImage summary() {
        return new CatalogImage(id, lpar, wpar, createdAt, path, imageDataPath, specPath, sizeBytes, fileCount,
                checksum, oslevel, null, null, state, golden, goldenChangedBy, goldenChangedAt, restoreTestedAt,
                deletedAt, processInstanceId, backupRunId, note, kind, volumeGroup);
    }
}
