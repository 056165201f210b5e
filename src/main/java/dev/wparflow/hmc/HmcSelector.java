package dev.wparflow.hmc;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.wparflow.ssh.CommandOptions;
import dev.wparflow.ssh.CommandResult;
import dev.wparflow.ssh.SshException;
import dev.wparflow.ssh.SshSessionPool;

/**
 * Which HMC of a pair gets a command, the LPAR tool's rule: the one that already has a live master
 * session; if neither has, the preferred one; if that cannot be reached (any failure before the command
 * was sent: refused, timeout, authentication, host key), the other. A command that was sent is never
 * re-sent to the other HMC: it may have run.
 *
 * <p>An operator who wants a specific HMC disconnects the other one and connects this one, as with the
 * LPAR tool's {@code hmc disconnect / connect}.
 */
public class HmcSelector {

    private static final Logger log = LoggerFactory.getLogger(HmcSelector.class);

    private final SshSessionPool ssh;
    private final List<HmcPairResolver> resolvers;

    public HmcSelector(SshSessionPool ssh, List<HmcPairResolver> resolvers) {
        this.ssh = ssh;
        this.resolvers = List.copyOf(resolvers);
    }

    public HmcPair pair(String managedSystem) {
        for (HmcPairResolver r : resolvers) {
            var p = r.forManagedSystem(managedSystem);
            if (p.isPresent()) {
                return p.get();
            }
        }
        throw new IllegalArgumentException("no HMC known for managed system '" + managedSystem
                + "' (inventory or wparflow.hmc.managed-systems)");
    }

    /** Runs an HMC command for a managed system, on the HMC the rule picks. */
    public CommandResult run(String managedSystem, String command, CommandOptions options) {
        return run(pair(managedSystem), command, options);
    }

    public CommandResult run(HmcPair pair, String command, CommandOptions options) {
        String first = choose(pair);
        try {
            return ssh.run(first, command, options);
        } catch (SshException e) {
            String second = first.equals(pair.preferred()) ? pair.other() : pair.preferred();
            if (second == null || !e.failure().beforeCommand()) {
                throw e;
            }
            log.warn("{}: HMC {} failed before the command was sent ({}); failing over to {}", pair.managedSystem(),
                    first, e.failure(), second);
            try {
                return ssh.run(second, command, options);
            } catch (SshException e2) {
                e2.addSuppressed(e);
                throw e2;
            }
        }
    }

    /**
     * The HMC to use now. Opens a session to the preferred one (or, if that fails, to the other) when
     * neither has one, so that the answer names an HMC that works.
     */
    public String choose(HmcPair pair) {
        String a = pair.preferred();
        String b = pair.other();
        if (ssh.isConnected(a)) {
            log.debug("{}: using {} (preferred, live master session)", pair.managedSystem(), a);
            return a;
        }
        if (b != null && ssh.isConnected(b)) {
            log.info("{}: using {}: it has a live master session, preferred {} has none", pair.managedSystem(), b, a);
            return b;
        }
        if (b == null) {
            return a;
        }
        try {
            ssh.connect(a);
            log.info("{}: neither HMC had a master session; connected to preferred {}", pair.managedSystem(), a);
            return a;
        } catch (SshException e) {
            log.warn("{}: preferred HMC {} failed to connect ({}: {}); failing over to {}", pair.managedSystem(), a,
                    e.failure(), e.getMessage(), b);
            try {
                ssh.connect(b);
            } catch (SshException e2) {
                e2.addSuppressed(e);
                log.error("{}: both HMCs failed: {} ({}), {} ({})", pair.managedSystem(), a, e.failure(), b,
                        e2.failure());
                throw e2;
            }
            log.info("{}: using {} after failover from {}", pair.managedSystem(), b, a);
            return b;
        }
    }
}
