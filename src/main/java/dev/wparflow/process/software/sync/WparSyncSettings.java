package dev.wparflow.process.software.sync;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code wparflow.software.sync.*}: how many attempts a WPAR gets before it is reported FAILED ({@code attempts},
 * default 3), the lease of each WPAR's lock ({@code lease}, default 1 hour), the LPARs and WPARs ({@code LPAR} or
 * {@code LPAR/WPAR}) whose sync needs no approval ({@code approval-exempt}, none by default: a sync installs software
 * in the WPARs), and the software source detached WPARs get the global levels from when the request names none
 * ({@code source}, none by default).
 */
@Component("wparSyncSettings")
public class WparSyncSettings {

    public static final int MAX_ATTEMPTS = 10;

    private final int attempts;
    private final Duration lease;
    private final Set<String> approvalExempt;
    private final String source;

    @Autowired
    public WparSyncSettings(@Value("${wparflow.software.sync.attempts:3}") int attempts,
            @Value("${wparflow.software.sync.lease:PT1H}") Duration lease,
            @Value("${wparflow.software.sync.approval-exempt:}") List<String> approvalExempt,
            @Value("${wparflow.software.sync.source:}") String source) {
        if (attempts < 1 || attempts > MAX_ATTEMPTS || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("wparflow.software.sync.attempts must be 1-" + MAX_ATTEMPTS
                    + " and .lease positive: " + attempts + ", " + lease);
        }
        this.attempts = attempts;
        this.lease = lease;
        this.approvalExempt = Set.copyOf(approvalExempt.stream().map(String::strip).filter(s -> !s.isEmpty())
                .toList());
        this.source = source == null || source.isBlank() ? null : source.strip();
    }

    /** Defaults, for tests without Spring. */
    public static WparSyncSettings defaults() {
        return new WparSyncSettings(3, Duration.ofHours(1), List.of(), null);
    }

    public int attempts() {
        return attempts;
    }

    public Duration lease() {
        return lease;
    }

    /** Whether syncing {@code lpar/wpar} needs no approval (the LPAR or the WPAR is listed). */
    public boolean exempt(String lpar, String wpar) {
        return approvalExempt.contains(lpar) || approvalExempt.contains(lpar + "/" + wpar);
    }

    /** The default software source for detached WPARs, or null. */
    public String source() {
        return source;
    }
}
