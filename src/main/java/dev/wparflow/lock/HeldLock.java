package dev.wparflow.lock;

import java.time.Instant;

/** A lock as /api/locks shows it. */
public record HeldLock(String resource, String owner, String ownerInfo, long fencingToken, Instant acquiredAt,
        Instant heartbeatAt, Instant expiresAt, boolean expired) {
}
