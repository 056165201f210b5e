package dev.wparflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.wparflow.testsupport.MutableClock;

/** Per (address, user): free failures, then a doubling wait capped at the maximum; other addresses unaffected. */
class LoginThrottleTest {

    final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-12-04T00:00:00Z"));
    final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(1), Duration.ofMinutes(5), clock);

    @Test
    void waitsDoubleAfterTheFreeFailuresAndStopAtTheMaximum() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("10.0.0.1", "demo");
            assertThat(throttle.wait("10.0.0.1", "demo")).isZero();
        }
        throttle.failed("10.0.0.1", "demo");
        assertThat(throttle.wait("10.0.0.1", "demo")).isEqualTo(Duration.ofSeconds(1));
        throttle.failed("10.0.0.1", "demo");
        assertThat(throttle.wait("10.0.0.1", "demo")).isEqualTo(Duration.ofSeconds(2));
        for (int i = 0; i < 40; i++) {
            throttle.failed("10.0.0.1", "demo");
        }
        assertThat(throttle.wait("10.0.0.1", "demo")).isEqualTo(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.wait("10.0.0.1", "demo")).as("bounded: over after the maximum").isZero();
    }

    @Test
    void anotherAddressOrUserIsNotSlowedAndASuccessClears() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("10.0.0.1", "demo");
        }
        assertThat(throttle.wait("10.0.0.1", "demo")).isPositive();
        assertThat(throttle.wait("10.0.0.2", "demo")).isZero();
        assertThat(throttle.wait("10.0.0.1", "operator")).isZero();
        throttle.succeeded("10.0.0.1", "demo");
        assertThat(throttle.wait("10.0.0.1", "demo")).isZero();
        throttle.failed("10.0.0.1", "demo");
        assertThat(throttle.wait("10.0.0.1", "demo")).as("counting starts again").isZero();
    }
}
