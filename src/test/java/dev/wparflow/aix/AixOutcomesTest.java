package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wparflow.ssh.CommandResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AixOutcomesTest {

    private static final WparName WPR00 = WparName.of("wpr00");

    private static CommandResult fail(AixCommand c, int exit, String stderr) {
        return new CommandResult("lpar00", c.commandLine(), exit, "", stderr, Duration.ofMillis(3));
    }

    @Test
    void lockedByAnotherProcessExample423() {
        AixCommand stop = WparLifecycle.stopwpar(WPR00);
        AixResult<Void> r = AixOutcomes.interpret(Transcripts.failed("stopwpar-locked.txt", stop, 1));
        assertThat(r.isOk()).isFalse();
        AixFailure f = r.failure();
        assertThat(f.outcome()).isEqualTo(AixOutcome.LOCKED_BY_OTHER_PROCESS);
        assertThat(f.outcome().isBusiness()).isTrue();
        assertThat(f.outcome().errorCode()).isEqualTo("LOCKED_BY_OTHER_PROCESS");
        assertThat(f.messageId()).isEqualTo("0960-246");
        assertThat(f.details()).containsExactlyInAnyOrderEntriesOf(
                Map.of("wpar", "wpr00", "lockCommand", "stopwpar", "lockPid", "385230"));
        assertThat(f.message()).isEqualTo(
                "stopwpar: 0960-246 Workload partition wpr00 is currently locked by stopwpar (PID = 385230).");
        assertThat(f.describe()).contains("lpar00").contains("stopwpar wpr00").contains("0960-246");
    }

    @Test
    void mkwparConflictsAndChwparRefusals() {
        AixCommand mk = WparLifecycle.writeSpec(WparName.of("kenny"), AbsolutePath.of("/tmp/x"));
        AixFailure conflict = AixOutcomes.classify(Transcripts.failed("mkwpar-conflict.txt", mk, 1));
        assertThat(conflict.outcome()).isEqualTo(AixOutcome.BASE_DIRECTORY_CONFLICT);
        assertThat(conflict.messageId()).isEqualTo("0960-002");
        AixCommand ren = WparLifecycle.rename(WPR00, WparName.of("mynewname"));
        assertThat(AixOutcomes.classify(Transcripts.failed("chwpar-rename-running.txt", ren, 1)).outcome())
                .isEqualTo(AixOutcome.WRONG_STATE);
        AixFailure rc = AixOutcomes.classify(Transcripts.failed("chwpar-resources-error.txt",
                AixCommand.of("chwpar").flag("-R").arg(WparName.of("MySysWpar")).build(), 1));
        assertThat(rc.outcome()).isEqualTo(AixOutcome.INVALID_RESOURCE_CONTROL);
        assertThat(rc.message()).isEqualTo("**ERROR: resources.totalThreads (64) must be >= totalProcesses (128)");
        AixFailure dup = AixOutcomes.classify(fail(mk, 1,
                "mkwpar: 0960-105 network.address must be unique across all workload partitions.\n"));
        assertThat(dup.outcome()).isEqualTo(AixOutcome.HOSTNAME_OR_ADDRESS_IN_USE);
    }

    @Test
    void checkpointableErrorsWithExitZeroAreWarningsNotFailures() {
        AixCommand mk = AixCommand.of("mkwpar").flag("-n", WparName.of("test")).flag("-c").flag("-F").build();
        AixResult<Void> r = AixOutcomes.interpret(Transcripts.ok("mkwpar-checkpointable-F.txt", mk));
        assertThat(r.isOk()).isTrue();
        assertThat(((AixResult.Ok<Void>) r).messages()).extracting(AixMessage::outcome)
                .containsOnly(AixOutcome.NOT_CHECKPOINTABLE).hasSize(4);
        assertThat(AixOutcomes.classify(Transcripts.failed("mkwpar-checkpointable-F.txt", mk, 1)).outcome())
                .isEqualTo(AixOutcome.NOT_CHECKPOINTABLE);
    }

    @Test
    void rbacFilesetsAndSubsystems() {
        AixFailure denied = AixOutcomes.classify(Transcripts.failed("startwpar-denied.txt",
                WparLifecycle.startwpar(WPR00), 126));
        assertThat(denied.outcome()).isEqualTo(AixOutcome.PERMISSION_DENIED);
        assertThat(denied.messageId()).isEqualTo("0403-006");
        AixFailure lslpp = AixOutcomes.classify(new CommandResult("lpar00", "lslpp -L bos.net.mobip6.rte", 1,
                Transcripts.output("lslpp-not-installed.txt"), "", Duration.ZERO));
        assertThat(lslpp.outcome()).isEqualTo(AixOutcome.FILESET_NOT_INSTALLED);
        assertThat(lslpp.message()).isEqualTo("lslpp: 0504-132 Fileset bos.net.mobip6.rte not installed.");
        assertThat(AixOutcomes.classify(Transcripts.failed("lssrc-xntpd-missing.txt",
                SystemInfo.lssrc(SubsystemName.of("xntpd")), 1)).outcome()).isEqualTo(AixOutcome.SUBSYSTEM_NOT_FOUND);
    }

    @Test
    void missingMcrAndMissingCommands() {
        AixCommand move = WparMobility.abort(WparName.of("wpr01"));
        AixFailure mcr = AixOutcomes.classify(fail(move, 127, "ksh: /opt/mcr/bin/movewpar:  not found.\n"));
        assertThat(mcr.outcome()).isEqualTo(AixOutcome.MCR_NOT_INSTALLED);
        assertThat(mcr.message()).isEqualTo("ksh: /opt/mcr/bin/movewpar:  not found.");
        assertThat(AixOutcomes.classify(fail(Lswpar.table(), 127, "sh: lswpar: command not found\n")).outcome())
                .isEqualTo(AixOutcome.COMMAND_NOT_FOUND);
    }

    @Test
    void bookSilentFailuresByText() {
        AixCommand start = WparLifecycle.startwpar(WparName.of("ghost"));
        assertThat(AixOutcomes.classify(fail(start, 1, "startwpar: 0960-419 Could not find a workload partition called ghost.\n"))
                .outcome()).isEqualTo(AixOutcome.WPAR_NOT_FOUND);
        assertThat(AixOutcomes.classify(fail(start, 1, "mkwpar: Workload partition wpr00 already exists.\n")).outcome())
                .isEqualTo(AixOutcome.WPAR_NAME_TAKEN);
        assertThat(AixOutcomes.classify(fail(start, 1,
                "0516-404 allocp: This system cannot fulfill the allocation request.\n")).outcome())
                .isEqualTo(AixOutcome.NOT_ENOUGH_SPACE);
        assertThat(AixOutcomes.classify(fail(start, 1, "savewpar: There is not enough space in /backup.\n")).outcome())
                .isEqualTo(AixOutcome.NOT_ENOUGH_SPACE);
        AixCommand rest = WparBackup.restwpar(new WparBackup.RestwparRequest(AbsolutePath.of("/backup/none.save"), null,
                null, null, null, null, false));
        assertThat(AixOutcomes.classify(fail(rest, 1, "restwpar: Cannot open /backup/none.save: No such file or directory\n"))
                .outcome()).isEqualTo(AixOutcome.IMAGE_NOT_FOUND);
        assertThat(AixOutcomes.classify(fail(rest, 1, "restore: 0511-123 The volume on /backup/x is not in backup format.\n"))
                .outcome()).isEqualTo(AixOutcome.IMAGE_CORRUPT);
        assertThat(AixOutcomes.classify(fail(WparMobility.setclock(IpAddress.of("9.3.5.127")), 1,
                "setclock: Unable to connect to the time server\n")).outcome()).isEqualTo(AixOutcome.CLOCK_SYNC_FAILED);
        assertThat(AixOutcomes.classify(fail(start, 1, "startwpar: Workload partition ghost is not in the Defined state.\n"))
                .outcome()).isEqualTo(AixOutcome.WRONG_STATE);
    }

    @Test
    void unknownFailuresCarryTheFirstStderrLine() {
        AixFailure f = AixOutcomes.classify(fail(Lswpar.table(), 3, "\n*****\nsomething odd happened\nmore\n"));
        assertThat(f.outcome()).isEqualTo(AixOutcome.COMMAND_FAILED);
        assertThat(f.outcome().isBusiness()).isFalse();
        assertThat(f.message()).isEqualTo("something odd happened");
        assertThat(f.exitStatus()).isEqualTo(3);
        AixFailure unknownId = AixOutcomes.classify(fail(Lswpar.table(), 1, "lswpar: 0960-999 New message.\n"));
        assertThat(unknownId.outcome()).isEqualTo(AixOutcome.COMMAND_FAILED);
        assertThat(unknownId.messageId()).isEqualTo("0960-999");
        AixFailure empty = AixOutcomes.classify(fail(Lswpar.table(), 1, ""));
        assertThat(empty.message()).isEmpty();
    }

    @Test
    void everyTableSampleScansToItsOwnId() {
        for (AixMessages.Entry e : AixMessages.table().values()) {
            List<AixMessage> found = AixMessages.scan(e.sample());
            assertThat(found).as(e.id()).extracting(AixMessage::id).contains(e.id());
            assertThat(e.source()).isNotBlank();
        }
        assertThat(AixMessages.table()).containsKeys("0960-246", "0960-053", "0960-002", "0960-318", "0960-105",
                "0960-100", "0960-390", "0960-261", "0512-038", "0513-059", "0513-044", "0504-132", "0403-006");
    }

    @Test
    void scanningDoesNotMistakeLevelsAndDatesForIds() {
        assertThat(AixMessages.scan("6100-02-01-0847\n")).isEmpty();
        assertThat(AixMessages.scan("E 2008-06-30 22:32:48 606324 mkwpar test\n")).isEmpty();
        assertThat(AixMessages.scan("ksh: startwpar: 0403-006 Execute permission denied.")).singleElement()
                .satisfies(m -> {
                    assertThat(m.source()).isEqualTo("startwpar");
                    assertThat(m.text()).isEqualTo("Execute permission denied.");
                });
    }

    @Test
    void mapAndValueAccessors() {
        AixResult<Integer> ok = AixResult.ok(2, List.of());
        assertThat(ok.map(i -> i * 2).value()).isEqualTo(4);
        assertThat(ok.outcome()).isNull();
        AixResult<Integer> bad = AixResult.failed(new AixFailure(AixOutcome.WPAR_NOT_FOUND, null, "x", "h", "c", 1, null));
        assertThat(bad.map(i -> i * 2).outcome()).isEqualTo(AixOutcome.WPAR_NOT_FOUND);
        org.assertj.core.api.Assertions.assertThatThrownBy(bad::value).hasMessageContaining("WPAR_NOT_FOUND");
    }
}
