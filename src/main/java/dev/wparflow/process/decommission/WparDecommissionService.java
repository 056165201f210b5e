package dev.wparflow.process.decommission;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.wparflow.aix.AixCommandException;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.InvalidArgumentException;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Nim;
import dev.wparflow.aix.NimMaster;
import dev.wparflow.aix.NimObjectName;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparLifecycle;
import dev.wparflow.aix.WparLifecycle.Stop;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparState;
import dev.wparflow.aix.WparType;
import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.inventory.FleetInventory;
import dev.wparflow.inventory.Inventory;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.lock.AdminLockOutcome;
import dev.wparflow.lock.AixAdminLock;
import dev.wparflow.lock.HeldLock;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockAcquisition;
import dev.wparflow.lock.LockResource;

/**
 * The steps of WparDecommissionProcess: what an AIX administrator checks before removing a WPAR for good (it is on
 * the LPAR, a system WPAR, not locked by another operation, NIM-managed or not, a recent GOOD image exists), the
 * plan with the exact commands, the locks (leases on the WPAR, the LPAR and the NIM master; the WPAR's AIX
 * administrative lock, Redbook 4.6.1), the removal (direct: stopwpar, rmwpar; NIM-managed: nim -o deactivate,
 * destroy, remove, Redbook 7.3), each step looking first so that a retry reaches the same end, and the verification
 * and inventory update. Business refusals are {@link DecommissionRefusal}s (codes WPAR_NOT_FOUND, NOT_A_SYSTEM_WPAR,
 * WPAR_LOCKED, HOST_LOCKED, NIM_LOCKED, BACKUP_MISSING, BACKUP_FAILED, COMMAND_FAILED, VERIFY_FAILED).
 */
@Service
public class WparDecommissionService {

    private static final Logger log = LoggerFactory.getLogger(WparDecommissionService.class);
    private static final List<LswparField> FIELDS = List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE);
    /** Camunda keeps a String variable in a 4000-character column */
    static final int MAX_TEXT = 3900;

    /** What the checks read: the WPAR's state, and the NIM master and machine that manage it (both null: direct). */
    public record Facts(WparState state, String nimMaster, String nimMachine) {
        public boolean nimManaged() {
            return nimMachine != null;
        }
    }

    private final AixGateway aix;
    private final AixAdminLock adminLock;
    private final LeaseLockService leases;
    private final ImageCatalog catalog;
    private final InventoryRepository inventory;
    private final ObjectProvider<FleetInventory> fleetInventory;
    private final DecommissionSettings settings;
    private final Clock clock;

    public WparDecommissionService(AixGateway aix, AixAdminLock adminLock, LeaseLockService leases,
            ImageCatalog catalog, InventoryRepository inventory, ObjectProvider<FleetInventory> fleetInventory,
            DecommissionSettings settings, Clock clock) {
        this.aix = aix;
        this.adminLock = adminLock;
        this.leases = leases;
        this.catalog = catalog;
        this.inventory = inventory;
        this.fleetInventory = fleetInventory;
        this.settings = settings;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------- checks

    /**
     * Refuses before any host is asked what is certain from our own records: an HMC named as the LPAR, a WPAR whose
     * lease another operation holds. Then reads: the WPAR on the LPAR (lswpar), a system WPAR, and whether a NIM
     * master of the inventory has a wpar machine for it managed by the LPAR.
     */
    public Facts check(Origin origin, String owner, String lpar, WparName wpar) {
        if (lpar == null || wpar == null) {
            throw new DecommissionRefusal("INVALID_REQUEST", "lpar and wpar are required");
        }
        if (inventoryFile().hmcs().stream().anyMatch(h -> h.name().equals(lpar))) {
            throw new DecommissionRefusal("INVALID_REQUEST", lpar + " is an HMC, not an LPAR");
        }
        heldByOther(LockResource.wpar(lpar, wpar.value()), owner).ifPresent(held -> {
            throw new DecommissionRefusal("WPAR_LOCKED", "another operation works on " + lpar + "/" + wpar + ": "
                    + held);
        });
        AixHost host = aix.on(lpar, origin);
        WparInfo w = host.wpar(wpar, FIELDS).orElseThrow(() -> new DecommissionRefusal("WPAR_NOT_FOUND",
                "WPAR " + wpar + " does not exist on " + lpar + " (lswpar: " + names(host.wpars(FIELDS)) + ")"));
        if (w.type() == WparType.APPLICATION) {
            throw new DecommissionRefusal("NOT_A_SYSTEM_WPAR", wpar + " on " + lpar + " is an application WPAR: it"
                    + " exists only while its application runs and savewpar cannot back it up");
        }
        for (Inventory.NimMaster master : inventoryFile().nimMasters()) {
            Optional<NimMaster.WparMachine> machine = nimMachine(origin, master.name(), lpar, wpar);
            if (machine.isPresent()) {
                return new Facts(w.state(), master.name(), machine.get().name());
            }
        }
        return new Facts(w.state(), null, null);
    }

    private Optional<NimMaster.WparMachine> nimMachine(Origin origin, String master, String lpar, WparName wpar) {
        NimObjectName client;
        try {
            client = NimObjectName.of(lpar);
        } catch (InvalidArgumentException notANimName) {
            return Optional.empty();
        }
        return aix.nim(master, origin).wparMachinesOf(client).stream()
                .filter(m -> wpar.value().equals(m.wparName())).findFirst();
    }

    private Optional<String> heldByOther(LockResource resource, String owner) {
        HeldLock held = leases.find(resource);
        if (held == null || held.owner() == null || held.expired() || held.owner().equals(owner)) {
            return Optional.empty();
        }
        return Optional.of(resource + " is held by " + held.owner()
                + (held.ownerInfo() == null ? "" : " (" + held.ownerInfo() + ")") + " until " + held.expiresAt());
    }

    private Inventory inventoryFile() {
        FleetInventory fleet = fleetInventory.getIfAvailable();
        return fleet == null ? Inventory.EMPTY : fleet.current();
    }

    private static String names(List<WparInfo> wpars) {
        return wpars.isEmpty() ? "no WPAR" : wpars.stream().map(WparInfo::name).collect(Collectors.joining(", "));
    }

    // ------------------------------------------------------------------------------------------- backup

    /** The age a request allows, else the configured one. */
    public Duration maxBackupAge(Duration requested) {
        return requested != null && !requested.isNegative() && !requested.isZero() ? requested
                : settings.maxBackupAge();
    }

    /** The newest GOOD image of lpar/wpar in the catalog, if it is younger than {@code maxAge}. */
    public Optional<CatalogImage> recentImage(String lpar, WparName wpar, Duration maxAge) {
        return catalog.forWpar(lpar, wpar.value(), false).stream()
                .filter(i -> i.state() == CatalogImage.State.GOOD)
                .filter(i -> i.createdAt().isAfter(clock.instant().minus(maxAge))).findFirst();
    }

    /** Without a recent image and not allowed to take one: refused. */
    public DecommissionRefusal missingBackup(String lpar, WparName wpar, Duration maxAge) {
        return new DecommissionRefusal("BACKUP_MISSING", "no GOOD image of " + lpar + "/" + wpar + " newer than "
                + maxAge + " in the catalog (GET /api/images?lpar=" + lpar + "&wpar=" + wpar
                + "); back it up first or ask with takeBackupIfMissing=true");
    }

    /** After the backup it took: the new image, else BACKUP_FAILED with what the backup said. */
    public CatalogImage requireNewImage(String lpar, WparName wpar, Duration maxAge, String backupCode,
            String backupReason) {
        return recentImage(lpar, wpar, maxAge).orElseThrow(() -> new DecommissionRefusal("BACKUP_FAILED",
                "no GOOD image of " + lpar + "/" + wpar + " newer than " + maxAge + ", and the backup taken for the"
                        + " decommission made none" + (backupCode == null && backupReason == null ? ""
                                : ": " + (backupCode == null ? "" : backupCode + ": ")
                                        + (backupReason == null ? "" : backupReason))));
    }

    // --------------------------------------------------------------------------------------------- plan

    /** The approval's one-line summary. */
    public static String summary(String lpar, WparName wpar, Facts facts) {
        return "Decommission " + wpar + " on " + lpar + (facts.nimManaged() ? " (NIM machine " + facts.nimMachine()
                + " on " + facts.nimMaster() + ")" : "");
    }

    /** What the approvers read: the WPAR, the reason, the image, the locks and the exact commands, in order. */
    public String plan(String lpar, WparName wpar, Facts facts, String reason, String imageId, boolean taken) {
        CatalogImage image = catalog.find(imageId).orElse(null);
        StringBuilder p = new StringBuilder();
        p.append("Remove system WPAR ").append(wpar).append(" from ").append(lpar).append(" for good (it is ")
                .append(facts.state() == null ? "?" : facts.state().word()).append(")\n");
        p.append("Reason: ").append(reason).append('\n');
        p.append("Backup: image ").append(imageId);
        if (image != null) {
            p.append(", ").append(image.path()).append(", made ").append(image.createdAt());
        }
        p.append(taken ? " (taken for this decommission)" : "").append('\n');
        List<String> locks = new ArrayList<>(List.of(LockResource.wpar(lpar, wpar.value()).name(),
                LockResource.host(lpar).name()));
        if (facts.nimManaged()) {
            locks.add(LockResource.nim(facts.nimMaster()).name());
        }
        p.append("Locks: ").append(String.join(", ", locks)).append(", and the administrative lock of ").append(wpar)
                .append(" on ").append(lpar).append('\n');
        p.append("Commands:\n");
        for (String command : commands(lpar, wpar, facts)) {
            p.append("  ").append(command).append('\n');
        }
        p.append("Then: lswpar on ").append(lpar).append(facts.nimManaged() ? " and lsnim on " + facts.nimMaster() : "")
                .append(" must no longer list it; it is removed from the inventory; its images stay in the catalog"
                        + " (retention decides; the newest GOOD image and golden images are never deleted by it)");
        return clip(p.toString());
    }

    /** The commands the removal runs, in order, as the host receives them. */
    static List<String> commands(String lpar, WparName wpar, Facts facts) {
        String stop = WparLifecycle.stopwpar(wpar).commandLine();
        String forced = WparLifecycle.stopwpar(wpar, Stop.FORCE).commandLine();
        if (facts.nimManaged()) {
            NimObjectName machine = NimObjectName.of(facts.nimMachine());
            return List.of(facts.nimMaster() + ": " + Nim.operation(Nim.Operation.DEACTIVATE, machine, null).commandLine()
                    + "   (on " + lpar + ": " + forced + " if it does not stop; nothing if it is Defined)",
                    facts.nimMaster() + ": " + Nim.operation(Nim.Operation.DESTROY, machine, null).commandLine(),
                    facts.nimMaster() + ": " + Nim.operation(Nim.Operation.REMOVE, machine, null).commandLine());
        }
        return List.of(lpar + ": " + stop + "   (" + forced + " if it does not stop; nothing if it is Defined)",
                lpar + ": " + WparLifecycle.rmwpar(wpar).commandLine());
    }

    // -------------------------------------------------------------------------------------------- locks

    /**
     * The leases on the WPAR, the LPAR and (NIM path) the NIM master, all or none, then the WPAR's AIX administrative
     * lock with the WPAR lease's fencing token as PID. Contention refuses (WPAR_LOCKED, HOST_LOCKED, NIM_LOCKED) with
     * the leases just taken given back; a WPAR gone meanwhile refuses WPAR_NOT_FOUND. Returns the fencing token.
     * Taking them again (a retry) finds them ours.
     */
    public long lock(Origin origin, String owner, String lpar, WparName wpar, String nimMaster) {
        String what = "decommission " + owner + " of " + lpar + "/" + wpar;
        long token = acquire(LockResource.wpar(lpar, wpar.value()), owner, what, "WPAR_LOCKED");
        acquire(LockResource.host(lpar), owner, what, "HOST_LOCKED");
        if (nimMaster != null) {
            acquire(LockResource.nim(nimMaster), owner, what, "NIM_LOCKED");
        }
        AdminLockOutcome admin = adminLock.take(lpar, wpar, token, origin);
        if (admin instanceof AdminLockOutcome.HeldByOther other) {
            leases.releaseAll(owner);
            throw new DecommissionRefusal("WPAR_LOCKED", "the administrative lock of " + wpar + " on " + lpar
                    + " is held by another process: " + other.failure().message());
        }
        if (admin instanceof AdminLockOutcome.WparAbsent) {
            leases.releaseAll(owner);
            throw new DecommissionRefusal("WPAR_NOT_FOUND", "WPAR " + wpar + " vanished from " + lpar
                    + " before it was locked");
        }
        return token;
    }

    private long acquire(LockResource resource, String owner, String what, String code) {
        LockAcquisition got = leases.acquire(resource, owner, what, settings.lease());
        if (got instanceof LockAcquisition.HeldByOther other) {
            leases.releaseAll(owner);
            throw new DecommissionRefusal(code, other.describe());
        }
        return ((LockAcquisition.Acquired) got).fencingToken();
    }

    /**
     * Gives back the WPAR's administrative lock when this decommission took it and the WPAR still exists, then every
     * lease of the instance. Idempotent.
     */
    public void release(Origin origin, String owner, String lpar, WparName wpar, Long token, boolean adminLocked) {
        if (adminLocked && token != null && lpar != null && wpar != null) {
            adminLock.release(lpar, wpar, token, origin);
        }
        leases.releaseAll(owner);
    }

    public void releaseLeases(String owner) {
        leases.releaseAll(owner);
    }

    // ---------------------------------------------------------------------------------- direct removal

    /**
     * {@code stopwpar NAME}, and {@code stopwpar -F NAME} when that fails or leaves it other than Defined (Broken,
     * Transitional: RB:2844); a Defined WPAR is left as it is, an absent one (removed by an earlier attempt) too.
     * Returns the commands it ran.
     */
    public List<String> stop(Origin origin, String lpar, WparName wpar, long token) {
        AixHost host = aix.on(lpar, origin);
        Optional<WparState> state = state(host, wpar);
        List<String> ran = new ArrayList<>();
        if (state.isEmpty() || state.get() == WparState.DEFINED) {
            return ran;
        }
        if (state.get() == WparState.ACTIVE) {
            ran.add(lpar + ": " + WparLifecycle.stopwpar(wpar).commandLine());
            try {
                adminLock.whileLifted(lpar, wpar, token, origin, () -> host.stop(wpar));
            } catch (AixCommandException refused) {
                log.info("stopwpar {} on {} failed ({}): stopwpar -F", wpar, lpar, refused.getMessage());
            }
            state = state(host, wpar);
        }
        if (state.isPresent() && state.get() != WparState.DEFINED) {
            ran.add(lpar + ": " + WparLifecycle.stopwpar(wpar, Stop.FORCE).commandLine());
            adminLock.whileLifted(lpar, wpar, token, origin, () -> host.stop(wpar, Stop.FORCE));
            state = state(host, wpar);
            if (state.isPresent() && state.get() != WparState.DEFINED) {
                throw new DecommissionRefusal("COMMAND_FAILED", lpar + "/" + wpar + " is " + state.get().word()
                        + " after stopwpar -F: it must be Defined before rmwpar");
            }
        }
        return ran;
    }

    /** {@code rmwpar NAME} of the stopped WPAR; nothing when it is gone already (a retry). */
    public List<String> remove(Origin origin, String lpar, WparName wpar, long token) {
        AixHost host = aix.on(lpar, origin);
        Optional<WparState> state = state(host, wpar);
        if (state.isEmpty()) {
            return List.of();
        }
        if (state.get() != WparState.DEFINED) {
            throw new DecommissionRefusal("COMMAND_FAILED", lpar + "/" + wpar + " is " + state.get().word()
                    + ", not Defined: rmwpar is not run");
        }
        adminLock.whileLifted(lpar, wpar, token, origin, () -> host.remove(wpar));
        log.info("{}/{} removed (rmwpar)", lpar, wpar);
        return List.of(lpar + ": " + WparLifecycle.rmwpar(wpar).commandLine());
    }

    // ------------------------------------------------------------------------------------- NIM removal

    /**
     * {@code nim -o deactivate MACHINE} (stopwpar on the managing LPAR, Redbook 7.3) of an Active WPAR, then
     * {@code stopwpar -F} on the LPAR itself when it is not Defined after it. Defined or absent: nothing.
     */
    public List<String> deactivate(Origin origin, String master, String machine, String lpar, WparName wpar,
            long token) {
        AixHost host = aix.on(lpar, origin);
        Optional<WparState> state = state(host, wpar);
        List<String> ran = new ArrayList<>();
        if (state.isEmpty() || state.get() == WparState.DEFINED) {
            return ran;
        }
        NimObjectName name = NimObjectName.of(machine);
        if (state.get() == WparState.ACTIVE) {
            ran.add(master + ": " + Nim.operation(Nim.Operation.DEACTIVATE, name, null).commandLine());
            try {
                adminLock.whileLifted(lpar, wpar, token, origin, () -> aix.nim(master, origin).deactivate(name));
            } catch (AixCommandException refused) {
                log.info("nim -o deactivate {} on {} failed ({}): stopwpar -F on {}", machine, master,
                        refused.getMessage(), lpar);
            }
            state = state(host, wpar);
        }
        if (state.isPresent() && state.get() != WparState.DEFINED) {
            ran.add(lpar + ": " + WparLifecycle.stopwpar(wpar, Stop.FORCE).commandLine());
            adminLock.whileLifted(lpar, wpar, token, origin, () -> host.stop(wpar, Stop.FORCE));
        }
        return ran;
    }

    /** {@code nim -o destroy MACHINE}: rmwpar on the managing LPAR; nothing when the WPAR is gone already. */
    public List<String> destroy(Origin origin, String master, String machine, String lpar, WparName wpar,
            long token) {
        if (state(aix.on(lpar, origin), wpar).isEmpty()) {
            return List.of();
        }
        NimObjectName name = NimObjectName.of(machine);
        adminLock.whileLifted(lpar, wpar, token, origin, () -> aix.nim(master, origin).destroy(name));
        return List.of(master + ": " + Nim.operation(Nim.Operation.DESTROY, name, null).commandLine());
    }

    /**
     * {@code nim -o remove MACHINE}: the machine object out of the NIM database; nothing when it is gone. The
     * {@code wpar_spec} resource provisioning defined for it ({@code MACHINE_spec} at a {@code wparflow-MACHINE.spec}
     * file) goes too, with its file; any other resource is left to its owner.
     */
    public List<String> removeMachine(Origin origin, String master, String machine) {
        NimObjectName name = NimObjectName.of(machine);
        NimMaster nim = aix.nim(master, origin);
        List<String> commands = new java.util.ArrayList<>();
        if (nim.wparMachine(name).isPresent()) {
            nim.remove(name);
            log.info("NIM machine {} removed from {}", machine, master);
            commands.add(master + ": " + Nim.operation(Nim.Operation.REMOVE, name, null).commandLine());
        }
        NimObjectName spec = NimObjectName.of(machine + "_spec");
        java.util.Optional<String> location = nim.object(spec).filter(o -> "wpar_spec".equals(o.get("type")))
                .map(o -> o.get("location")).filter(l -> l != null && l.endsWith("/wparflow-" + machine + ".spec"));
        if (location.isPresent()) {
            nim.remove(spec);
            dev.wparflow.aix.AbsolutePath file = dev.wparflow.aix.AbsolutePath.of(location.get());
            aix.on(master, origin).removeFiles(List.of(file));
            commands.add(master + ": " + Nim.operation(Nim.Operation.REMOVE, spec, null).commandLine());
            commands.add(master + ": " + dev.wparflow.aix.AixFiles.removeFiles(List.of(file)).commandLine());
        }
        return commands;
    }

    // ------------------------------------------------------------------------------------ verification

    /** lswpar no longer lists the WPAR, and the NIM master (if any) no machine for it: else VERIFY_FAILED. */
    public void verifyRemoved(Origin origin, String lpar, WparName wpar, String master, String machine) {
        Optional<WparState> state = state(aix.on(lpar, origin), wpar);
        if (state.isPresent()) {
            throw new DecommissionRefusal("VERIFY_FAILED", "lswpar on " + lpar + " still lists " + wpar + " ("
                    + state.get().word() + ")");
        }
        if (master != null && aix.nim(master, origin).wparMachine(NimObjectName.of(machine)).isPresent()) {
            throw new DecommissionRefusal("VERIFY_FAILED", "lsnim on " + master + " still lists the machine " + machine);
        }
    }

    /** The WPAR's row out of the discovered inventory; false when there was none. */
    public boolean removeFromInventory(String lpar, WparName wpar) {
        return inventory.removeWpar(lpar, wpar.value());
    }

    private static Optional<WparState> state(AixHost host, WparName wpar) {
        return host.wpar(wpar, FIELDS).map(WparInfo::state);
    }

    // ----------------------------------------------------------------------------------------- outcome

    /** Codes of a request that could not be done as asked: nothing was changed. */
    static final Set<String> REFUSALS = Set.of("INVALID_REQUEST", "WPAR_NOT_FOUND", "NOT_A_SYSTEM_WPAR",
            "WPAR_LOCKED", "HOST_LOCKED", "NIM_LOCKED", "BACKUP_MISSING", "CHANGE_NOT_APPROVED");

    /** How it ended and why. */
    public record Outcome(String outcome, String reason) {
    }

    /**
     * DECOMMISSIONED (removed: the commands it ran, the images the catalog keeps), REJECTED (nothing changed),
     * REFUSED (a refusal before any change), FAILED (the failure, what was removed, what is left).
     */
    public Outcome outcome(String lpar, WparName wpar, Facts facts, String failureCode, String failureReason,
            boolean removed, String done, String approvers, String approvalReason) {
        String what = lpar + "/" + wpar;
        List<String> commands = done == null ? List.of() : done.lines().toList();
        if (failureCode == null && removed) {
            return new Outcome("DECOMMISSIONED", clip(what + " decommissioned (approved by " + approvers + "). Ran: "
                    + String.join("; ", commands) + ". " + images(lpar, wpar)));
        }
        if (failureCode == null) {
            return new Outcome("REJECTED", clip("rejected" + (approvers == null ? "" : " by " + approvers) + ": "
                    + approvalReason + "; nothing was changed"));
        }
        String failure = failureCode + ": " + failureReason;
        if (commands.isEmpty() && REFUSALS.contains(failureCode)) {
            return new Outcome("REFUSED", clip(failure + "; nothing was changed"));
        }
        return new Outcome("FAILED", clip(failure + ". Removed: " + (commands.isEmpty() ? "nothing"
                : String.join("; ", commands)) + ". Left: " + left(what, facts, commands, removed) + ". "
                + images(lpar, wpar)));
    }

    /** What is still there after a failure, from the commands that ran. */
    static String left(String what, Facts facts, List<String> commands, boolean removed) {
        String ran = String.join("\n", commands);
        List<String> left = new ArrayList<>();
        boolean wparGone = removed || ran.contains("rmwpar") || ran.contains("-o destroy");
        if (!wparGone) {
            left.add("the WPAR " + what + " (" + (ran.contains("stopwpar") || ran.contains("-o deactivate")
                    ? "stopped, Defined" : "as it was") + ")");
        }
        if (facts != null && facts.nimManaged() && !ran.contains("-o remove")) {
            left.add("the NIM machine " + facts.nimMachine() + " on " + facts.nimMaster());
        }
        if (!ran.contains("inventory")) {
            left.add("its inventory row");
        }
        return String.join(", ", left);
    }

    private String images(String lpar, WparName wpar) {
        List<CatalogImage> good = catalog.forWpar(lpar, wpar.value(), false).stream()
                .filter(i -> i.state() == CatalogImage.State.GOOD).toList();
        if (good.isEmpty()) {
            return "The catalog has no GOOD image of " + lpar + "/" + wpar + ".";
        }
        return "The catalog keeps its " + good.size() + " image(s), newest " + good.get(0).id() + " ("
                + good.get(0).createdAt() + "): retention decides, and never deletes the newest GOOD or a golden image.";
    }

    static String clip(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }
}
