package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class WparSpecTest {

    /** Example 7-17's kenny.cf (RB:10967-11007) with a mount stanza and a wrapped privs value as in Example 7-1. */
    static final String KENNY = """
            general:
            name = "kenny"
            checkpointable = "no"
            hostname = "kenny"
            privateusr = "no"
            directory = "/wpars/kenny"
            auto = "no"
            routing = "no"

            network:
            broadcast = "9.3.63.255"
            interface = "en0"
            netmask = "255.255.255.0"
            address = "9.3.63.26"

            resources:
            active = "yes"

            mount:
            logname = "INLINE"
            dev = "/dev/fslv04"
            directory = "/var"
            vfs = "jfs2"
            vg = "rootvg"
            size = "262144"

            mount:
            dev = "/usr"
            directory = "/usr"
            vfs = "namefs"
            mountopts = "ro"

            security:
            privs = "PV_AU_,PV_AU_ADD,PV_AU_ADMIN
            ,PV_DAC_,PV_DAC_GID"
            """;

    @Test
    void readsWhatTheBookPrints() {
        WparSpec spec = WparSpec.parse(KENNY);
        assertThat(spec.name()).contains("kenny");
        assertThat(spec.hostname()).contains("kenny");
        assertThat(spec.addresses()).containsExactly("9.3.63.26");
        assertThat(spec.interfaces()).containsExactly("en0");
        assertThat(spec.checkpointable()).isFalse();
        assertThat(spec.localFileSystemsMb()).isEqualTo(128);
        assertThat(spec.volumeGroups()).containsExactly("rootvg");
        assertThat(spec.resourceControls().active()).isTrue();
        assertThat(spec.stanzas().get(spec.stanzas().size() - 1).get("privs"))
                .isEqualTo("PV_AU_,PV_AU_ADD,PV_AU_ADMIN,PV_DAC_,PV_DAC_GID");
    }

    @Test
    void aCopyForAnotherWparGetsItsOwnIdentityDirectoryAndLogicalVolumes() {
        WparSpec copy = WparSpec.parse(KENNY).forWpar(WparName.of("kyle"), HostName.of("kyle.example.com"), null)
                .withNetwork(new NetworkSpec(IpAddress.of("9.3.63.27"), InterfaceName.of("en0"),
                        IpAddress.of("255.255.255.0"), null, null))
                .withCheckpointable(true)
                .withResourceControls(new ResourceControls(null, 20, ResourceControls.Limits.parse("cpu", "5%-30%,45%"),
                        null, null, 1024L, 2000L, 4000L));
        WparSpec again = WparSpec.parse(copy.render());
        assertThat(again.name()).contains("kyle");
        assertThat(again.hostname()).contains("kyle.example.com");
        assertThat(again.general("directory")).contains("/wpars/kyle");
        assertThat(again.addresses()).containsExactly("9.3.63.27");
        assertThat(again.checkpointable()).isTrue();
        assertThat(again.stanzas()).filteredOn(s -> s.name().equals("mount") && s.get("vg") != null)
                .allSatisfy(s -> assertThat(s.get("dev")).isNull());
        ResourceControls rc = again.resourceControls();
        assertThat(rc.sharesCpu()).isEqualTo(20);
        assertThat(rc.cpuMinimum()).isEqualByComparingTo(BigDecimal.valueOf(5));
        assertThat(rc.procVirtMemMb()).isEqualTo(1024L);
        assertThat(rc.totalThreads()).isEqualTo(4000L);
        assertThat(again.render()).contains("\tCPU = \"5%-30%,45%\"");
    }

    @Test
    void aNetworkIsAddedAfterGeneralWhenTheSpecHasNone() {
        WparSpec spec = WparSpec.parse("general:\n\tname = \"a\"\n\nmount:\n\tdirectory = \"/\"\n")
                .withNetwork(NetworkSpec.address(IpAddress.of("10.0.0.5")));
        assertThat(spec.stanzas()).extracting(WparSpec.Stanza::name).containsExactly("general", "network", "mount");
    }

    @Test
    void refusesWhatMkwparCouldNotRead() {
        assertThatThrownBy(() -> WparSpec.parse("name = \"x\"\n")).hasMessageContaining("inside a stanza");
        assertThatThrownBy(() -> WparSpec.parse("network:\n\taddress = \"1.2.3.4\"\n")).hasMessageContaining("general");
        assertThatThrownBy(() -> WparSpec.parse("general:\n\tname = \"x\n")).hasMessageContaining("never closed");
        // Example 7-1's malformed application line (RB:9302)
        assertThatThrownBy(() -> WparSpec.parse("general:\napplication = /usr/sbin/apachectl start privateusr = \"no\"\n"))
                .hasMessageContaining("quoted as a whole");
        assertThatThrownBy(() -> WparSpec.parse("general:\n\tname = \"x\"\nmount:\n\tvg = \"rootvg\"\n\tsize = \"1;rm\"\n")
                .localFileSystemsMb()).hasMessageContaining("512-byte blocks");
    }
}
