package dev.wparflow.aix;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.wparflow.hmc.HmcProperties;
import dev.wparflow.ssh.SshEndpointResolver;
import dev.wparflow.ssh.SshProperties;

/**
 * The hosts wparflow can reach: a name is known when an endpoint resolver (the inventory file, the configured
 * endpoints) resolves it. Process code asks here instead of the transport's resolvers.
 */
@Component
public class KnownHosts {

    private final ObjectProvider<SshEndpointResolver> endpoints;
    private final ObjectProvider<SshProperties> configured;
    private final ObjectProvider<HmcProperties> hmcs;

    @Autowired
    public KnownHosts(ObjectProvider<SshEndpointResolver> endpoints, ObjectProvider<SshProperties> configured,
            ObjectProvider<HmcProperties> hmcs) {
        this.endpoints = endpoints;
        this.configured = configured;
        this.hmcs = hmcs;
    }

    /** Only the resolvers: {@link #configuredNames()} and {@link #configuredHmcs()} are empty. */
    public KnownHosts(ObjectProvider<SshEndpointResolver> endpoints) {
        this(endpoints, null, null);
    }

    /** Whether a resolver knows {@code name}. */
    public boolean knows(String name) {
        return endpoints.orderedStream().anyMatch(r -> r.find(name).isPresent());
    }

    /** Every name the resolvers know, each once, sorted. */
    public List<String> names() {
        return endpoints.orderedStream().flatMap(r -> r.names().stream()).distinct().sorted().toList();
    }

    /** The names of {@code wparflow.ssh.endpoints}, as configured. */
    public Set<String> configuredNames() {
        SshProperties ssh = configured == null ? null : configured.getIfAvailable();
        return ssh == null ? Set.of() : ssh.getEndpoints().keySet();
    }

    /** The HMCs of {@code wparflow.hmc.managed-systems}: endpoints that are not LPARs. */
    public Set<String> configuredHmcs() {
        HmcProperties hmc = hmcs == null ? null : hmcs.getIfAvailable();
        Set<String> names = new LinkedHashSet<>();
        if (hmc != null) {
            hmc.getManagedSystems().values().forEach(names::addAll);
        }
        return names;
    }
}
