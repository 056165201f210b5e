package dev.wparflow.process.backup;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.wparflow.catalog.RetentionPolicy;

/**
 * {@code wparflow.backup.*}: schedule, image repository, concurrency limits, consistency policies, retention.
 *
 * @param schedule         cron of the nightly fleet backup (Camunda/Quartz form with seconds), default 02:00
 * @param repository       the image repository: an NFS export mounted at this path on every host
 * @param perHost          savewpars at once on one host (lanes per host)
 * @param globalLimit      savewpars at once in the whole fleet (global slots); 0 = perHost x hosts
 * @param hosts            hosts to back up; empty = every configured SSH endpoint that is not an HMC
 * @param groups           named host groups for an on-demand scope {@code group:NAME}
 * @param consistency      default consistency mode: none, stop or quiesce
 * @param policies         per WPAR ({@code lpar00/wpr00} or {@code wpr00}) consistency policy
 * @param keepImages       retention: images kept per WPAR (0 = no count rule)
 * @param keepDays         retention: days an image is kept (0 = no age rule)
 * @param saveTimeout      how long savewpar may run before it is cancelled and the backup fails
 * @param lockRetryInterval wait between attempts to lock a WPAR another operation holds
 * @param lockAttempts     attempts before the backup of a locked WPAR fails
 * @param slotRetryInterval wait of a lane for a global slot
 * @param lease            lease of the WPAR lock and of the global slots
 */
@ConfigurationProperties(prefix = "wparflow.backup")
public record BackupSettings(String schedule, String repository, Integer perHost, Integer globalLimit,
        List<String> hosts, Map<String, List<String>> groups, String consistency, Map<String, Policy> policies,
        Integer keepImages, Integer keepDays, Duration saveTimeout, Duration lockRetryInterval, Integer lockAttempts,
        Duration slotRetryInterval, Duration lease) {

    /** Consistency of one WPAR's backup (Redbook 4.4.2: applications stopped or quiesced). */
    public record Policy(String mode, List<String> quiesceCommand, List<String> resumeCommand) {
    }

    public BackupSettings {
        schedule = schedule == null ? "0 0 2 * * ?" : schedule;
        repository = repository == null ? "/images" : repository;
        perHost = perHost == null ? 2 : perHost;
        globalLimit = globalLimit == null ? 0 : globalLimit;
        hosts = hosts == null ? List.of() : hosts;
        groups = groups == null ? Map.of() : groups;
        consistency = consistency == null ? "none" : consistency;
        policies = policies == null ? Map.of() : policies;
        keepImages = keepImages == null ? 7 : keepImages;
        keepDays = keepDays == null ? 0 : keepDays;
        saveTimeout = saveTimeout == null ? Duration.ofHours(4) : saveTimeout;
        lockRetryInterval = lockRetryInterval == null ? Duration.ofSeconds(30) : lockRetryInterval;
        lockAttempts = lockAttempts == null ? 20 : lockAttempts;
        slotRetryInterval = slotRetryInterval == null ? Duration.ofSeconds(5) : slotRetryInterval;
        lease = lease == null ? Duration.ofHours(12) : lease;
        if (perHost < 1) {
            throw new IllegalArgumentException("wparflow.backup.per-host must be >= 1");
        }
    }

    public RetentionPolicy retention() {
        return new RetentionPolicy(keepImages, keepDays > 0 ? Duration.ofDays(keepDays) : null);
    }

    /** The policy of a WPAR: {@code lpar/wpar}, else {@code wpar}, else the default mode. */
    public Policy policyFor(String lpar, String wpar) {
        Policy p = policies.get(lpar + "/" + wpar);
        if (p == null) {
            p = policies.get(wpar);
        }
        return p != null ? p : new Policy(consistency, List.of(), List.of());
    }
}
