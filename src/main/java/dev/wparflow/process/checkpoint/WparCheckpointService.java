package dev.wparflow.process.checkpoint;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.FilesetName;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.WparCheckpoint;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparLifecycle;
import dev.wparflow.aix.WparLifecycle.Remove;
import dev.wparflow.aix.WparMobility;
import dev.wparflow.aix.WparMobility.AfterCheckpoint;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparState;
import dev.wparflow.lock.HeldLock;
import dev.wparflow.process.approval.ChangeApprovalVariables;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockAcquisition;
import dev.wparflow.lock.LockResource;
import dev.wparflow.process.checkpoint.CheckpointCatalog.Checkpoint;

/**
 * The steps of WparCheckpointProcess (Redbook 4.8, Example 4-29; 1.4.1's use cases). A checkpoint: the WPAR Active
 * and checkpointable on its LPAR (lswpar; a non-checkpointable one is refused before anything runs, 0960-100's
 * situation), its spec written into a new directory on the shared repository ({@code mkwpar -w -o DIR/wpar.spec -e
 * NAME}), {@code chkptwpar [-k] -d DIR NAME}, its size ({@code du -s -k}) and the catalog row. A restart: the
 * catalogued checkpoint of that WPAR, readable on the LPAR it restarts on; on another LPAR the WPAR defined there
 * from the checkpoint's spec ({@code mkwpar -p -f}, as live relocation pre-stages, RB:4751-4757), {@code restartwpar
 * -d DIR NAME}, then the source's definition removed keeping its (NFS) file systems, so the WPAR exists once. Each
 * changing step looks first, so a retry reaches the same end. Refusal codes: INVALID_REQUEST, WPAR_NOT_FOUND,
 * NOT_CHECKPOINTABLE, WRONG_STATE, WPAR_LOCKED, CHECKPOINT_NOT_FOUND, CHECKPOINT_OF_ANOTHER_WPAR, INCOMPATIBLE_LPAR,
 * NAME_TAKEN.
 */
@Service
public class WparCheckpointService {

    private static final Logger log = LoggerFactory.getLogger(WparCheckpointService.class);
    private static final List<LswparField> FIELDS = List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE,
            LswparField.CHECKPOINTABLE);
    private static final FilesetName MCR = FilesetName.of("mcr.rte");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")
            .withZone(ZoneOffset.UTC);
    /** Camunda keeps a String variable in a 4000-character column */
    static final int MAX_TEXT = 3900;

    /** What the check found: the checkpoint's directory, the LPAR it was (or is) taken on, whether approval is due. */
    public record Facts(String directory, String sourceLpar, boolean approvalRequired) {
    }

    private final AixGateway aix;
    private final LeaseLockService leases;
    private final CheckpointCatalog catalog;
    private final CheckpointSettings settings;
    private final Clock clock;

    public WparCheckpointService(AixGateway aix, LeaseLockService leases, CheckpointCatalog catalog,
            CheckpointSettings settings, Clock clock) {
        this.aix = aix;
        this.leases = leases;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------- checks

    /**
     * Refuses before anything runs what the request gets wrong: a checkpoint of a WPAR that is not on the LPAR, not
     * checkpointable or not Active; a restart without a checkpoint id, of a checkpoint the catalog does not have or
     * took of another WPAR, or that the LPAR cannot read (not on the shared repository), on an LPAR without mcr.rte,
     * of a WPAR that still runs where the checkpoint was taken (it would run twice).
     */
    public Facts check(Origin origin, String owner, String action, String lpar, WparName wpar, boolean kill,
            Long checkpointId) {
        if (lpar == null || wpar == null || action == null) {
            throw new CheckpointRefusal("INVALID_REQUEST", "action, lpar and wpar are required");
        }
        heldByOther(LockResource.wpar(lpar, wpar.value()), owner).ifPresent(held -> {
            throw new CheckpointRefusal("WPAR_LOCKED", "another operation works on " + lpar + "/" + wpar + ": " + held);
        });
        if (WparCheckpointVariables.ACTION_CHECKPOINT.equals(action)) {
            return checkCheckpoint(origin, lpar, wpar, kill);
        }
        return checkRestart(origin, owner, lpar, wpar, checkpointId);
    }

    private Facts checkCheckpoint(Origin origin, String lpar, WparName wpar, boolean kill) {
        AixHost host = aix.on(lpar, origin);
        WparInfo w = host.wpar(wpar, FIELDS).orElseThrow(() -> notFound(lpar, wpar));
        if (!"yes".equalsIgnoreCase(w.fields().get(LswparField.CHECKPOINTABLE.fieldName()))) {
            throw new CheckpointRefusal("NOT_CHECKPOINTABLE", wpar + " on " + lpar + " is not checkpointable"
                    + " (lswpar: checkpointable=no): only a WPAR created checkpointable, with every writable file"
                    + " system remote, can be checkpointed (0960-100)");
        }
        if (w.state() != WparState.ACTIVE) {
            throw new CheckpointRefusal("WRONG_STATE", wpar + " on " + lpar + " is " + w.state().word()
                    + ": chkptwpar checkpoints an Active WPAR");
        }
        requireMcr(origin, lpar);
        return new Facts(newDirectory(wpar), lpar, kill);
    }

    /** {@code REPOSITORY/WPAR-yyyyMMddTHHmmssSSS}, with a suffix when the catalog has that directory already. */
    String newDirectory(WparName wpar) {
        String base = settings.directory().value() + "/" + wpar + "-" + STAMP.format(clock.instant());
        String directory = base;
        for (int n = 2; catalog.byDirectory(directory).isPresent(); n++) {
            directory = base + "-" + n;
        }
        return directory;
    }

    private Facts checkRestart(Origin origin, String owner, String lpar, WparName wpar, Long checkpointId) {
        if (checkpointId == null) {
            throw new CheckpointRefusal("INVALID_REQUEST", "a restart needs checkpointId: the checkpoint to restart"
                    + " from (GET /api/checkpoints?wpar=" + wpar + ")");
        }
        Checkpoint c = catalog.find(checkpointId).orElseThrow(() -> new CheckpointRefusal("CHECKPOINT_NOT_FOUND",
                "the catalog has no checkpoint " + checkpointId + " (GET /api/checkpoints?wpar=" + wpar + ")"));
        if (!c.wpar().equals(wpar.value())) {
            throw new CheckpointRefusal("CHECKPOINT_OF_ANOTHER_WPAR", "checkpoint " + checkpointId + " ("
                    + c.directory() + ") was taken of " + c.wpar() + " on " + c.lpar() + ", not of " + wpar);
        }
        heldByOther(LockResource.wpar(c.lpar(), wpar.value()), owner).ifPresent(held -> {
            throw new CheckpointRefusal("WPAR_LOCKED", "another operation works on " + c.lpar() + "/" + wpar + ": "
                    + held);
        });
        AbsolutePath dir = AbsolutePath.of(c.directory());
        AixHost target = aix.on(lpar, origin);
        Optional<String> of = target.checkpointOf(dir);
        if (of.isEmpty()) {
            throw new CheckpointRefusal("CHECKPOINT_NOT_FOUND", "checkpoint " + checkpointId + " is not readable on "
                    + lpar + ": " + WparCheckpoint.spec(dir) + " is missing (removed, or " + lpar
                    + " does not mount the repository)");
        }
        if (!of.get().equals(wpar.value())) {
            throw new CheckpointRefusal("CHECKPOINT_OF_ANOTHER_WPAR", c.directory() + " on " + lpar
                    + " holds a checkpoint of " + of.get() + ", not of " + wpar);
        }
        requireMcr(origin, lpar);
        Optional<WparInfo> there = target.wpar(wpar, FIELDS);
        if (lpar.equals(c.lpar())) {
            WparInfo w = there.orElseThrow(() -> notFound(lpar, wpar));
            if (w.state() != WparState.DEFINED && w.state() != WparState.PAUSED) {
                throw new CheckpointRefusal("WRONG_STATE", wpar + " on " + lpar + " is " + w.state().word()
                        + ": restartwpar needs it Defined (checkpointed with kill, or stopped) or Paused");
            }
        } else {
            if (there.isPresent() && there.get().state() != WparState.DEFINED) {
                throw new CheckpointRefusal("NAME_TAKEN", lpar + " already has a WPAR " + wpar + " ("
                        + there.get().state().word() + ")");
            }
            Optional<WparInfo> source = aix.on(c.lpar(), origin).wpar(wpar, FIELDS);
            if (source.isPresent() && source.get().state() != WparState.DEFINED) {
                throw new CheckpointRefusal("WRONG_STATE", wpar + " is " + source.get().state().word() + " on "
                        + c.lpar() + ": restarting it on " + lpar + " would run it twice; checkpoint it with kill"
                        + " or stop it first");
            }
        }
        return new Facts(c.directory(), c.lpar(), true);
    }

    private void requireMcr(Origin origin, String lpar) {
        boolean installed = aix.on(lpar, origin).filesets(List.of(MCR)).stream()
                .anyMatch(f -> MCR.value().equals(f.fileset()));
        if (!installed) {
            throw new CheckpointRefusal("INCOMPATIBLE_LPAR", lpar + " has no mcr.rte: chkptwpar and restartwpar"
                    + " come with it (Redbook 4.8)");
        }
    }

    private static CheckpointRefusal notFound(String lpar, WparName wpar) {
        return new CheckpointRefusal("WPAR_NOT_FOUND", "WPAR " + wpar + " does not exist on " + lpar);
    }

    private Optional<String> heldByOther(LockResource resource, String owner) {
        HeldLock held = leases.find(resource);
        if (held == null || held.owner() == null || held.expired() || held.owner().equals(owner)) {
            return Optional.empty();
        }
        return Optional.of(resource + " is held by " + held.owner()
                + (held.ownerInfo() == null ? "" : " (" + held.ownerInfo() + ")") + " until " + held.expiresAt());
    }

    // --------------------------------------------------------------------------------------------- plan

    public static String summary(boolean restart, String lpar, WparName wpar, Facts facts, boolean kill) {
        if (restart) {
            return "Restart " + wpar + " on " + lpar + " from " + facts.directory()
                    + (lpar.equals(facts.sourceLpar()) ? "" : " (checkpointed on " + facts.sourceLpar() + ")");
        }
        return "Checkpoint " + wpar + " on " + lpar + (kill ? " and stop it" : "") + " into " + facts.directory();
    }

    /** The exact commands, in order, as the hosts receive them. */
    public static List<String> commands(boolean restart, String lpar, WparName wpar, Facts facts, boolean kill) {
        AbsolutePath dir = AbsolutePath.of(facts.directory());
        if (!restart) {
            return List.of(lpar + ": " + WparLifecycle.writeSpec(wpar, WparCheckpoint.spec(dir)).commandLine(),
                    lpar + ": " + WparMobility.checkpoint(wpar, dir,
                            kill ? AfterCheckpoint.KILL : AfterCheckpoint.CONTINUE).commandLine(),
                    lpar + ": " + WparCheckpoint.diskUsage(dir).commandLine());
        }
        List<String> c = new ArrayList<>();
        boolean elsewhere = !lpar.equals(facts.sourceLpar());
        if (elsewhere) {
            c.add(lpar + ": " + WparLifecycle.mkwpar(WparLifecycle.MkwparRequest.preservingFromSpec(
                    WparCheckpoint.spec(dir))).commandLine());
        }
        c.add(lpar + ": " + WparMobility.restart(wpar, dir).commandLine());
        if (elsewhere) {
            c.add(facts.sourceLpar() + ": " + WparLifecycle.rmwpar(wpar, Remove.PRESERVE_FILE_SYSTEMS).commandLine());
        }
        return c;
    }

    public static String plan(boolean restart, String lpar, WparName wpar, Facts facts, boolean kill, String reason) {
        StringBuilder p = new StringBuilder(summary(restart, lpar, wpar, facts, kill)).append('\n');
        if (reason != null) {
            p.append("Reason: ").append(reason).append('\n');
        }
        p.append("Lock: ").append(LockResource.wpar(lpar, wpar.value()).name()).append('\n');
        p.append("Commands:\n");
        commands(restart, lpar, wpar, facts, kill).forEach(c -> p.append("  ").append(c).append('\n'));
        if (restart && !lpar.equals(facts.sourceLpar())) {
            p.append("Then: ").append(wpar).append(" is Active on ").append(lpar).append(" and no longer defined on ")
                    .append(facts.sourceLpar());
        }
        return clip(p.toString());
    }

    // ------------------------------------------------------------------------------------------ changes

    /** The lease on the WPAR where it changes (and, for a restart elsewhere, where it was checkpointed). */
    public void lock(String owner, String lpar, String sourceLpar, WparName wpar) {
        acquire(LockResource.wpar(lpar, wpar.value()), owner);
        if (sourceLpar != null && !sourceLpar.equals(lpar)) {
            acquire(LockResource.wpar(sourceLpar, wpar.value()), owner);
        }
    }

    private void acquire(LockResource resource, String owner) {
        LockAcquisition got = leases.acquire(resource, owner, "checkpoint/restart " + owner, settings.lease());
        if (got instanceof LockAcquisition.HeldByOther other) {
            leases.releaseAll(owner);
            throw new CheckpointRefusal("WPAR_LOCKED", other.describe());
        }
    }

    /** A checkpoint taken, as the catalog records it. */
    public record Taken(long checkpointId, List<String> commands) {
    }

    /**
     * The spec into the new directory, {@code chkptwpar [-k] -d DIR NAME}, {@code du -s -k DIR}, the catalog row. A
     * directory the catalog has already (a retry after the row was written) is the checkpoint.
     */
    public Taken checkpoint(Origin origin, String owner, String takenBy, String lpar, WparName wpar, String directory,
            boolean kill, boolean scheduled) {
        Optional<Checkpoint> recorded = catalog.byDirectory(directory);
        if (recorded.isPresent()) {
            return new Taken(recorded.get().id(), List.of());
        }
        lock(owner, lpar, null, wpar);
        AixHost host = aix.on(lpar, origin);
        AbsolutePath dir = AbsolutePath.of(directory);
        List<String> ran = new ArrayList<>();
        host.writeSpec(wpar, WparCheckpoint.spec(dir));
        ran.add(lpar + ": " + WparLifecycle.writeSpec(wpar, WparCheckpoint.spec(dir)).commandLine());
        AfterCheckpoint after = kill ? AfterCheckpoint.KILL : AfterCheckpoint.CONTINUE;
        host.checkpoint(wpar, dir, after);
        ran.add(lpar + ": " + WparMobility.checkpoint(wpar, dir, after).commandLine());
        long size = host.diskUsageKb(dir);
        long id = catalog.record(wpar.value(), lpar, directory, clock.instant(), takenBy, kill, size, scheduled,
                owner);
        log.info("{}/{} checkpointed into {} ({} KB, checkpoint {})", lpar, wpar, directory, size, id);
        return new Taken(id, ran);
    }

    /** Restart elsewhere: {@code mkwpar -p -f DIR/wpar.spec} on the LPAR, unless the WPAR is defined there already. */
    public List<String> defineOnTarget(Origin origin, String owner, String lpar, String sourceLpar, WparName wpar,
            String directory) {
        lock(owner, lpar, sourceLpar, wpar);
        if (lpar.equals(sourceLpar)) {
            return List.of();
        }
        AixHost host = aix.on(lpar, origin);
        if (host.wpar(wpar, FIELDS).isPresent()) {
            return List.of();
        }
        AbsolutePath spec = WparCheckpoint.spec(AbsolutePath.of(directory));
        host.definePreservingFromSpec(spec);
        return List.of(lpar + ": " + WparLifecycle.mkwpar(WparLifecycle.MkwparRequest.preservingFromSpec(spec))
                .commandLine());
    }

    /** {@code restartwpar -d DIR NAME}; nothing when the WPAR is Active there already (a retry). */
    public List<String> restart(Origin origin, String lpar, WparName wpar, String directory) {
        AixHost host = aix.on(lpar, origin);
        Optional<WparInfo> w = host.wpar(wpar, FIELDS);
        if (w.isPresent() && w.get().state() == WparState.ACTIVE) {
            return List.of();
        }
        AbsolutePath dir = AbsolutePath.of(directory);
        host.restart(wpar, dir);
        WparState now = host.wpar(wpar, FIELDS).map(WparInfo::state).orElse(WparState.UNKNOWN);
        if (now != WparState.ACTIVE) {
            throw new CheckpointRefusal("VERIFY_FAILED", wpar + " on " + lpar + " is " + now.word()
                    + " after restartwpar, not Active");
        }
        return List.of(lpar + ": " + WparMobility.restart(wpar, dir).commandLine());
    }

    /**
     * Restart elsewhere: the WPAR Active on the LPAR, its definition on the source removed keeping its file systems
     * ({@code rmwpar -p}: they are the restarted WPAR's, on NFS), so it exists once; nothing when it is gone already.
     */
    public List<String> removeSource(Origin origin, String lpar, String sourceLpar, WparName wpar) {
        if (sourceLpar == null || sourceLpar.equals(lpar)) {
            return List.of();
        }
        WparState there = aix.on(lpar, origin).wpar(wpar, FIELDS).map(WparInfo::state).orElse(WparState.UNKNOWN);
        if (there != WparState.ACTIVE) {
            throw new CheckpointRefusal("VERIFY_FAILED", "refusing to remove " + wpar + " from " + sourceLpar
                    + ": it is not Active on " + lpar);
        }
        AixHost source = aix.on(sourceLpar, origin);
        Optional<WparInfo> left = source.wpar(wpar, FIELDS);
        if (left.isEmpty()) {
            return List.of();
        }
        if (left.get().state() != WparState.DEFINED) {
            throw new CheckpointRefusal("VERIFY_FAILED", wpar + " on " + sourceLpar + " is "
                    + left.get().state().word() + ", not Defined: its definition is left in place");
        }
        source.remove(wpar, Remove.PRESERVE_FILE_SYSTEMS);
        return List.of(sourceLpar + ": " + WparLifecycle.rmwpar(wpar, Remove.PRESERVE_FILE_SYSTEMS).commandLine());
    }

    public void release(String owner) {
        leases.releaseAll(owner);
    }

    // ---------------------------------------------------------------------------------------- retention

    /**
     * Keeps the newest {@code keep} scheduled checkpoints of the WPAR: the older ones' directories are removed from
     * the repository ({@code rm -r -f}, on the LPAR they were taken on) and their rows from the catalog. Returns the
     * directories removed.
     */
    public List<String> prune(Origin origin, WparName wpar, int keep) {
        List<Checkpoint> all = catalog.scheduled(wpar.value());
        List<String> removed = new ArrayList<>();
        for (Checkpoint old : all.subList(Math.min(Math.max(keep, 0), all.size()), all.size())) {
            aix.on(old.lpar(), origin).removeDirectory(AbsolutePath.of(old.directory()));
            catalog.remove(old.id());
            removed.add(old.directory());
        }
        return removed;
    }

    // ----------------------------------------------------------------------------------------- outcome

    /** Codes of a request that could not be done as asked: nothing was changed. */
    static final Set<String> REFUSALS = Set.of("INVALID_REQUEST", "WPAR_NOT_FOUND", "NOT_CHECKPOINTABLE",
            "WRONG_STATE", "WPAR_LOCKED", "CHECKPOINT_NOT_FOUND", "CHECKPOINT_OF_ANOTHER_WPAR", "INCOMPATIBLE_LPAR",
            "NAME_TAKEN", "CHANGE_NOT_APPROVED");

    /** How it ended and why. */
    public record Outcome(String outcome, String reason) {
    }

    public static Outcome outcome(boolean restart, String lpar, WparName wpar, Long checkpointId, String directory,
            String failureCode, String failureReason, String decision, String done, String approvers,
            String approvalReason) {
        List<String> commands = done == null ? List.of() : done.lines().toList();
        String ran = commands.isEmpty() ? "nothing" : String.join("; ", commands);
        if (failureCode != null) {
            String failure = failureCode + ": " + failureReason;
            if (commands.isEmpty() && REFUSALS.contains(failureCode)) {
                return new Outcome("REFUSED", clip(failure + "; nothing was changed"));
            }
            return new Outcome("FAILED", clip(failure + ". Ran: " + ran));
        }
        if (decision != null && !ChangeApprovalVariables.APPROVE.equals(decision)) {
            return new Outcome("REJECTED", clip("rejected" + (approvers == null ? "" : " by " + approvers) + ": "
                    + approvalReason + "; nothing was changed"));
        }
        if (restart) {
            return new Outcome("RESTARTED", clip(wpar + " restarted on " + lpar + " from checkpoint " + checkpointId
                    + " (" + directory + "). Ran: " + ran));
        }
        return new Outcome("CHECKPOINTED", clip(wpar + " on " + lpar + " checkpointed into " + directory
                + " (checkpoint " + checkpointId + "). Ran: " + ran));
    }

    static String clip(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }
}
