package dev.wparflow.ssh;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The SSH layer's beans: one {@link SshSessionPool} (also the {@link RemoteShell}), the redactor, and
 * the endpoints from configuration as the last resolver (the inventory's resolver, when it exists, is
 * asked first).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SshProperties.class)
public class SshConfiguration {

    /** Profiles under which host-key-policy accept-all is allowed. */
    static final Set<String> ACCEPT_ALL_PROFILES = Set.of("simulator", "embedded");

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ConfiguredEndpointResolver configuredEndpointResolver(SshProperties properties) {
        return new ConfiguredEndpointResolver(properties);
    }

    @Bean
    Redactor sshRedactor(SshProperties properties) {
        return new Redactor(properties.getRedactPatterns());
    }

    @Bean(destroyMethod = "close")
    SshSessionPool sshSessionPool(SshProperties properties, ObjectProvider<SshEndpointResolver> resolvers,
            Redactor redactor, ObjectProvider<MeterRegistry> meters, Environment environment) {
        checkHostKeyPolicy(properties.getHostKeyPolicy(),
                environment.acceptsProfiles(Profiles.of(String.join(" | ", ACCEPT_ALL_PROFILES))));
        UnixSocketSshAgent.Factory agent = null;
        if (properties.getAgent().isEnabled()) {
            String socket = properties.getAgent().getSocket();
            if (socket == null || socket.isBlank()) {
                socket = System.getenv("SSH_AUTH_SOCK");
            }
            if (socket == null || socket.isBlank()) {
                throw new IllegalStateException(
                        "wparflow.ssh.agent.enabled=true but neither wparflow.ssh.agent.socket nor SSH_AUTH_SOCK is set");
            }
            agent = UnixSocketSshAgent.factory(Path.of(socket));
        }
        List<SshEndpointResolver> ordered = resolvers.orderedStream().toList();
        return new SshSessionPool(properties, ordered, redactor, meters.getIfAvailable(), agent);
    }

    /** accept-all refuses to start outside the simulator/embedded profiles. */
    static void checkHostKeyPolicy(HostKeyPolicy policy, boolean simulatorProfileActive) {
        if (policy == HostKeyPolicy.ACCEPT_ALL && !simulatorProfileActive) {
            throw new IllegalStateException("wparflow.ssh.host-key-policy=accept-all is allowed only with the Spring"
                    + " profile simulator or embedded; use strict with a known_hosts file (wparflow.ssh.known-hosts),"
                    + " or accept-new");
        }
    }
}
