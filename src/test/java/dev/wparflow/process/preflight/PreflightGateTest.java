package dev.wparflow.process.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The gate by its settings: off, on with a failed, a passed and an unknown host, unknown hosts refused. */
class PreflightGateTest {

    static final Instant AT = Instant.parse("2026-12-05T10:19:47Z");
    final PreflightResults results = mock(PreflightResults.class);

    {
        when(results.latest("lpar04")).thenReturn(Optional.of(new PreflightResults.HostResult("lpar04", "LPAR", false,
                AT, "run-1", "lssavewpar: NOT_PERMITTED (ksh: lssavewpar: 0403-006 Execute permission denied.)")));
        when(results.latest("lpar00")).thenReturn(Optional.of(new PreflightResults.HostResult("lpar00", "LPAR", true,
                AT, "run-1", null)));
        when(results.latest("lpar09")).thenReturn(Optional.empty());
    }

    PreflightGate gate(boolean required, String unknown) {
        return new PreflightGate(new PreflightSettings(required, unknown, 4, false), results);
    }

    @Test
    void offItRefusesNothing() {
        assertThat(gate(false, "refuse").refusal("lpar04")).isNull();
        assertThat(gate(false, "refuse").refusal("lpar09")).isNull();
    }

    @Test
    void onItRefusesAHostWhoseLastPreflightFailedWithWhenAndWhy() {
        assertThat(gate(true, "allow").refusal("lpar04")).isEqualTo("preflight failed on lpar04 at 2026-12-05T10:19:47Z:"
                + " lssavewpar: NOT_PERMITTED (ksh: lssavewpar: 0403-006 Execute permission denied.) (run run-1; a"
                + " passing preflight lifts this)");
        assertThat(gate(true, "allow").refusal("lpar00")).isNull();
    }

    @Test
    void aHostNeverPreflightedIsAllowedOrRefusedAsConfigured() {
        assertThat(gate(true, "allow").refusal("lpar09")).isNull();
        assertThat(gate(true, "REFUSE").refusal("lpar09")).contains("no preflight has checked lpar09 yet");
        assertThatThrownBy(() -> gate(true, "sometimes")).hasMessageContaining("allow or refuse");
    }
}
