package dev.wparflow.lock;

import java.util.function.Supplier;

import org.springframework.stereotype.Service;

import dev.wparflow.aix.AixFailure;
import dev.wparflow.aix.AixOutcome;
import dev.wparflow.aix.AixOutcomes;
import dev.wparflow.aix.AixResult;
import dev.wparflow.aix.AixShell;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.Pid;
import dev.wparflow.aix.WparLock;
import dev.wparflow.aix.WparName;
import dev.wparflow.ssh.CommandResult;

/**
 * The AIX administrative lock of a WPAR (Redbook 4.6.1, {@code wparlockctl}), taken on the host for
 * the length of an operation so that administrators and other tools see the WPAR is being worked on
 * (their stopwpar, chwpar… are refused with 0960-246). wparflow has no process on the host to hold it,
 * so the lock records our lease's fencing token as its PID: "locked by stopwpar (PID = 17)" points
 * to the lease with token 17 in /api/locks.
 *
 * <p>Base commands refuse to run on a locked WPAR whoever holds the lock, ours included, so a step
 * that runs one on a WPAR we hold lifts the lock for exactly that command ({@link #whileLifted}).
 * The operation code is the book's {@code -o 6} (RB:4662; its meaning is silent, the refusal names stopwpar).
 */
@Service
public class AixAdminLock {

    private final AixShell shell;

    public AixAdminLock(AixShell shell) {
        this.shell = shell;
    }

    /** Takes the lock; taking it again with the same token is a no-op (a retried step). */
    public AdminLockOutcome take(String host, WparName wpar, long fencingToken, Origin origin) {
        CommandResult result = shell.run(host, WparLock.lock(wpar, Pid.of(fencingToken), WparLock.OPERATION_STOPWPAR), origin);
        AixResult<Void> outcome = AixOutcomes.interpret(result);
        if (outcome instanceof AixResult.Failed<Void> failed) {
            AixFailure failure = failed.failure();
            if (failure.outcome() == AixOutcome.LOCKED_BY_OTHER_PROCESS) {
                if (String.valueOf(fencingToken).equals(failure.details().get("lockPid"))) {
                    return new AdminLockOutcome.Held(fencingToken);
                }
                return new AdminLockOutcome.HeldByOther(failure);
            }
            if (failure.outcome() == AixOutcome.WPAR_NOT_FOUND) {
                return new AdminLockOutcome.WparAbsent(failure);
            }
            throw new AdminLockException(failure.describe());
        }
        return new AdminLockOutcome.Held(fencingToken);
    }

    /** Releases our lock; releasing a lock that is not there is a no-op. */
    public void release(String host, WparName wpar, long fencingToken, Origin origin) {
        CommandResult result = shell.run(host, WparLock.unlock(wpar, Pid.of(fencingToken), WparLock.OPERATION_STOPWPAR), origin);
        if (AixOutcomes.interpret(result) instanceof AixResult.Failed<Void> failed
                && failed.failure().outcome() != AixOutcome.WPAR_NOT_FOUND) {
            throw new AdminLockException(failed.failure().describe());
        }
    }

    /**
     * Runs one base command on a WPAR whose lock we hold: unlock, run, lock again (also after a failure;
     * after rmwpar there is nothing left to lock).
     */
    public <T> T whileLifted(String host, WparName wpar, long fencingToken, Origin origin, Supplier<T> command) {
        release(host, wpar, fencingToken, origin);
        try {
            return command.get();
        } finally {
            take(host, wpar, fencingToken, origin);
        }
    }

    /** {@link #whileLifted(String, WparName, long, Origin, Supplier)} for a command that returns nothing. */
    public void whileLifted(String host, WparName wpar, long fencingToken, Origin origin, Runnable command) {
        whileLifted(host, wpar, fencingToken, origin, () -> {
            command.run();
            return null;
        });
    }

    /** The lock command failed for a reason other than contention: a technical failure for the job to retry. */
    public static class AdminLockException extends RuntimeException {
        public AdminLockException(String message) {
            super(message);
        }
    }
}
