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

    private final LeaseLockService locks;

    public LockController(LeaseLockService locks) {
        this.locks = locks;
    }

    @GetMapping
    @Operation(summary = "Locks that have an owner, expired ones included (visibly held until taken over)")
    public List<HeldLock> held() {
        return locks.held();
    }
}
