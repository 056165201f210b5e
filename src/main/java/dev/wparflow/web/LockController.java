package dev.wparflow.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.wparflow.lock.HeldLock;
import dev.wparflow.lock.LeaseLockService;
import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/locks")
public class LockController {

    /** What a caller outside camunda-admin sees instead of the owner (a process instance id) and its description. */
    static final String HELD_BY_AN_OPERATION = "held by an operation";

    private final LeaseLockService locks;
    private final ProcessInstanceAccess access;

    public LockController(LeaseLockService locks, ProcessInstanceAccess access) {
        this.locks = locks;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Locks that have an owner, expired ones included (visibly held until taken over); the owner "
            + "and its description only for camunda-admin, others see \"" + HELD_BY_AN_OPERATION + "\" and since when")
    public List<HeldLock> held() {
        List<HeldLock> held = locks.held();
        if (access.callerIsAdmin()) {
            return held;
        }
        // an owner is a process instance id: it names an operation the caller may not read, and was once enough to
        // walk past the lock; what a caller needs is that the resource is taken, and since when
        return held.stream().map(l -> new HeldLock(l.resource(), HELD_BY_AN_OPERATION, null, l.fencingToken(),
                l.acquiredAt(), l.heartbeatAt(), l.expiresAt(), l.expired())).toList();
    }
}
