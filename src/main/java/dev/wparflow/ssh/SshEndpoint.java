package dev.wparflow.ssh;

import java.util.Objects;

/**
 * Where an inventory name ({@code lpar00}, {@code hmc01}) is reached over SSH.
 */
public record SshEndpoint(String name, String host, int port, String user) {

    public SshEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range for " + name + ": " + port);
        }
    }

    /** {@code user@host:port}, for messages. */
    public String address() {
        return user + "@" + host + ":" + port;
    }

    /** Parses {@code user@host:port}, {@code user@host}, {@code host:port}; missing parts come from the defaults. */
    public static SshEndpoint parse(String name, String spec, String defaultUser, int defaultPort) {
        String user = defaultUser;
        String rest = spec;
        int at = spec.lastIndexOf('@');
        if (at >= 0) {
            user = spec.substring(0, at);
            rest = spec.substring(at + 1);
        }
        int port = defaultPort;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0 && rest.indexOf(':') == colon) {
            port = Integer.parseInt(rest.substring(colon + 1));
            rest = rest.substring(0, colon);
        }
        return new SshEndpoint(name, rest, port, user);
    }
}
