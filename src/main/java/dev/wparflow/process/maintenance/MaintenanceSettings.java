package dev.wparflow.process.maintenance;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.wparflow.aix.AbsolutePath;

/**
 * {@code wparflow.maintenance.*}: the directories software may come from ({@code sources}: a request naming anything
 * else, or a directory outside them, is refused at its start), how many times each WPAR's synchronisation is tried
 * when the request does not say ({@code sync-attempts}, 2), how long an update may run before it is cancelled
 * ({@code apply-timeout}, PT4H), and the lease of an LPAR while it is updated ({@code lease}, PT6H).
 */
@Component("maintenanceSettings")
public class MaintenanceSettings {

    public static final int MAX_SYNC_ATTEMPTS = 5;
    public static final int MAX_PARALLEL = 16;

    private final List<String> sources;
    private final int syncAttempts;
    private final Duration applyTimeout;
    private final Duration lease;

    @Autowired
    public MaintenanceSettings(@Value("${wparflow.maintenance.sources:}") List<String> sources,
            @Value("${wparflow.maintenance.sync-attempts:2}") int syncAttempts,
            @Value("${wparflow.maintenance.apply-timeout:PT4H}") Duration applyTimeout,
            @Value("${wparflow.maintenance.lease:PT6H}") Duration lease) {
        if (syncAttempts < 1 || syncAttempts > MAX_SYNC_ATTEMPTS || applyTimeout.isNegative() || applyTimeout.isZero()
                || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("wparflow.maintenance.sync-attempts must be 1-" + MAX_SYNC_ATTEMPTS
                    + ", apply-timeout and lease positive");
        }
        this.sources = sources.stream().map(String::strip).filter(s -> !s.isEmpty()).map(s -> {
            AbsolutePath.of(s);
            return s.endsWith("/") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
        }).toList();
        this.syncAttempts = syncAttempts;
        this.applyTimeout = applyTimeout;
        this.lease = lease;
    }

    /** Defaults, for tests without Spring: {@code /images/updates} as the one source. */
    public static MaintenanceSettings defaults() {
        return new MaintenanceSettings(List.of("/images/updates"), 2, Duration.ofHours(4), Duration.ofHours(6));
    }

    public List<String> sources() {
        return sources;
    }

    /**
     * Null when {@code directory} is one of the configured sources or below one, else why not. A directory is an
     * absolute path without {@code ..} (the aix layer's rule).
     */
    public String sourceRefusal(String directory) {
        AbsolutePath.of(directory);
        String d = directory.endsWith("/") && directory.length() > 1 ? directory.substring(0, directory.length() - 1)
                : directory;
        if (sources.isEmpty()) {
            return "no software source is configured (wparflow.maintenance.sources)";
        }
        boolean allowed = sources.stream().anyMatch(s -> d.equals(s) || d.startsWith(s.equals("/") ? s : s + "/"));
        return allowed ? null : "must be one of the configured sources (" + String.join(", ", sources)
                + ") or a directory below one";
    }

    public int syncAttempts() {
        return syncAttempts;
    }

    public Duration applyTimeout() {
        return applyTimeout;
    }

    /** The timer of the update's wait (ISO-8601). */
    public String getApplyTimeoutText() {
        return applyTimeout.toString();
    }

    public Duration lease() {
        return lease;
    }
}
