package dev.wparflow.process.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code wparflow.lifecycle.*}: how many WPARs an operation changes at once when the request does not say
 * ({@code parallelism}, default 3), the lease of each WPAR's lock, the LPARs and WPARs ({@code LPAR} or
 * {@code LPAR/WPAR}) whose stops and reboots need no approval ({@code approval-exempt}), and the drain command run
 * inside each WPAR before it is stopped ({@code drain-command}, words separated by blanks, none by default).
 */
@Component("lifecycleSettings")
public class LifecycleSettings {

    public static final int MAX_PARALLELISM = 10;

    private final int parallelism;
    private final Duration lease;
    private final Set<String> approvalExempt;
    private final String drainCommand;

    @Autowired
    public LifecycleSettings(@Value("${wparflow.lifecycle.parallelism:3}") int parallelism,
            @Value("${wparflow.lifecycle.lease:PT1H}") Duration lease,
            @Value("${wparflow.lifecycle.approval-exempt:}") List<String> approvalExempt,
            @Value("${wparflow.lifecycle.drain-command:}") String drainCommand) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("wparflow.lifecycle.parallelism must be 1-" + MAX_PARALLELISM
                    + " and .lease positive: " + parallelism + ", " + lease);
        }
        this.parallelism = parallelism;
        this.lease = lease;
        this.approvalExempt = Set.copyOf(approvalExempt.stream().map(String::strip).filter(s -> !s.isEmpty())
                .toList());
        this.drainCommand = drainCommand == null || drainCommand.isBlank() ? null : drainCommand.strip();
    }

    /** Defaults, for tests without Spring. */
    public static LifecycleSettings defaults() {
        return new LifecycleSettings(3, Duration.ofHours(1), List.of(), null);
    }

    public int parallelism() {
        return parallelism;
    }

    public Duration lease() {
        return lease;
    }

    /** Whether stopping or rebooting {@code lpar/wpar} needs no approval (the LPAR or the WPAR is listed). */
    public boolean exempt(String lpar, String wpar) {
        return approvalExempt.contains(lpar) || approvalExempt.contains(lpar + "/" + wpar);
    }

    /** The configured drain command, or null. */
    public String drainCommand() {
        return drainCommand;
    }
}
