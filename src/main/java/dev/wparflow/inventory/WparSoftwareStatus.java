package dev.wparflow.inventory;

import java.time.Instant;
import java.util.List;

/**
 * A system WPAR's software levels against its global environment's, as last measured ({@code wparflow_wpar_software}):
 * {@code inSync} true, false (the {@code drifting} filesets differ) or null (not checked: {@code note} says why, e.g.
 * the WPAR was not Active); {@code kind} SHARED or DETACHED.
 */
public record WparSoftwareStatus(String lpar, String wpar, String kind, Boolean inSync, String note,
        Instant checkedAt, List<Drifting> drifting) {

    public WparSoftwareStatus {
        drifting = drifting == null ? List.of() : List.copyOf(drifting);
    }

    /** One fileset whose level in the WPAR is not the global one; part USR or ROOT. */
    public record Drifting(String fileset, String globalLevel, String wparLevel, String part) {
    }
}
