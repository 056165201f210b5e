package dev.wparflow.process.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.wparflow.aix.WparName;
import dev.wparflow.process.checkpoint.WparCheckpointService.Facts;
import dev.wparflow.process.checkpoint.schedule.CheckpointSchedules;

/** The plan's commands, the outcome rule and the schedule entries of wparflow.checkpoint.schedules. */
class WparCheckpointServiceTest {

    static final WparName MOB01 = WparName.of("mob01");
    static final String DIR = "/images/checkpoints/mob01-20261205T120000";

    @Test
    void theCommandsOfACheckpointAndOfARestartElsewhere() {
        assertThat(WparCheckpointService.commands(false, "lpar00", MOB01, new Facts(DIR, "lpar00", true), true))
                .containsExactly("lpar00: mkwpar -w -o " + DIR + "/wpar.spec -e mob01",
                        "lpar00: /opt/mcr/bin/chkptwpar -k -d " + DIR + " mob01", "lpar00: du -s -k " + DIR);
        assertThat(WparCheckpointService.commands(true, "lpar01", MOB01, new Facts(DIR, "lpar00", true), false))
                .containsExactly("lpar01: mkwpar -p -f " + DIR + "/wpar.spec",
                        "lpar01: /opt/mcr/bin/restartwpar -d " + DIR + " mob01", "lpar00: rmwpar -p mob01");
        assertThat(WparCheckpointService.commands(true, "lpar00", MOB01, new Facts(DIR, "lpar00", true), false))
                .containsExactly("lpar00: /opt/mcr/bin/restartwpar -d " + DIR + " mob01");
        assertThat(WparCheckpointService.plan(true, "lpar01", MOB01, new Facts(DIR, "lpar00", true), false, "night"))
                .contains("Restart mob01 on lpar01 from " + DIR + " (checkpointed on lpar00)", "Reason: night",
                        "Then: mob01 is Active on lpar01 and no longer defined on lpar00");
    }

    @Test
    void outcomes() {
        assertThat(WparCheckpointService.outcome(false, "lpar00", MOB01, 3L, DIR, null, null, null, "lpar00: chkptwpar",
                null, null).outcome()).isEqualTo("CHECKPOINTED");
        assertThat(WparCheckpointService.outcome(true, "lpar01", MOB01, 3L, DIR, null, null, "approve", "x", "bob",
                null).reason()).startsWith("mob01 restarted on lpar01 from checkpoint 3");
        assertThat(WparCheckpointService.outcome(true, "lpar01", MOB01, 3L, DIR, null, null, "reject", null, "bob",
                "not tonight").outcome()).isEqualTo("REJECTED");
        assertThat(WparCheckpointService.outcome(false, "lpar00", MOB01, null, DIR, "NOT_CHECKPOINTABLE", "no", null,
                null, null, null).reason()).isEqualTo("NOT_CHECKPOINTABLE: no; nothing was changed");
        assertThat(WparCheckpointService.outcome(true, "lpar01", MOB01, 3L, DIR, "VERIFY_FAILED", "not Active",
                "approve", "lpar01: restartwpar", null, null).outcome()).isEqualTo("FAILED");
    }

    @Test
    void scheduleEntries() {
        CheckpointSchedules.Schedule s = CheckpointSchedules.parse(" lpar00/mob01:PT6H:3 ");
        assertThat(s.lpar()).isEqualTo("lpar00");
        assertThat(s.wpar()).isEqualTo("mob01");
        assertThat(s.interval()).isEqualTo("PT6H");
        assertThat(s.keep()).isEqualTo(3);
        assertThatThrownBy(() -> CheckpointSchedules.parse("lpar00:mob01:PT6H:3"))
                .hasMessageContaining("LPAR/WPAR:INTERVAL:KEEP");
        assertThatThrownBy(() -> CheckpointSchedules.parse("lpar00/mob01:6h:3")).hasMessageContaining("6h");
        assertThatThrownBy(() -> CheckpointSchedules.parse("lpar00/mob01:PT6H:many")).hasMessageContaining("many");
    }
}
