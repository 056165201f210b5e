package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.simulator.model.WparState;
import dev.wparflow.simulator.state.FleetState;
import dev.wparflow.simulator.state.FleetStateFile;
import dev.wparflow.testsupport.TestFleets;

/**
 * The fleet's kept state (data/simulator/fleet-state.json): every piece of state a later command reads comes back
 * after a restart, as those commands see it over SSH; a WPAR saved mid-command comes back Broken; a partial, damaged
 * or foreign file is refused in one log line and kept aside as .corrupt, a state of another fleet file as .stale, and
 * the fleet starts from its fleet file; a reset starts afresh; a fleet that does not keep state writes nothing.
 */
class FleetStateTest {
    static final String FLEET = TestFleets.yaml("fleet-state");

    @TempDir
    Path dir;
    Fleet fleet;
    SimSsh ssh;
    ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        for (Class<?> c : List.of(Fleet.class, FleetStateFile.class)) {
            ((Logger) LoggerFactory.getLogger(c)).addAppender(logged);
        }
    }

    @AfterEach
    void stop() {
        for (Class<?> c : List.of(Fleet.class, FleetStateFile.class)) {
            ((Logger) LoggerFactory.getLogger(c)).detachAppender(logged);
        }
        restartWith(null);
    }

    /** Closes the running fleet (saving its state) and starts {@code yaml} on the same data directory (null: none). */
    void restartWith(String yaml) {
        try {
            if (ssh != null) {
                ssh.close();
                ssh = null;
            }
            if (fleet != null) {
                fleet.close();
                fleet = null;
            }
            if (yaml != null) {
                fleet = Fleet.startYaml(yaml, options());
                ssh = new SimSsh(fleet);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    FleetOptions options() {
        return FleetOptions.defaults().dataDir(dir).randomPorts(true).timeScale(0.0).keepState(true);
    }

    SimSsh.Result ok(String host, String line) throws Exception {
        SimSsh.Result r = ssh.run(host, line);
        assertThat(r.exit()).as(host + ": " + line + " " + r).isZero();
        return r;
    }

    String out(String host, String line) throws Exception {
        return ok(host, line).out();
    }

    Path stateFile() {
        return dir.resolve(FleetStateFile.FILE_NAME);
    }

    List<String> warnings() {
        return logged.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    /** Changes every kind of state the simulator keeps, through commands over SSH. */
    void changeEverything() throws Exception {
        ok("lpar00", "mkwpar -n wpr05 -h wpr05.example -g datavg -N address=9.3.5.190");
        ok("lpar00", "chwpar -R shares_CPU=10 CPU=6%-30%,45% procVirtMem=1TB wpr05");
        ok("lpar00", "startwpar wpr05");
        ok("lpar00", "savewpar -f /images/wpr05.save wpr05");
        ok("lpar01", "restwpar -n wpr06 -h wpr06 -M '-N address=9.3.5.191' -f /images/wpr05.save");
        ok("lpar00", "/usr/lib/wpars/wparlockctl -l -p 385230 -o 6 wpr00");
        ok("lpar00", "chwpar -n wpr02b wpr02");
        ok("lpar00", "rmwpar -F wpr01");
        ok("lpar01", "umount /images");
        ok("lpar01", "stopsrc -s xntpd");
        ok("lpar00", "setclock lpar02");
        ok("nim01", "nim -o define -t savewpar -a location=/export/images/wpr05.save sav05");
        SimSsh.Result standby = ssh.runAs("hscroot", "hmc01", "chsysstate -r sys -m sys570a -o onstandby");
        assertThat(standby.exit()).as(standby.toString()).isZero();
        ok("lpar00", "wparflow-run start run1 -- savewpar -f /images/wpr05b.save wpr05");
        await().atMost(Duration.ofSeconds(10)).until(() -> out("lpar00", "wparflow-run status run1"),
                s -> s.startsWith("run1 exited"));
        ok("lpar00", "wparflow-run start run2 -- stopwpar wpr00");
        await().atMost(Duration.ofSeconds(10)).until(() -> out("lpar00", "wparflow-run status run2"),
                s -> s.startsWith("run2 exited"));
    }

    @Test
    void everyPieceOfStateComesBackAfterARestart() throws Exception {
        restartWith(FLEET);
        changeEverything();
        restartWith(FLEET);
        FleetState saved = new FleetStateFile(dir).read().orElseThrow();

        // the restarted models are the saved state, piece by piece (WPARs, LVs, files, mounts, counters, NIM, runs)
        for (FleetState.Host host : saved.hosts()) {
            HostRuntime h = fleet.host(host.name());
            assertThat(FleetState.capture(h.model(), h.runs())).as(host.name()).isEqualTo(host);
        }
        // and what commands read over SSH
        assertThat(out("lpar00", "lswpar -c -q -a name,state,hostname")).isEqualTo(
                "wpr00:D:wpr00\nwpr05:A:wpr05.example\nwpr02b:D:wpr02\n");
        assertThat(out("lpar01", "lswpar -c -q -a name,state,hostname")).isEqualTo("wpr06:D:wpr06\n");
        assertThat(out("lpar00", "lswpar -c -q -N wpr05")).contains("9.3.5.190");
        assertThat(out("lpar00", "lswpar -c -q -R wpr05")).isEqualTo(
                "wpr05:yes::10:6%-30%,45%:unlimited:0%-100%,100%:1048576MB:unlimited:unlimited\n");
        assertThat(out("lpar01", "lswpar -c -q -R wpr06")).as("restored from the image's spec").startsWith("wpr06:yes::10:");
        List<String> wpr05Lvs = fleet.host("lpar00").wpar("wpr05").orElseThrow().fileSystems.stream()
                .filter(f -> f.logicalVolume() != null).map(f -> f.logicalVolume()).toList();
        assertThat(wpr05Lvs).isNotEmpty();
        assertThat(out("lpar00", "lsvg -l datavg")).contains(wpr05Lvs);
        assertThat(out("lpar02", "lssavewpar -f /images/wpr05.save")).contains("./.savewpar_dir/wpar.spec");
        assertThat(out("lpar02", "cat /images/wpr05.save")).contains("#wpar: wpr05", "#host: lpar00");
        assertThat(out("lpar00", "lssavewpar -f /images/wpr05b.save")).contains("./.savewpar_dir/image.data");
        SimSsh.Result locked = ssh.run("lpar00", "startwpar wpr00");
        assertThat(locked.err()).contains("0960-246 Workload partition wpr00 is currently locked by stopwpar (PID = 385230)");
        assertThat(out("lpar00", "wparflow-run status run1 run2")).isEqualTo("run1 exited 0\nrun2 exited 1\n");
        assertThat(out("lpar00", "wparflow-run output run1")).contains("0512-038 savewpar: Backup Completed Successfully.");
        assertThat(ssh.run("lpar00", "wparflow-run output run2").out()).contains("0960-246");
        assertThat(out("lpar01", "mount")).doesNotContain("/images");
        assertThat(out("lpar00", "mount")).contains("lpar02");
        assertThat(out("lpar01", "lssrc -s xntpd")).contains("inoperative");
        assertThat(fleet.host("lpar00").model().clockOffsetSeconds).isEqualTo(30);
        assertThat(out("nim01", "lsnim -l sav05")).contains("/export/images/wpr05.save");
        assertThat(ssh.runAs("hscroot", "hmc01", "lssyscfg -r sys -F name,state").out()).isEqualTo("sys570a,Standby\n");
        // a new WPAR gets a key and pids not handed out before the restart
        ok("lpar00", "mkwpar -n wpr07 -N address=9.3.5.192");
        assertThat(fleet.host("lpar00").wpars().stream().map(w -> w.key).distinct().count()).isEqualTo(4);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aWparSavedInTheMiddleOfACommandComesBackBrokenAndItsRunCancelled() throws Exception {
        restartWith(FLEET);
        fleet.hold("startwpar");
        ok("lpar00", "wparflow-run start run1 -- startwpar wpr00");
        await().atMost(Duration.ofSeconds(10)).until(() -> fleet.host("lpar00").wpar("wpr00").orElseThrow().state(),
                s -> s == WparState.TRANSITIONAL);
        fleet.saveState();
        byte[] asAtACrash = Files.readAllBytes(stateFile());
        fleet.release("startwpar");
        restartWith(null);
        Files.write(stateFile(), asAtACrash);

        restartWith(FLEET);
        Wpar wpr00 = fleet.host("lpar00").wpar("wpr00").orElseThrow();
        assertThat(wpr00.state()).isEqualTo(WparState.BROKEN);
        assertThat(wpr00.lock).isNull();
        assertThat(out("lpar00", "wparflow-run status run1")).isEqualTo("run1 exited 143\n");
        ok("lpar00", "stopwpar -F wpr00");
        assertThat(fleet.host("lpar00").states()).contains("wpr00=D");
    }

    @Test
    void aStateSavedWithoutResourceControlsLoadsWithTheDefaults() throws Exception {
        restartWith(FLEET);
        ok("lpar00", "mkwpar -n wpr05 -N address=9.3.5.190 -R shares_CPU=10");
        restartWith(null);
        // the file as a simulator without resource controls wrote it: no "resources" in any WPAR
        String text = Files.readString(stateFile());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode tree = json.readTree(text.substring(text.indexOf('\n') + 1));
        int removed = 0;
        for (com.fasterxml.jackson.databind.JsonNode host : tree.get("hosts")) {
            for (com.fasterxml.jackson.databind.JsonNode w : host.get("wpars")) {
                removed += ((com.fasterxml.jackson.databind.node.ObjectNode) w).remove("resources") == null ? 0 : 1;
            }
        }
        assertThat(removed).isEqualTo(4);
        byte[] body = json.writeValueAsBytes(tree);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
        Files.write(stateFile(), concat(("#wparflow-fleet-state 1 bytes=" + body.length + " sha256=" + sha + "\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII), body));

        restartWith(FLEET);
        assertThat(warnings()).isEmpty();
        assertThat(fleet.host("lpar00").states()).contains("wpr05=D");
        assertThat(out("lpar00", "lswpar -c -q -R wpr05 wpr01")).isEqualTo(
                "wpr05:yes::unlimited:0%-100%,100%:unlimited:0%-100%,100%:unlimited:unlimited:unlimited\n"
                        + "wpr01:yes::unlimited:0%-100%,100%:unlimited:0%-100%,100%:unlimited:unlimited:unlimited\n");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @ParameterizedTest
    @ValueSource(strings = {"partial", "damaged", "foreign", "empty"})
    void aFileThatCannotBeReadIsRefusedInOneLineAndKeptAsCorrupt(String how) throws Exception {
        restartWith(FLEET);
        ok("lpar00", "mkwpar -n wpr05 -N address=9.3.5.190");
        restartWith(null);
        byte[] good = Files.readAllBytes(stateFile());
        UnaryOperator<byte[]> spoil = switch (how) {
            case "partial" -> b -> Arrays.copyOf(b, b.length / 2);
            case "damaged" -> b -> {
                byte[] c = b.clone();
                int i = c.length - 40;
                c[i] = (byte) (c[i] == 'a' ? 'b' : 'a');
                return c;
            };
            case "foreign" -> b -> "{\"hosts\": []}\n".getBytes();
            default -> b -> new byte[0];
        };
        byte[] bad = spoil.apply(good);
        Files.write(stateFile(), bad);

        restartWith(FLEET);
        assertThat(fleet.host("lpar00").states()).isEqualTo("{wpr00=D, wpr01=A, wpr02=D}");
        assertThat(dir.resolve(FleetStateFile.FILE_NAME + ".corrupt")).hasBinaryContent(bad);
        assertThat(warnings()).singleElement().asString()
                .contains("simulator state", "refused", "starting from the fleet file", "fleet-state.json.corrupt");
        // the fleet goes on keeping its state: a new file, read at the next start
        ok("lpar00", "mkwpar -n wpr06 -N address=9.3.5.191");
        restartWith(FLEET);
        assertThat(fleet.host("lpar00").states()).isEqualTo("{wpr00=D, wpr01=A, wpr02=D, wpr06=D}");
    }

    @Test
    void aStateOfAnotherFleetFileIsSetAsideAndTheFleetFileWins() throws Exception {
        restartWith(FLEET);
        ok("lpar00", "mkwpar -n wpr05 -N address=9.3.5.190");
        restartWith(null);
        byte[] old = Files.readAllBytes(stateFile());

        restartWith(FLEET + """
                  - name: lpar03
                """);
        assertThat(fleet.host("lpar00").states()).isEqualTo("{wpr00=D, wpr01=A, wpr02=D}");
        assertThat(dir.resolve(FleetStateFile.FILE_NAME + ".stale")).hasBinaryContent(old);
        assertThat(warnings()).singleElement().asString().contains("another fleet file",
                "hosts then [lpar00, lpar01, lpar02, nim01], now [lpar00, lpar01, lpar02, nim01, lpar03]",
                "starting from the fleet file", "--reset");
    }

    @Test
    void portsAndTheTimeScaleAreNotPartOfTheFleetsIdentity() throws Exception {
        restartWith(FLEET);
        ok("lpar00", "mkwpar -n wpr05 -N address=9.3.5.190");
        restartWith(FLEET.replace("time-scale: 0", "time-scale: 0.25").replace("{name: hmc01, port: 0}",
                "{name: hmc01, port: 0, down: true}"));
        assertThat(fleet.host("lpar00").states()).contains("wpr05=D");
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aResetStartsFromTheFleetFile() throws Exception {
        restartWith(FLEET);
        ok("lpar00", "mkwpar -n wpr05 -N address=9.3.5.190");
        restartWith(null);
        fleet = Fleet.startYaml(FLEET, options().resetState(true));
        ssh = new SimSsh(fleet);
        assertThat(fleet.host("lpar00").states()).isEqualTo("{wpr00=D, wpr01=A, wpr02=D}");
        restartWith(FLEET);
        assertThat(fleet.host("lpar00").states()).isEqualTo("{wpr00=D, wpr01=A, wpr02=D}");
    }

    @Test
    void aFleetThatDoesNotKeepStateWritesNothing() throws Exception {
        try (Fleet f = Fleet.startYaml(FLEET, FleetOptions.forTests().dataDir(dir))) {
            f.host("lpar00").runLine("root", "mkwpar -n wpr05 -N address=9.3.5.190", System.out, System.err, () -> { });
            assertThat(f.statePath()).isNull();
        }
        assertThat(stateFile()).doesNotExist();
    }
}
