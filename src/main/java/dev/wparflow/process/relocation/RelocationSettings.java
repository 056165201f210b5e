package dev.wparflow.process.relocation;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings of the relocation processes ({@code wparflow.relocation.*}). The models read some of them through
 * expressions ({@code ${relocationSettings.retryCycle}}), so a test can make retries and timeouts short.
 */
@Component("relocationSettings")
public class RelocationSettings {

    private final String retryCycle;
    private final Duration lockLease;
    private final Duration lockRetryInterval;
    private final int lockMaxAttempts;
    private final Duration saveTimeout;
    private final Duration restoreTimeout;
    private final String imageDirectory;
    private final List<String> serviceCheck;
    private final Duration moveTimeout;

    public RelocationSettings(String retryCycle, Duration lockLease, Duration lockRetryInterval, int lockMaxAttempts,
            Duration saveTimeout, Duration restoreTimeout, String imageDirectory, List<String> serviceCheck) {
        this(retryCycle, lockLease, lockRetryInterval, lockMaxAttempts, saveTimeout, restoreTimeout, imageDirectory,
                serviceCheck, Duration.ofHours(2));
    }

    @org.springframework.beans.factory.annotation.Autowired
    public RelocationSettings(@Value("${wparflow.relocation.retry-cycle:R3/PT1M}") String retryCycle,
            @Value("${wparflow.relocation.lock-lease:PT12H}") Duration lockLease,
            @Value("${wparflow.relocation.lock-retry-interval:PT1M}") Duration lockRetryInterval,
            @Value("${wparflow.relocation.lock-max-attempts:30}") int lockMaxAttempts,
            @Value("${wparflow.relocation.save-timeout:PT4H}") Duration saveTimeout,
            @Value("${wparflow.relocation.restore-timeout:PT4H}") Duration restoreTimeout,
            @Value("${wparflow.relocation.image-directory:/images/relocation}") String imageDirectory,
            @Value("${wparflow.relocation.service-check:hostname}") List<String> serviceCheck,
            @Value("${wparflow.relocation.move-timeout:PT2H}") Duration moveTimeout) {
        this.retryCycle = retryCycle;
        this.lockLease = lockLease;
        this.lockRetryInterval = lockRetryInterval;
        this.lockMaxAttempts = lockMaxAttempts;
        this.saveTimeout = saveTimeout;
        this.restoreTimeout = restoreTimeout;
        this.imageDirectory = imageDirectory;
        this.serviceCheck = List.copyOf(serviceCheck);
        this.moveTimeout = moveTimeout;
    }

    /** Defaults, for process tests without Spring. */
    public static RelocationSettings defaults() {
        return new RelocationSettings("R3/PT1M", Duration.ofHours(12), Duration.ofMinutes(1), 30, Duration.ofHours(4),
                Duration.ofHours(4), "/images/relocation", List.of("hostname"));
    }

    /** The failedJobRetryTimeCycle of every remote step, e.g. {@code R3/PT1M}. */
    public String getRetryCycle() {
        return retryCycle;
    }

    public Duration lockLease() {
        return lockLease;
    }

    /** ISO-8601 duration the models wait before asking for a held lock again. */
    public String getLockRetryInterval() {
        return lockRetryInterval.toString();
    }

    public int getLockMaxAttempts() {
        return lockMaxAttempts;
    }

    public String getSaveTimeout() {
        return saveTimeout.toString();
    }

    public String getRestoreTimeout() {
        return restoreTimeout.toString();
    }

    /** How long a live move (movewpar -k) may take before it is aborted with movewpar -x on both sides. */
    public String getMoveTimeout() {
        return moveTimeout.toString();
    }

    /** Directory of the shared image repository (NFS, mounted at the same path on every LPAR) for images. */
    public String imageDirectory() {
        return imageDirectory;
    }

    /**
     * The check run inside the WPAR after the start on the arriving system ({@code clogin WPAR WORDS...}), Table
     * 4-2 row 12 "Verify WPAR Services". Each word must be bare-safe; the default {@code hostname} proves the WPAR
     * answers commands.
     */
    public List<String> serviceCheck() {
        return serviceCheck;
    }
}
