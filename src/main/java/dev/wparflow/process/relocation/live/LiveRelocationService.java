package dev.wparflow.process.relocation.live;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.wparflow.aix.AixFailure;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.AixRefusal;
import dev.wparflow.aix.IpAddress;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.SystemInfo;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparLifecycle.Remove;
import dev.wparflow.aix.WparLifecycle.Stop;
import dev.wparflow.aix.WparMobility;
import dev.wparflow.aix.WparState;
import dev.wparflow.aix.WparType;
import dev.wparflow.lock.AdminLockOutcome;
import dev.wparflow.lock.AixAdminLock;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockAcquisition;
import dev.wparflow.lock.LockResource;
import dev.wparflow.run.RemoteRun;
import dev.wparflow.run.RemoteRunService;
import dev.wparflow.process.relocation.Relocation;
import dev.wparflow.process.relocation.RelocationInventory;
import dev.wparflow.process.relocation.RelocationRefusedException;
import dev.wparflow.process.relocation.RelocationSettings;
import dev.wparflow.process.relocation.RelocationStepException;

/**
 * The remote steps of a live relocation (Redbook 4.7.3-4.7.4, digest §3.7-3.9): spec file from the departing system
 * and {@code mkwpar -p -f} on the arriving one (system WPARs), {@code setclock}, {@code movewpar -s} on the departing
 * system for the connection key, {@code movewpar -k} on the arriving one, detached (it blocks for the whole move),
 * then the departing copy removed with its file systems preserved (they are the moved WPAR's, on NFS). The abort
 * path runs {@code movewpar -x} on both sides (RB:4837) and removes the pre-staged copy on arrival.
 *
 * <p>Locks: the lease locks {@code wpar:<lpar>/<wpar>} on both sides (re-entrant for the umbrella, which owns them),
 * and the WPAR's AIX administrative lock (Redbook 4.6.1, {@link AixAdminLock}, the lease's fencing token as PID) while
 * wparflow prepares the move: on the departing WPAR from the verification until {@code movewpar -s}, on the
 * pre-staged copy from {@code mkwpar -p} until {@code movewpar -k}. It keeps administrators and other tools from
 * changing either between the spec file and the move (the book needs "exactly the same definitions" on both sides,
 * RB:4749, RB:4755) or from stopping them. It is handed over to movewpar, not held through it: movewpar changes the
 * WPAR's state as the base commands do, which refuse a locked WPAR whoever holds the lock, and it has no "while
 * lifted" mode; whether movewpar locks the WPAR itself is [SILENT] (the simulator's does). The abort path releases
 * what is still ours after {@code movewpar -x}.
 */
@Service
public class LiveRelocationService {

    private static final Logger log = LoggerFactory.getLogger(LiveRelocationService.class);
    private static final List<LswparField> FIELDS = List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE,
            LswparField.CHECKPOINTABLE);

    private final AixGateway aix;
    private final RemoteRunService runs;
    private final LeaseLockService leases;
    private final AixAdminLock adminLock;
    private final RelocationInventory inventory;
    private final RelocationSettings settings;

    public LiveRelocationService(AixGateway aix, RemoteRunService runs, LeaseLockService leases,
            AixAdminLock adminLock, RelocationInventory inventory, RelocationSettings settings) {
        this.aix = aix;
        this.runs = runs;
        this.leases = leases;
        this.adminLock = adminLock;
        this.inventory = inventory;
        this.settings = settings;
    }

    /** What the verification found and took: a system WPAR (pre-staged) or not, and the leases' fencing tokens. */
    public record LiveDeparture(boolean systemWpar, long departureToken, long arrivalToken) {
    }

    public Optional<WparInfo> look(String host, String wpar, Origin origin) {
        return aix.on(host, origin).wpars(FIELDS).stream().filter(w -> wpar.equals(w.name())).findFirst();
    }

    /**
     * Before anything changes: Active and checkpointable on the departing system (RB:4745), absent on the arriving
     * one. Then both leases and the departing WPAR's administrative lock (held by another: WPAR_LOCKED). A retry finds
     * them ours (same owner, same token) and changes nothing.
     */
    public LiveDeparture verifyAndLock(Relocation r, Origin origin) {
        WparInfo w = look(r.departing(), r.wpar(), origin).orElseThrow(() -> new RelocationRefusedException(
                "WPAR_NOT_FOUND", "WPAR " + r.wpar() + " does not exist on " + r.departing()));
        if (w.state() != WparState.ACTIVE) {
            throw new RelocationRefusedException("WPAR_NOT_MOVABLE", "WPAR " + r.wpar() + " is " + w.state().word()
                    + " on " + r.departing() + "; live mobility needs it Active (RB:4745)");
        }
        if (!"yes".equals(w.fields().get("checkpointable"))) {
            throw new RelocationRefusedException("NOT_CHECKPOINTABLE", "WPAR " + r.wpar() + " on " + r.departing()
                    + " is not checkpointable: it is not eligible for live mobility");
        }
        Optional<WparInfo> there = look(r.arriving(), r.wpar(), origin);
        if (there.isPresent()) {
            throw new RelocationRefusedException("NAME_TAKEN_ON_TARGET", "a WPAR named " + r.wpar()
                    + " already exists on " + r.arriving() + " (" + there.get().state().word() + ")");
        }
        long[] tokens = new long[2];
        List<LockResource> resources = List.of(r.departureLock(), r.arrivalLock());
        for (int i = 0; i < resources.size(); i++) {
            LockAcquisition got = leases.acquire(resources.get(i), r.lockOwner(), "live relocation " + r.relocationId()
                    + " of " + r.wpar() + " from " + r.departing() + " to " + r.arriving(), settings.lockLease());
            if (got instanceof LockAcquisition.HeldByOther other) {
                throw new RelocationRefusedException("WPAR_LOCKED", other.describe());
            }
            tokens[i] = ((LockAcquisition.Acquired) got).fencingToken();
        }
        AdminLockOutcome admin = adminLock.take(r.departing(), r.name(), tokens[0], origin);
        if (admin instanceof AdminLockOutcome.HeldByOther other) {
            throw new RelocationRefusedException("WPAR_LOCKED", "the administrative lock of " + r.wpar() + " on "
                    + r.departing() + ": " + other.failure().message());
        }
        if (admin instanceof AdminLockOutcome.WparAbsent) {
            throw new RelocationRefusedException("WPAR_NOT_FOUND", "WPAR " + r.wpar() + " vanished from "
                    + r.departing());
        }
        inventory.markTransitional(r.wpar(), r.departing(), r.arriving(), r.relocationId());
        return new LiveDeparture(w.type() == WparType.SYSTEM, tokens[0], tokens[1]);
    }

    /**
     * System WPARs only (RB:4751-4757): {@code mkwpar -w -o SPEC -e NAME} on the departing system (its administrative
     * lock lifted for that command), the spec on the shared repository, then {@code mkwpar -p -f SPEC} on the arriving
     * one, and the pre-staged copy's administrative lock with our arrival token. A retry looks first: already Defined
     * there, only the lock; Transitional, a pre-stage still running (the job retries); Broken, a pre-stage interrupted
     * when the node that sent it died: removed and made again, if it is ours ({@link #removeBrokenPrestage}).
     */
    public void prepareArrival(Relocation r, long departureToken, long arrivalToken, Origin origin) {
        Optional<WparInfo> there = look(r.arriving(), r.wpar(), origin);
        if (there.isPresent()) {
            if (there.get().state() == WparState.DEFINED) {
                lockPrestagedCopy(r, arrivalToken, origin);
                return;
            }
            if (there.get().state() == WparState.TRANSITIONAL) {
                throw new RelocationStepException("WPAR " + r.wpar() + " on " + r.arriving()
                        + " is Transitional before movewpar (a pre-stage still running?); waiting for it to settle");
            }
            if (there.get().state() != WparState.BROKEN || !prestagedByThisStep(r, origin)) {
                throw new RelocationStepException("WPAR " + r.wpar() + " on " + r.arriving() + " is "
                        + there.get().state().word() + " before movewpar; expected Defined");
            }
            removeBrokenPrestage(r, origin);
        }
        adminLock.whileLifted(r.departing(), r.name(), departureToken, origin,
                () -> departing(r, origin).writeSpec(r.name(), r.spec(settings)));
        try {
            arriving(r, origin).definePreservingFromSpec(r.spec(settings));
        } catch (AixRefusal refused) {
            throw new RelocationRefusedException("PRESTAGE_FAILED", refused.getMessage());
        }
        lockPrestagedCopy(r, arrivalToken, origin);
    }

    /**
     * Whether a copy on the arriving system is this step's pre-stage: the name was verified free there and has been
     * leased to this relocation since, and this step's transcript shows it got as far as the spec of this relocation
     * (written on the departing system just before {@code mkwpar -p -f SPEC}, the spec's path names the relocation).
     */
    private boolean prestagedByThisStep(Relocation r, Origin origin) {
        String spec = r.spec(settings).value();
        return aix.stepSent(origin, r.departing(), spec) || aix.stepSent(origin, r.arriving(), spec);
    }

    /**
     * Our half-made pre-staged copy, Broken: the documented way back to Defined ({@code stopwpar -F}, RB:2844), then
     * removed keeping its file systems ({@code rmwpar -F -p}: they are the departing WPAR's, on NFS). Any
     * administrative lock on it is gone with it.
     */
    private void removeBrokenPrestage(Relocation r, Origin origin) {
        log.info("live relocation {}: the pre-staged copy of {} on {} is Broken (an interrupted mkwpar -p); "
                + "removing it and pre-staging again", r.relocationId(), r.wpar(), r.arriving());
        arriving(r, origin).stop(r.name(), Stop.FORCE);
        arriving(r, origin).remove(r.name(), Remove.FORCE, Remove.PRESERVE_FILE_SYSTEMS);
    }

    private void lockPrestagedCopy(Relocation r, long arrivalToken, Origin origin) {
        AdminLockOutcome admin = adminLock.take(r.arriving(), r.name(), arrivalToken, origin);
        if (admin instanceof AdminLockOutcome.HeldByOther other) {
            throw new RelocationRefusedException("PRESTAGE_FAILED", "the pre-staged " + r.wpar() + " on "
                    + r.arriving() + " is locked by another process: " + other.failure().message());
        }
        if (admin instanceof AdminLockOutcome.WparAbsent) {
            throw new RelocationStepException("the pre-staged " + r.wpar() + " vanished from " + r.arriving());
        }
    }

    /** The departing system's address, from its prtconf ("IP Address:"): movewpar -k and setclock need it. */
    public String departingAddress(Relocation r, Origin origin) {
        SystemInfo.Prtconf prtconf = departing(r, origin).read(SystemInfo.prtconf(), SystemInfo::parsePrtconf);
        String ip = prtconf.all().get("IP Address");
        if (ip == null || ip.isBlank()) {
            throw new RelocationStepException("prtconf on " + r.departing() + " shows no IP Address");
        }
        return IpAddress.of(ip.strip()).value();
    }

    /** {@code setclock DEPARTING_IP} on the arriving system, "just before executing movewpar" (RB:4741). */
    public void setClock(Relocation r, String departingIp, Origin origin) {
        try {
            arriving(r, origin).setClock(IpAddress.of(departingIp));
        } catch (AixRefusal refused) {
            throw new RelocationRefusedException("SETCLOCK_FAILED", refused.getMessage());
        }
    }

    /**
     * {@code movewpar -s NAME} on the departing system: the connection key. A retry that finds the WPAR already
     * Transitional (the key of the first attempt is lost with its transaction) aborts that server and starts anew.
     * Our administrative lock is handed over first: from here the WPAR is movewpar's.
     */
    public String startDeparture(Relocation r, long departureToken, Origin origin) {
        WparInfo w = look(r.departing(), r.wpar(), origin).orElseThrow(() -> new RelocationStepException(
                "WPAR " + r.wpar() + " vanished from " + r.departing()));
        if (w.state() == WparState.TRANSITIONAL) {
            departing(r, origin).abortMove(r.name());
        }
        adminLock.release(r.departing(), r.name(), departureToken, origin);
        try {
            return departing(r, origin).startDeparture(r.name()).value();
        } catch (AixRefusal refused) {
            throw new RelocationRefusedException("MOVE_REFUSED", refused.getMessage());
        }
    }

    /**
     * {@code movewpar -k KEY NAME DEPARTING_IP} on the arriving system, detached: it blocks for the whole move. The
     * pre-staged copy's administrative lock is handed over first, unless a retry finds the run started (the lock may
     * then be movewpar's, which our token must not release).
     */
    public String startArrival(Relocation r, String key, String departingIp, boolean prestaged, long arrivalToken,
            Origin origin) {
        if (prestaged && runs.find(RemoteRunService.runIdFor(origin, null).value()).isEmpty()) {
            adminLock.release(r.arriving(), r.name(), arrivalToken, origin);
        }
        return runs.start(origin, r.arriving(), WparMobility.arrive(new dev.wparflow.aix.ConnectionKey(key), r.name(),
                IpAddress.of(departingIp), null, null), null);
    }

    /**
     * After movewpar -k: it exited 0, the WPAR is Active on arrival and Defined (a system WPAR) or gone (an
     * application WPAR) on departure (Figure 4-2). Departure still finishing: technical, the job retries.
     */
    public void checkMove(Relocation r, String runId, Origin origin) {
        RemoteRun run = runs.find(runId).orElseThrow(() -> new RelocationStepException("no run " + runId));
        if (!run.succeeded()) {
            String why = run.state() == RemoteRun.State.EXITED
                    ? AixFailure.ofExit(run.host(), run.command(), run.exitCode(), run.output()).describe()
                    : run.state() + (run.note() == null ? "" : " (" + run.note() + ")");
            throw new RelocationRefusedException("MOVE_FAILED", "movewpar -k of " + r.wpar() + " on " + r.arriving()
                    + " failed: " + why);
        }
        WparState arrived = look(r.arriving(), r.wpar(), origin).map(WparInfo::state).orElse(null);
        if (arrived != WparState.ACTIVE) {
            throw new RelocationRefusedException("MOVE_FAILED", "after movewpar WPAR " + r.wpar() + " is "
                    + (arrived == null ? "missing" : arrived.word()) + " on " + r.arriving() + ", expected Active");
        }
        Optional<WparState> left = look(r.departing(), r.wpar(), origin).map(WparInfo::state);
        if (left.isPresent() && left.get() != WparState.DEFINED) {
            throw new RelocationStepException("WPAR " + r.wpar() + " on " + r.departing() + " is still "
                    + left.get().word() + " after the move; waiting for Defined");
        }
    }

    /** After the move: the departing copy removed, file systems preserved (they are the moved WPAR's); the spec too. */
    public void cleanUpDeparture(Relocation r, Origin origin) {
        if (look(r.arriving(), r.wpar(), origin).isEmpty()) {
            throw new RelocationStepException("refusing to remove " + r.wpar() + " from " + r.departing()
                    + ": it is not listed on " + r.arriving());
        }
        Optional<WparInfo> left = look(r.departing(), r.wpar(), origin);
        if (left.isPresent() && left.get().state() == WparState.TRANSITIONAL) {
            throw new RelocationStepException("WPAR " + r.wpar() + " on " + r.departing()
                    + " is Transitional (a removal still running?); waiting for it to settle");
        }
        if (left.isPresent() && left.get().state() == WparState.BROKEN) {
            // an rmwpar interrupted when the node that sent it died: the recovery of a Broken WPAR (RB:2844), then
            // the removal forced; the moved WPAR is Active on arrival (checked above and by checkMove)
            log.info("live relocation {}: the departing copy of {} on {} is Broken (an interrupted rmwpar); "
                    + "stopwpar -F, rmwpar -F -p", r.relocationId(), r.wpar(), r.departing());
            departing(r, origin).stop(r.name(), Stop.FORCE);
            departing(r, origin).remove(r.name(), Remove.FORCE, Remove.PRESERVE_FILE_SYSTEMS);
        } else if (left.isPresent()) {
            departing(r, origin).remove(r.name(), Remove.PRESERVE_FILE_SYSTEMS);
        }
        removeSpec(r, origin);
        inventory.markRelocated(r.wpar(), r.departing(), r.arriving(), "A", r.relocationId());
    }

    /**
     * The abort path: the detached movewpar -k cancelled if still running, then {@code movewpar -x NAME} on both
     * sides (RB:4837; "No migration in progress" is fine), the pre-staged copy on arrival removed (file systems
     * preserved), and the departing WPAR checked Active. Our administrative locks still held (an abort before
     * movewpar took over) are released after {@code -x}: the copy's before its removal, the departing WPAR's once it
     * is known Active (otherwise it stays locked for the operator). Returns the departing state.
     */
    public WparState abort(Relocation r, String runId, long departureToken, long arrivalToken, Origin origin) {
        // -x first: it ends a running movewpar -k cleanly (exit 1, "aborted"); killing -k first leaves the copy Broken
        for (String host : List.of(r.arriving(), r.departing())) {
            log.info("movewpar -x {} on {}: exit {}", r.wpar(), host, aix.on(host, origin).abortMove(r.name()));
        }
        if (runId != null) {
            runs.find(runId).filter(x -> !x.finished()).ifPresent(x -> runs.cancel(runId, origin));
        }
        Optional<WparInfo> here = look(r.departing(), r.wpar(), origin);
        Optional<WparInfo> there = look(r.arriving(), r.wpar(), origin);
        if (here.isEmpty()) {
            throw new RelocationStepException("abort of the move of " + r.wpar() + ": it is gone from "
                    + r.departing() + (there.isPresent() ? " and " + there.get().state().word() + " on " + r.arriving()
                            : "") + "; an operator must look");
        }
        if (there.isPresent()) {
            if (arrivalToken > 0) {
                adminLock.release(r.arriving(), r.name(), arrivalToken, origin);
            }
            if (there.get().state() == WparState.BROKEN) {
                // our pre-staged copy (the name was free and leased): forced back to Defined (RB:2844), then removed
                arriving(r, origin).stop(r.name(), Stop.FORCE);
                there = look(r.arriving(), r.wpar(), origin);
            }
            if (there.isPresent() && there.get().state() != WparState.DEFINED) {
                throw new RelocationStepException("abort of the move of " + r.wpar() + ": the copy on "
                        + r.arriving() + " is " + there.get().state().word() + "; an operator must look");
            }
            if (there.isPresent()) {
                arriving(r, origin).remove(r.name(), Remove.PRESERVE_FILE_SYSTEMS);
            }
        }
        removeSpec(r, origin);
        WparState state = here.get().state();
        if (state != WparState.ACTIVE) {
            throw new RelocationStepException("abort of the move of " + r.wpar() + ": it is " + state.word() + " on "
                    + r.departing() + ", expected Active");
        }
        if (departureToken > 0) {
            adminLock.release(r.departing(), r.name(), departureToken, origin);
        }
        inventory.markRolledBack(r.wpar(), r.departing(), r.arriving(), state.code(), r.relocationId());
        return state;
    }

    public void releaseLocks(Relocation r) {
        leases.release(r.arrivalLock(), r.lockOwner());
        leases.release(r.departureLock(), r.lockOwner());
    }

    private void removeSpec(Relocation r, Origin origin) {
        departing(r, origin).removeFiles(List.of(r.spec(settings)));
    }

    private AixHost departing(Relocation r, Origin origin) {
        return aix.on(r.departing(), origin);
    }

    private AixHost arriving(Relocation r, Origin origin) {
        return aix.on(r.arriving(), origin);
    }
}
