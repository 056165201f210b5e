package dev.wparflow.process.relocation.staticmove;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.wparflow.aix.AixCommandException;
import dev.wparflow.aix.AixFailure;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.AixRefusal;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.WparBackup;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparLifecycle.Remove;
import dev.wparflow.aix.WparLifecycle.Stop;
import dev.wparflow.aix.WparState;
import dev.wparflow.aix.WparType;
import dev.wparflow.lock.AdminLockOutcome;
import dev.wparflow.lock.AixAdminLock;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockAcquisition;
import dev.wparflow.run.RemoteRun;
import dev.wparflow.run.RemoteRunService;
import dev.wparflow.process.relocation.Relocation;
import dev.wparflow.process.relocation.RelocationInventory;
import dev.wparflow.process.relocation.RelocationRefusedException;
import dev.wparflow.process.relocation.RelocationSettings;
import dev.wparflow.process.relocation.RelocationStepException;

/**
 * The remote steps of a static relocation of a system WPAR (Redbook Table 4-2, digest §3.2), each idempotent: it
 * looks first ({@code lswpar -c} on the host) and then acts, so a job retried after a crash reaches the same end
 * state. Long commands (savewpar, restwpar) run detached through {@link RemoteRunService} under run ids derived from
 * the step, so a retry never starts a second one. Business outcomes are {@link RelocationRefusedException}s;
 * technical ones are {@link RelocationStepException}s or the gateway's failures ({@link AixGateway}) for job retry
 * and incident.
 *
 * <p>Locks: the lease lock {@code wpar:<lpar>/<wpar>} on each side (owner: the process instance that took them)
 * plus, on a host where the WPAR exists, its AIX administrative lock with the lease's fencing token as PID
 * ({@link AixAdminLock}). Base commands refuse to run on a locked WPAR whoever holds the lock, so our own
 * stopwpar/startwpar/rmwpar run with it lifted for that one command.
 */
@Service
public class StaticRelocationService {

    private static final Logger log = LoggerFactory.getLogger(StaticRelocationService.class);
    private static final List<LswparField> LOOK_FIELDS = List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE);

    private final AixGateway aix;
    private final RemoteRunService runs;
    private final LeaseLockService leases;
    private final AixAdminLock adminLock;
    private final RelocationInventory inventory;
    private final RelocationSettings settings;

    public StaticRelocationService(AixGateway aix, RemoteRunService runs, LeaseLockService leases,
            AixAdminLock adminLock, RelocationInventory inventory, RelocationSettings settings) {
        this.aix = aix;
        this.runs = runs;
        this.leases = leases;
        this.adminLock = adminLock;
        this.inventory = inventory;
        this.settings = settings;
    }

    /** What the departing WPAR was when the relocation began. */
    public record Departure(WparState state, WparType type) {
        public boolean wasActive() {
            return state == WparState.ACTIVE;
        }

        /** Table 4-3 instead of 4-2: no save or restore, stopped on departure and started from its spec on arrival. */
        public boolean application() {
            return type == WparType.APPLICATION;
        }
    }

    /** The answer to a lock request: held (with the fencing token) or held by someone else (who, in words). */
    public record LockOutcome(boolean acquired, long fencingToken, String heldBy) {
    }

    // ------------------------------------------------------------------ looking

    /** The WPAR as lswpar lists it on {@code host}, or empty. Lists every WPAR: naming a missing one is an error. */
    public Optional<WparInfo> look(String host, String wpar, Origin origin) {
        return list(host, origin).stream().filter(w -> wpar.equals(w.name())).findFirst();
    }

    /** Every WPAR lswpar lists on {@code host}. */
    public List<WparInfo> list(String host, Origin origin) {
        return aix.on(host, origin).wpars(LOOK_FIELDS);
    }

    // ------------------------------------------------------------------ Table 4-2 rows 1-6

    /**
     * Row 1: "Verify WPAR is either Active or Defined" (Table 4-2); for an application WPAR "Verify WPAR Active"
     * (Table 4-3 row 1: it exists only while it runs).
     */
    public Departure verifyDeparture(Relocation r, Origin origin) {
        WparInfo w = look(r.departing(), r.wpar(), origin).orElseThrow(() -> new RelocationRefusedException(
                "WPAR_NOT_FOUND", "WPAR " + r.wpar() + " does not exist on " + r.departing()));
        if (w.type() == WparType.APPLICATION) {
            if (w.state() != WparState.ACTIVE) {
                throw new RelocationRefusedException("WPAR_NOT_MOVABLE", "application WPAR " + r.wpar() + " is "
                        + w.state().word() + " on " + r.departing() + "; Table 4-3 row 1 needs it Active");
            }
            return new Departure(w.state(), w.type());
        }
        if (w.state() != WparState.ACTIVE && w.state() != WparState.DEFINED) {
            throw new RelocationRefusedException("WPAR_NOT_MOVABLE", "WPAR " + r.wpar() + " is " + w.state().word()
                    + " on " + r.departing() + "; static relocation needs Active or Defined (Table 4-2 row 1)");
        }
        if (w.type() != WparType.SYSTEM) {
            throw new RelocationRefusedException("NOT_A_SYSTEM_WPAR", "WPAR " + r.wpar() + " on " + r.departing()
                    + " is an application WPAR; savewpar/restwpar work on system WPARs only (Table 4-2 vs 4-3)");
        }
        return new Departure(w.state(), w.type());
    }

    /**
     * Row 2: "Lock WPAR" on the departing system: our lease, then the WPAR's AIX administrative lock with the lease's
     * fencing token. Contention (another relocation, an administrator at work) is an outcome, not an error.
     */
    public LockOutcome lockDeparture(Relocation r, Origin origin) {
        LockAcquisition lease = leases.acquire(r.departureLock(), r.lockOwner(), "relocation " + r.relocationId()
                + " of " + r.wpar() + " to " + r.arriving(), settings.lockLease());
        if (lease instanceof LockAcquisition.HeldByOther other) {
            return new LockOutcome(false, 0, other.describe());
        }
        long token = ((LockAcquisition.Acquired) lease).fencingToken();
        AdminLockOutcome admin = adminLock.take(r.departing(), r.name(), token, origin);
        if (admin instanceof AdminLockOutcome.HeldByOther other) {
            return new LockOutcome(false, token, "the administrative lock of " + r.wpar() + " on " + r.departing()
                    + ": " + other.failure().message());
        }
        if (admin instanceof AdminLockOutcome.WparAbsent) {
            leases.release(r.departureLock(), r.lockOwner());
            throw new RelocationRefusedException("WPAR_NOT_FOUND", "WPAR " + r.wpar() + " vanished from "
                    + r.departing());
        }
        return new LockOutcome(true, token, null);
    }

    /** Row 3: "Verify WPAR does not exist" on the arriving system. */
    public void verifyAbsentOnArrival(Relocation r, Origin origin) {
        Optional<WparInfo> there = look(r.arriving(), r.wpar(), origin);
        if (there.isPresent()) {
            throw new RelocationRefusedException("NAME_TAKEN_ON_TARGET", "a WPAR named " + r.wpar() + " already exists on "
                    + r.arriving() + " (" + there.get().state().word() + ")");
        }
    }

    /**
     * Row 4: "Lock WPAR" on the arriving system. The WPAR does not exist there yet, so the lock is our lease on
     * {@code wpar:<arriving>/<wpar>}; its administrative lock follows once restwpar created it.
     */
    public long lockArrival(Relocation r, Origin origin) {
        LockAcquisition lease = leases.acquire(r.arrivalLock(), r.lockOwner(), "relocation " + r.relocationId()
                + " of " + r.wpar() + " from " + r.departing(), settings.lockLease());
        if (lease instanceof LockAcquisition.HeldByOther other) {
            throw new RelocationRefusedException("WPAR_LOCKED", other.describe());
        }
        return ((LockAcquisition.Acquired) lease).fencingToken();
    }

    /**
     * Row 5: "Update WPAR spec if modified": the spec of the WPAR as it is now ({@code mkwpar -w -o SPEC -e}, RB:4751),
     * written beside the image, so the relocation keeps the definition it moved even when the image is gone.
     * Rewriting it on a retry is harmless.
     */
    public void writeDepartureSpec(Relocation r, long departureToken, Origin origin) {
        adminLock.whileLifted(r.departing(), r.name(), departureToken, origin,
                () -> departing(r, origin).writeSpec(r.name(), r.spec(settings)));
    }

    /** Row 6: the inventory's "last known host" and "target", state Transitional. */
    public void recordTransitional(Relocation r) {
        inventory.markTransitional(r.wpar(), r.departing(), r.arriving(), r.relocationId());
    }

    // ------------------------------------------------------------------ rows 7-13: the move

    /**
     * Row 7: "Stop WPAR if ACTIVE". A retry looks first: already Defined (the stop had finished), nothing to do; still
     * Transitional (a stop still running), wait for it (the job retries); Broken (a stop interrupted when the node that
     * sent it died), the documented way back to Defined, {@code stopwpar -F} (RB:2844), which is the stop this row
     * wants. We hold the WPAR's lease and administrative lock since row 2, so no one else was stopping it.
     */
    public void stopIfActive(Relocation r, long departureToken, Origin origin) {
        WparInfo w = look(r.departing(), r.wpar(), origin).orElseThrow(() -> new RelocationStepException(
                "WPAR " + r.wpar() + " vanished from " + r.departing() + " before it was stopped"));
        if (w.state() == WparState.DEFINED) {
            return;
        }
        if (w.state() == WparState.TRANSITIONAL) {
            throw new RelocationStepException("WPAR " + r.wpar() + " on " + r.departing()
                    + " is Transitional (a stop still running?); waiting for it to settle");
        }
        if (w.state() == WparState.BROKEN) {
            log.info("relocation {}: {} is Broken on {} (an interrupted stop); stopwpar -F (RB:2844)",
                    r.relocationId(), r.wpar(), r.departing());
            adminLock.whileLifted(r.departing(), r.name(), departureToken, origin,
                    () -> departing(r, origin).stop(r.name(), Stop.FORCE));
            return;
        }
        try {
            adminLock.whileLifted(r.departing(), r.name(), departureToken, origin,
                    () -> departing(r, origin).stop(r.name()));
        } catch (AixRefusal refused) {
            throw new RelocationRefusedException("STOP_FAILED", refused.getMessage());
        }
    }

    /**
     * Row 8: "Save WPAR", started detached. Flags ("with necessary flags", RB:4277, [SILENT] which):
     * {@code -f IMAGE} on the shared NFS repository, so the arriving system reads the same file (how the image
     * travels is [SILENT], digest §3.2); {@code -i} writes a fresh image.data, because savewpar otherwise reuses an
     * old /tmp/wpardata/NAME/image.data left by an earlier backup (RB:3942; IBM's savewpar reference); {@code -X}
     * grows /tmp if needed, since nobody answers a prompt (RB:9849). No {@code -m}: the LP-to-PP maps describe the
     * departing system's disks and mean nothing on another system. No {@code -N}: static relocation is for WPARs
     * without remote file systems (RB:4132); NFS-based WPARs take the live path.
     * <p>The WPAR's administrative lock is lifted for savewpar, which takes it itself while it runs. A retry of this
     * step (the start's connection dropped, the node died) finds the run recorded: the lock was lifted before it was
     * recorded, and may now be savewpar's own, which our token cannot (and must not) release; the start is sent again
     * and the helper, knowing the run id, does not start a second savewpar.
     */
    public String startSave(Relocation r, long departureToken, Origin origin) {
        if (runs.find(RemoteRunService.runIdFor(origin, null).value()).isEmpty()) {
            adminLock.release(r.departing(), r.name(), departureToken, origin);
        }
        return runs.start(origin, r.departing(),
                WparBackup.savewpar(r.name(), r.image(settings), WparBackup.Save.IMAGE_DATA, WparBackup.Save.EXPAND_TMP),
                null);
    }

    /** After the save run: it must have exited 0 with 0512-038; then our administrative lock again. */
    public void checkSave(Relocation r, String runId, long departureToken, Origin origin) {
        String output = finishedOutput(runId, "SAVE_FAILED", "savewpar of " + r.wpar() + " on " + r.departing());
        try {
            WparBackup.parseSaved(output);
        } catch (RuntimeException unexpected) {
            throw new RelocationRefusedException("SAVE_FAILED", "savewpar of " + r.wpar() + " on " + r.departing()
                    + " exited 0 without 0512-038: " + unexpected.getMessage());
        }
        adminLock.take(r.departing(), r.name(), departureToken, origin);
    }

    /**
     * Row 9: "Restore WPAR" on the arriving system, started detached. Looks first: a WPAR of that name there is
     * ours only if this step already started its restore (then the recorded run is returned, nothing restarts);
     * otherwise the name was taken meanwhile. Flags: {@code -f IMAGE} only. The name, hostname, base directory,
     * network and file systems come from the image's spec, unchanged, because a relocated WPAR is the same WPAR
     * (no {@code -n}/{@code -h}/{@code -d}, RB:3889); no {@code -a}, so a hostname or address in use on the
     * arriving system fails the restore instead of being silently changed (RB:10921); no {@code -U}, the image's
     * spec is authoritative (IBM's restwpar reference); the image.data's volume groups are kept, the compatibility
     * checks verify they exist with room on the arriving system (an edited {@code -i} image.data would move them,
     * RB:3972, not needed here).
     */
    public String startRestore(Relocation r, Origin origin) {
        Optional<RemoteRun> recorded = runs.find(RemoteRunService.runIdFor(origin, null).value());
        Optional<WparInfo> there = look(r.arriving(), r.wpar(), origin);
        if (there.isPresent() && recorded.isEmpty()) {
            throw new RelocationRefusedException("NAME_TAKEN_ON_TARGET", "a WPAR named " + r.wpar()
                    + " appeared on " + r.arriving() + " before the restore");
        }
        return runs.start(origin, r.arriving(), WparBackup.restwpar(WparBackup.RestwparRequest.asSaved(r.image(settings))),
                null);
    }

    /** After the restore run: exited 0 with "created successfully"; then the administrative lock on arrival. */
    public void checkRestore(Relocation r, String runId, long arrivalToken, Origin origin) {
        String output = finishedOutput(runId, "RESTORE_FAILED", "restwpar of " + r.wpar() + " on " + r.arriving());
        try {
            WparBackup.parseRestored(output);
        } catch (RuntimeException unexpected) {
            throw new RelocationRefusedException("RESTORE_FAILED", "restwpar of " + r.wpar() + " on " + r.arriving()
                    + " exited 0 without 'created successfully': " + unexpected.getMessage());
        }
        AdminLockOutcome admin = adminLock.take(r.arriving(), r.name(), arrivalToken, origin);
        if (!(admin instanceof AdminLockOutcome.Held)) {
            throw new RelocationRefusedException("RESTORE_FAILED", "restored WPAR " + r.wpar() + " on " + r.arriving()
                    + " cannot be locked: " + admin);
        }
    }

    /** Row 10: "Start WPAR that was originally Active". Already Active (a retry): nothing to do. */
    public void startOnArrival(Relocation r, long arrivalToken, Origin origin) {
        WparInfo w = look(r.arriving(), r.wpar(), origin).orElseThrow(() -> new RelocationRefusedException(
                "START_FAILED", "restored WPAR " + r.wpar() + " is missing on " + r.arriving()));
        if (w.state() == WparState.ACTIVE) {
            return;
        }
        try {
            adminLock.whileLifted(r.arriving(), r.name(), arrivalToken, origin, () -> arriving(r, origin).start(r.name()));
        } catch (AixCommandException failed) {
            throw startFailed(failed);
        }
    }

    /**
     * Table 4-3 row 8: "Start WPAR" on the arriving system, an application WPAR: {@code wparexec -f SPEC} with the
     * spec the departing system wrote (row 5), so it runs with the same definition. Already Active there (a retry):
     * nothing to do; another state: the name was taken meanwhile. Then its administrative lock with our token.
     */
    public void startApplicationOnArrival(Relocation r, long arrivalToken, Origin origin) {
        Optional<WparInfo> there = look(r.arriving(), r.wpar(), origin);
        if (there.isEmpty()) {
            try {
                arriving(r, origin).startApplicationFromSpec(r.spec(settings));
            } catch (AixCommandException failed) {
                throw startFailed(failed);
            }
        } else if (there.get().state() != WparState.ACTIVE) {
            throw new RelocationRefusedException("START_FAILED", "application WPAR " + r.wpar() + " on "
                    + r.arriving() + " is " + there.get().state().word() + " instead of Active");
        }
        adminLock.take(r.arriving(), r.name(), arrivalToken, origin);
    }

    /** Row 11: "Verify WPAR Active if it was originally Active" (and Defined if it was Defined). */
    public void verifyOnArrival(Relocation r, boolean wasActive, Origin origin) {
        WparState expected = wasActive ? WparState.ACTIVE : WparState.DEFINED;
        WparState state = look(r.arriving(), r.wpar(), origin).map(WparInfo::state).orElse(null);
        if (state != expected) {
            throw new RelocationRefusedException("NOT_ACTIVE_ON_ARRIVAL", "WPAR " + r.wpar() + " on " + r.arriving()
                    + " is " + (state == null ? "missing" : state.word()) + ", expected " + expected.word());
        }
    }

    /** Row 12: "Verify WPAR Services": the configured check inside the WPAR ({@code clogin WPAR CHECK...}). */
    public void verifyServices(Relocation r, Origin origin) {
        AixHost.Inside check = arriving(r, origin).runInside(r.name(), settings.serviceCheck());
        if (!check.succeeded()) {
            throw new RelocationRefusedException("SERVICES_FAILED", "service check in " + r.wpar() + " on "
                    + r.arriving() + " failed: " + check.failure().describe());
        }
    }

    /** Rows 11/13: "Mark WPAR Active in database", "Update WPAR Spec": the inventory learns where it lives now. */
    public void recordRelocated(Relocation r, boolean wasActive) {
        inventory.markRelocated(r.wpar(), r.departing(), r.arriving(), wasActive ? "A" : "D", r.relocationId());
    }

    // ------------------------------------------------------------------ rows 14-17

    /**
     * Row 14: "Remove WPAR" from the departing system. Never removes the only copy: the arriving copy must be
     * listed first (else a technical failure, for an operator to look at).
     */
    public void removeFromDeparture(Relocation r, long departureToken, Origin origin) {
        if (look(r.arriving(), r.wpar(), origin).isEmpty()) {
            throw new RelocationStepException("refusing to remove " + r.wpar() + " from " + r.departing()
                    + ": it is not listed on " + r.arriving());
        }
        Optional<WparInfo> left = look(r.departing(), r.wpar(), origin);
        if (left.isEmpty()) {
            return;
        }
        if (left.get().state() == WparState.TRANSITIONAL) {
            throw new RelocationStepException("WPAR " + r.wpar() + " on " + r.departing()
                    + " is Transitional (a removal still running?); waiting for it to settle");
        }
        if (left.get().state() == WparState.BROKEN) {
            finishBrokenRemoval(r, departureToken, origin);
            return;
        }
        adminLock.whileLifted(r.departing(), r.name(), departureToken, origin,
                () -> departing(r, origin).remove(r.name()));
    }

    /**
     * The departing copy half-removed and Broken (an rmwpar interrupted when the node that sent it died; stopped
     * before row 7, so nothing else made it Broken while we held its locks): the documented recovery of a Broken WPAR,
     * {@code stopwpar -F} back to Defined (RB:2844), then {@code rmwpar -F}, which removes what is left.
     */
    private void finishBrokenRemoval(Relocation r, long departureToken, Origin origin) {
        log.info("relocation {}: the departing copy of {} on {} is Broken (an interrupted rmwpar); stopwpar -F, "
                + "rmwpar -F", r.relocationId(), r.wpar(), r.departing());
        adminLock.whileLifted(r.departing(), r.name(), departureToken, origin,
                () -> departing(r, origin).stop(r.name(), Stop.FORCE));
        adminLock.whileLifted(r.departing(), r.name(), departureToken, origin,
                () -> departing(r, origin).remove(r.name(), Remove.FORCE));
    }

    /** Row 15: "Unlock WPAR" on the arriving system. */
    public void unlockArrival(Relocation r, long arrivalToken, Origin origin) {
        if (arrivalToken > 0 && look(r.arriving(), r.wpar(), origin).isPresent()) {
            adminLock.release(r.arriving(), r.name(), arrivalToken, origin);
        }
        leases.release(r.arrivalLock(), r.lockOwner());
    }

    /** Row 16: "Unlock WPAR" on the departing system (its WPAR may be gone: only the lease is left then). */
    public void unlockDeparture(Relocation r, long departureToken, Origin origin) {
        if (departureToken > 0 && look(r.departing(), r.wpar(), origin).isPresent()) {
            adminLock.release(r.departing(), r.name(), departureToken, origin);
        }
        leases.release(r.departureLock(), r.lockOwner());
    }

    /** Row 17: "Remove image", and the spec beside it ({@code rm -f}: removing twice is fine). */
    public void removeImage(Relocation r, Origin origin) {
        departing(r, origin).removeFiles(List.of(r.image(settings), r.spec(settings)));
    }

    // ------------------------------------------------------------------ rollback

    /**
     * Rollback: removes the copy on the arriving system, if any. It is ours: the name was verified free there
     * (row 3) and our lease has reserved it since (row 4). Never when the departing copy is gone.
     */
    public void removePartialCopy(Relocation r, long arrivalToken, Origin origin) {
        Optional<WparInfo> copy = look(r.arriving(), r.wpar(), origin);
        if (copy.isEmpty() || arrivalToken <= 0) {
            return;
        }
        if (copy.get().type() == WparType.APPLICATION) {
            // Table 4-3: the departing copy is gone (stopped), its spec stays beside the image for the restart;
            // an application WPAR ends with its stop (stopwpar -F)
            adminLock.release(r.arriving(), r.name(), arrivalToken, origin);
            arriving(r, origin).stop(r.name(), Stop.FORCE);
            log.info("rollback of relocation {}: application WPAR {} stopped on {}", r.relocationId(), r.wpar(),
                    r.arriving());
            return;
        }
        if (look(r.departing(), r.wpar(), origin).isEmpty()) {
            throw new RelocationStepException("refusing to remove " + r.wpar() + " from " + r.arriving()
                    + ": it is no longer listed on " + r.departing());
        }
        adminLock.release(r.arriving(), r.name(), arrivalToken, origin);
        arriving(r, origin).remove(r.name(), Remove.FORCE);
        log.info("rollback of relocation {}: partial copy of {} removed from {}", r.relocationId(), r.wpar(),
                r.arriving());
    }

    /**
     * Rollback: the departing WPAR back in the state it had: a Broken one (savewpar interrupted, RB:2844) is forced
     * back to Defined, then started if it was Active. Returns the state it is left in.
     */
    public WparState restoreOnDeparture(Relocation r, long departureToken, boolean wasActive, Origin origin) {
        return restoreOnDeparture(r, departureToken, wasActive, false, origin);
    }

    /**
     * As {@link #restoreOnDeparture(Relocation, long, boolean, Origin)}; an application WPAR that was stopped on
     * departure (and so removed) is started again from its spec ({@code wparexec -f SPEC}).
     */
    public WparState restoreOnDeparture(Relocation r, long departureToken, boolean wasActive, boolean application,
            Origin origin) {
        if (application && look(r.departing(), r.wpar(), origin).isEmpty()) {
            departing(r, origin).startApplicationFromSpec(r.spec(settings));
            adminLock.take(r.departing(), r.name(), departureToken, origin);
        }
        WparInfo w = look(r.departing(), r.wpar(), origin).orElseThrow(() -> new RelocationStepException(
                "rollback: WPAR " + r.wpar() + " is missing on " + r.departing()));
        WparState state = w.state();
        if (state == WparState.BROKEN) {
            adminLock.whileLifted(r.departing(), r.name(), departureToken, origin,
                    () -> departing(r, origin).stop(r.name(), Stop.FORCE));
            state = WparState.DEFINED;
        }
        if (wasActive && state == WparState.DEFINED) {
            adminLock.whileLifted(r.departing(), r.name(), departureToken, origin,
                    () -> departing(r, origin).start(r.name()));
            state = WparState.ACTIVE;
        }
        inventory.markRolledBack(r.wpar(), r.departing(), r.arriving(), state.code(), r.relocationId());
        return state;
    }

    /** A detached run that timed out: cancelled on its host (the model then rolls back). */
    public void cancelRun(String runId, Origin origin) {
        if (runId != null) {
            runs.cancel(runId, origin);
        }
    }

    /** Releases everything this relocation holds on both sides; idempotent. */
    public void releaseLocks(Relocation r, long departureToken, long arrivalToken, Origin origin) {
        unlockArrival(r, arrivalToken, origin);
        unlockDeparture(r, departureToken, origin);
    }

    // ------------------------------------------------------------------ helpers

    /** The output of a finished detached run that exited 0, else a business failure with the run's reason. */
    private String finishedOutput(String runId, String code, String what) {
        RemoteRun run = runs.find(runId).orElseThrow(() -> new RelocationStepException("no run " + runId));
        if (!run.succeeded()) {
            String reason = switch (run.state()) {
                case LOST -> "the host lost the run (" + run.note() + ")";
                case CANCELLED -> "cancelled (" + run.note() + ")";
                case EXITED -> AixFailure.ofExit(run.host(), run.command(), run.exitCode(), run.output()).describe();
                default -> "not finished: " + run.state();
            };
            throw new RelocationRefusedException(code, what + " failed: " + reason);
        }
        return run.output() == null ? "" : run.output();
    }

    private AixHost departing(Relocation r, Origin origin) {
        return aix.on(r.departing(), origin);
    }

    private AixHost arriving(Relocation r, Origin origin) {
        return aix.on(r.arriving(), origin);
    }

    /** A start the host refused, or that exited 1 (startwpar's plain failure): the WPAR did not start. */
    private static RuntimeException startFailed(AixCommandException failed) {
        if (failed instanceof AixRefusal || failed.failure().exitStatus() == 1) {
            return new RelocationRefusedException("START_FAILED", failed.getMessage());
        }
        return failed;
    }
}
