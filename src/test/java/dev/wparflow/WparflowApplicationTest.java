package dev.wparflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line: --reset is wparflow.reset=true, every other argument passes as it is. */
class WparflowApplicationTest {

    @Test
    void resetOnTheCommandLineIsTheProperty() {
        assertThat(WparflowApplication.withReset(new String[] {"--reset", "--server.port=0"}))
                .containsExactly("--wparflow.reset=true", "--server.port=0");
    }
}
