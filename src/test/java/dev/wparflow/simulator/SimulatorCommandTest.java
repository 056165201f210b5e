package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate} with a port already taken ends with one line naming the host and the port. */
class SimulatorCommandTest {

    @TempDir
    Path dir;

    @Test
    void aTakenPortIsNamedInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Throwable failed = catchThrowable(() -> Fleet.startYaml("""
                    time-scale: 0
                    hosts:
                      - {name: lpar00, port: %d}
                    """.formatted(port), FleetOptions.forTests().randomPorts(false).dataDir(dir)));
            assertThat(failed).isNotNull();
            assertThat(SimulatorCommand.portTaken(failed))
                    .isEqualTo("cannot start simulated host lpar00 on port " + port + ": port taken");
        }
        assertThat(SimulatorCommand.portTaken(new IllegalStateException("something else"))).isNull();
    }
}
