package dev.wparflow.process.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.wparflow.aix.InvalidArgumentException;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparState;

/** The request's parsing, the commands each WPAR gets in each state, the state it must end in, the findings' line. */
class WparLifecycleServiceTest {

    static final WparName W = WparName.of("wpr13");

    @Test
    void namesAreAixNamesWithoutDuplicates() {
        assertThat(WparName.commaList(" wpr10, wpr11,,wpr10 ")).containsExactly("wpr10", "wpr11");
        assertThatThrownBy(() -> WparName.commaList("wpr10;reboot")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> WparName.commaList("$(id)")).isInstanceOf(InvalidArgumentException.class);
        assertThat(WparLifecycleService.selectionRule("wpr10", false)).isNull();
        assertThat(WparLifecycleService.selectionRule(null, true)).isNull();
        assertThat(WparLifecycleService.selectionRule("wpr10", true)).contains("not both");
        assertThat(WparLifecycleService.selectionRule(" ", false)).contains("name the WPARs");
        assertThat(WparLifecycleService.drainWords("/usr/bin/stopsrc -g app")).containsExactly("/usr/bin/stopsrc",
                "-g", "app");
        assertThat(WparLifecycleService.drainWords(" ")).isNull();
        assertThatThrownBy(() -> WparLifecycleService.drainWords("stopsrc;rm")).isInstanceOf(
                InvalidArgumentException.class);
        assertThat(LifecycleAction.parse("Stop-Force")).isEqualTo(LifecycleAction.STOP_FORCE);
        assertThatThrownBy(() -> LifecycleAction.parse("halt")).isInstanceOf(LifecycleRefusal.class);
    }

    @Test
    void exactlyOneSelectionAndAnLparOnlyWithoutAGroup() {
        assertThat(WparLifecycleService.selectionRule(null, false, "sydney-web")).isNull();
        assertThat(WparLifecycleService.selectionRule("wpr10", false, " ")).isNull();
        assertThat(WparLifecycleService.selectionRule("wpr10", false, "sydney-web"))
                .contains("not both wpars and group");
        assertThat(WparLifecycleService.selectionRule(null, true, "sydney-web")).contains("allWpars and group");
        assertThat(WparLifecycleService.selectionRule("wpr10", true, "sydney-web"))
                .contains("wpars and allWpars and group");
        assertThat(WparLifecycleService.selectionRule(null, false, null)).contains("wpars", "allWpars", "group");
        assertThat(WparLifecycleService.lparRule(null, "sydney-web")).isNull();
        assertThat(WparLifecycleService.lparRule("lpar00", null)).isNull();
        assertThat(WparLifecycleService.lparRule("lpar00", "sydney-web")).startsWith("is not given with group");
        assertThat(WparLifecycleService.lparRule(" ", null)).startsWith("is required");
    }

    @Test
    void aGroupsMembersAreWhereTheInventoryFindsThemOnOneLparEach() {
        assertThat(WparLifecycleService.placements("web", List.of("web02", "web01"), Map.of("web01", List.of(
                "lpar01"), "web02", List.of("lpar00", "lpar00")))).containsExactly(Map.entry("web02", "lpar00"),
                        Map.entry("web01", "lpar01"));
        assertThatThrownBy(() -> WparLifecycleService.placements("web", List.of("web01", "web02"), Map.of("web01",
                List.of("lpar00"), "web02", List.of("lpar00", "lpar01"))))
                .isInstanceOfSatisfying(LifecycleRefusal.class, r -> assertThat(r.code()).isEqualTo(
                        "WPAR_ON_TWO_LPARS"))
                .hasMessageContaining("web02 (on lpar00 and lpar01)").hasMessageNotContaining("web01");
        assertThatThrownBy(() -> WparLifecycleService.placements("web", List.of("web01", "web03"), Map.of("web01",
                List.of("lpar00"))))
                .isInstanceOfSatisfying(LifecycleRefusal.class, r -> assertThat(r.code()).isEqualTo(
                        "WPARS_NOT_FOUND"))
                .hasMessageContaining("on no LPAR: web03");
        assertThatThrownBy(() -> WparLifecycleService.placements("web", List.of(), Map.of()))
                .isInstanceOfSatisfying(LifecycleRefusal.class, r -> assertThat(r.code()).isEqualTo("NO_WPARS"));
    }

    @Test
    void aGroupsSummaryPlanAndLinesNameTheGroupAndEachLpar() {
        Map<String, String> lpars = new java.util.LinkedHashMap<>();
        lpars.put("web01", "lpar00");
        lpars.put("web02", "lpar01");
        assertThat(WparLifecycleService.summary(null, "sydney-web", LifecycleAction.STOP, lpars))
                .isEqualTo("Stop relocation group sydney-web: 2 WPAR(s) on lpar00, lpar01");
        assertThat(WparLifecycleService.summary("lpar00", null, LifecycleAction.STOP, Map.of("wpr10", "lpar00")))
                .isEqualTo("Stop wpr10 on lpar00");
        LifecycleItems.Item item = new LifecycleItems.Item("op", "web02", "lpar01", 1, "stop", "DONE", "Active",
                "Defined", "lpar01: stopwpar web02", null, null);
        assertThat(WparLifecycleService.line(item, true)).isEqualTo(
                "lpar01/web02: Active → Defined (ran: lpar01: stopwpar web02)");
        assertThat(WparLifecycleService.line(item)).startsWith("web02: Active → Defined");
    }

    @Test
    void eachStateGetsItsCommands() {
        List<String> drain = List.of("stopsrc", "-g", "app");
        assertThat(WparLifecycleService.commands(W, LifecycleAction.STOP, WparState.ACTIVE, drain, false))
                .containsExactly("clogin wpr13 stopsrc -g app", "stopwpar wpr13");
        assertThat(WparLifecycleService.commands(W, LifecycleAction.STOP_FORCE, WparState.ACTIVE, null, false))
                .containsExactly("stopwpar -F wpr13");
        assertThat(WparLifecycleService.commands(W, LifecycleAction.STOP, WparState.DEFINED, null, false))
                .containsExactly("nothing (Defined)");
        assertThat(WparLifecycleService.commands(W, LifecycleAction.START, WparState.DEFINED, null, false))
                .containsExactly("startwpar wpr13");
        assertThat(WparLifecycleService.commands(W, LifecycleAction.REBOOT, WparState.ACTIVE, null, false))
                .containsExactly("rebootwpar wpr13");
        assertThat(WparLifecycleService.commands(W, LifecycleAction.REBOOT, WparState.DEFINED, null, false))
                .first().asString().contains("needs an Active WPAR");
        assertThat(WparLifecycleService.commands(W, LifecycleAction.RECOVER, WparState.BROKEN, null, true))
                .containsExactly("lswpar -L wpr13", "ls /var/adm/ras /var/adm/WPARs", "ps -ef -@ wpr13",
                        "lswpar -M wpr13", "stopwpar -F wpr13", "startwpar wpr13");
        assertThat(WparLifecycleService.commands(W, LifecycleAction.STOP, WparState.TRANSITIONAL, drain, false))
                .endsWith("stopwpar -F wpr13").doesNotContain("clogin wpr13 stopsrc -g app");
    }

    @Test
    void theStateEachActionMustLeave() {
        assertThat(WparLifecycleService.wanted(LifecycleAction.STOP, WparState.BROKEN, false))
                .isEqualTo(WparState.DEFINED);
        assertThat(WparLifecycleService.wanted(LifecycleAction.REBOOT, WparState.ACTIVE, false))
                .isEqualTo(WparState.ACTIVE);
        assertThat(WparLifecycleService.wanted(LifecycleAction.RECOVER, WparState.BROKEN, false))
                .isEqualTo(WparState.DEFINED);
        assertThat(WparLifecycleService.wanted(LifecycleAction.RECOVER, WparState.BROKEN, true))
                .isEqualTo(WparState.ACTIVE);
        assertThat(WparLifecycleService.wanted(LifecycleAction.RECOVER, WparState.ACTIVE, true))
                .isEqualTo(WparState.ACTIVE);
    }

    @Test
    void theFindingsInOneLine() {
        String findings = """
                $ lswpar -L wpr13
                =================================================================
                wpr13 - Broken
                =================================================================
                $ ls /var/adm/ras /var/adm/WPARs
                ls: 0653-341 The file /var/adm/ras does not exist.
                /var/adm/WPARs:
                wpr13.log
                (exit status 2)
                $ ps -ef -@ wpr13
                WPAR      UID    PID   PPID   C    STIME    TTY  TIME CMD
                wpr13     root   1001      1   0 00:00:00      -  0:00 /etc/init
                $ lswpar -M wpr13
                Name   MountPoint  Device  Vfs  Nodename  Options
                """;
        assertThat(WparLifecycleService.found(findings)).isEqualTo("lswpar -L 'wpr13 - Broken', 1 process(es) left"
                + " (ps -@), logs wpr13.log; full output in the transcript");
    }
}
