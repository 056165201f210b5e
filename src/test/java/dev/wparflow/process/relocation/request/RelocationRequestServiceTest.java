package dev.wparflow.process.relocation.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import dev.wparflow.aix.KnownHosts;
import dev.wparflow.aix.WparState;
import dev.wparflow.inventory.FleetInventory;
import dev.wparflow.inventory.InventoryProperties;
import dev.wparflow.inventory.LparProfile;
import dev.wparflow.inventory.VolumeGroupRecord;
import dev.wparflow.ssh.SshEndpoint;
import dev.wparflow.ssh.SshEndpointResolver;
import dev.wparflow.process.relocation.RelocationRefusedException;
import dev.wparflow.process.relocation.RelocationSettings;

/** The request checks that run before any host is touched, the mode rule and the "choose for me" order. */
class RelocationRequestServiceTest {

    static final Set<String> KNOWN = Set.of("lpar00", "lpar01", "lpar02", "hmc01");

    /** The inventory file's view: hmc01 is an HMC (it has an SSH endpoint but is no LPAR). */
    static ObjectProvider<FleetInventory> inventoryWithHmc() {
        InventoryProperties p = new InventoryProperties();
        p.setHmcs(List.of(Map.of("name", "hmc01")));
        p.setManagedSystems(List.of(Map.of("name", "sys570a", "hmcs", "hmc01")));
        return new StaticListableBeanFactory(Map.of("inventory", new FleetInventory(p)))
                .getBeanProvider(FleetInventory.class);
    }

    final RelocationRequestService service = new RelocationRequestService(null, null, null, null, null,
            RelocationSettings.defaults(), new KnownHosts(new StaticListableBeanFactory(Map.of("resolver", new SshEndpointResolver() {
                @Override
                public Optional<SshEndpoint> find(String name) {
                    return KNOWN.contains(name) ? Optional.of(new SshEndpoint(name, "127.0.0.1", 22, "root"))
                            : Optional.empty();
                }

                @Override
                public java.util.Collection<String> names() {
                    return KNOWN;
                }
            })).getBeanProvider(SshEndpointResolver.class)), inventoryWithHmc());

    static RelocationRequest request(String wpar, String from, String to, String mode, String window) {
        return new RelocationRequest(wpar, from, to, mode, false, window, "alice", "id-1");
    }

    @Test
    void everyProblemOfAnInvalidRequestIsNamedAtOnce() {
        assertThatThrownBy(() -> service.validate(new RelocationRequest("bad;name", "lpar99", "lpar99", "fast",
                false, "tomorrow", null, "id-1")))
                .isInstanceOfSatisfying(RelocationRefusedException.class, e -> assertThat(e.code())
                        .isEqualTo("REQUEST_INVALID"))
                .hasMessageContaining("nobody is named as requester").hasMessageContaining("WPAR:")
                .hasMessageContaining("departing LPAR lpar99 is not in the inventory")
                .hasMessageContaining("the LPARs the inventory knows: lpar00, lpar01, lpar02")
                .hasMessageContaining("departing and arriving LPAR are both lpar99")
                .hasMessageContaining("mode must be auto, static or live")
                .hasMessageContaining("is not an ISO-8601 date-time");
    }

    @Test
    void knownNamesAreListedOnceAndLongListsAreCut() {
        assertThatThrownBy(() -> service.validate(request("wpr00", "lpar98", "lpar99", "auto", null)))
                .hasMessageEndingWith("the LPARs the inventory knows: lpar00, lpar01, lpar02");
        RelocationRequestService many = new RelocationRequestService(null, null, null, null, null,
                RelocationSettings.defaults(), new KnownHosts(new StaticListableBeanFactory(Map.of("resolver", new SshEndpointResolver() {
                    @Override
                    public Optional<SshEndpoint> find(String name) {
                        return Optional.empty();
                    }

                    @Override
                    public java.util.Collection<String> names() {
                        return java.util.stream.IntStream.range(0, 45).mapToObj(i -> String.format("lpar%02d", i))
                                .toList();
                    }
                })).getBeanProvider(SshEndpointResolver.class)),
                new StaticListableBeanFactory().getBeanProvider(FleetInventory.class));
        assertThat(many.knownNames()).startsWith("the LPARs the inventory knows: lpar00, lpar01").contains("lpar28, lpar29 and")
                .doesNotContain("lpar30").endsWith("and 15 more (GET /api/ssh/sessions lists them)");
    }

    @Test
    void anHmcIsNotTakenForAnLparNorListedAsOne() {
        assertThatThrownBy(() -> service.validate(request("wpr00", "lpar00", "hmc01", "auto", null)))
                .hasMessageContaining("arriving LPAR hmc01 is an HMC, not an LPAR")
                .hasMessageEndingWith("the LPARs the inventory knows: lpar00, lpar01, lpar02");
    }

    @Test
    void missingNamesAreRefused() {
        assertThatThrownBy(() -> service.validate(request(null, null, null, null, null)))
                .hasMessageContaining("WPAR is required").hasMessageContaining("departing LPAR is required");
    }

    @Test
    void windowsAreReadWithOffsetOrAsInstants() {
        assertThat(RelocationRequestService.parseWindow("2026-11-22T23:00+01:00").toString())
                .isEqualTo("2026-11-22T22:00Z");
        assertThat(RelocationRequestService.parseWindow("2026-11-22T22:00:00Z").toString())
                .isEqualTo("2026-11-22T22:00Z");
    }

    static CompatibilityService.Report report(boolean staticOk, boolean liveOk) {
        return new CompatibilityService.Report(Map.of(), List.of(), List.of(), staticOk, liveOk);
    }

    @Test
    void theOutageFollowsModeAndState() {
        assertThat(RelocationRequestService.outage("static", WparState.DEFINED, "wpr00", "lpar00", "lpar01"))
                .startsWith("none: wpr00 is Defined").doesNotContain("stopwpar");
        assertThat(RelocationRequestService.outage("static", WparState.ACTIVE, "wpr03", "lpar00", "lpar01"))
                .isEqualTo("wpr03 is down from stopwpar on lpar00 through savewpar and restwpar until startwpar on"
                        + " lpar01 (grows with the WPAR's size)");
        assertThat(RelocationRequestService.outage("live", WparState.ACTIVE, "mob01", "lpar00", "lpar01"))
                .startsWith("a short freeze").doesNotContain("stopwpar");
        assertThat(RelocationRequestService.outage(null, WparState.ACTIVE, "wpr03", "lpar00", "lpar01"))
                .startsWith("none (nothing will be done)");
    }

    @Test
    void liveOnlyWhenAskedActiveAndEveryLiveCheckPasses() {
        assertThat(RelocationRequestService.mode("auto", report(true, true), true)).isEqualTo("live");
        assertThat(RelocationRequestService.mode("auto", report(true, true), false)).isEqualTo("static");
        assertThat(RelocationRequestService.mode("live", report(true, true), false)).isNull();
        assertThat(RelocationRequestService.mode("auto", report(true, false), true)).isEqualTo("static");
        assertThat(RelocationRequestService.mode("static", report(true, true), true)).isEqualTo("static");
        assertThat(RelocationRequestService.mode("live", report(true, false), true)).isNull();
        assertThat(RelocationRequestService.mode("auto", report(false, false), true)).isNull();
    }

    static LparProfile lpar(String name, String system, long freePps, String error) {
        return new LparProfile(name, system, 1, "Running", "aixlinux", null, null, "6100-02-01-0847", null, null,
                null, true, null, null, List.of(new VolumeGroupRecord("rootvg", 128, 546, freePps)), 0, null, error,
                null);
    }

    @Test
    void chooseForMePrefersAnotherManagedSystemThenTheMostFreeSpace() {
        List<LparProfile> fleet = List.of(lpar("lpar00", "sysA", 400, null), lpar("lpar02", "sysA", 500, null),
                lpar("lpar01", "sysB", 100, null), lpar("lpar03", "sysB", 300, null), lpar("lpar04", "sysB", 900, "down"));
        assertThat(RelocationRequestService.rank(fleet, "lpar00", "sysA", n -> true))
                .containsExactly("lpar03", "lpar01", "lpar02");
        assertThat(RelocationRequestService.rank(fleet, "lpar00", "sysA", KNOWN::contains))
                .containsExactly("lpar01", "lpar02");
    }
}
