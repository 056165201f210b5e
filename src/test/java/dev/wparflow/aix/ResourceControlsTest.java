package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ResourceControlsTest {

    /** Example 8-2 (RB:11642-11668) and a second WPAR with procVirtMem=1TB as Example 8-5 shows it (RB:11874-11896). */
    static final String LSWPAR_R = """
            =================================================================
            MySysWpar - Active
            =================================================================
            Active:                            yes
            RSet:
            CPU Shares:                        10
            CPU Limits:                        6%-30%,45%
            Memory Shares:                     unlimited
            Memory Limits:                     0%-100%,100%
            Per-Process Virtual Memory Limit:  unlimited
            Total Processes:                   unlimited
            Total Threads:                     unlimited

            =================================================================
            other - Defined
            =================================================================
            Active:                            yes
            RSet:
            CPU Shares:                        unlimited
            CPU Limits:                        0%-100%,100%
            Memory Shares:                     unlimited
            Memory Limits:                     0%-100%,100%
            Per-Process Virtual Memory Limit:  1048576MB
            Total Processes:                   128
            Total Threads:                     512
            """;

    @Test
    void parsesLswparR() {
        Map<String, ResourceControls> r = Lswpar.parseResources(LSWPAR_R);
        assertThat(r).containsOnlyKeys("MySysWpar", "other");
        ResourceControls my = r.get("MySysWpar");
        assertThat(my.sharesCpu()).isEqualTo(10);
        assertThat(my.cpu().toString()).isEqualTo("6%-30%,45%");
        assertThat(my.sharesMemory()).isNull();
        assertThat(my.totalThreads()).isNull();
        assertThat(r.get("other").procVirtMemMb()).isEqualTo(1048576L);
        assertThat(r.get("other").totalProcesses()).isEqualTo(128L);
    }

    @Test
    void chwparRCarriesOnlyTheControlsSet() {
        ResourceControls rc = new ResourceControls(null, 30, ResourceControls.Limits.parse("cpu", "6%-30%,45%"), null,
                null, ResourceControls.parseSizeMb("procVirtMem", "1TB"), null, null);
        assertThat(Lswpar.resources(List.of()).commandLine()).isEqualTo("lswpar -R");
        assertThat(rc.attributes().words()).containsExactly("shares_CPU=30", "CPU=6%-30%,45%", "procVirtMem=1048576MB");
    }

    @Test
    void theBooksRulesAreChecked() {
        assertThatThrownBy(() -> ResourceControls.Limits.parse("cpu", "40%-30%,45%")).hasMessageContaining("soft maximum");
        assertThatThrownBy(() -> ResourceControls.Limits.parse("cpu", "10%-50%,45%")).hasMessageContaining("hard maximum");
        assertThatThrownBy(() -> ResourceControls.Limits.parse("cpu", "10.123%-50%,60%")).hasMessageContaining("MIN%");
        assertThatThrownBy(() -> ResourceControls.Limits.parse("cpu", "10%-50%,160%")).hasMessageContaining("0-100");
        assertThatThrownBy(() -> new ResourceControls(null, 0, null, null, null, null, null, null))
                .hasMessageContaining("sharesCpu");
        assertThatThrownBy(() -> new ResourceControls(null, null, null, null, null, null, 100L, 50L))
                .hasMessageContaining("totalProcesses");
        assertThat(ResourceControls.Limits.parse("cpu", "5.25%-30%,45%").minimum()).isEqualByComparingTo("5.25");
    }

    @Test
    void theMinimumsOfTheRunningWparsMustNotExceedAHundred() {
        ResourceControls sixty = new ResourceControls(null, null, ResourceControls.Limits.parse("cpu", "60%-80%,90%"),
                null, null, null, null, null);
        ResourceControls forty = new ResourceControls(null, null, ResourceControls.Limits.parse("cpu", "40%-80%,90%"),
                null, null, null, null, null);
        ResourceControls.checkSumOfMinimums("lpar00", List.of(sixty), forty);
        ResourceControls fortyOne = new ResourceControls(null, null,
                ResourceControls.Limits.parse("cpu", "40.01%-80%,90%"), null, null, null, null, null);
        assertThatThrownBy(() -> ResourceControls.checkSumOfMinimums("lpar00", List.of(sixty), fortyOne))
                .hasMessageContaining("100.01%");
        // a WPAR whose controls are not active (active=no) uses the defaults: minimum 0 (RB:10754)
        ResourceControls inactive = new ResourceControls(false, null, sixty.cpu(), null, null, null, null, null);
        ResourceControls.checkSumOfMinimums("lpar00", List.of(inactive, forty), sixty);
        assertThat(ResourceControls.none().cpuMinimum()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void whatLswparShowsAfterAChangeIsComparedWithTheRequestAsNumbers() {
        ResourceControls requested = ResourceControls.fromKeywordText("shares_CPU=30 CPU=6.50%-30%,45% procVirtMem=1TB");
        assertThat(requested.keywordText()).isEqualTo("shares_CPU=30 CPU=6.5%-30%,45% procVirtMem=1048576MB");
        ResourceControls shown = ResourceControls.fromKeywordText(
                "active=yes shares_CPU=30 CPU=6.5%-30%,45% memory=0%-100%,100% procVirtMem=1048576MB");
        assertThat(shown.differencesFrom(requested)).isEmpty();
        ResourceControls unchanged = ResourceControls.fromKeywordText("active=yes CPU=0%-100%,100%");
        assertThat(unchanged.differencesFrom(requested)).containsExactly(
                "shares_CPU: requested 30, lswpar -R shows unlimited",
                "CPU: requested 6.5%-30%,45%, lswpar -R shows 0%-100%,100%",
                "procVirtMem: requested 1048576MB, lswpar -R shows unlimited");
        assertThat(unchanged.unsetAmong(requested)).containsExactly(WparLifecycle.ResourceControl.SHARES_CPU,
                WparLifecycle.ResourceControl.PROC_VIRT_MEM);
        assertThat(unchanged.previousValuesOf(requested).keywordText()).isEqualTo("CPU=0%-100%,100%");
        assertThat(unchanged.shownWith(requested)).containsEntry("CPU", "6.5%-30%,45%")
                .containsEntry("memory", "unlimited").containsEntry("totalThreads", "unlimited");
        assertThat(WparLifecycle.resetResources(WparName.of("wpr10"), unchanged.unsetAmong(requested)).commandLine())
                .isEqualTo("chwpar -K -R shares_CPU procVirtMem wpr10");
        assertThat(WparLifecycle.changeResources(WparName.of("wpr10"), requested).commandLine())
                .isEqualTo("chwpar -R shares_CPU=30 CPU=6.5%-30%,45% procVirtMem=1048576MB wpr10");
    }
}
