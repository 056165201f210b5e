package dev.wparflow.process.evacuation;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code wparflow.evacuation.*}: the most candidates checked per WPAR while planning, the default limits of the moves
 * at once (per departing LPAR, per arriving LPAR, in all) and of failed moves before the line stops, and the lease of
 * the move slots.
 */
@Component("evacuationSettings")
public class EvacuationSettings {

    private final int maxCandidates;
    private final int perSource;
    private final int perTarget;
    private final int global;
    private final int stopAfterFailures;
    private final Duration slotLease;

    @Autowired
    public EvacuationSettings(@Value("${wparflow.evacuation.max-candidates:5}") int maxCandidates,
            @Value("${wparflow.evacuation.per-source:2}") int perSource,
            @Value("${wparflow.evacuation.per-target:2}") int perTarget,
            @Value("${wparflow.evacuation.global:4}") int global,
            @Value("${wparflow.evacuation.stop-after-failures:2}") int stopAfterFailures,
            @Value("${wparflow.evacuation.slot-lease:PT2H}") Duration slotLease) {
        if (maxCandidates < 1 || perSource < 1 || perTarget < 1 || global < 1 || stopAfterFailures < 1
                || slotLease.isNegative() || slotLease.isZero()) {
            throw new IllegalArgumentException("wparflow.evacuation.* limits must be at least 1 and the slot lease "
                    + "positive");
        }
        this.maxCandidates = maxCandidates;
        this.perSource = perSource;
        this.perTarget = perTarget;
        this.global = global;
        this.stopAfterFailures = stopAfterFailures;
        this.slotLease = slotLease;
    }

    public static EvacuationSettings defaults() {
        return new EvacuationSettings(5, 2, 2, 4, 2, Duration.ofHours(2));
    }

    public int maxCandidates() {
        return maxCandidates;
    }

    public int perSource() {
        return perSource;
    }

    public int perTarget() {
        return perTarget;
    }

    public int global() {
        return global;
    }

    public int stopAfterFailures() {
        return stopAfterFailures;
    }

    public Duration slotLease() {
        return slotLease;
    }
}
