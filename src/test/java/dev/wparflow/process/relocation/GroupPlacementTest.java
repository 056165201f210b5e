package dev.wparflow.process.relocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.wparflow.catalog.InvalidTemplateException;
import dev.wparflow.catalog.RelocationGroup;
import dev.wparflow.catalog.RelocationGroup.Candidate;
import dev.wparflow.catalog.RelocationGroup.Kind;
import dev.wparflow.catalog.RelocationGroup.Pair;
import dev.wparflow.catalog.RelocationGroup.Rank;

class GroupPlacementTest {

    static RelocationGroup group(List<String> members, List<Candidate> candidates, List<Pair> pairs, Integer max,
            Integer headroom) {
        return new RelocationGroup("g", "", members, candidates, pairs, max, headroom, 1, "admin", null);
    }

    static GroupPlacement fleet() {
        return new GroupPlacement().lpar("a1", "sysA").lpar("a2", "sysA").lpar("b1", "sysB").lpar("b2", "sysB")
                .lpar("c1", "sysC")
                .wpar("a1", "web01", new BigDecimal("20")).wpar("a1", "web02", new BigDecimal("30"))
                .wpar("b1", "db01", new BigDecimal("50")).wpar("b2", "db02", null);
    }

    @Test
    void candidatesComeByRankThenAsListedAndAManagedSystemStandsForItsLpars() {
        RelocationGroup g = group(List.of("web01"), List.of(new Candidate(Kind.LPAR, "c1", Rank.LOW),
                new Candidate(Kind.MANAGED_SYSTEM, "sysB", Rank.MEDIUM), new Candidate(Kind.LPAR, "a2", Rank.HIGH),
                new Candidate(Kind.LPAR, "b2", Rank.HIGH)), List.of(), null, null);

        assertThat(fleet().candidates(g)).containsExactly(new GroupPlacement.Ranked("a2", Rank.HIGH),
                new GroupPlacement.Ranked("b2", Rank.HIGH), new GroupPlacement.Ranked("b1", Rank.MEDIUM),
                new GroupPlacement.Ranked("c1", Rank.LOW));
    }

    @Test
    void antiAffinityKeepsAPairOffOneLparAndOneManagedSystem() {
        RelocationGroup g = group(List.of("web01", "db01"), List.of(), List.of(new Pair("web01", "db01")), null,
                null);
        GroupPlacement p = fleet();

        assertThat(p.refusal(g, "web01", "b1")).contains("anti-affinity: db01 is on b1");
        assertThat(p.refusal(g, "web01", "b2")).contains("anti-affinity: db01 is on b1 of managed system sysB");
        assertThat(p.refusal(g, "web01", "c1")).isEmpty();

        p.place("db01", "c1");
        assertThat(p.refusal(g, "web01", "b2")).isEmpty();
        assertThat(p.refusal(g, "web01", "c1")).contains("anti-affinity: db01 is on c1");
    }

    @Test
    void capacityCountsWparsAndCpuMinimumsAsPlanned() {
        RelocationGroup g = group(List.of("web01", "web02"), List.of(), List.of(), 2, 20);
        GroupPlacement p = fleet();

        // b1: 1 WPAR and 50% + web01's 20% = 70% <= 80%
        assertThat(p.refusal(g, "web01", "b1")).isEmpty();
        // b1: 50% + web02's 30% = 80% <= 80% ; then a third WPAR is one too many
        p.place("web02", "b1");
        assertThat(p.cpuMinimums("b1")).isEqualByComparingTo("80");
        assertThat(p.refusal(g, "web01", "b1")).hasValueSatisfying(
                why -> assertThat(why).startsWith("capacity: b1 has 2 WPARs, the group allows 2 per LPAR"));
        RelocationGroup roomy = group(List.of("web01"), List.of(), List.of(), null, 20);
        assertThat(p.refusal(roomy, "web01", "b1")).hasValueSatisfying(why -> assertThat(why)
                .contains("CPU minimums on b1 would be 100%", "keeps 20% free (at most 80%)"));
        assertThat(p.lparOf("web02")).contains("b1");
        assertThat(p.wparCount("a1")).isEqualTo(1);
    }

    @Test
    void chooseForMeLeavesOutTheDepartingLparAndNamesWhatTheRulesExclude() {
        RelocationGroup g = group(List.of("web01", "db01"), List.of(new Candidate(Kind.LPAR, "a1", Rank.HIGH),
                new Candidate(Kind.LPAR, "b2", Rank.HIGH), new Candidate(Kind.MANAGED_SYSTEM, "sysC", Rank.LOW)),
                List.of(new Pair("web01", "db01")), null, null);

        RelocationGroupPolicy.Choice choice = RelocationGroupPolicy.choose(g, fleet(), "web01", "a1");

        assertThat(choice.candidates()).extracting(GroupPlacement.Ranked::lpar).containsExactly("c1");
        assertThat(choice.excluded()).containsExactly("b2: anti-affinity: db01 is on b1 of managed system sysB");
    }

    @Test
    void aDefinitionIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new RelocationGroup.Definition("d", List.of(), List.of(), List.of(), null, null)
                .validated()).isInstanceOfSatisfying(InvalidTemplateException.class,
                        e -> assertThat(e.field()).isEqualTo("members"));
        assertThatThrownBy(() -> new RelocationGroup.Definition("d", List.of("a;b"), List.of(), List.of(), null,
                null).validated()).isInstanceOfSatisfying(InvalidTemplateException.class,
                        e -> assertThat(e.field()).isEqualTo("members"));
        assertThatThrownBy(() -> new RelocationGroup.Definition("d", List.of("w1"), List.of(), List.of(
                new Pair("w1", "w2")), null, null).validated()).isInstanceOfSatisfying(
                        InvalidTemplateException.class, e -> assertThat(e).hasMessageContaining("w2")
                                .extracting(InvalidTemplateException::field).isEqualTo("antiAffinity"));
        assertThatThrownBy(() -> new RelocationGroup.Definition("d", List.of("w1"), List.of(
                new Candidate(Kind.LPAR, "lpar 1", Rank.HIGH)), List.of(), null, null).validated())
                .isInstanceOfSatisfying(InvalidTemplateException.class,
                        e -> assertThat(e.field()).isEqualTo("candidates"));
        assertThatThrownBy(() -> new RelocationGroup.Definition("d", List.of("w1"), List.of(), List.of(), 0, null)
                .validated()).isInstanceOfSatisfying(InvalidTemplateException.class,
                        e -> assertThat(e.field()).isEqualTo("maxWparsPerLpar"));
        assertThatThrownBy(() -> new RelocationGroup.Definition("d", List.of("w1"), List.of(), List.of(), null, 100)
                .validated()).isInstanceOfSatisfying(InvalidTemplateException.class,
                        e -> assertThat(e.field()).isEqualTo("cpuHeadroomPercent"));
        assertThatThrownBy(() -> RelocationGroup.name("-x")).isInstanceOfSatisfying(InvalidTemplateException.class,
                e -> assertThat(e.field()).isEqualTo("name"));
    }
}
