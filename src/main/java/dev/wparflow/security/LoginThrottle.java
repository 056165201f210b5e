package dev.wparflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong passwords slow down the one who types them, not the user they name: failures are counted per (source
 * address, user). After {@code freeFailures} in a row that pair waits {@code firstDelay}, doubled at every further
 * failure up to {@code maxDelay}; a success clears it. Another address logs the same user in at once, so an
 * anonymous caller can never lock a named user out, and no pair waits longer than {@code maxDelay}.
 */
public final class LoginThrottle {

    /** Pairs kept at most; beyond it, pairs whose wait is over are forgotten first. */
    static final int MAX_PAIRS = 100_000;

    private record Pair(String address, String user) {
    }

    private record Failures(int count, Instant waitUntil) {
    }

    private final Map<Pair, Failures> failures = new ConcurrentHashMap<>();
    private final int freeFailures;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Clock clock;

    public LoginThrottle(int freeFailures, Duration firstDelay, Duration maxDelay, Clock clock) {
        this.freeFailures = freeFailures;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    /** How long this pair must still wait before a password is checked again; zero when it need not. */
    public Duration wait(String address, String user) {
        Failures f = failures.get(new Pair(address, user));
        if (f == null || f.waitUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.waitUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String address, String user) {
        if (failures.size() >= MAX_PAIRS) {
            forgetWaited();
        }
        failures.compute(new Pair(address, user), (pair, before) -> {
            int count = before == null ? 1 : before.count() + 1;
            return new Failures(count, count <= freeFailures ? null : clock.instant().plus(delay(count - freeFailures)));
        });
    }

    public void succeeded(String address, String user) {
        failures.remove(new Pair(address, user));
    }

    /** The n-th delayed failure waits firstDelay x 2^(n-1), at most maxDelay. */
    Duration delay(int delayedFailure) {
        int doublings = Math.min(delayedFailure - 1, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private void forgetWaited() {
        Instant now = clock.instant();
        failures.entrySet().removeIf(e -> e.getValue().waitUntil() == null
                || e.getValue().waitUntil().plus(maxDelay).isBefore(now));
        if (failures.size() >= MAX_PAIRS) {
            failures.clear(); // a flood of addresses: forgetting beats growing without bound
        }
    }
}
