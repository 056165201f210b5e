package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LswparTest {

    private static final WparName WPR00 = WparName.of("wpr00");

    @Test
    void commands() {
        assertThat(Lswpar.table().commandLine()).isEqualTo("lswpar");
        assertThat(Lswpar.table(WparState.DEFINED, List.of(WPR00)).commandLine()).isEqualTo("lswpar -s D wpr00");
        assertThat(Lswpar.delimited(List.of(LswparField.NAME, LswparField.STATE), true, WparState.ACTIVE, List.of())
                .commandLine()).isEqualTo("lswpar -c -a name,state -q -s A");
        assertThat(Lswpar.delimited(null, false, null, List.of(WPR00)).commandLine()).isEqualTo("lswpar -c wpr00");
        assertThat(Lswpar.details(WparName.of("wpr03")).commandLine()).isEqualTo("lswpar -L wpr03");
        assertThat(Lswpar.network(List.of(WparName.of("gordon"))).commandLine()).isEqualTo("lswpar -N gordon");
        assertThat(Lswpar.mounts(List.of(WPR00)).commandLine()).isEqualTo("lswpar -M wpr00");
        assertThatThrownBy(() -> Lswpar.table(WparState.UNKNOWN, List.of())).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void defaultTableExample45() {
        assertThat(Lswpar.parseTable(Transcripts.output("lswpar-defined.txt"))).containsExactly(
                new WparInfo("wpr00", WparState.DEFINED, WparType.SYSTEM, "wpr00", "/wpars/wpr00",
                        java.util.Map.of("Name", "wpr00", "State", "D", "Type", "S", "Hostname", "wpr00", "Directory",
                                "/wpars/wpr00")));
    }

    @Test
    void tablesOfChapter4And7() {
        List<WparInfo> moving = Lswpar.parseTable(Transcripts.output("lswpar-moving.txt"));
        assertThat(moving).extracting(WparInfo::name, WparInfo::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("wpr01", WparState.TRANSITIONAL),
                        org.assertj.core.groups.Tuple.tuple("wpr03", WparState.ACTIVE));
        WparInfo app = Lswpar.parseTable(Transcripts.output("lswpar-app-transitional.txt")).get(0);
        assertThat(app.type()).isEqualTo(WparType.APPLICATION);
        assertThat(app.directory()).isEqualTo("/");
        assertThat(Lswpar.parseTable(Transcripts.output("lswpar-renamed.txt")).get(0))
                .extracting(WparInfo::name, WparInfo::hostname).containsExactly("mynewname", "wpr00");
        // Example 7-18 prints misaligned columns; white-space splitting still reads them
        assertThat(Lswpar.parseTable(Transcripts.output("lswpar-misaligned.txt")))
                .extracting(WparInfo::name, WparInfo::state, WparInfo::directory)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("gordon", WparState.ACTIVE, "/wpars/gordon"),
                        org.assertj.core.groups.Tuple.tuple("skippy", WparState.DEFINED, "/wpars/skippy"),
                        org.assertj.core.groups.Tuple.tuple("kenny", WparState.DEFINED, "/wpars/kenny"));
        assertThat(Lswpar.parseTable(Transcripts.output("lswpar-autorenamed.txt"))).extracting(WparInfo::name)
                .containsExactly("gordon", "kenny", "kenny2");
    }

    @Test
    void noWparsIsAnEmptyList() {
        assertThat(Lswpar.parseTable(Transcripts.output("lswpar-empty.txt"))).isEmpty();
        assertThat(Lswpar.parseTable("")).isEmpty();
        assertThat(Lswpar.parseDelimited("", null)).isEmpty();
    }

    @Test
    void delimitedByHeader() {
        List<WparInfo> l = Lswpar.parseDelimited(Transcripts.output("lswpar-c.txt"), null);
        assertThat(l).hasSize(3);
        assertThat(l.get(1)).extracting(WparInfo::name, WparInfo::state, WparInfo::type, WparInfo::hostname,
                WparInfo::directory).containsExactly("wpr01", WparState.ACTIVE, WparType.SYSTEM, "wpr01.austin.ibm.com",
                        "/wpars/wpr01");
        assertThat(l.get(2).type()).isEqualTo(WparType.APPLICATION);
    }

    @Test
    void delimitedWithoutHeaderUsesTheRequestedFields() {
        List<LswparField> f = List.of(LswparField.NAME, LswparField.STATE, LswparField.CHECKPOINTABLE);
        List<WparInfo> l = Lswpar.parseDelimited(Transcripts.output("lswpar-c-a-q.txt"), f);
        assertThat(l).extracting(WparInfo::name).containsExactly("wpr01", "wpr03");
        assertThat(l.get(0).fields()).containsEntry("checkpointable", "yes");
        assertThat(l.get(0).hostname()).isNull();
        assertThat(l.get(0).type()).isEqualTo(WparType.UNKNOWN);
    }

    @Test
    void delimitedHonoursEscapedColonsAndRejectsWrongFieldCounts() {
        List<WparInfo> l = Lswpar.parseDelimited("#name:address\nw1:fe80\\:\\:1\n", null);
        assertThat(l.get(0).fields()).containsEntry("address", "fe80::1");
        assertThatThrownBy(() -> Lswpar.parseDelimited("#name:state\nw1:A:extra\n", null))
                .isInstanceOf(UnexpectedOutputException.class);
    }

    @Test
    void longFormatExample619() {
        WparDetails d = Lswpar.parseDetails(Transcripts.output("lswpar-L-routes.txt"));
        assertThat(d.name()).isEqualTo("wpr03");
        assertThat(d.state()).isEqualTo(WparState.ACTIVE);
        assertThat(d.type()).isEqualTo(WparType.SYSTEM);
        assertThat(d.hostname()).contains("wpr03");
        assertThat(d.directory()).contains("/wpars/wpr03");
        assertThat(d.checkpointable()).contains(false);
        assertThat(d.privateUsr()).contains(false);
        assertThat(d.wparSpecificRouting()).contains(true);
        assertThat(d.general("Start/Stop Script")).contains("");
        assertThat(d.routes()).hasSize(1);
        assertThat(d.routes().get(0)).containsEntry("Type", "net").containsEntry("Destination", "1.1.0.0/16")
                .containsEntry("Gateway", "1.1.1.10").containsEntry("Interface", "en0");
    }

    @Test
    void longFormatWithNetworkTable() {
        String out = "=================================================================\n"
                + "wpr04 - Defined\n"
                + "=================================================================\n"
                + "GENERAL\nType:                    S\nCheckpointable:          yes\n\n"
                + "NETWORK\n"
                + "Interface     Address(6)        Mask/Prefix       Broadcast\n"
                + "-----------------------------------------------------------------\n"
                + "en0           9.3.5.186         255.255.254.0     9.3.5.255\n";
        WparDetails d = Lswpar.parseDetails(out);
        assertThat(d.state()).isEqualTo(WparState.DEFINED);
        assertThat(d.checkpointable()).contains(true);
        assertThat(d.network()).singleElement().satisfies(r -> assertThat(r).containsEntry("Address(6)", "9.3.5.186"));
        assertThatThrownBy(() -> Lswpar.parseDetails("GENERAL\nType: S\n")).isInstanceOf(UnexpectedOutputException.class);
    }

    @Test
    void networkExample715() {
        assertThat(Lswpar.parseNetwork(Transcripts.output("lswpar-N.txt"))).containsExactly(
                new WparNetwork("gordon", "gordon_if1", "9.3.5.188", "255.255.254.0", "9.3.5.255"));
    }

    @Test
    void mountsWithEmptyNodename() {
        List<WparMount> m = Lswpar.parseMounts(Transcripts.output("lswpar-M.txt"));
        assertThat(m).hasSize(6);
        assertThat(m.get(0)).isEqualTo(new WparMount("wpr01", "/wpars/wpr01", "/wpar_share/wpr01", "nfs", "lpar02",
                "bg,intr"));
        assertThat(m.get(2)).isEqualTo(new WparMount("wpr01", "/wpars/wpr01/opt", "/opt", "namefs", "", "ro"));
        assertThat(m.get(4)).isEqualTo(new WparMount("wpr00", "/wpars/wpr00", "/dev/fslv00", "jfs2", "", ""));
    }

    @Test
    void statesAndTypes() {
        assertThat(WparState.values()).extracting(WparState::code)
                .containsExactly("D", "A", "B", "T", "P", "F", "L", "M", "N", "?");
        assertThat(WparState.parse("Active")).isEqualTo(WparState.ACTIVE);
        assertThat(WparState.parse("M")).isEqualTo(WparState.MOVING);
        assertThat(WparState.parse("X")).isEqualTo(WparState.UNKNOWN);
        assertThat(WparType.parse("S")).isEqualTo(WparType.SYSTEM);
        assertThat(WparType.parse("Z")).isEqualTo(WparType.UNKNOWN);
    }

    @Test
    void interpretedThroughAixOutcomes() {
        AixCommand c = Lswpar.table();
        AixResult<List<WparInfo>> r = AixOutcomes.interpret(Transcripts.ok("lswpar-moving.txt", c), Lswpar::parseTable);
        assertThat(r.isOk()).isTrue();
        assertThat(r.value()).hasSize(2);
        AixResult<List<WparInfo>> bad = AixOutcomes.interpret(
                new dev.wparflow.ssh.CommandResult("h", "lswpar", 0, "Foo Bar\n---\nx y\n", "", java.time.Duration.ZERO),
                Lswpar::parseTable);
        assertThat(bad.outcome()).isEqualTo(AixOutcome.UNEXPECTED_OUTPUT);
    }
}
