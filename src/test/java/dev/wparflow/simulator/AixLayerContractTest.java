package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.AixCommand;
import dev.wparflow.aix.AixOutcome;
import dev.wparflow.aix.AixOutcomes;
import dev.wparflow.aix.AixResult;
import dev.wparflow.aix.HostName;
import dev.wparflow.aix.IpAddress;
import dev.wparflow.aix.Lswpar;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.NetworkSpec;
import dev.wparflow.aix.Pid;
import dev.wparflow.aix.VolumeGroupName;
import dev.wparflow.aix.WparBackup;
import dev.wparflow.aix.WparDetails;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparLifecycle.MkwparRequest;
import dev.wparflow.aix.WparLifecycle;
import dev.wparflow.aix.WparLock;
import dev.wparflow.aix.WparMount;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparNetwork;
import dev.wparflow.aix.WparState;
import dev.wparflow.aix.WparType;
import dev.wparflow.ssh.CommandResult;
import dev.wparflow.testsupport.TestFleets;

/**
 * The contract between the simulator and the typed AIX command layer ({@code dev.wparflow.aix}): every command is
 * built with the aix builders, sent over SSH to a simulated host, and its {@link CommandResult} interpreted by the
 * aix parsers and {@link AixOutcomes}. A failure here means the two sides disagree on a command line, an output
 * format or a message text.
 */
class AixLayerContractTest {
    static final String FLEET = TestFleets.yaml("aix-layer-contract");
    @RegisterExtension
    static final SimulatedFleet sim = SimulatedFleet.yaml(FLEET);

    static CommandResult run(String host, AixCommand c) throws Exception {
        SimSsh.Result r = sim.ssh().run(host, c.commandLine());
        return new CommandResult(host, c.commandLine(), r.exit(), r.out(), r.err(), Duration.ZERO);
    }

    static <T> AixResult<T> ok(AixResult<T> r) {
        assertThat(r.isOk()).as(() -> r.isOk() ? "" : r.failure().describe()).isTrue();
        return r;
    }

    static AixOutcome outcome(String host, AixCommand c) throws Exception {
        CommandResult r = run(host, c);
        assertThat(r.exitStatus()).as(c + " " + r).isNotZero();
        return AixOutcomes.interpret(r).outcome();
    }

    static WparName n(String s) {
        return WparName.of(s);
    }

    Map<String, WparState> fleetStates() {
        return sim.fleet().host("sydney").wpars().stream()
                .collect(Collectors.toMap(w -> w.name, w -> WparState.parse(String.valueOf(w.state().letter()))));
    }

    static Map<String, WparState> states(List<WparInfo> l) {
        return l.stream().collect(Collectors.toMap(WparInfo::name, WparInfo::state));
    }

    // ---------------------------------------------------------------- lswpar in every format

    @Test
    void lswparTable() throws Exception {
        List<WparInfo> l = ok(AixOutcomes.interpret(run("sydney", Lswpar.table()), Lswpar::parseTable)).value();
        assertThat(states(l)).isEqualTo(fleetStates()).containsEntry("gordon", WparState.ACTIVE);
        assertThat(l).allSatisfy(w -> assertThat(w.type()).isEqualTo(WparType.SYSTEM));
        assertThat(l.get(0).directory()).isEqualTo("/wpars/skippy");
        List<WparInfo> active = ok(AixOutcomes.interpret(run("sydney", Lswpar.table(WparState.ACTIVE, List.of())),
                Lswpar::parseTable)).value();
        assertThat(active).extracting(WparInfo::name).containsExactly("gordon", "mobile1");
    }

    @Test
    void lswparDelimitedInEveryForm() throws Exception {
        // default fields, with header
        List<WparInfo> all = ok(AixOutcomes.interpret(run("sydney", Lswpar.delimited(List.of(), false, null, List.of())),
                out -> Lswpar.parseDelimited(out, List.of()))).value();
        assertThat(states(all)).isEqualTo(fleetStates());
        assertThat(all.get(0).hostname()).isEqualTo("skippy");
        assertThat(all.get(0).directory()).isEqualTo("/wpars/skippy");
        // -q without -a: the parser falls back to the default five fields
        List<WparInfo> quiet = ok(AixOutcomes.interpret(run("sydney", Lswpar.delimited(List.of(), true, null, List.of())),
                out -> Lswpar.parseDelimited(out, List.of()))).value();
        assertThat(states(quiet)).isEqualTo(fleetStates());
        // -a in the requested order, header and -q
        List<LswparField> fields = List.of(LswparField.STATE, LswparField.NAME, LswparField.AUTO,
                LswparField.CHECKPOINTABLE, LswparField.KEY);
        for (boolean q : new boolean[] {false, true}) {
            List<WparInfo> sel = ok(AixOutcomes.interpret(
                    run("sydney", Lswpar.delimited(fields, q, WparState.ACTIVE, List.of())),
                    out -> Lswpar.parseDelimited(out, fields))).value();
            assertThat(sel).extracting(WparInfo::name).containsExactly("gordon", "mobile1");
            assertThat(sel.get(0).state()).isEqualTo(WparState.ACTIVE);
            assertThat(sel.get(0).fields()).containsEntry("auto", "yes").containsEntry("checkpointable", "no");
            assertThat(sel.get(1).fields()).containsEntry("checkpointable", "yes");
        }
        // names
        List<WparInfo> one = ok(AixOutcomes.interpret(run("sydney", Lswpar.delimited(List.of(), false, null,
                List.of(n("gordon")))), out -> Lswpar.parseDelimited(out, List.of()))).value();
        assertThat(one).singleElement().satisfies(w -> assertThat(w.state()).isEqualTo(WparState.ACTIVE));
    }

    @Test
    void lswparDelimitedEscapesTheDelimiter() throws Exception {
        sim.fleet().host("sydney").model().locked(() -> sim.fleet().host("sydney").model().wpar("skippy").orElseThrow().script = "/etc/a:b");
        List<LswparField> f = List.of(LswparField.NAME, LswparField.SCRIPT);
        List<WparInfo> l = ok(AixOutcomes.interpret(run("sydney", Lswpar.delimited(f, true, null, List.of(n("skippy")))),
                out -> Lswpar.parseDelimited(out, f))).value();
        assertThat(l.get(0).fields()).containsEntry("script", "/etc/a:b");
    }

    @Test
    void lswparDetailsNetworkMounts() throws Exception {
        WparDetails d = ok(AixOutcomes.interpret(run("sydney", Lswpar.details(n("gordon"))), Lswpar::parseDetails))
                .value();
        assertThat(d.name()).isEqualTo("gordon");
        assertThat(d.state()).isEqualTo(WparState.ACTIVE);
        List<WparNetwork> net = ok(AixOutcomes.interpret(run("sydney", Lswpar.network(List.of())),
                Lswpar::parseNetwork)).value();
        assertThat(net).extracting(WparNetwork::name, WparNetwork::address).contains(
                org.assertj.core.groups.Tuple.tuple("skippy", "9.3.63.145"),
                org.assertj.core.groups.Tuple.tuple("gordon", "9.3.5.188"));
        List<WparMount> m = ok(AixOutcomes.interpret(run("sydney", Lswpar.mounts(List.of(n("mobile1")))),
                Lswpar::parseMounts)).value();
        assertThat(m).extracting(WparMount::mountPoint).contains("/wpars/mobile1", "/wpars/mobile1/data");
        WparMount nfs = m.stream().filter(x -> x.vfs().equals("nfs")).findFirst().orElseThrow();
        assertThat(nfs.nodename()).isEqualTo("lpar02");
        assertThat(nfs.device()).isEqualTo("/exports/mobile1:data");
        assertThat(m.stream().filter(x -> x.vfs().equals("jfs2"))).allSatisfy(x -> assertThat(x.nodename()).isEmpty());
    }

    // ---------------------------------------------------------------- successful operations

    @Test
    void lifecycleAndBackupSucceedAndParse() throws Exception {
        MkwparRequest req = MkwparRequest.simple(n("bruce"), HostName.of("bruce"),
                NetworkSpec.address(IpAddress.of("9.3.63.99")));
        WparLifecycle.Created c = ok(AixOutcomes.interpret(run("sydney", WparLifecycle.mkwpar(req)),
                WparLifecycle::parseCreated)).value();
        assertThat(c.name()).isEqualTo("bruce");
        assertThat(sim.fleet().host("sydney").wpar("bruce")).isPresent();

        WparLifecycle.Started s = ok(AixOutcomes.interpret(run("sydney",
                WparLifecycle.startwpar(n("bruce"), WparLifecycle.Start.VERBOSE)),
                WparLifecycle::parseStarted)).value();
        assertThat(s.subsystem()).isEqualTo("cor_bruce");
        assertThat(s.subsystemPid()).isPositive();
        assertThat(sim.fleet().host("sydney").wpar("bruce").orElseThrow().state().letter()).isEqualTo('A');

        WparBackup.Saved saved = ok(AixOutcomes.interpret(run("sydney", WparBackup.savewpar(n("bruce"),
                AbsolutePath.of("/backup/bruce.save"), WparBackup.Save.IMAGE_DATA)), WparBackup::parseSaved)).value();
        assertThat(saved.filesBackedUp()).isPositive().isEqualTo(saved.filesTotal());
        List<String> listing = ok(AixOutcomes.interpret(run("sydney",
                WparBackup.lssavewpar(AbsolutePath.of("/backup/bruce.save"))), WparBackup::parseListing)).value();
        assertThat(listing).isNotEmpty();

        ok(AixOutcomes.interpret(run("sydney", WparLifecycle.stopwpar(n("bruce"), WparLifecycle.Stop.NO_DELAY))));
        WparLifecycle.Removed removed = ok(AixOutcomes.interpret(run("sydney", WparLifecycle.rmwpar(n("bruce"))),
                WparLifecycle::parseRemoved)).value();
        assertThat(removed.fileSystems()).isNotEmpty();
        assertThat(removed.logicalVolumes()).isNotEmpty();
        assertThat(sim.fleet().host("sydney").wpar("bruce")).isEmpty();

        WparBackup.Restored r = ok(AixOutcomes.interpret(run("sydney", WparBackup.restwpar(new WparBackup.RestwparRequest(
                AbsolutePath.of("/backup/bruce.save"), null, null, null, null, null, false))), WparBackup::parseRestored))
                .value();
        assertThat(r.name()).isEqualTo("bruce");
        assertThat(r.filesRestored()).isPositive();
        assertThat(sim.fleet().host("sydney").wpar("bruce").orElseThrow().state().letter()).isEqualTo('D');
    }

    @Test
    void lockAndUnlockSucceed() throws Exception {
        ok(AixOutcomes.interpret(run("sydney", WparLock.lock(n("skippy"), Pid.of(4711), WparLock.OPERATION_STOPWPAR))));
        ok(AixOutcomes.interpret(run("sydney", WparLock.unlock(n("skippy"), Pid.of(4711), WparLock.OPERATION_STOPWPAR))));
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void lockedMapsToLockedByOtherProcess() throws Exception {
        run("sydney", WparLock.lock(n("gordon"), Pid.of(385230), WparLock.OPERATION_STOPWPAR));
        CommandResult r = run("sydney", WparLifecycle.stopwpar(n("gordon")));
        assertThat(r.stderr()).isEqualTo(
                "stopwpar: 0960-246 Workload partition gordon is currently locked by stopwpar (PID = 385230).\n");
        var f = AixOutcomes.classify(r);
        assertThat(f.outcome()).isEqualTo(AixOutcome.LOCKED_BY_OTHER_PROCESS);
        assertThat(f.details()).containsEntry("lockPid", "385230").containsEntry("lockCommand", "stopwpar")
                .containsEntry("wpar", "gordon");
    }

    @Test
    void mkwparRefusals() throws Exception {
        assertThat(outcome("sydney", WparLifecycle.mkwpar(MkwparRequest.simple(n("skippy"), null, null))))
                .isEqualTo(AixOutcome.WPAR_NAME_TAKEN);
        assertThat(outcome("sydney", WparLifecycle.mkwpar(MkwparRequest.simple(n("bruce"), null,
                NetworkSpec.address(IpAddress.of("9.3.5.188")))))).isEqualTo(AixOutcome.HOSTNAME_OR_ADDRESS_IN_USE);
        assertThat(outcome("sydney", WparLifecycle.mkwpar(MkwparRequest.simple(n("bruce"), HostName.of("skippy"),
                null)))).isEqualTo(AixOutcome.HOSTNAME_OR_ADDRESS_IN_USE);
        assertThat(outcome("sydney", WparLifecycle.mkwpar(new MkwparRequest(n("bruce"), null, List.of(), List.of(),
                false, false, false, false, null, VolumeGroupName.of("tinyvg"), null))))
                .isEqualTo(AixOutcome.NOT_ENOUGH_SPACE);
        assertThat(outcome("sydney", WparLifecycle.mkwpar(new MkwparRequest(n("bruce"), null, List.of(), List.of(),
                true, false, false, false, null, null, null)))).isEqualTo(AixOutcome.NOT_CHECKPOINTABLE);
        assertThat(sim.fleet().host("sydney").wpar("bruce")).isEmpty();
    }

    @Test
    void stateRefusalsMapToWrongState() throws Exception {
        assertThat(outcome("sydney", WparLifecycle.startwpar(n("gordon")))).isEqualTo(AixOutcome.WRONG_STATE);
        assertThat(outcome("sydney", WparLifecycle.stopwpar(n("skippy"))))
                .isEqualTo(AixOutcome.WRONG_STATE);
        assertThat(outcome("sydney", WparLifecycle.rmwpar(n("gordon")))).isEqualTo(AixOutcome.WRONG_STATE);
        assertThat(outcome("sydney", WparLifecycle.rename(n("gordon"), n("newname")))).isEqualTo(AixOutcome.WRONG_STATE);
    }

    @Test
    void notFoundMapsToWparNotFound() throws Exception {
        assertThat(outcome("sydney", WparLifecycle.startwpar(n("nosuch")))).isEqualTo(AixOutcome.WPAR_NOT_FOUND);
        assertThat(outcome("sydney", WparLifecycle.stopwpar(n("nosuch"), WparLifecycle.Stop.FORCE)))
                .isEqualTo(AixOutcome.WPAR_NOT_FOUND);
        assertThat(outcome("sydney", WparLifecycle.rmwpar(n("nosuch"), WparLifecycle.Remove.FORCE)))
                .isEqualTo(AixOutcome.WPAR_NOT_FOUND);
        assertThat(outcome("sydney", Lswpar.details(n("nosuch")))).isEqualTo(AixOutcome.WPAR_NOT_FOUND);
        assertThat(outcome("sydney", WparBackup.savewpar(n("nosuch"), AbsolutePath.of("/backup/x"))))
                .isEqualTo(AixOutcome.WPAR_NOT_FOUND);
    }

    @Test
    void imageRefusals() throws Exception {
        AixCommand missing = WparBackup.restwpar(new WparBackup.RestwparRequest(AbsolutePath.of("/backup/missing.save"),
                null, null, null, null, null, false));
        assertThat(outcome("sydney", missing)).isEqualTo(AixOutcome.IMAGE_NOT_FOUND);
        assertThat(outcome("sydney", WparBackup.lssavewpar(AbsolutePath.of("/backup/missing.save"))))
                .isEqualTo(AixOutcome.IMAGE_NOT_FOUND);
        sim.fleet().host("sydney").writeFile("/backup/junk.save", "this is not an image\n");
        assertThat(outcome("sydney", WparBackup.restwpar(new WparBackup.RestwparRequest(
                AbsolutePath.of("/backup/junk.save"), null, null, null, null, null, false))))
                .isEqualTo(AixOutcome.IMAGE_CORRUPT);
        assertThat(outcome("sydney", WparBackup.lssavewpar(AbsolutePath.of("/backup/junk.save"))))
                .isEqualTo(AixOutcome.IMAGE_CORRUPT);
        // restoring over an existing WPAR: the name is taken
        run("sydney", WparBackup.savewpar(n("skippy"), AbsolutePath.of("/backup/skippy.save")));
        assertThat(outcome("sydney", WparBackup.restwpar(new WparBackup.RestwparRequest(
                AbsolutePath.of("/backup/skippy.save"), null, null, null, null, null, false))))
                .isEqualTo(AixOutcome.WPAR_NAME_TAKEN);
    }
}
