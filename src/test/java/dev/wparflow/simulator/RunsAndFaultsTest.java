package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.simulator.fault.FaultType;
import dev.wparflow.simulator.run.RunManager;
import dev.wparflow.testsupport.TestFleets;

/** Transitional state, wparflow-run, fault injection, the Java API (log, reset, state). */
class RunsAndFaultsTest {
    static final String FLEET = TestFleets.yaml("runs-and-faults");
    @RegisterExtension
    static final SimulatedFleet sim = SimulatedFleet.yaml(FLEET).instantCommands();

    /** Commands that take time wait (for minutes) until {@link #release}: the test looks while they certainly run. */
    static void hold() {
        sim.fleet().setTimeScale(1000);
    }

    /** Lets every held command finish now. */
    static void release() {
        sim.fleet().setTimeScale(0);
    }

    @Test
    void transitionalIsVisibleToAConcurrentLswpar() throws Exception {
        hold();
        try (ClientSession a = sim.ssh().session("lpar00"); ClientSession b = sim.ssh().session("lpar00")) {
            CompletableFuture<SimSsh.Result> start = CompletableFuture.supplyAsync(() -> {
                try {
                    return SimSsh.exec(a, "startwpar wpr00");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> SimSsh.exec(b, "lswpar -c -q -a name,state wpr00").out().equals("wpr00:T\n"));
            assertThat(SimSsh.exec(b, "stopwpar wpr00").err()).contains("0960-246", "locked by startwpar");
            release();
            assertThat(start.get().exit()).isZero();
            assertThat(SimSsh.exec(b, "lswpar -c -q -a name,state wpr00").out()).isEqualTo("wpr00:A\n");
        }
    }

    @Test
    void lswparDelimitedAndFilters() throws Exception {
        SimSsh.Result c = sim.ssh().run("lpar00", "lswpar -c");
        assertThat(c.out()).startsWith("#name:state:type:hostname:directory:key:owner:script:application:autostart:checkpointable:privateusr:routing\n")
                .contains("wpr00:D:S:wpr00:/wpars/wpr00:1:root::::no:no:no:no\n".replace("::::", ":::"));
        assertThat(sim.ssh().run("lpar00", "lswpar -s A -c -q -a name").out()).isEqualTo("wpr03\n");
        assertThat(sim.ssh().run("lpar00", "lswpar -N wpr03").out()).isEqualTo("""
                Name   Interface  Address(6)  Mask/Prefix    Broadcast
                -------------------------------------------------------
                wpr03  en0        9.3.5.185   255.255.254.0  9.3.5.255
                """);
        assertThat(sim.ssh().run("lpar00", "lswpar -M wpr00").out()).contains("wpr00  /wpars/wpr00       /dev/fslv00  jfs2");
        assertThat(sim.ssh().run("lpar00", "lswpar -L wpr03").out()).contains("wpr03 - Active", "GENERAL", "Hostname:                wpr03");
    }

    @Test
    void wparflowRunSurvivesItsSessionAndRunsOnce() throws Exception {
        hold();
        try (ClientSession first = sim.ssh().session("lpar00")) {
            SimSsh.Result r = SimSsh.exec(first, "wparflow-run start run-1 -- savewpar -f /backup/wpr00.save wpr00");
            assertThat(r.out()).isEqualTo("run-1 running\n");
            assertThat(SimSsh.exec(first, "wparflow-run start run-1 -- savewpar -f /backup/wpr00.save wpr00").out())
                    .isEqualTo("run-1 running\n");
        }
        try (ClientSession second = sim.ssh().session("lpar00")) {
            assertThat(SimSsh.exec(second, "wparflow-run status run-1 nope").out()).isEqualTo("run-1 running\nnope unknown\n");
            release();
            await().atMost(Duration.ofSeconds(30)).until(() -> SimSsh.exec(second, "wparflow-run status run-1").out().equals("run-1 exited 0\n"));
            assertThat(SimSsh.exec(second, "wparflow-run output run-1").out()).contains("0512-038 savewpar: Backup Completed Successfully.");
            assertThat(SimSsh.exec(second, "wparflow-run start run-1 -- savewpar -f /backup/wpr00.save wpr00").out()).isEqualTo("run-1 exited 0\n");
            assertThat(sim.fleet().log().entries().stream().filter(e -> "run-1".equals(e.runId))).hasSize(1);
            assertThat(SimSsh.exec(second, "wparflow-run forget run-1").exit()).isZero();
            assertThat(SimSsh.exec(second, "wparflow-run status run-1").out()).isEqualTo("run-1 unknown\n");
            // cancel
            hold();
            SimSsh.exec(second, "wparflow-run start run-2 -- startwpar wpr00");
            await().atMost(Duration.ofSeconds(30)).until(() -> sim.fleet().host("lpar00").states().contains("wpr00=T"));
            assertThat(SimSsh.exec(second, "wparflow-run forget run-2").exit()).isEqualTo(1);
            assertThat(SimSsh.exec(second, "wparflow-run cancel run-2").exit()).isZero();
            await().atMost(Duration.ofSeconds(30)).until(() -> SimSsh.exec(second, "wparflow-run status run-2").out().equals("run-2 exited 143\n"));
            assertThat(sim.fleet().host("lpar00").states()).contains("wpr00=B");
            assertThat(SimSsh.exec(second, "wparflow-run output nope").exit()).isEqualTo(1);
            assertThat(SimSsh.exec(second, "wparflow-run bogus").exit()).isEqualTo(2);
        }
    }

    @Test
    void wparflowRunWaitAnswersWhenARunEnds() throws Exception {
        hold();
        try (ClientSession session = sim.ssh().session("lpar00"); ClientSession other = sim.ssh().session("lpar00")) {
            SimSsh.exec(session, "wparflow-run start save-1 -- savewpar -f /backup/wpr00.save wpr00");
            long t0 = System.nanoTime();
            CompletableFuture<SimSsh.Result> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return SimSsh.exec(other, "wparflow-run wait 30 save-1");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            release();
            SimSsh.Result r = waiting.get(60, java.util.concurrent.TimeUnit.SECONDS);
            Duration waited = Duration.ofNanos(System.nanoTime() - t0);

            // the answer comes when the save ends, before the 30 s
            assertThat(r.out()).isEqualTo("save-1 exited 0\n");
            assertThat(waited).isLessThan(Duration.ofSeconds(25));
            // timed out: the status as it is; an unknown run answers at once
            hold();
            SimSsh.exec(session, "wparflow-run start save-2 -- savewpar -f /backup/wpr03.save wpr03");
            t0 = System.nanoTime();
            assertThat(SimSsh.exec(session, "wparflow-run wait 1 save-2").out()).isEqualTo("save-2 running\n");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(25));
            assertThat(SimSsh.exec(session, "wparflow-run wait 20 save-2 nope").out())
                    .isEqualTo("save-2 running\nnope unknown\n");
            assertThat(SimSsh.exec(session, "wparflow-run wait x save-1").exit()).isEqualTo(2);
            assertThat(SimSsh.exec(session, "wparflow-run wait 5").exit()).isEqualTo(2);
        } finally {
            release();
        }
    }

    @Test
    void faultsFailLatencyHangDrop() throws Exception {
        FaultRule fail = sim.fleet().faults().add(FaultRule.on("lpar00").command("startwpar")
                .fail(1, "startwpar: 0960-999 injected failure").once().build());
        SimSsh.Result r = sim.ssh().run("lpar00", "startwpar wpr00");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("startwpar: 0960-999 injected failure\n");
        assertThat(fail.fired()).isEqualTo(1);
        assertThat(sim.ssh().run("lpar00", "startwpar wpr00").exit()).isZero();

        sim.fleet().faults().add(FaultRule.on("lpar00").command("lswpar").latency(300).once().build());
        long t0 = System.nanoTime();
        sim.ssh().run("lpar00", "lswpar");
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);

        sim.fleet().faults().add(FaultRule.on("lpar00").command("oslevel").type(FaultType.HANG).once().build());
        try (ClientSession s = sim.ssh().session("lpar00")) {
            var ch = s.createExecChannel("oslevel -s");
            ch.open().verify(Duration.ofSeconds(5));
            ch.waitFor(java.util.EnumSet.of(org.apache.sshd.client.channel.ClientChannelEvent.CLOSED), Duration.ofMillis(500));
            assertThat(ch.getExitStatus()).isNull();
            ch.close(true);
        }

        sim.fleet().faults().add(FaultRule.on("lpar00").command("stopwpar").type(FaultType.DROP_CONNECTION).once().build());
        try (ClientSession s = sim.ssh().session("lpar00")) {
            SimSsh.Result dropped = SimSsh.exec(s, "stopwpar wpr00");
            assertThat(dropped.exit()).isEqualTo(-1);
            await().atMost(Duration.ofSeconds(30)).until(s::isClosed);
        }
        assertThat(sim.fleet().host("lpar00").states()).contains("wpr00=D"); // the command itself completed
    }

    @Test
    void dropOnEveryNthCommandIsCountedNotDrawn() throws Exception {
        FaultRule drop = sim.fleet().faults().add(FaultRule.on("lpar00").command("hostname").type(FaultType.DROP_CONNECTION)
                .everyNth(3).times(2).build());
        List<Integer> exits = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            try (ClientSession s = sim.ssh().session("lpar00")) {
                exits.add(SimSsh.exec(s, "hostname").exit());
            }
        }
        // the 3rd and the 6th dropped (no exit status); then its two firings are used up
        assertThat(exits).containsExactly(0, 0, -1, 0, 0, -1, 0, 0, 0);
        assertThat(drop.fired()).isEqualTo(2);
        assertThat(sim.ssh().run("lpar00", "lswpar -c -q -a name wpr00").exit()).as("other commands do not count").isZero();

        // a rule for any command drops connections; a detached run's inner command has none: no firing used up
        FaultRule any = sim.fleet().faults().add(FaultRule.on("lpar00").type(FaultType.DROP_CONNECTION).once().build());
        RunManager.Run run = sim.fleet().host("lpar00").runs().start("inner-1",
                List.of("savewpar", "-f", "/backup/wpr00.save", "wpr00"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !run.running());
        assertThat(run.exitStatus()).isZero();
        assertThat(any.fired()).isZero();
        assertThat(any.remaining()).isEqualTo(1);
        sim.fleet().faults().remove(any);
    }

    @Test
    void hostDownBetweenTwoTimes() throws Exception {
        // down is setDown(true) (connections refused, tested above); here: that the timer takes it down and up
        sim.fleet().host("lpar00").downBetween(Duration.ofMillis(100), Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> sim.fleet().host("lpar00").isDown());
        await().atMost(Duration.ofSeconds(10)).until(() -> !sim.fleet().host("lpar00").isDown());
        assertThat(sim.ssh().run("lpar00", "hostname").out()).isEqualTo("lpar00\n");
        assertThatThrownBy(() -> sim.fleet().host("lpar00").downBetween(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void abandonedCommandLeavesTheWparBrokenAndNoExitStatus() throws Exception {
        sim.fleet().faults().add(FaultRule.on("lpar00").command("stopwpar").abandon(200).once().build());
        try (ClientSession s = sim.ssh().session("lpar00")) {
            SimSsh.Result abandoned = SimSsh.exec(s, "stopwpar wpr03");
            assertThat(abandoned.exit()).isEqualTo(-1);
            await().atMost(Duration.ofSeconds(5)).until(s::isClosed);
        }
        // interrupted mid-way, as when the client dies: Broken, the command's own lock gone (RB:2832)
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.fleet().host("lpar00").states().contains("wpr03=B"));
        assertThat(sim.fleet().host("lpar00").wpar("wpr03").orElseThrow().lock).isNull();
        assertThat(sim.fleet().log().entries().stream().filter(e -> e.command().equals("stopwpar")))
                .singleElement().satisfies(e -> assertThat(e.exitStatus()).isNull());
        // the documented way back to Defined (RB:2844)
        assertThat(sim.ssh().run("lpar00", "stopwpar -F wpr03").exit()).isZero();
        assertThat(sim.fleet().host("lpar00").states()).contains("wpr03=D");
    }

    /**
     * A session that is gone before the command learns of it (the close raced the command's start): the first write
     * fails, and the command is hung up on at its next timed phase, as SIGHUP would, instead of failing half-way with
     * the WPAR Transitional and locked by it for good.
     */
    @Test
    void commandWhoseSessionIsGoneIsHungUpOn() throws Exception {
        java.io.OutputStream gone = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("channel closed");
            }
        };
        sim.fleet().setTimeScale(1);
        // on a thread of its own, as the SSH server runs commands: the hangup leaves that thread interrupted
        java.util.concurrent.ExecutorService sshThread = java.util.concurrent.Executors.newSingleThreadExecutor();
        int rc;
        try {
            rc = sshThread.submit(() -> sim.fleet().host("lpar00").runLine("root", "stopwpar wpr03", gone, gone, () -> { }))
                    .get();
        } finally {
            sshThread.shutdownNow();
        }

        assertThat(rc).as("no exit status reaches a lost session").isEqualTo(-1);
        assertThat(sim.fleet().host("lpar00").states()).contains("wpr03=B");
        assertThat(sim.fleet().host("lpar00").wpar("wpr03").orElseThrow().lock).as("the hung-up stopwpar's lock").isNull();
        // the documented way back to Defined (RB:2844), then the WPAR starts again
        assertThat(sim.ssh().run("lpar00", "stopwpar -F wpr03").exit()).isZero();
        assertThat(sim.ssh().run("lpar00", "startwpar wpr03").exit()).isZero();
        assertThat(sim.fleet().host("lpar00").states()).contains("wpr03=A");
    }

    @Test
    void connectionFaults() throws Exception {
        sim.fleet().faults().add(FaultRule.on("lpar00").type(FaultType.REJECT_AUTH).once().build());
        assertThatThrownBy(() -> sim.ssh().run("lpar00", "hostname")).hasMessageContaining("No more authentication methods");
        assertThat(sim.ssh().run("lpar00", "hostname").out()).isEqualTo("lpar00\n");

        sim.fleet().faults().add(FaultRule.on("lpar00").type(FaultType.REFUSE_CONNECTION).once().build());
        assertThatThrownBy(() -> sim.ssh().run("lpar00", "hostname")).isInstanceOf(Exception.class);
        assertThat(sim.ssh().run("lpar00", "hostname").exit()).isZero();

        // strict host key checking against the fleet's known_hosts
        SshClient strict = SshClient.setUpDefaultClient();
        strict.setServerKeyVerifier(new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, sim.fleet().knownHostsPath()));
        strict.addPublicKeyIdentity(sim.fleet().clientKeyPair());
        strict.start();
        try {
            try (ClientSession ok = strict.connect("root", "127.0.0.1", sim.fleet().host("lpar00").port()).verify(Duration.ofSeconds(5)).getSession()) {
                ok.auth().verify(Duration.ofSeconds(5));
            }
            FaultRule wrong = sim.fleet().faults().add(FaultRule.on("lpar00").type(FaultType.WRONG_HOST_KEY).build());
            assertThatThrownBy(() -> {
                try (ClientSession bad = strict.connect("root", "127.0.0.1", sim.fleet().host("lpar00").port()).verify(Duration.ofSeconds(5)).getSession()) {
                    bad.auth().verify(Duration.ofSeconds(5));
                }
            }).isInstanceOf(Exception.class);
            sim.fleet().faults().remove(wrong);
        } finally {
            strict.stop();
        }

        sim.fleet().host("lpar00").setDown(true);
        assertThatThrownBy(() -> sim.ssh().run("lpar00", "hostname")).hasRootCauseInstanceOf(java.net.ConnectException.class);
        sim.fleet().host("lpar00").setDown(false);
        assertThat(sim.ssh().run("lpar00", "hostname").out()).isEqualTo("lpar00\n");
    }

    @Test
    void commandLogAndReset() throws Exception {
        sim.ssh().run("lpar00", "rmwpar wpr00");
        assertThat(sim.fleet().host("lpar00").wpar("wpr00")).isEmpty();
        assertThat(sim.fleet().log().entries("lpar00")).anySatisfy(e -> {
            assertThat(e.argv).containsExactly("rmwpar", "wpr00");
            assertThat(e.user).isEqualTo("root");
            assertThat(e.exitStatus()).isZero();
            assertThat(e.end()).isAfterOrEqualTo(e.start);
        });
        sim.fleet().reset();
        assertThat(sim.fleet().host("lpar00").states()).isEqualTo("{wpr00=D, wpr03=A}");
        assertThat(sim.fleet().log().entries()).isEmpty();
    }

    @Test
    void defaultFleetFileStarts() throws Exception {
        try (Fleet def = Fleet.start(FleetFiles.load(FleetFiles.DEFAULT), FleetOptions.forTests()); SimSsh s = new SimSsh(def)) {
            assertThat(def.hosts()).extracting(HostRuntime::name).containsExactly("lpar00", "lpar01", "lpar02", "sydney", "canberra", "nim01");
            assertThat(def.hosts().stream().mapToInt(h -> h.wpars().size()).sum()).isGreaterThanOrEqualTo(12);
            SimSsh.Result r = s.run("sydney", "lswpar");
            assertThat(r.out()).contains("skippy  D      S     skippy    /wpars/skippy", "shaper  B");
            assertThat(s.run("lpar00", "oslevel -s").out()).isEqualTo("6100-02-01-0847\n");
            assertThat(s.run("lpar00", "lslpp -Lc mcr.rte").out()).contains("mcr:mcr.rte:4.2.0.0:");
            assertThat(s.run("lpar02", "lssrc -s xntpd").out()).contains("xntpd", "inoperative");
            assertThat(s.run("lpar00", "prtconf").out()).contains("Processor Type: PowerPC_POWER6", "Memory Size: 4096 MB");
            assertThat(s.run("lpar00", "lsattr -El sys0").out()).contains("realmem");
            assertThat(s.run("lpar00", "df").out()).contains("/dev/hd4", "/wpars/wpr03");
            assertThat(s.run("lpar00", "lsvg").out()).isEqualTo("rootvg\ndatavg\n");
            assertThat(s.run("lpar00", "cat /etc/wpars/wpr00.cf").out()).contains("name = \"wpr00\"");
        }
    }
}
