package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

    private static void rejects(Function<String, ?> ctor, String value, String ruleFragment) {
        assertThatThrownBy(() -> ctor.apply(value)).as("value %s", InvalidArgumentException.printable(String.valueOf(value)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining(ruleFragment);
    }

    @Test
    void wparNamesFollowAixRules() {
        for (String ok : List.of("wpr00", "skippy", "MySysWpar", "chkpt_test", "a-b", "x".repeat(25), "a$b", "w@x",
                "n%1", "q?", "h#1")) {
            assertThat(WparName.of(ok).value()).isEqualTo(ok);
        }
        for (char c : Validators.WPAR_FORBIDDEN.toCharArray()) {
            rejects(WparName::of, "ab" + c + "cd", "must not contain '" + c + "'");
        }
        rejects(WparName::of, "x".repeat(26), "at most 25 bytes");
        rejects(WparName::of, "-rf", "must not start with '-' or '0'");
        rejects(WparName::of, "0abc", "must not start with '-' or '0'");
        rejects(WparName::of, "a b", "white space");
        rejects(WparName::of, "a\tb", "control");
        rejects(WparName::of, "a\nb", "newline");
        rejects(WparName::of, "a\0b", "NUL");
        rejects(WparName::of, "a\u00a0b", "white space");
        rejects(WparName::of, "caf\u00e9", "ASCII");
        rejects(WparName::of, "", "must not be empty");
        assertThatThrownBy(() -> WparName.of(null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("wparName").hasMessageContaining("required");
    }

    @Test
    void theExceptionNamesArgumentValueAndRuleAndEscapesTheValue() {
        InvalidArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidArgumentException.class,
                () -> WparName.of("bad;\nname"));
        assertThat(e.argument()).isEqualTo("wparName");
        assertThat(e.value()).isEqualTo("bad;\\nname");
        assertThat(e.rule()).isNotBlank();
        assertThat(e.getMessage()).startsWith("wparName \"bad;\\nname\" is invalid: ").doesNotContain("\n");
        assertThat(InvalidArgumentException.printable("\u0007\u00e9" + "x".repeat(100))).startsWith("\\x07\\u00e9")
                .endsWith("(102 chars)");
    }

    @Test
    void hostNamesAreRfc1123() {
        for (String ok : List.of("lpar00", "lpar03.austin.ibm.com", "a", "x-1.y-2", "1host", "a".repeat(63) + ".b",
                "fqdn.example.com.")) {
            assertThat(HostName.of(ok).value()).isEqualTo(ok);
        }
        rejects(HostName::of, "-lead", "RFC 1123");
        rejects(HostName::of, "trail-", "RFC 1123");
        rejects(HostName::of, "under_score", "RFC 1123");
        rejects(HostName::of, "a..b", "empty label");
        rejects(HostName::of, "a".repeat(64), "RFC 1123");
        rejects(HostName::of, ("a".repeat(60) + ".").repeat(5), "255");
        rejects(HostName::of, "host name", "RFC 1123");
        rejects(HostName::of, "$(id)", "RFC 1123");
    }

    @Test
    void ipAddressesAreParsedTextually() {
        for (String ok : List.of("9.3.5.127", "0.0.0.0", "255.255.255.255", "::1", "::", "fe80::1",
                "2001:db8:0:0:0:0:2:1", "2001:db8::2:1", "::ffff:10.0.0.5", "1:2:3:4:5:6:7:8", "1::8")) {
            assertThat(IpAddress.of(ok).value()).isEqualTo(ok);
        }
        for (String bad : List.of("256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.-4", "a.b.c.d", "lpar00",
                "1:2:3:4:5:6:7:8:9", "1::2::3", "fe80::1%en0", "12345::", ":::", "1:2:3:4:5:6:7", "::ffff:1.2.3.256",
                " 1.2.3.4", "1.2.3.4;")) {
            assertThatThrownBy(() -> IpAddress.of(bad)).as(bad).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("ipAddress");
        }
        assertThat(IpAddress.of("fe80::1").isIpv6()).isTrue();
        assertThat(IpAddress.of("255.255.254.0").isIpv4Netmask()).isTrue();
        assertThat(IpAddress.of("255.0.255.0").isIpv4Netmask()).isFalse();
    }

    @Test
    void pathsAreAbsoluteWithoutDotDotOrMetacharacters() {
        for (String ok : List.of("/", "/wpars/wpr00", "/wpar_share/newcastle/", "/backup/wpr00.save",
                "/usr/sys/inst.images/skippy_swpr", "/tmp/a+b,c@d%e:f")) {
            assertThat(AbsolutePath.of(ok).value()).isEqualTo(ok);
        }
        rejects(AbsolutePath::of, "relative/x", "absolute");
        rejects(AbsolutePath::of, "/a/../etc", "'..'");
        rejects(AbsolutePath::of, "/..", "'..'");
        rejects(AbsolutePath::of, "/a b", "shell metacharacters");
        rejects(AbsolutePath::of, "/a;reboot", "shell metacharacters");
        rejects(AbsolutePath::of, "/a$(x)", "shell metacharacters");
        rejects(AbsolutePath::of, "/a=b", "shell metacharacters");
        rejects(AbsolutePath::of, "/a\nb", "newline");
        rejects(AbsolutePath::of, "/a\0b", "NUL");
        rejects(AbsolutePath::of, "/" + "a".repeat(1023), "1023");
        assertThat(AbsolutePath.of("/a/..b/c..").value()).isEqualTo("/a/..b/c..");
    }

    @Test
    void volumeGroupsLogicalVolumesAndOtherNames() {
        assertThat(VolumeGroupName.of("datavg").value()).isEqualTo("datavg");
        rejects(VolumeGroupName::of, "x".repeat(16), "15");
        rejects(VolumeGroupName::of, "-vg", "must not start with '-'");
        rejects(VolumeGroupName::of, "vg 1", "letters");
        assertThat(LogicalVolumeName.of("fslv00").value()).isEqualTo("fslv00");
        rejects(LogicalVolumeName::of, "fslv/00", "letters");
        assertThat(NimObjectName.of("610spot_res").value()).isEqualTo("610spot_res");
        rejects(NimObjectName::of, "x".repeat(40), "39");
        rejects(NimObjectName::of, "-x", "start with");
        assertThat(ManagedSystemName.of("9119-FHA*02A1B2C").value()).isEqualTo("9119-FHA*02A1B2C");
        rejects(ManagedSystemName::of, "p595 sydney", "HMC name");
        assertThat(LparName.of("lpar00").value()).isEqualTo("lpar00");
        assertThat(RunId.of("savewpar-wpr00.1").value()).isEqualTo("savewpar-wpr00.1");
        rejects(RunId::of, ".x", "must not start with '.'");
        rejects(RunId::of, "a/b", "letters");
        assertThat(FilesetName.of("bos.rte.libc").value()).isEqualTo("bos.rte.libc");
        rejects(FilesetName::of, "Java5*", "fileset");
        assertThat(SubsystemName.of("xntpd").value()).isEqualTo("xntpd");
        assertThat(InterfaceName.of("gordon_if1").value()).isEqualTo("gordon_if1");
        rejects(InterfaceName::of, "en0:1", "interface");
        assertThat(ConnectionKey.of("48693b810000db09").value()).isEqualTo("48693b810000db09");
        rejects(ConnectionKey::of, "xyz", "hexadecimal");
        assertThatThrownBy(() -> Pid.of(0)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("pid");
        assertThat(Pid.of(385230).value()).isEqualTo("385230");
    }

    @Test
    void mkwparOptionsForRestwparAreBuiltFromValidatedBareWords() {
        MkwparOptions o = MkwparOptions.builder().flag("-N", NetworkSpec.address(IpAddress.of("9.3.5.184")).attributes())
                .build();
        assertThat(o.asArgument()).isEqualTo("-N address=9.3.5.184");
        MkwparOptions m = MkwparOptions.builder().flag("-M",
                MountSpec.nfs(HostName.of("lpar02"), AbsolutePath.of("/wpar_share/newcastle/"), AbsolutePath.of("/"))
                        .attributes()).build();
        assertThat(m.asArgument()).isEqualTo("-M dev=/wpar_share/newcastle/ directory=/ host=lpar02 vfs=nfs");
        // a legal WPAR name with $ cannot travel inside restwpar -M, which re-splits the string
        assertThatThrownBy(() -> MkwparOptions.builder().flag("-n", WparName.of("a$b")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("restwpar -M");
        assertThatThrownBy(() -> MkwparOptions.builder().flag("--long")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> MkwparOptions.builder().build()).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void networkAndMountSpecsCheckTheirParts() {
        assertThatThrownBy(() -> new NetworkSpec(IpAddress.of("9.3.5.1"), null, IpAddress.of("255.0.255.0"), null,
                null)).hasMessageContaining("netmask");
        assertThatThrownBy(() -> new NetworkSpec(IpAddress.of("fe80::1"), null, null, 129, null))
                .hasMessageContaining("prefixLength");
        assertThatThrownBy(() -> new MountSpec(AbsolutePath.of("/"), MountSpec.Vfs.NFS, null, null, null))
                .hasMessageContaining("host");
        assertThatThrownBy(() -> new MountSpec(AbsolutePath.of("/usr"), MountSpec.Vfs.NAMEFS,
                AbsolutePath.of("/usr"), null, "ro;reboot")).hasMessageContaining("mountopts");
        assertThat(new NetworkSpec(IpAddress.of("9.3.5.188"), InterfaceName.of("gordon_if1"),
                IpAddress.of("255.255.254.0"), null, null).attributes().words())
                .containsExactly("address=9.3.5.188", "interface=gordon_if1", "netmask=255.255.254.0");
    }
}
