package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.testsupport.SimulatedFleetShell;

/**
 * Bad input is refused with a clear message before anything reaches a host: the simulator's command
 * log stays empty. Each case builds a command the way a delegate does, from raw process variables.
 */
class NothingSentOnBadInputTest {

    @TempDir
    static Path dir;
    static Fleet fleet;
    static SimulatedFleetShell shell;

    @BeforeAll
    static void fleet() throws Exception {
        fleet = Fleet.startYaml("""
                hosts:
                  - {name: lpar00, port: 0}
                """, FleetOptions.forTests().dataDir(dir));
        shell = new SimulatedFleetShell(fleet, "lpar00");
    }

    @AfterAll
    static void stop() {
        shell.close();
        fleet.close();
    }

    record Case(String what, String input, Function<String, AixCommand> build, String message) {
        @Override
        public String toString() {
            return what + " " + input;
        }
    }

    static List<Case> badInputs() {
        Function<String, AixCommand> stop = v -> AixCommand.of("stopwpar").arg(WparName.of(v)).build();
        Function<String, AixCommand> save = v -> AixCommand.of("savewpar").flag("-f", AbsolutePath.of(v))
                .arg(WparName.of("wpr00")).build();
        Function<String, AixCommand> host = v -> AixCommand.of("mkwpar").flag("-n", WparName.of("wpr01"))
                .flag("-h", HostName.of(v)).build();
        Function<String, AixCommand> address = v -> AixCommand.of("ping").arg(IpAddress.of(v)).build();
        Function<String, AixCommand> vg = v -> AixCommand.of("lsvg").arg(VolumeGroupName.of(v)).build();
        return List.of(
                new Case("WPAR name", "wpr00;reboot", stop, "wpr00;reboot"),
                new Case("WPAR name", "$(halt)", stop, "must not contain '('"),
                new Case("WPAR name", "-F", stop, "must not start with '-' or '0'"),
                new Case("WPAR name", "0wpar", stop, "must not start with '-' or '0'"),
                new Case("WPAR name", "a".repeat(26), stop, "25"),
                new Case("WPAR name", "wpr 00", stop, "must not contain white space"),
                new Case("WPAR name", "wpr`id`", stop, "must not contain '`'"),
                new Case("WPAR name", "wpr.00", stop, "must not contain '.'"),
                new Case("path", "images/wpr00", save, "path"),
                new Case("path", "/images/../etc/passwd", save, ".."),
                new Case("path", "/images/wpr00;rm -rf /", save, "path"),
                new Case("path", "/images/wpr00\nreboot", save, "path"),
                new Case("host name", "lpar00.example.com;reboot", host, "host"),
                new Case("host name", "-oProxyCommand=x", host, "host"),
                new Case("address", "9.3.5.256", address, "address"),
                new Case("address", "9.3.5.1|id", address, "address"),
                new Case("volume group", "rootvg&&halt", vg, "volume group"),
                new Case("volume group", "averyveryverylongvg", vg, "at most 15 characters"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void refusedBeforeAnythingIsSent(Case bad) {
        int before = fleet.log().entries().size();
        assertThatThrownBy(() -> shell.aix.run("lpar00", bad.build().apply(bad.input()), new Origin("pi", "Task_Test")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContainingAll(bad.message());
        assertThat(fleet.log().entries()).hasSize(before).isEmpty();
    }
}
