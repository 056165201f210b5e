package dev.wparflow.process.relocation;

/**
 * Where the relocation records what WPAR Manager kept in its database (Table 4-2 row 6 "Set last known valid ID to
 * source / Set managed server ID to target / Set state to Transitional", row 11 "Mark WPAR Active in database",
 * row 13 "Update WPAR Spec"). {@link InventoryRelocationRecords} keeps it in the inventory tables. Every method is
 * idempotent: a retried step calls it again.
 */
public interface RelocationInventory {

    /** Row 6: the WPAR is in transit from {@code departingLpar} (last known host) to {@code arrivingLpar}. */
    void markTransitional(String wpar, String departingLpar, String arrivingLpar, String relocationId);

    /** Rows 11/13: the WPAR now lives on {@code arrivingLpar} in {@code state} (A or D). */
    void markRelocated(String wpar, String departingLpar, String arrivingLpar, String state, String relocationId);

    /** Rollback: the WPAR stays on {@code departingLpar} in {@code state}. */
    void markRolledBack(String wpar, String departingLpar, String arrivingLpar, String state, String relocationId);
}
