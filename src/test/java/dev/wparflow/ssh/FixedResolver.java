package dev.wparflow.ssh;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Endpoints given directly (tests). */
public final class FixedResolver implements SshEndpointResolver {
    private final Map<String, SshEndpoint> byName = new LinkedHashMap<>();

    public FixedResolver(SshEndpoint... endpoints) {
        for (SshEndpoint e : endpoints) {
            byName.put(e.name(), e);
        }
    }

    @Override
    public Optional<SshEndpoint> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** A pool that trusts these servers' host keys through a known_hosts file and authenticates with {@code key}. */
    public static SshSessionPool pool(java.nio.file.Path knownHosts, java.security.KeyPair key, SshProperties props,
            SshEndpoint... endpoints) {
        props.setKnownHosts(knownHosts.toString());
        props.setIdentities(List.of());
        props.setKeepAliveInterval(java.time.Duration.ZERO);
        SshSessionPool pool = new SshSessionPool(props, List.of(new FixedResolver(endpoints)), new Redactor(), null, null);
        pool.addIdentity(key);
        return pool;
    }
}
