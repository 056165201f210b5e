package dev.wparflow.lock;

import java.util.Collection;
import java.util.Set;

/** Which lease owners are still at work, so that {@link LeaseRenewer} keeps their leases. */
@FunctionalInterface
public interface LiveLeaseOwners {

    /** The owners among {@code owners} that are alive; unknown names (a node id, a test's owner) are not. */
    Set<String> alive(Collection<String> owners);
}
