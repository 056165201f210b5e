package dev.wparflow.lock;

import java.time.Instant;

/** The outcome of asking for a lock. Contention is an expected outcome, not an exception. */
public sealed interface LockAcquisition {

    LockResource resource();

    /** Ours, with the fencing token every guarded write must carry. */
    record Acquired(LockResource resource, long fencingToken, Instant expiresAt) implements LockAcquisition {
    }

    /** Somebody else's lease, valid until {@code expiresAt}. */
    record HeldByOther(LockResource resource, String owner, String ownerInfo, Instant expiresAt)
            implements LockAcquisition {

        public String describe() {
            return resource + " is held by " + owner + (ownerInfo == null ? "" : " (" + ownerInfo + ")")
                    + " until " + expiresAt;
        }
    }

    default boolean acquired() {
        return this instanceof Acquired;
    }
}
