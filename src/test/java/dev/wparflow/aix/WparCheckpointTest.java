package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.wparflow.aix.WparMobility.AfterCheckpoint;

/** The checkpoint commands as the host receives them, and their parsers. */
class WparCheckpointTest {

    static final AbsolutePath DIR = AbsolutePath.of("/images/checkpoints/mob01-20261205T120000");

    @Test
    void commandLines() {
        WparName mob01 = WparName.of("mob01");
        assertThat(WparMobility.checkpoint(mob01, DIR, AfterCheckpoint.KILL).commandLine())
                .isEqualTo("/opt/mcr/bin/chkptwpar -k -d /images/checkpoints/mob01-20261205T120000 mob01");
        assertThat(WparMobility.checkpoint(mob01, DIR, AfterCheckpoint.CONTINUE).commandLine())
                .isEqualTo("/opt/mcr/bin/chkptwpar -d /images/checkpoints/mob01-20261205T120000 mob01");
        assertThat(WparCheckpoint.spec(DIR).value()).isEqualTo(DIR.value() + "/wpar.spec");
        assertThat(WparCheckpoint.diskUsage(DIR).commandLine()).isEqualTo("du -s -k " + DIR.value());
        assertThat(WparCheckpoint.removeDirectory(DIR).commandLine()).isEqualTo("rm -r -f -- " + DIR.value());
    }

    @Test
    void diskUsage() {
        assertThat(WparCheckpoint.parseDiskUsageKb("2048\t/images/checkpoints/mob01-1\n")).isEqualTo(2048);
        assertThat(WparCheckpoint.parseDiskUsageKb("  17 /x\n")).isEqualTo(17);
        assertThatThrownBy(() -> WparCheckpoint.parseDiskUsageKb("du: 0653-175 Cannot find the file /x.\n"))
                .isInstanceOf(UnexpectedOutputException.class);
    }

    @Test
    void theWparACheckpointIsOf() {
        String spec = """
                general:
                \tname = "mob01"
                \thostname = "mob01"
                \tcheckpointable = "yes"
                """;
        assertThat(WparCheckpoint.parseWparName(spec)).isEqualTo("mob01");
        assertThatThrownBy(() -> WparCheckpoint.parseWparName("general:\n\thostname = \"x\"\n"))
                .isInstanceOf(UnexpectedOutputException.class);
        assertThatThrownBy(() -> WparCheckpoint.parseWparName("not a spec"))
                .isInstanceOf(UnexpectedOutputException.class);
    }
}
