package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.aix.AixOutcome;
import dev.wparflow.aix.AixOutcomes;
import dev.wparflow.aix.Lswpar;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparMobility;
import dev.wparflow.ssh.CommandResult;
import dev.wparflow.testsupport.TestFleets;

/**
 * Redbook Examples 4-25 to 4-29 on the simulator: a mobile system WPAR on NFS moved live between LPARs of two
 * managed systems (the states of Figure 4-2 on both sides), an aborted move, checkpoint/restart of an application
 * WPAR, and every live-mobility refusal.
 */
class LiveMobilityTest {
    static final String FLEET = TestFleets.yaml("live-mobility");
    static final String MKWPAR_4_26 = "mkwpar -n wpr01 -h wpr01 -c -p -M dev=/wpar_share/wpr01 directory=/ host=lpar02 vfs=nfs"
            + " -M dev=/usr directory=/usr mountopts=ro vfs=namefs -M dev=/wpar_share/wpr01/tmp directory=/tmp host=lpar02 vfs=nfs"
            + " -M dev=/wpar_share/wpr01/var directory=/var host=lpar02 vfs=nfs -M dev=/opt directory=/opt mountopts=ro vfs=namefs"
            + " -M dev=/wpar_share/wpr01/home directory=/home host=lpar02 vfs=nfs -N address=9.3.5.183";
    static final Pattern KEY = Pattern.compile("Connection key:\\n([0-9a-f]{16})\\n");
    @RegisterExtension
    static final SimulatedFleet sim = SimulatedFleet.yaml(FLEET).instantCommands();

    SimSsh.Result ok(String host, String cmd) throws Exception {
        SimSsh.Result r = sim.ssh().run(host, cmd);
        assertThat(r.exit()).as(host + ": " + cmd + " -> " + r).isZero();
        return r;
    }

    static Map<String, Character> lswpar(String host) throws Exception {
        SimSsh.Result r = sim.ssh().run(host, Lswpar.table().commandLine());
        List<WparInfo> l = Lswpar.parseTable(r.out());
        return l.stream().collect(Collectors.toMap(WparInfo::name, w -> w.state().code().charAt(0)));
    }

    static char state(String host, String wpar) throws Exception {
        Character c = lswpar(host).get(wpar);
        return c == null ? '-' : c;
    }

    /** Example 4-26 on lpar00, started; then the spec on lpar01 (mkwpar -w -o / mkwpar -p -f, 4.7.3). */
    void mobileSystemWparOnBothSides() throws Exception {
        SimSsh.Result mk = ok("lpar00", MKWPAR_4_26);
        assertThat(mk.out()).contains("Workload partition wpr01 created successfully.");
        assertThat(mk.err()).doesNotContain("0960-100");
        ok("lpar00", "startwpar wpr01");
        ok("lpar00", "mkwpar -w -o /tmp/wpar.spec -e wpr01");
        sim.fleet().host("lpar01").writeFile("/tmp/wpar.spec", new String(sim.fleet().host("lpar00").file("/tmp/wpar.spec")));
        ok("lpar01", "mkwpar -p -f /tmp/wpar.spec");
        assertThat(state("lpar01", "wpr01")).isEqualTo('D');
    }

    String departure(String host, String wpar) throws Exception {
        SimSsh.Result s = ok(host, WparMobility.startDeparture(dev.wparflow.aix.WparName.of(wpar),
                dev.wparflow.aix.AbsolutePath.of("/tmp/hga.log"), WparMobility.LogLevel.DEBUG).commandLine());
        Matcher m = KEY.matcher(s.out());
        assertThat(m.find()).as(s.out()).isTrue();
        assertThat(s.out()).endsWith("mcr: Migration server started successfully for wpar " + wpar + "\n");
        // the aix layer reads the same key
        assertThat(WparMobility.parseDeparture(s.out()).key().value()).isEqualTo(m.group(1));
        return m.group(1);
    }

    @Test
    void nfsWparFilesAreTheServersFiles() throws Exception {
        mobileSystemWparOnBothSides();
        sim.fleet().host("lpar00").writeFile("/wpars/wpr01/etc/motd", "hello from wpr01\n");
        assertThat(new String(sim.fleet().host("lpar02").file("/wpar_share/wpr01/etc/motd"))).isEqualTo("hello from wpr01\n");
        assertThat(new String(sim.fleet().host("lpar01").file("/wpars/wpr01/etc/motd"))).isEqualTo("hello from wpr01\n");
        assertThat(sim.fleet().nfsMounts("lpar01")).containsEntry("/wpars/wpr01", "lpar02:/wpar_share/wpr01");
        assertThat(sim.fleet().nfsExports("lpar02")).containsKey("/wpar_share");
        SimSsh.Result m = ok("lpar01", "mount");
        assertThat(m.out()).contains("lpar02", "/wpar_share/wpr01", "/wpars/wpr01");
    }

    @Test
    void example_4_27_liveMoveShowsFigure_4_2StatesOnBothSides() throws Exception {
        mobileSystemWparOnBothSides();
        long mark = sim.fleet().stateHistory().lastSeq();
        String key = departure("lpar00", "wpr01");
        assertThat(lswpar("lpar00")).containsEntry("wpr01", 'T').containsEntry("wpr03", 'A');
        assertThat(sim.fleet().pendingMoves()).singleElement().satisfies(m -> assertThat(m.key).isEqualTo(key));
        ok("lpar01", WparMobility.setclock(dev.wparflow.aix.IpAddress.of("9.3.5.127")).commandLine());
        sim.fleet().setTimeScale(1);
        CompletableFuture<SimSsh.Result> arrival = CompletableFuture.supplyAsync(() -> {
            try {
                return sim.ssh().run("lpar01", "/opt/mcr/bin/movewpar -k " + key + " -o /tmp/hga.log -l debug wpr01 9.3.5.127");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        // lswpar on both sides while the move runs: whatever it shows must be states the WPAR really went through
        StringBuilder departing = new StringBuilder();
        StringBuilder arriving = new StringBuilder();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(40)).until(() -> {
            append(departing, state("lpar00", "wpr01"));
            append(arriving, state("lpar01", "wpr01"));
            return arrival.isDone();
        });
        SimSsh.Result r = arrival.get();
        assertThat(r.exit()).as(r.toString()).isZero();

        // Figure 4-2, steps 1 to 9, in the order the simulator recorded them on both sides
        List<String> changes = sim.fleet().stateHistory().since(mark).stream().filter(t -> t.wpar().equals("wpr01"))
                .map(t -> t.host() + " " + t.from().letter() + "->" + t.to().letter()).toList();
        assertThat(changes).containsExactly(
                "lpar00 A->T",  // 1: movewpar -s
                "lpar01 D->T",  // 3: the arriving WPAR receives the spec
                "lpar00 T->M",  // 5: memory is transmitted
                "lpar00 M->T",  // 7: done
                "lpar01 T->A",  // 8: the arriving WPAR starts
                "lpar00 T->D"); // 9: the departing one is Defined
        assertThat(sim.fleet().stateHistory().path("lpar00", "wpr01", mark)).isEqualTo("ATMTD");
        assertThat(sim.fleet().stateHistory().path("lpar01", "wpr01", mark)).isEqualTo("DTA");
        assertThat(isSubsequence(departing, "ATMTD")).as("lswpar on lpar00 showed %s", departing).isTrue();
        assertThat(isSubsequence(arriving, "DTA")).as("lswpar on lpar01 showed %s", arriving).isTrue();
        assertThat(state("lpar00", "wpr01")).isEqualTo('D');
        assertThat(state("lpar01", "wpr01")).isEqualTo('A');
        assertThat(sim.fleet().pendingMoves()).isEmpty();
        assertThat(lswpar("lpar00")).containsEntry("wpr03", 'A');
        assertThat(sim.fleet().stateHistory().path("lpar00", "wpr03", mark)).as("wpr03 untouched").isEmpty();
    }

    private static void append(StringBuilder sb, char c) {
        if (sb.length() == 0 || sb.charAt(sb.length() - 1) != c) {
            sb.append(c);
        }
    }

    /** True when the letters of {@code seen} occur in {@code path} in the same order (not necessarily adjacent). */
    private static boolean isSubsequence(CharSequence seen, String path) {
        int at = 0;
        for (int i = 0; i < seen.length(); i++) {
            at = path.indexOf(seen.charAt(i), at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return true;
    }

    @Test
    void example_4_28_abortLeavesTheWparActiveWhereItWas() throws Exception {
        mobileSystemWparOnBothSides();
        departure("lpar00", "wpr01");
        assertThat(state("lpar00", "wpr01")).isEqualTo('T');
        SimSsh.Result x = ok("lpar00", WparMobility.abort(dev.wparflow.aix.WparName.of("wpr01")).commandLine());
        assertThat(x.out()).isEqualTo("mcr: Migration server for wpar wpr01 stopped\n");
        assertThat(WparMobility.parseAborted(x.out())).isEqualTo("wpr01");
        assertThat(lswpar("lpar00")).containsEntry("wpr01", 'A').containsEntry("wpr03", 'A');
        // on the arriving node too, as the book says; the WPAR stays Defined there
        assertThat(ok("lpar01", "/opt/mcr/bin/movewpar -x wpr01").out()).contains("stopped");
        assertThat(state("lpar01", "wpr01")).isEqualTo('D');
        assertThat(sim.fleet().pendingMoves()).isEmpty();
    }

    @Test
    void abortDuringTheTransferPutsBothSidesBack() throws Exception {
        mobileSystemWparOnBothSides();
        long mark = sim.fleet().stateHistory().lastSeq();
        String key = departure("lpar00", "wpr01");
        // the transfer would take minutes: the abort below always comes while it runs
        sim.fleet().setTimeScale(1000);
        CompletableFuture<SimSsh.Result> arrival = CompletableFuture.supplyAsync(() -> {
            try {
                return sim.ssh().run("lpar01", "/opt/mcr/bin/movewpar -k " + key + " wpr01 9.3.5.127");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> sim.fleet().stateHistory().path("lpar01", "wpr01", mark).equals("DT"));
        ok("lpar01", "/opt/mcr/bin/movewpar -x wpr01");
        SimSsh.Result r = arrival.get(30, TimeUnit.SECONDS);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("aborted");
        assertThat(state("lpar00", "wpr01")).isEqualTo('A');
        assertThat(state("lpar01", "wpr01")).isEqualTo('D');
        assertThat(sim.fleet().stateHistory().path("lpar00", "wpr01", mark)).isEqualTo("ATA");
        assertThat(sim.fleet().stateHistory().path("lpar01", "wpr01", mark)).isEqualTo("DTD");
    }

    @Test
    void example_4_25_and_4_29_checkpointAndRestartAnApplicationWpar() throws Exception {
        SimSsh.Result ex = ok("lpar03", "wparexec -c -n chkpt_test -M host=lpar02 directory=/mnt/chkpt dev=/wpar_share /hga/myapp");
        assertThat(ex.out()).contains("Starting workload partition chkpt_test.");
        assertThat(sim.fleet().host("lpar03").wpar("chkpt_test").orElseThrow().type.letter()).isEqualTo('A');
        assertThat(state("lpar03", "chkpt_test")).isEqualTo('A');
        SimSsh.Result c = ok("lpar03", "/opt/mcr/bin/chkptwpar -k -d /tmp/checkpt chkpt_test");
        Transcripts.assertLines(c.out(), """
                mcr: WPAR chkpt_test was checkpointed in /tmp/checkpt.
                Stopping workload partition chkpt_test.
                Shutting down all workload partition processes.
                Unmounting all workload partition file systems.
                Checkpoint command succeeded.
                """);
        assertThat(WparMobility.parseCheckpointed(c.out())).isEqualTo("/tmp/checkpt");
        assertThat(sim.fleet().host("lpar03").wpar("chkpt_test")).isEmpty(); // an application WPAR is removed when it stops
        SimSsh.Result r = ok("lpar03", "/opt/mcr/bin/restartwpar -d /tmp/checkpt chkpt_test");
        Transcripts.assertLines(r.out(), """
                Starting workload partition chkpt_test.
                Mounting all workload partition file systems.
                Loading workload partition.
                mcr: WPAR chkpt_test was restarted from /tmp/checkpt.
                """);
        assertThat(WparMobility.parseRestarted(r.out())).isEqualTo("/tmp/checkpt");
        assertThat(state("lpar03", "chkpt_test")).isEqualTo('A');
        // with -p: Paused, then restarted
        ok("lpar03", "/opt/mcr/bin/chkptwpar -p -d /tmp/checkpt2 chkpt_test");
        assertThat(state("lpar03", "chkpt_test")).isEqualTo('P');
        ok("lpar03", "/opt/mcr/bin/restartwpar -d /tmp/checkpt2 chkpt_test");
        assertThat(state("lpar03", "chkpt_test")).isEqualTo('A');
        // with neither: it goes on running (F while the state is stored)
        long mark = sim.fleet().stateHistory().lastSeq();
        ok("lpar03", "/opt/mcr/bin/chkptwpar -d /tmp/checkpt3 chkpt_test");
        assertThat(state("lpar03", "chkpt_test")).isEqualTo('A');
        assertThat(sim.fleet().stateHistory().path("lpar03", "chkpt_test", mark)).isEqualTo("AFA");
        assertThat(sim.fleet().host("lpar03").file("/tmp/checkpt3/chkpt_test.chkpt")).isNotNull();
    }

    @Test
    void movingAnApplicationWpar() throws Exception {
        ok("lpar00", "wparexec -c -n app1 -M host=lpar02 directory=/mnt/app1 dev=/wpar_share /hga/myapp");
        String key = departure("lpar00", "app1");
        ok("lpar03", "/opt/mcr/bin/movewpar -k " + key + " app1 9.3.5.127");
        assertThat(lswpar("lpar00")).doesNotContainKey("app1");
        assertThat(state("lpar03", "app1")).isEqualTo('A');
    }

    // ---------------------------------------------------------------- refusals

    static CommandResult result(String host, String cmd) throws Exception {
        SimSsh.Result r = sim.ssh().run(host, cmd);
        return new CommandResult(host, cmd, r.exit(), r.out(), r.err(), java.time.Duration.ZERO);
    }

    @Test
    void refusals() throws Exception {
        // checkpointable with a local writable file system (0960-100)
        CommandResult mk = result("lpar00", "mkwpar -n test -c");
        assertThat(mk.stderr()).contains("0960-100");
        assertThat(AixOutcomes.classify(mk).outcome()).isEqualTo(AixOutcome.NOT_CHECKPOINTABLE);
        CommandResult app = result("lpar00", "wparexec -c -n app2 -M directory=/data vfs=jfs2 /hga/myapp");
        assertThat(app.stderr()).contains("0960-100");
        // an export that does not list the host refuses it
        CommandResult denied = result("lpar04", "mkwpar -n nfsw -M dev=/wpar_share/nfsw directory=/ host=lpar02 vfs=nfs");
        assertThat(denied.exitStatus()).isEqualTo(1);
        assertThat(denied.stderr()).contains("mount: 1831-011 access denied for lpar02:/wpar_share/nfsw");
        assertThat(result("lpar04", "mount lpar02:/wpar_share /mnt").stderr()).contains("1831-011");
        // not eligible: local file systems
        CommandResult ne = result("lpar00", "/opt/mcr/bin/movewpar -s local1");
        assertThat(ne.exitStatus()).isEqualTo(1);
        assertThat(AixOutcomes.classify(ne).outcome()).isEqualTo(AixOutcome.NOT_CHECKPOINTABLE);
        CommandResult ne2 = result("lpar00", "/opt/mcr/bin/movewpar -s wpr03");
        assertThat(AixOutcomes.classify(ne2).outcome()).isEqualTo(AixOutcome.NOT_CHECKPOINTABLE);
        assertThat(AixOutcomes.classify(result("lpar00", "/opt/mcr/bin/chkptwpar -k -d /tmp/c wpr03")).outcome())
                .isEqualTo(AixOutcome.NOT_CHECKPOINTABLE);
        // mcr.rte missing: exit 127 for /opt/mcr/bin/*
        CommandResult mcr = result("lpar04", "/opt/mcr/bin/movewpar -x wpr01");
        assertThat(mcr.exitStatus()).isEqualTo(127);
        assertThat(AixOutcomes.classify(mcr).outcome()).isEqualTo(AixOutcome.MCR_NOT_INSTALLED);
        assertThat(result("lpar04", "/opt/mcr/bin/chkptwpar -k -d /tmp/c x").exitStatus()).isEqualTo(127);

        mobileSystemWparOnBothSides();
        // not Active
        ok("lpar00", "stopwpar wpr01");
        CommandResult na = result("lpar00", "/opt/mcr/bin/movewpar -s wpr01");
        assertThat(AixOutcomes.classify(na).outcome()).isEqualTo(AixOutcome.WRONG_STATE);
        ok("lpar00", "startwpar wpr01");
        // the same WPAR prepared on the other candidate arriving hosts
        for (String h : List.of("lpar05", "lpar06")) {
            sim.fleet().host(h).writeFile("/tmp/wpar.spec", new String(sim.fleet().host("lpar00").file("/tmp/wpar.spec")));
            ok(h, "mkwpar -p -f /tmp/wpar.spec");
        }
        String key = departure("lpar00", "wpr01");
        // clocks differ (lpar06 is 90 s ahead) until setclock
        CommandResult clocks = result("lpar06", "/opt/mcr/bin/movewpar -k " + key + " wpr01 9.3.5.127");
        assertThat(clocks.exitStatus()).isEqualTo(1);
        assertThat(clocks.stderr()).contains("clocks", "differ by 90 seconds");
        ok("lpar06", "setclock 9.3.5.127");
        // interface names differ (lpar06 has en1 only, wpr01 uses en0)
        CommandResult ifc = result("lpar06", "/opt/mcr/bin/movewpar -k " + key + " wpr01 9.3.5.127");
        assertThat(ifc.stderr()).contains("Network interface en0", "does not exist on lpar06");
        // processor types differ
        CommandResult cpu = result("lpar05", "/opt/mcr/bin/movewpar -k " + key + " wpr01 9.3.5.127");
        assertThat(cpu.stderr()).contains("Processor type PowerPC_POWER5", "not compatible");
        // wrong key, wrong departing address
        assertThat(result("lpar01", "/opt/mcr/bin/movewpar -k 0000000000000000 wpr01 9.3.5.127").stderr())
                .contains("No migration server");
        assertThat(result("lpar01", "/opt/mcr/bin/movewpar -k " + key + " wpr01 9.3.5.121").stderr())
                .contains("Cannot connect");
        // the departing WPAR is still waiting, and the move still completes
        assertThat(state("lpar00", "wpr01")).isEqualTo('T');
        ok("lpar01", "/opt/mcr/bin/movewpar -k " + key + " wpr01 9.3.5.127");
        assertThat(state("lpar01", "wpr01")).isEqualTo('A');
        assertThat(state("lpar00", "wpr01")).isEqualTo('D');
        // nothing to abort now
        assertThat(result("lpar00", "/opt/mcr/bin/movewpar -x wpr01").exitStatus()).isEqualTo(1);
    }
}
