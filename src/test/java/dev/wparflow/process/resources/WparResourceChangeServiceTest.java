package dev.wparflow.process.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.wparflow.aix.AixCommand;
import dev.wparflow.aix.ResourceControls;
import dev.wparflow.aix.WparName;

/** The roll-back's commands, the outcome texts, the rule of the minimums with its numbers. */
class WparResourceChangeServiceTest {

    static final WparName WPR10 = WparName.of("wpr10");

    @Test
    void theRollBackResetsWhatWasNotSetAndSetsBackWhatWas() {
        ResourceControls before = ResourceControls.fromKeywordText(
                "active=yes shares_CPU=10 CPU=0%-100%,100% memory=0%-100%,100% totalProcesses=128");
        ResourceControls requested = ResourceControls.fromKeywordText(
                "shares_CPU=30 CPU=6%-30%,45% totalProcesses=256 totalThreads=512");
        assertThat(WparResourceChangeService.rollbackCommands(WPR10, before, requested)).extracting(
                AixCommand::commandLine).containsExactly("chwpar -K -R totalThreads wpr10",
                        "chwpar -R shares_CPU=10 CPU=0%-100%,100% totalProcesses=128 wpr10");
    }

    @Test
    void theMinimumsOfTheRunningWparsAreRefusedWithTheirNumbers() {
        Map<String, ResourceControls> running = Map.of(
                "wpr12", ResourceControls.fromKeywordText("CPU=60%-100%,100% memory=50%-60%,70%"),
                "wpr13", ResourceControls.fromKeywordText("active=no CPU=30%-100%,100%"));
        ResourceControls after = ResourceControls.fromKeywordText("CPU=45%-50%,60% memory=60%-70%,80%");
        List<String> over = ResourceControls.minimumsOver100("lpar00", running, "wpr10", after, 4096L);
        assertThat(over).containsExactly(
                "the CPU minimums of the running WPARs of lpar00 would add up to 105%: wpr10 45% (requested) + wpr12"
                        + " 60%; the sum must not exceed 100% (Redbook 8)",
                "the memory minimums of the running WPARs of lpar00 would add up to 110% (4506 MB of the LPAR's 4096"
                        + " MB): wpr10 60% (requested) + wpr12 50%; the sum must not exceed 100% (Redbook 8)");
        assertThat(ResourceControls.minimumsOver100("lpar00", running, "wpr10",
                ResourceControls.fromKeywordText("CPU=40%-50%,60%"), 4096L)).isEmpty();
    }

    @Test
    void theOutcomeSaysWhatHappened() {
        assertThat(WparResourceChangeService.outcome("lpar00", WPR10, null, null, true, null, false,
                "lpar00: chwpar -R shares_CPU=30 wpr10", "approver", "ok").reason())
                .isEqualTo("the resource controls of lpar00/wpr10 changed (approved by approver); lswpar -R shows"
                        + " them. Ran: lpar00: chwpar -R shares_CPU=30 wpr10");
        assertThat(WparResourceChangeService.outcome("lpar00", WPR10, "MINIMUMS_OVER_100", "105%", false, null,
                false, null, null, null)).isEqualTo(new WparResourceChangeService.Outcome("REFUSED",
                        "MINIMUMS_OVER_100: 105%; nothing was changed"));
        assertThat(WparResourceChangeService.outcome("lpar00", WPR10, null, null, false, "x", true, "c1\nc2", "a",
                "ok").outcome()).isEqualTo("FAILED");
        assertThat(WparResourceChangeService.outcome("lpar00", WPR10, null, null, false, null, false, null, "a",
                "no").outcome()).isEqualTo("REJECTED");
    }
}
