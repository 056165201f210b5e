package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class IdentityClashTest {

    private static final List<WparInfo> WPARS = List.of(
            new WparInfo("wpr00", WparState.ACTIVE, WparType.SYSTEM, "wpr00.example.com", "/wpars/wpr00", Map.of()),
            new WparInfo("wpr01", WparState.DEFINED, WparType.SYSTEM, "wpr01", "/wpars/wpr01", Map.of()));
    private static final List<WparNetwork> NETWORKS = List.of(
            new WparNetwork("wpr00", "en0", "10.0.0.10", "255.255.255.0", "10.0.0.255"),
            new WparNetwork("wpr01", "en0", "10.0.0.11", "255.255.255.0", "10.0.0.255"));

    @Test
    void nameHostnameAndAddressClashNameTheWparInTheWay() {
        assertThat(IdentityClash.find("lpar01", WPARS, () -> NETWORKS, "wpr01", null, null, null))
                .contains(new IdentityClash("NAME_TAKEN",
                        "a WPAR named wpr01 exists on lpar01 (" + WparState.DEFINED + ")"));
        assertThat(IdentityClash.find("lpar01", WPARS, () -> NETWORKS, "web01", "WPR00.example.com", null, null))
                .map(IdentityClash::code).contains("HOSTNAME_TAKEN");
        assertThat(IdentityClash.find("lpar01", WPARS, () -> NETWORKS, "web01", "web01", "10.0.0.11", null))
                .contains(new IdentityClash("ADDRESS_TAKEN", "address 10.0.0.11 is used by WPAR wpr01 on lpar01"));
    }

    @Test
    void theWparBeingReplacedDoesNotClashWithItself() {
        assertThat(IdentityClash.find("lpar01", WPARS, () -> NETWORKS, "wpr01", "wpr01", "10.0.0.11", "wpr01"))
                .isEmpty();
    }

    @Test
    void addressesAreReadOnlyWhenAnAddressIsAskedForAndWparsExist() {
        AtomicInteger reads = new AtomicInteger();
        IdentityClash.find("lpar01", WPARS, () -> { reads.incrementAndGet(); return NETWORKS; }, "web01", "web01", null, null);
        IdentityClash.find("lpar01", List.of(), () -> { reads.incrementAndGet(); return NETWORKS; }, "web01", "web01",
                "10.0.0.10", null);
        assertThat(reads).hasValue(0);
        assertThat(IdentityClash.find("lpar01", WPARS, () -> { reads.incrementAndGet(); return NETWORKS; }, "web01",
                "web01", "10.0.0.12", null)).isEmpty();
        assertThat(reads).hasValue(1);
    }
}
