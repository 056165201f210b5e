package dev.wparflow.process.decommission;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code wparflow.decommission.*}: how recent the WPAR's newest GOOD image must be, and the lease of the locks the
 * decommission holds (renewed while the instance lives, see LeaseRenewer).
 */
@Component("decommissionSettings")
public class DecommissionSettings {

    private final Duration maxBackupAge;
    private final Duration lease;

    @Autowired
    public DecommissionSettings(@Value("${wparflow.decommission.max-backup-age:PT24H}") Duration maxBackupAge,
            @Value("${wparflow.decommission.lease:PT1H}") Duration lease) {
        if (maxBackupAge.isNegative() || maxBackupAge.isZero() || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("wparflow.decommission.max-backup-age and .lease must be positive: "
                    + maxBackupAge + ", " + lease);
        }
        this.maxBackupAge = maxBackupAge;
        this.lease = lease;
    }

    /** Defaults, for tests without Spring. */
    public static DecommissionSettings defaults() {
        return new DecommissionSettings(Duration.ofHours(24), Duration.ofHours(1));
    }

    public Duration maxBackupAge() {
        return maxBackupAge;
    }

    public Duration lease() {
        return lease;
    }
}
