package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import dev.wparflow.hmc.HmcProperties;
import dev.wparflow.ssh.SshEndpoint;
import dev.wparflow.ssh.SshEndpointResolver;
import dev.wparflow.ssh.SshProperties;

/** KnownHosts answers from the endpoint resolvers, the configured endpoints and the HMC pairs. */
class KnownHostsTest {

    static SshEndpointResolver resolver(String... names) {
        return new SshEndpointResolver() {
            @Override
            public Optional<SshEndpoint> find(String name) {
                return List.of(names).contains(name) ? Optional.of(new SshEndpoint(name, "127.0.0.1", 22, "root"))
                        : Optional.empty();
            }

            @Override
            public Collection<String> names() {
                return List.of(names);
            }
        };
    }

    @Test
    void aNameIsKnownWhenAnyResolverKnowsItAndNamesAreListedOnceInOrder() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("inventory",
                resolver("lpar02", "lpar00"), "configured", resolver("lpar00", "hmc01")));
        KnownHosts hosts = new KnownHosts(beans.getBeanProvider(SshEndpointResolver.class));

        assertThat(hosts.knows("lpar02")).isTrue();
        assertThat(hosts.knows("hmc01")).isTrue();
        assertThat(hosts.knows("lpar09")).isFalse();
        assertThat(hosts.names()).containsExactly("hmc01", "lpar00", "lpar02");
        assertThat(hosts.configuredNames()).isEmpty();
        assertThat(hosts.configuredHmcs()).isEmpty();
    }

    @Test
    void configuredEndpointsAndHmcsComeFromTheirProperties() {
        SshProperties ssh = new SshProperties();
        Map<String, SshProperties.Endpoint> endpoints = new LinkedHashMap<>();
        endpoints.put("lpar00", new SshProperties.Endpoint());
        endpoints.put("hmc01", new SshProperties.Endpoint());
        ssh.setEndpoints(endpoints);
        HmcProperties hmc = new HmcProperties();
        hmc.setManagedSystems(Map.of("p750", List.of("hmc01", "hmc02")));
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("ssh", ssh, "hmc", hmc));
        KnownHosts hosts = new KnownHosts(beans.getBeanProvider(SshEndpointResolver.class),
                beans.getBeanProvider(SshProperties.class), beans.getBeanProvider(HmcProperties.class));

        assertThat(hosts.configuredNames()).containsExactly("lpar00", "hmc01");
        assertThat(hosts.configuredHmcs()).containsExactly("hmc01", "hmc02");
        assertThat(hosts.names()).isEmpty();
    }
}
