package dev.wparflow.process.evacuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.wparflow.catalog.RelocationGroup;
import dev.wparflow.catalog.RelocationGroup.Candidate;
import dev.wparflow.catalog.RelocationGroup.Kind;
import dev.wparflow.catalog.RelocationGroup.Pair;
import dev.wparflow.catalog.RelocationGroup.Rank;
import dev.wparflow.process.evacuation.EvacuationPlanner.Row;
import dev.wparflow.process.evacuation.EvacuationPlanner.Verdict;
import dev.wparflow.process.evacuation.EvacuationPlanner.Wpar;
import dev.wparflow.process.relocation.GroupPlacement;

class EvacuationPlannerTest {

    static final Set<String> SCOPE = Set.of("a1", "a2");
    static final List<String> TARGETS = List.of("a1", "a2", "b1", "b2", "c1");

    final List<String> checked = new ArrayList<>();

    static GroupPlacement fleet() {
        return new GroupPlacement().lpar("a1", "sysA").lpar("a2", "sysA").lpar("b1", "sysB").lpar("b2", "sysB")
                .lpar("c1", "sysC").wpar("a1", "web01", null).wpar("a1", "web02", null).wpar("a2", "db01", null)
                .wpar("a2", "big01", null).wpar("b1", "other01", null);
    }

    /** big01 fits nowhere (its volume group is too big), b2 refuses live, anything else passes. */
    EvacuationPlanner.Checks checks() {
        return (wpar, from, to) -> {
            checked.add(wpar + "->" + to);
            if (wpar.equals("big01")) {
                return new Verdict(false, false, "free-space (both): 100 MB free in rootvg on " + to);
            }
            if (to.equals("b2")) {
                return new Verdict(true, false, "mcr.rte (live): mcr.rte missing on b2");
            }
            return new Verdict(true, true, "");
        };
    }

    static RelocationGroup webGroup() {
        return new RelocationGroup("web", "", List.of("web01", "web02"), List.of(new Candidate(Kind.LPAR, "c1",
                Rank.HIGH), new Candidate(Kind.MANAGED_SYSTEM, "sysB", Rank.LOW)), List.of(new Pair("web01",
                        "web02")), null, null, 1, "admin", null);
    }

    @Test
    void everyWparGetsATargetOrAReasonAndThePairEndsUpApart() {
        RelocationGroup web = webGroup();
        List<Wpar> wpars = List.of(new Wpar("web01", "a1", true, true), new Wpar("web02", "a1", true, false),
                new Wpar("db01", "a2", false, false), new Wpar("big01", "a2", true, true));

        List<Row> rows = new EvacuationPlanner(fleet(), SCOPE, TARGETS, Map.of("web01", web, "web02", web), checks(),
                5).plan(wpars);

        assertThat(rows).extracting(Row::wpar).containsExactly("web01", "web02", "big01", "db01");
        Row web01 = rows.get(0);
        assertThat(web01).extracting(Row::arriving, Row::mode, Row::group, Row::rank)
                .containsExactly("c1", "live", "web", "HIGH");
        Row web02 = rows.get(1);
        assertThat(web02).extracting(Row::arriving, Row::mode, Row::rank).containsExactly("b1", "static", "LOW");
        assertThat(web02.note()).contains("not checkpointable", "passed over c1: anti-affinity: web01 is on c1");
        Row big = rows.get(2);
        assertThat(big.movable()).isFalse();
        assertThat(big.note()).contains("b1: free-space (both): 100 MB free in rootvg on b1",
                "c1: free-space (both)");
        // db01 (no group): the least loaded LPAR outside the scope, b2 has none
        assertThat(rows.get(3)).extracting(Row::arriving, Row::mode).containsExactly("b2", "static");
        assertThat(checked).noneMatch(c -> c.endsWith("->a1") || c.endsWith("->a2"));

        String table = EvacuationPlanner.table(rows);
        assertThat(table).startsWith("WPAR ").contains("big01  a2    STAYS  -")
                .endsWith("3 of 4 WPARs move (1 live, 2 static); 1 stay\n");
    }

    @Test
    void liveOnlyWhereTheWparIsActiveCheckpointableAndTheLiveChecksPass() {
        List<Row> rows = new EvacuationPlanner(fleet(), SCOPE, List.of("b2"), Map.of(), checks(), 5)
                .plan(List.of(new Wpar("web01", "a1", true, true)));

        assertThat(rows.get(0)).extracting(Row::arriving, Row::mode).containsExactly("b2", "static");
        assertThat(rows.get(0).note()).contains("live refused: mcr.rte (live): mcr.rte missing on b2");
    }

    @Test
    void checksStopAtTheMostCandidatesAndAGroupWithoutCandidatesSaysSo() {
        List<Row> rows = new EvacuationPlanner(fleet(), SCOPE, TARGETS, Map.of(), checks(), 2)
                .plan(List.of(new Wpar("big01", "a2", true, true)));
        assertThat(checked).hasSize(2);
        assertThat(rows.get(0).note()).endsWith("not checked beyond 2 candidates");

        RelocationGroup inward = new RelocationGroup("in", "", List.of("web01"), List.of(new Candidate(
                Kind.MANAGED_SYSTEM, "sysA", Rank.HIGH)), List.of(), null, null, 1, "admin", null);
        Row stays = new EvacuationPlanner(fleet(), SCOPE, TARGETS, Map.of("web01", inward), checks(), 5)
                .plan(List.of(new Wpar("web01", "a1", true, true))).get(0);
        assertThat(stays.movable()).isFalse();
        assertThat(stays.note()).isEqualTo("relocation group in names no LPAR outside the scope");
    }

    @Test
    void capacityOfTheGroupSpreadsItsWpars() {
        RelocationGroup capped = new RelocationGroup("capped", "", List.of("web01", "web02"), List.of(
                new Candidate(Kind.LPAR, "c1", Rank.HIGH), new Candidate(Kind.LPAR, "b2", Rank.MEDIUM)), List.of(),
                1, null, 1, "admin", null);
        List<Row> rows = new EvacuationPlanner(fleet(), SCOPE, TARGETS, Map.of("web01", capped, "web02", capped),
                checks(), 5).plan(List.of(new Wpar("web01", "a1", false, false), new Wpar("web02", "a1", false,
                        false)));

        assertThat(rows).extracting(Row::arriving).containsExactly("c1", "b2");
        assertThat(rows.get(1).note()).contains("c1: capacity: c1 has 1 WPARs, the group allows 1 per LPAR");
    }
}
