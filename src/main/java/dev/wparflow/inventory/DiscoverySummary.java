package dev.wparflow.inventory;

import java.time.Instant;
import java.util.List;

/**
 * One discovery run: counts and, per managed system and per LPAR, whether it was discovered and why not. A host
 * that could not be reached is reported here (and in its row's last_error), never as an incident.
 */
public record DiscoverySummary(String runId, String startedBy, Instant startedAt, Instant finishedAt,
        int systemsTotal, int systemsFailed, int hostsTotal, int hostsOk, int hostsFailed, int wparCount,
        List<Result> results) {

    public static final String SYSTEM = "SYSTEM";
    public static final String LPAR = "LPAR";

    public DiscoverySummary {
        results = List.copyOf(results);
    }

    /** {@code ok} is null while the run has not reached the host yet. */
    public record Result(String kind, String name, Boolean ok, String reason, Integer wparCount, Instant finishedAt) {
    }

    public boolean finished() {
        return finishedAt != null;
    }

    public List<Result> failures() {
        return results.stream().filter(r -> Boolean.FALSE.equals(r.ok())).toList();
    }
}
