package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.wparflow.ssh.CommandResult;

/** How a check reads a result: any parser failure is an "unknown format" naming the command and line. */
class PreflightCheckTest {

    static final PreflightCheck RESOURCES = new PreflightCheck("lswpar -R", Lswpar.resources(List.of()),
            Lswpar::parseResources);

    @Test
    void aNumberThatIsNotOneIsAnUnknownFormat() {
        String out = """
                =================================================================
                wpr00 - Active
                =================================================================
                CPU Shares:                        ten
                CPU Limits:                        5%-50%,60%
                Memory Limits:                     0%-100%,100%
                """;
        assertThatThrownBy(() -> RESOURCES.parse(out)).isInstanceOfSatisfying(UnexpectedOutputException.class, e -> {
            assertThat(e.getMessage()).isEqualTo(
                    "unknown format: lswpar -R, line 2: 'wpr00 - Active': WPAR wpr00: For input string: \"ten\"");
            assertThat(e.command()).isEqualTo("lswpar -R");
            assertThat(e.lineNumber()).isEqualTo(2);
        });
    }

    @Test
    void whatAParserThrowsBesidesUnexpectedOutputIsAnUnknownFormatToo() {
        PreflightCheck check = new PreflightCheck("oslevel -s", SystemInfo.oslevel(),
                out -> Integer.parseInt(out.strip()));
        assertThatThrownBy(() -> check.parse("\n7300-02\n")).isInstanceOfSatisfying(UnexpectedOutputException.class,
                e -> assertThat(e.getMessage()).startsWith(
                        "unknown format: oslevel -s, line 2: '7300-02': NumberFormatException: "));
    }

    @Test
    void anUnknownFormatIsUnexpectedOutputAndAnyExitParsesStdout() {
        CommandResult garbage = new CommandResult("lpar00", "oslevel -s", 0, "7.3.2.1\n", "", Duration.ofMillis(1));
        PreflightCheck oslevel = new PreflightCheck("oslevel -s", SystemInfo.oslevel(), SystemInfo::parseOslevel);
        AixResult<Object> r = oslevel.interpret(garbage);
        assertThat(r).isInstanceOfSatisfying(AixResult.Failed.class, f -> {
            assertThat(f.failure().outcome()).isEqualTo(AixOutcome.UNEXPECTED_OUTPUT);
            assertThat(f.failure().message()).startsWith("unknown format: oslevel -s, line 1: '7.3.2.1'");
        });

        // lslpp lists what is installed and exits 1 for the fileset that is not (0504-132)
        PreflightCheck lslpp = PreflightChecks.globalEnvironment(new PreflightChecks.GlobalEnvironment(List.of(), null))
                .stream().filter(c -> c.name().equals("lslpp -Lc")).findFirst().orElseThrow();
        CommandResult partly = new CommandResult("lpar00", lslpp.command().commandLine(), 1,
                AixFixtures.output("7.3", "lslpp-Lc"), "lslpp: 0504-132  Fileset mcr.rte not installed.\n",
                Duration.ofMillis(1));
        assertThat(lslpp.interpret(partly)).isInstanceOf(AixResult.Ok.class);
    }

    @Test
    void noDevmapIsNoNameMappedInterfaceAndOtherCatFailuresStayFailures() {
        PreflightCheck devmap = PreflightChecks.globalEnvironment(new PreflightChecks.GlobalEnvironment(List.of(), null))
                .stream().filter(c -> c.name().equals("cat /etc/wpars/devmap")).findFirst().orElseThrow();
        CommandResult none = new CommandResult("lpar05", "cat /etc/wpars/devmap", 2, "",
                "cat: 0652-050 Cannot open /etc/wpars/devmap.\n", Duration.ofMillis(1));
        assertThat(devmap.interpret(none)).isInstanceOfSatisfying(AixResult.Ok.class,
                ok -> assertThat(ok.value()).isEqualTo(java.util.Map.of()));

        CommandResult mapped = new CommandResult("lpar00", "cat /etc/wpars/devmap", 0,
                "# name mapped interfaces\ngordon_if1      en0\n", "", Duration.ofMillis(1));
        assertThat(devmap.interpret(mapped)).isInstanceOfSatisfying(AixResult.Ok.class,
                ok -> assertThat(ok.value()).isEqualTo(java.util.Map.of("gordon_if1", "en0")));

        CommandResult denied = new CommandResult("lpar00", "cat /etc/wpars/devmap", 126, "",
                "ksh: cat: 0403-006 Execute permission denied.\n", Duration.ofMillis(1));
        assertThat(devmap.interpret(denied)).isInstanceOfSatisfying(AixResult.Failed.class,
                f -> assertThat(f.failure().outcome()).isEqualTo(AixOutcome.PERMISSION_DENIED));

        CommandResult garbage = new CommandResult("lpar00", "cat /etc/wpars/devmap", 0, "gordon_if1 en0 en1\n", "",
                Duration.ofMillis(1));
        assertThat(devmap.interpret(garbage)).isInstanceOfSatisfying(AixResult.Failed.class,
                f -> assertThat(f.failure().outcome()).isEqualTo(AixOutcome.UNEXPECTED_OUTPUT));
    }

    @Test
    void theLswparLChecksNameTheFieldsTheParserDoesNotKnow() {
        PreflightCheck details = PreflightChecks.globalEnvironment(new PreflightChecks.GlobalEnvironment(
                List.of(WparName.of("wpr00")), null)).stream().filter(c -> c.name().equals("lswpar -L wpr00"))
                .findFirst().orElseThrow();
        String redbook = """
                =================================================================
                wpr03 - Active
                =================================================================
                GENERAL
                Type:                    S
                Owner:                   root
                Hostname:                wpr03
                WPAR-Specific Routing:   yes
                """;
        assertThat(details.ignored().apply(redbook)).isEmpty();
        assertThat(details.ignored().apply(redbook + "Virtual IP WPAR:         no\n"))
                .containsExactly("GENERAL: Virtual IP WPAR");
    }
}
