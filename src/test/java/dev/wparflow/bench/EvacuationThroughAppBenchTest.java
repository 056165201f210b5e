package dev.wparflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.wparflow.simulator.FleetSpec;

class EvacuationThroughAppBenchTest {

    @Test
    void theDefaultIsAManagedSystemOfTwentyLparsByTenWparsOntoTwenty() {
        assertThat(EvacuationThroughAppBench.Options.parse(new String[] {"--through-app"}))
                .isEqualTo(new EvacuationThroughAppBench.Options(20, 10, 20));
    }

    @Test
    void theFleetsShapeIsChosenByOptions() {
        assertThat(EvacuationThroughAppBench.Options.parse(new String[] {"--lpars", "3", "--through-app",
                "--wpars-per-lpar", "4", "--targets", "2"})).isEqualTo(new EvacuationThroughAppBench.Options(3, 4, 2));
        assertThat(EvacuationThroughAppBench.Options.parse(new String[] {"--through-app", "--wpars", "5"}).wparsPerLpar())
                .isEqualTo(5);
    }

    @Test
    void badOptionsAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> EvacuationThroughAppBench.Options.parse(new String[] {"--through-app", "--seed", "7"}))
                .hasMessageContaining("--seed");
        assertThatThrownBy(() -> EvacuationThroughAppBench.Options.parse(new String[] {"--lpars", "0"}))
                .hasMessageContaining("--lpars");
        assertThatThrownBy(() -> EvacuationThroughAppBench.Options.parse(new String[] {"--targets", "x"}))
                .hasMessageContaining("--targets");
        assertThatThrownBy(() -> EvacuationThroughAppBench.Options.parse(new String[] {"--lpars"}))
                .hasMessageContaining("--lpars");
        assertThatThrownBy(() -> EvacuationThroughAppBench.Options.parse(new String[] {"--lpars", "300"}))
                .hasMessageContaining("250");
    }

    @Test
    void theFleetYamlHasTheSourceSystemsWparsAndEmptyTargets() {
        FleetSpec spec = FleetSpec.parse(EvacuationThroughAppBench.fleetYaml(
                new EvacuationThroughAppBench.Options(3, 4, 2)));

        assertThat(spec.timeScale).isZero();
        assertThat(spec.managedSystems).extracting(s -> s.name).containsExactly("sysA", "sysB");
        assertThat(spec.hmcs).hasSize(2);
        assertThat(spec.hosts).extracting(h -> h.name).containsExactly("src00", "src01", "src02", "dst00", "dst01");
        assertThat(spec.hosts).filteredOn(h -> h.name.startsWith("src")).allSatisfy(h -> {
            assertThat(h.managedSystem).isEqualTo("sysA");
            assertThat(h.wpars).hasSize(4);
        });
        assertThat(spec.hosts).filteredOn(h -> h.name.startsWith("dst")).allSatisfy(h -> {
            assertThat(h.managedSystem).isEqualTo("sysB");
            assertThat(h.wpars).isEmpty();
        });
        assertThat(spec.hosts.stream().flatMap(h -> h.wpars.stream()).map(w -> w.address).distinct()).hasSize(12);
    }
}
