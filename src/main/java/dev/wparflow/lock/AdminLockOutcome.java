package dev.wparflow.lock;

import dev.wparflow.aix.AixFailure;

/** What taking the AIX administrative lock of a WPAR gave. */
public sealed interface AdminLockOutcome {

    /** Held by us: {@code pid} is our lease's fencing token. */
    record Held(long pid) implements AdminLockOutcome {
    }

    /** The WPAR does not exist on that host (any more): nothing to lock. */
    record WparAbsent(AixFailure failure) implements AdminLockOutcome {
    }

    /** Another process holds it (0960-246): an administrator or another tool is at work on the WPAR. */
    record HeldByOther(AixFailure failure) implements AdminLockOutcome {
    }
}
