package dev.wparflow.security;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.wparflow.NodeIdentity;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockAcquisition;
import dev.wparflow.lock.LockResource;

/**
 * Serializes the identity bootstrap (groups, authorizations, filters, users) between engine nodes that start at the
 * same moment on one database: each looks and then creates, and two nodes doing so at once would both create a filter
 * (nothing unique about a filter's name) or fail on a group's or user's primary key. The lease {@code startup:identity}
 * is held while one node looks and creates; another waits for it and then finds everything there. A node that dies
 * holding it frees it when the lease expires.
 */
@Component
public class StartupLock {

    static final LockResource IDENTITY = LockResource.startup("identity");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(100);

    private final LeaseLockService leases;
    private final NodeIdentity node;

    public StartupLock(LeaseLockService leases, NodeIdentity node) {
        this.leases = leases;
        this.node = node;
    }

    /** Runs {@code work} while this node holds {@code startup:identity}, waiting for another node's turn to end. */
    public void exclusively(String what, Runnable work) {
        String owner = node.id() + "/" + UUID.randomUUID();
        Instant giveUp = Instant.now().plus(LEASE).plus(LEASE);
        while (!(leases.acquire(IDENTITY, owner, what, LEASE) instanceof LockAcquisition.Acquired)) {
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("another engine node has held " + IDENTITY + " for too long: "
                        + leases.find(IDENTITY));
            }
            try {
                Thread.sleep(POLL.toMillis()); // the other node's bootstrap takes well under a second
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + IDENTITY, e);
            }
        }
        try {
            work.run();
        } finally {
            leases.release(IDENTITY, owner);
        }
    }
}
