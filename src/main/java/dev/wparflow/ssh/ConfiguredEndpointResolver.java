package dev.wparflow.ssh;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Endpoints from {@code wparflow.ssh.endpoints.<name>.{host,port,user}}; port and user default from wparflow.ssh.default-*. */
public class ConfiguredEndpointResolver implements SshEndpointResolver {

    private final SshProperties properties;

    public ConfiguredEndpointResolver(SshProperties properties) {
        this.properties = properties;
    }

    @Override
    public Optional<SshEndpoint> find(String name) {
        SshProperties.Endpoint e = properties.getEndpoints().get(name);
        if (e == null) {
            return Optional.empty();
        }
        String host = e.getHost() == null || e.getHost().isBlank() ? name : e.getHost();
        int port = e.getPort() == null ? properties.getDefaultPort() : e.getPort();
        String user = e.getUser() == null || e.getUser().isBlank() ? properties.getDefaultUser() : e.getUser();
        return Optional.of(new SshEndpoint(name, host, port, user));
    }

    @Override
    public Collection<String> names() {
        return List.copyOf(properties.getEndpoints().keySet());
    }
}
