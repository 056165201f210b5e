package dev.wparflow.catalog;

import java.time.Instant;

/**
 * A savewpar image as the catalog records it (wparflow_image); {@code goldenChangedBy}/{@code At}: who last marked it
 * golden or took the mark off, and when.
 */
public record CatalogImage(String id, String lpar, String wpar, Instant createdAt, String path, String imageDataPath,
        String specPath, Long sizeBytes, Long fileCount, String checksum, String oslevel, String specText,
        String imageDataText, State state, boolean golden, String goldenChangedBy, Instant goldenChangedAt,
        Instant restoreTestedAt, Instant deletedAt, String processInstanceId, String backupRunId, String note) {

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
                deletedAt, processInstanceId, backupRunId, note);
    }
}
