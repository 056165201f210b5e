package dev.wparflow.process.restore;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings of WparRestoreProcess and WparCloneProcess that their models read in expressions
 * ({@code ${restoreSettings.restoreTimeout}}), so a test can make them short.
 */
@Component("restoreSettings")
public class RestoreSettings {

    private final Duration restoreTimeout;

    @Autowired
    public RestoreSettings(@Value("${wparflow.backup.restore-timeout:PT4H}") Duration restoreTimeout) {
        if (restoreTimeout.isNegative() || restoreTimeout.isZero()) {
            throw new IllegalArgumentException("wparflow.backup.restore-timeout must be positive: " + restoreTimeout);
        }
        this.restoreTimeout = restoreTimeout;
    }

    /** Defaults, for process tests without Spring. */
    public static RestoreSettings defaults() {
        return new RestoreSettings(Duration.ofHours(4));
    }

    /** ISO-8601 duration restwpar may run (restore or clone) before it is cancelled and the operation fails. */
    public String getRestoreTimeout() {
        return restoreTimeout.toString();
    }

    public Duration restoreTimeout() {
        return restoreTimeout;
    }
}
