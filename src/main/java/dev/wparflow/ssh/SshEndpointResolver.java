package dev.wparflow.ssh;

import java.util.Collection;
import java.util.Optional;

/**
 * Inventory name to SSH endpoint. The inventory implements it; {@link ConfiguredEndpointResolver} reads
 * {@code wparflow.ssh.endpoints.<name>.{host,port,user}}. Several resolvers may exist as beans: the
 * session pool asks them in order and takes the first answer.
 */
public interface SshEndpointResolver {

    Optional<SshEndpoint> find(String name);

    /** Every name this resolver knows, for the session listing ("hmc02: not connected"). */
    Collection<String> names();
}
