package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each parser over the AIX 7.1, 7.2 and 7.3 outputs of src/test/resources/aix-fixtures (IBM's command references, as
 * each file's Source line says), and over outputs it must refuse with an "unknown format" naming command and line.
 */
class AixFixturesTest {

    static final List<LswparField> ALL = PreflightChecks.LSWPAR_FIELD_LISTS.get(0);

    /** Fixture name → the production parser of that command. */
    static final Map<String, Function<String, ?>> PARSERS = Map.ofEntries(
            Map.entry("oslevel-s", SystemInfo::parseOslevel), Map.entry("lslpp-Lc", SystemInfo::parseLslpp),
            Map.entry("prtconf", SystemInfo::parsePrtconf), Map.entry("lsattr-El-sys0", SystemInfo::parseLsattr),
            Map.entry("lssrc-s-xntpd", SystemInfo::parseLssrc), Map.entry("lsvg", Lvm::parseVolumeGroupNames),
            Map.entry("lsvg-rootvg", Lvm::parseVolumeGroup), Map.entry("lsvg-datavg", Lvm::parseVolumeGroup),
            Map.entry("lsvg-l-rootvg", Lvm::parseLogicalVolumes), Map.entry("lsvg-l-datavg", Lvm::parseLogicalVolumes),
            Map.entry("df", AixFiles::parseMountPoints), Map.entry("mount", AixFiles::parseNfsMounts),
            Map.entry("lswpar-c", out -> Lswpar.parseDelimited(out, List.of())),
            Map.entry("lswpar-N", Lswpar::parseNetwork), Map.entry("lswpar-M", Lswpar::parseMounts),
            Map.entry("lswpar-R", Lswpar::parseResources), Map.entry("lswpar-L-wpr00", Lswpar::parseDetails),
            Map.entry("lswpar-L-wpr01", Lswpar::parseDetails), Map.entry("lssavewpar", WparBackup::parseListing),
            Map.entry("wparflow-run-version", WparflowRun::parseVersion), Map.entry("lsnim", Nim::parseList),
            Map.entry("lsnim-t-wpar", Nim::parseList), Map.entry("lsnim-l-wpr00", Nim::parseStanzas),
            Map.entry("lshmc-V", Hmc::parseVersion), Map.entry("lssyscfg-r-sys", Hmc::parseSystems),
            Map.entry("lssyscfg-r-lpar", Hmc::parseLpars), Map.entry("ifconfig-a", GlobalNetwork::parseIfconfig),
            Map.entry("netstat-in", GlobalNetwork::parseNetstatInterfaces),
            Map.entry("cat-etc-wpars-devmap", GlobalNetwork::parseDevmap),
            Map.entry("lsdev-C", Devices::parseConfigured), Map.entry("lswpar-D-wpr00", Devices::parseExported),
            Map.entry("lswpar-D-wpr01", Devices::parseExported));

    static List<Arguments> fixtures() {
        List<Arguments> all = new ArrayList<>();
        for (String level : AixFixtures.LEVELS) {
            for (Path f : AixFixtures.files(level)) {
                all.add(Arguments.of(level, f.getFileName().toString().replace(".txt", "")));
            }
        }
        return all;
    }

    @ParameterizedTest(name = "AIX {0}: {1}")
    @MethodSource("fixtures")
    void everyFixtureParses(String level, String name) {
        assertThat(AixFixtures.header(AixFixtures.ROOT.resolve(level).resolve(name + ".txt"), "Source")).isNotBlank();
        Function<String, ?> parser = PARSERS.get(name);
        assertThat(parser).as("a parser for fixture " + name).isNotNull();
        Object parsed = parser.apply(AixFixtures.output(level, name));
        assertThat(parsed).isNotNull();
        if (parsed instanceof List<?> l && !name.equals("lsvg-l-datavg")) {
            assertThat(l).as(name + " parsed to nothing").isNotEmpty();
        }
    }

    @ParameterizedTest(name = "AIX {0}")
    @MethodSource("levels")
    void valuesComeOutRight(String level) {
        SystemInfo.OsLevel os = SystemInfo.parseOslevel(AixFixtures.output(level, "oslevel-s"));
        assertThat(os.release()).isEqualTo(level.replace(".", "") + "00");

        assertThat(SystemInfo.parseLslpp(AixFixtures.output(level, "lslpp-Lc")))
                .extracting(SystemInfo.Fileset::fileset).contains("bos.rte", "bos.wpars", "bos.rte.libc");
        SystemInfo.Prtconf p = SystemInfo.parsePrtconf(AixFixtures.output(level, "prtconf"));
        assertThat(p.lparName()).isEqualTo("lpar07");
        assertThat(p.memoryMb()).isEqualTo(16384);
        assertThat(SystemInfo.parseLssrc(AixFixtures.output(level, "lssrc-s-xntpd")).get(0).isActive()).isTrue();

        Lvm.VolumeGroup rootvg = Lvm.parseVolumeGroup(AixFixtures.output(level, "lsvg-rootvg"));
        assertThat(rootvg.freeMegabytes()).isEqualTo(58240);
        assertThat(rootvg.ppSizeMb()).isEqualTo(128);
        assertThat(Lvm.parseLogicalVolumes(AixFixtures.output(level, "lsvg-l-rootvg")))
                .extracting(Lvm.LogicalVolume::mountPoint).contains("/var/adm/ras/livedump", "/wpars/wpr00");

        assertThat(AixFiles.parseMountPoints(AixFixtures.output(level, "df"))).contains("/images", "/wpars/wpr00");
        assertThat(AixFiles.parseNfsMounts(AixFixtures.output(level, "mount")))
                .containsExactly(new AixFiles.NfsMount("lpar02", "/images", "/images"));

        // the header names more fields than wparflow reads: each value stays with its name
        List<WparInfo> wpars = Lswpar.parseDelimited(AixFixtures.output(level, "lswpar-c"), List.of());
        assertThat(wpars).extracting(WparInfo::name).containsExactly("wpr00", "wpr01");
        assertThat(wpars).extracting(WparInfo::state).containsExactly(WparState.ACTIVE, WparState.DEFINED);
        assertThat(wpars.get(1).fields()).containsEntry("checkpointable", "yes").containsEntry("script",
                "/etc/wpr01.sh");

        WparDetails d = Lswpar.parseDetails(AixFixtures.output(level, "lswpar-L-wpr00"));
        assertThat(d.name()).isEqualTo("wpr00");
        assertThat(d.state()).isEqualTo(WparState.ACTIVE);
        assertThat(d.hostname()).contains("wpr00");
        assertThat(d.general("Checkpointable")).contains("no");
        assertThat(Lswpar.unknownDetails(AixFixtures.output(level, "lswpar-L-wpr00"))).contains(
                "GENERAL: UUID", "GENERAL: OStype", "section SECURITY SETTINGS", "section DEVICE EXPORTS");

        ResourceControls rc = Lswpar.parseResources(AixFixtures.output(level, "lswpar-R")).get("wpr00");
        assertThat(rc.sharesCpu()).isEqualTo(10);

        assertThat(Lswpar.parseNetwork(AixFixtures.output(level, "lswpar-N"))).extracting(WparNetwork::address)
                .containsExactly("192.0.2.40", "192.0.2.41");
        assertThat(WparBackup.parseListing(AixFixtures.output(level, "lssavewpar")))
                .contains("./.savewpar_dir/wpar.spec", "./.savewpar_dir/image.data");
        assertThat(Nim.parseStanzas(AixFixtures.output(level, "lsnim-l-wpr00")).get(0).get("mgmt_profile1"))
                .isEqualTo("lpar07 wpr00");
        assertThat(Hmc.parseLpars(AixFixtures.output(level, "lssyscfg-r-lpar")).get(2).osVersion())
                .isEqualTo("Unknown, never booted");
        assertThat(Hmc.parseVersion(AixFixtures.output(level, "lshmc-V")).version()).isNotBlank();

        // the relocation compatibility check's reads of a global environment
        List<GlobalNetwork.Interface> interfaces = GlobalNetwork.parseIfconfig(AixFixtures.output(level, "ifconfig-a"));
        assertThat(interfaces).extracting(GlobalNetwork.Interface::name).containsExactly("en0", "en1", "lo0");
        assertThat(interfaces).extracting(GlobalNetwork.Interface::up).containsExactly(true, false, true);
        assertThat(interfaces.get(0).addresses()).containsExactly("192.0.2.17");
        assertThat(interfaces.get(2).addresses()).containsExactly("127.0.0.1", "::1%1/0");
        assertThat(GlobalNetwork.parseNetstatInterfaces(AixFixtures.output(level, "netstat-in")))
                .containsExactly("en0", "en1", "lo0");
        assertThat(GlobalNetwork.parseDevmap(AixFixtures.output(level, "cat-etc-wpars-devmap")))
                .containsExactly(Map.entry("gordon_if1", "en0"));
        assertThat(Devices.parseConfigured(AixFixtures.output(level, "lsdev-C")))
                .contains("sys0", "en0", "ent0", "hdisk0", "hdisk3", "inet0", "lo0", "wio0").doesNotContain("Name");
        List<Devices.Exported> exported = Devices.parseExported(AixFixtures.output(level, "lswpar-D-wpr00"));
        assertThat(exported).allSatisfy(e -> {
            assertThat(e.wpar()).isEqualTo("wpr00");
            assertThat(e.status()).isEqualTo("EXPORTED");
        });
        assertThat(exported).filteredOn(e -> !e.pseudo() && !"clone".equals(e.type()))
                .extracting(Devices.Exported::lsdevName, Devices.Exported::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hdisk3", "disk"));
        assertThat(exported).extracting(Devices.Exported::device).contains("/dev/null", "/dev/xti/tcp");
        assertThat(Devices.parseExported(AixFixtures.output(level, "lswpar-D-wpr01")))
                .allSatisfy(e -> assertThat(e.type()).isIn("pseudo", "clone"));
    }

    static List<String> levels() {
        return AixFixtures.LEVELS;
    }

    static List<Arguments> unknown() {
        return AixFixtures.files("unknown").stream().map(f -> Arguments.of(f.getFileName().toString(), f)).toList();
    }

    /** Fixture command → parser, for the outputs that must be refused. */
    static Function<String, ?> parserFor(String command) {
        if (command.startsWith("lswpar -c -q -a ")) {
            List<LswparField> fields = new ArrayList<>();
            for (String f : command.substring("lswpar -c -q -a ".length()).split(",")) {
                fields.add(LswparField.valueOf(f.toUpperCase()));
            }
            return out -> Lswpar.parseDelimited(out, fields);
        }
        String program = command.startsWith("lswpar -L") ? "lswpar -L"
                : command.startsWith("lswpar -D") ? "lswpar -D" : command.split(" -m ")[0];
        return switch (program) {
            case "lswpar -L" -> Lswpar::parseDetails;
            case "lswpar -D" -> Devices::parseExported;
            case "ifconfig -a" -> GlobalNetwork::parseIfconfig;
            case "netstat -in" -> GlobalNetwork::parseNetstatInterfaces;
            case "lswpar -N" -> Lswpar::parseNetwork;
            case "lswpar -R" -> Lswpar::parseResources;
            case "df" -> AixFiles::parseMountPoints;
            case "oslevel -s" -> SystemInfo::parseOslevel;
            case "lsnim" -> Nim::parseList;
            case "lssyscfg -r sys -F name,state,type_model,serial_num" -> Hmc::parseSystems;
            case "lsvg -l rootvg" -> Lvm::parseLogicalVolumes;
            case "lssrc -s xntpd" -> SystemInfo::parseLssrc;
            case "wparflow-run version" -> WparflowRun::parseVersion;
            default -> throw new IllegalArgumentException("no parser for fixture command " + command);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknown")
    void unknownFormatsNameCommandAndLine(String name, Path file) {
        String command = AixFixtures.header(file, "Command");
        String expect = AixFixtures.header(file, "Expect");
        assertThatThrownBy(() -> parserFor(command).apply(AixFixtures.body(file)))
                .isInstanceOfSatisfying(UnexpectedOutputException.class, e -> {
                    assertThat(e.getMessage()).startsWith(expect);
                    assertThat(e.isUnknownFormat()).isTrue();
                    assertThat(e.lineNumber()).isPositive();
                });
    }
}
