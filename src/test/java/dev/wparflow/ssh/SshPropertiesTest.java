package dev.wparflow.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SshPropertiesTest {

    private static SshProperties bind(Map<String, String> map) {
        return new Binder(new MapConfigurationPropertySource(map)).bind("wparflow.ssh", SshProperties.class).get();
    }

    @Test
    void controlPersistAcceptsTheLparToolForms() {
        assertThat(bind(Map.of("wparflow.ssh.control-persist", "8h")).getControlPersist()).isEqualTo(Duration.ofHours(8));
        assertThat(bind(Map.of("wparflow.ssh.control-persist", "30m")).getControlPersist()).isEqualTo(Duration.ofMinutes(30));
        assertThat(bind(Map.of("wparflow.ssh.control-persist", "600")).getControlPersist()).isEqualTo(Duration.ofSeconds(600));
        assertThat(new SshProperties().getControlPersist()).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void bindsEndpointsPolicyAndTimeouts() {
        SshProperties p = bind(Map.of(
                "wparflow.ssh.host-key-policy", "accept-new",
                "wparflow.ssh.connect-timeout", "5",
                "wparflow.ssh.max-channels-per-host", "4",
                "wparflow.ssh.endpoints.hmc01.host", "hmc01.example.com",
                "wparflow.ssh.endpoints.hmc01.user", "hscroot",
                "wparflow.ssh.endpoints.lpar00.port", "2222"));
        assertThat(p.getHostKeyPolicy()).isEqualTo(HostKeyPolicy.ACCEPT_NEW);
        assertThat(p.getConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.getMaxChannelsPerHost()).isEqualTo(4);
        ConfiguredEndpointResolver r = new ConfiguredEndpointResolver(p);
        assertThat(r.find("hmc01")).contains(new SshEndpoint("hmc01", "hmc01.example.com", 22, "hscroot"));
        assertThat(r.find("lpar00")).contains(new SshEndpoint("lpar00", "lpar00", 2222, "root"));
        assertThat(r.find("nope")).isEmpty();
        assertThat(r.names()).containsExactlyInAnyOrder("hmc01", "lpar00");
    }

    @Test
    void durationsForTheCommandLine() {
        assertThat(SshDurations.parse("8h")).isEqualTo(Duration.ofHours(8));
        assertThat(SshDurations.parse("600")).isEqualTo(Duration.ofSeconds(600));
        assertThat(SshDurations.parse("PT30M")).isEqualTo(Duration.ofMinutes(30));
        assertThat(SshDurations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(SshDurations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThatThrownBy(() -> SshDurations.parse("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endpointSpec() {
        assertThat(SshEndpoint.parse("x", "hscroot@hmc01:2222", "root", 22))
                .isEqualTo(new SshEndpoint("x", "hmc01", 2222, "hscroot"));
        assertThat(SshEndpoint.parse("x", "lpar00", "root", 22)).isEqualTo(new SshEndpoint("x", "lpar00", 22, "root"));
    }

    @Test
    void acceptAllOnlyUnderTheSimulatorProfiles() {
        SshConfiguration.checkHostKeyPolicy(HostKeyPolicy.ACCEPT_ALL, true);
        SshConfiguration.checkHostKeyPolicy(HostKeyPolicy.STRICT, false);
        assertThatThrownBy(() -> SshConfiguration.checkHostKeyPolicy(HostKeyPolicy.ACCEPT_ALL, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("simulator or embedded");
    }
}
