package dev.wparflow.process.relocation.request;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.wparflow.aix.KnownHosts;
import dev.wparflow.aix.LparName;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparState;
import dev.wparflow.inventory.FleetInventory;
import dev.wparflow.inventory.Inventory;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.inventory.LparProfile;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockAcquisition;
import dev.wparflow.lock.LockResource;
import dev.wparflow.process.relocation.GroupPlacement;
import dev.wparflow.process.relocation.RelocationGroupPolicy;
import dev.wparflow.process.relocation.RelocationRecords;
import dev.wparflow.process.relocation.RelocationRefusedException;
import dev.wparflow.process.relocation.RelocationSettings;
import dev.wparflow.process.relocation.RelocationStepException;
import dev.wparflow.process.relocation.staticmove.StaticRelocationService;

/**
 * The steps of WparRelocationProcess that are not a move: validating the request without touching a host, choosing
 * the arriving LPAR and the mode from the compatibility checks, writing the plan the approvers read, the locks on
 * the WPAR and both hosts, the final verification and the record.
 */
@Service
public class RelocationRequestService {

    static final Set<String> MODES = Set.of(RelocationVariables.MODE_AUTO, RelocationVariables.MODE_STATIC,
            RelocationVariables.MODE_LIVE);
    /** Camunda keeps a String variable in a 4000-character column */
    static final int MAX_PLAN = 3900;
    static final int KNOWN_NAMES_SHOWN = 30;

    private final CompatibilityService compatibility;
    private final StaticRelocationService looks;
    private final InventoryRepository inventory;
    private final LeaseLockService leases;
    private final RelocationRecords records;
    private final RelocationSettings settings;
    private final KnownHosts hosts;
    private final ObjectProvider<FleetInventory> fleetInventory;
    private final RelocationGroupPolicy groups;

    /** Without relocation groups: "choose for me" ranks the inventory's LPARs. */
    public RelocationRequestService(CompatibilityService compatibility, StaticRelocationService looks,
            InventoryRepository inventory, LeaseLockService leases, RelocationRecords records,
            RelocationSettings settings, KnownHosts hosts,
            ObjectProvider<FleetInventory> fleetInventory) {
        this(compatibility, looks, inventory, leases, records, settings, hosts, fleetInventory, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public RelocationRequestService(CompatibilityService compatibility, StaticRelocationService looks,
            InventoryRepository inventory, LeaseLockService leases, RelocationRecords records,
            RelocationSettings settings, KnownHosts hosts,
            ObjectProvider<FleetInventory> fleetInventory, RelocationGroupPolicy groups) {
        this.groups = groups;
        this.compatibility = compatibility;
        this.looks = looks;
        this.inventory = inventory;
        this.leases = leases;
        this.records = records;
        this.settings = settings;
        this.hosts = hosts;
        this.fleetInventory = fleetInventory;
    }

    /** What the checks decided, and the text the approvers read. {@code mode} is null when nothing fits. */
    public record Plan(String arriving, String mode, boolean compatible, String checkTable, String summary,
            String plan, String riskLevel, String expectedOutage, String reportJson) {
    }

    // ------------------------------------------------------------------ validation (no host is touched)

    /**
     * Refuses (REQUEST_INVALID) bad names, unknown LPARs, a departing LPAR that is also the arriving one, an unknown
     * mode, a window that is not an ISO-8601 date-time. Returns the request normalised: mode defaults to auto, the
     * window becomes an offset date-time in UTC. Records the request.
     */
    public RelocationRequest validate(RelocationRequest r) {
        List<String> problems = new ArrayList<>();
        if (r.requester() == null) {
            problems.add("nobody is named as requester (start the relocation as an authenticated user)");
        }
        name(problems, "WPAR", r.wpar(), WparName::of);
        boolean unknown = false;
        if (name(problems, "departing LPAR", r.departing(), LparName::of) && !known(r.departing())) {
            problems.add(unknown("departing", r.departing()));
            unknown = true;
        }
        if (r.arriving() != null) {
            if (name(problems, "arriving LPAR", r.arriving(), LparName::of) && !known(r.arriving())) {
                problems.add(unknown("arriving", r.arriving()));
                unknown = true;
            }
            if (r.arriving().equals(r.departing())) {
                problems.add("departing and arriving LPAR are both " + r.departing());
            }
        }
        String mode = r.mode() == null ? RelocationVariables.MODE_AUTO : r.mode().toLowerCase(java.util.Locale.ROOT);
        if (!MODES.contains(mode)) {
            problems.add("mode must be auto, static or live, not '" + r.mode() + "'");
        }
        String window = null;
        if (r.window() != null) {
            try {
                window = parseWindow(r.window()).toString();
            } catch (DateTimeParseException e) {
                problems.add("maintenance window start '" + r.window()
                        + "' is not an ISO-8601 date-time with offset (2026-11-22T22:00:00Z)");
            }
        }
        if (unknown) {
            problems.add(knownNames());
        }
        if (!problems.isEmpty()) {
            throw new RelocationRefusedException("REQUEST_INVALID", String.join("; ", problems));
        }
        RelocationRequest valid = new RelocationRequest(r.wpar(), r.departing(), r.arriving(), mode,
                r.validateOnly(), window, r.requester(), r.id());
        records.recordRequest(r.id(), r.id(), r.wpar(), r.departing(), r.arriving(), mode, r.validateOnly());
        return valid;
    }

    private String unknown(String side, String name) {
        return side + " LPAR " + name + (hmcs().contains(name) ? " is an HMC, not an LPAR" : " is not in the inventory");
    }

    static OffsetDateTime parseWindow(String text) {
        try {
            return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notOffset) {
            return OffsetDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC);
        }
    }

    private static boolean name(List<String> problems, String what, String value,
            java.util.function.Function<String, ?> rule) {
        if (value == null) {
            problems.add(what + " is required");
            return false;
        }
        try {
            rule.apply(value);
            return true;
        } catch (IllegalArgumentException e) {
            problems.add(what + ": " + e.getMessage());
            return false;
        }
    }

    /**
     * An LPAR is known when an SSH endpoint resolves its name (inventory file or configured endpoints) and the
     * inventory does not list it as an HMC.
     */
    boolean known(String lpar) {
        return !hmcs().contains(lpar) && hosts.knows(lpar);
    }

    /** The HMCs of the inventory file: they have SSH endpoints but are not LPARs. */
    Set<String> hmcs() {
        FleetInventory fleet = fleetInventory.getIfAvailable();
        return fleet == null ? Set.of()
                : fleet.current().hmcs().stream().map(Inventory.Hmc::name).collect(Collectors.toSet());
    }

    /** The start form takes the LPARs as free text: a refusal names the LPARs the inventory knows, at most 30. */
    String knownNames() {
        Set<String> hmcs = hmcs();
        List<String> names = hosts.names().stream().filter(n -> !hmcs.contains(n)).toList();
        if (names.isEmpty()) {
            return "the inventory knows no LPAR (wparflow.inventory.file or wparflow.ssh.endpoints)";
        }
        int shown = Math.min(names.size(), KNOWN_NAMES_SHOWN);
        return "the LPARs the inventory knows: " + String.join(", ", names.subList(0, shown))
                + (names.size() > shown ? " and " + (names.size() - shown) + " more (GET /api/ssh/sessions lists them)"
                        : "");
    }

    // ------------------------------------------------------------------ checks, target, mode, plan (reads only)

    /**
     * Runs the compatibility checks for the arriving LPAR, or, when none was given, for the candidates of
     * {@link #candidates} in order until one fits. The mode: live only when asked for (live or auto), the WPAR is
     * Active and every check for live passes; static when asked for (static or auto) and every check for static
     * passes.
     */
    public Plan check(RelocationRequest r, Origin origin) {
        // one lswpar on the departing LPAR: a WPAR that is not there is refused before anyone is asked to approve
        List<WparInfo> departingWpars = looks.list(r.departing(), origin);
        WparInfo wpar = departingWpars.stream().filter(w -> w.name().equals(r.wpar())).findFirst()
                .orElseThrow(() -> new RelocationRefusedException("WPAR_NOT_FOUND", "WPAR " + r.wpar()
                        + " not found on " + r.departing() + " (lswpar: " + (departingWpars.isEmpty() ? "no WPAR"
                                : departingWpars.stream().map(WparInfo::name).collect(Collectors.joining(", ")))
                        + ")"));
        Optional<RelocationGroupPolicy.Choice> byGroup = r.arriving() != null || groups == null ? Optional.empty()
                : groups.choose(r.wpar(), r.departing());
        List<String> targets = r.arriving() != null ? List.of(r.arriving())
                : byGroup.map(c -> c.candidates().stream().map(GroupPlacement.Ranked::lpar).toList())
                        .orElseGet(() -> candidates(r.departing()));
        if (targets.isEmpty()) {
            String text = byGroup.map(c -> "no candidate of relocation group " + c.group() + " is left for "
                    + r.wpar() + (c.excluded().isEmpty() ? " (the group names no LPAR other than " + r.departing()
                            + ")" : ": " + String.join("; ", c.excluded())))
                    .orElse("no other LPAR of the inventory has been discovered; run FleetDiscoveryProcess or name"
                            + " the arriving LPAR");
            return new Plan(null, null, false, text, summary(r, null, null), text, "low", "none", null);
        }
        if (targets.contains(r.departing())) {
            throw new RelocationRefusedException("REQUEST_INVALID", "departing and arriving LPAR are both "
                    + r.departing());
        }
        // live mobility needs the WPAR Active (RB:4745); the decision table does not see the state
        WparState state = wpar.state();
        boolean active = state == WparState.ACTIVE;
        Plan last = null;
        for (String target : targets) {
            CompatibilityService.Report report = compatibility.check(r.wpar(), r.departing(), target, origin);
            String mode = mode(r.mode(), report, active);
            last = plan(r, target, mode, report, state, byGroup.orElse(null));
            if (mode != null) {
                return last;
            }
        }
        return last;
    }

    static String mode(String requested, CompatibilityService.Report report, boolean active) {
        boolean wantsLive = !RelocationVariables.MODE_STATIC.equals(requested);
        boolean wantsStatic = !RelocationVariables.MODE_LIVE.equals(requested);
        if (wantsLive && report.liveCompatible() && active) {
            return RelocationVariables.MODE_LIVE;
        }
        if (wantsStatic && report.staticCompatible()) {
            return RelocationVariables.MODE_STATIC;
        }
        return null;
    }

    /**
     * "Choose for me": the discovered LPARs other than the departing one that have an endpoint and no failed last
     * discovery, those on another managed system first (a relocation off the machine survives its maintenance),
     * then the most free space in rootvg.
     */
    List<String> candidates(String departing) {
        String home = inventory.lpar(departing).map(LparProfile::managedSystem).orElse(null);
        return rank(inventory.lpars(), departing, home, this::known);
    }

    static List<String> rank(List<LparProfile> lpars, String departing, String home,
            java.util.function.Predicate<String> known) {
        return lpars.stream()
                .filter(p -> !p.name().equals(departing) && p.lastError() == null && known.test(p.name()))
                .sorted(Comparator.comparing((LparProfile p) -> home != null && home.equals(p.managedSystem()))
                        .thenComparing(Comparator.comparingLong(RelocationRequestService::rootvgFreeMb).reversed())
                        .thenComparing(LparProfile::name))
                .map(LparProfile::name).toList();
    }

    static long rootvgFreeMb(LparProfile p) {
        return p.volumeGroup("rootvg").map(v -> v.freePps() * v.ppSizeMb()).orElse(0L);
    }

    private Plan plan(RelocationRequest r, String arriving, String mode, CompatibilityService.Report report,
            WparState state, RelocationGroupPolicy.Choice group) {
        String table = CompatibilityService.toTable(report);
        String outage = outage(mode, state, r.wpar(), r.departing(), arriving);
        String risk = RelocationVariables.MODE_LIVE.equals(mode) ? "high" : "medium";
        StringBuilder p = new StringBuilder();
        p.append("Relocate WPAR ").append(r.wpar()).append(" from ").append(r.departing()).append(" to ")
                .append(arriving).append(r.mode() == null || r.arriving() != null ? "" : " (chosen for you)")
                .append('\n');
        if (group != null) {
            p.append("Relocation group ").append(group.group()).append(": candidates ")
                    .append(group.candidates().stream().map(c -> c.lpar() + " (" + c.rank() + ")")
                            .collect(Collectors.joining(", ")))
                    .append(group.excluded().isEmpty() ? "" : "; left out: " + String.join("; ", group.excluded()))
                    .append('\n');
        }
        p.append("Requested mode: ").append(r.mode()).append("; chosen mode: ")
                .append(mode == null ? "none (incompatible)" : mode).append('\n');
        if (RelocationVariables.MODE_LIVE.equals(mode)) {
            p.append("Steps (Redbook 4.7.3-4.7.4): spec file from ").append(r.departing())
                    .append(" (mkwpar -w -e), mkwpar -p on ").append(arriving).append(", setclock, movewpar -s on ")
                    .append(r.departing()).append(", movewpar -k on ").append(arriving)
                    .append("; a failure or timeout runs movewpar -x on both sides\n");
        } else if (mode != null) {
            p.append("Steps (Redbook Table 4-2): lock both sides, stop, savewpar to the shared repository, restwpar on ")
                    .append(arriving).append(", start, verify, remove from ").append(r.departing())
                    .append("; any failure rolls back\n");
        }
        p.append("Expected outage: ").append(outage).append('\n');
        p.append(r.window() == null ? "Starts as soon as approved\n" : "Starts at " + r.window() + "\n");
        p.append("\nCompatibility checks (Redbook 5.5):\n").append(table);
        return new Plan(arriving, mode, mode != null, table, summary(r, arriving, mode), abbreviate(p.toString()),
                risk, outage, compatibility.toJson(report));
    }

    /**
     * What the WPAR's users lose, by mode and state: live freezes it briefly; static stops an Active WPAR for the
     * save and the restore (Table 4-2 rows 3-13); a Defined WPAR is not running, so nobody loses anything.
     */
    static String outage(String mode, WparState state, String wpar, String departing, String arriving) {
        if (RelocationVariables.MODE_LIVE.equals(mode)) {
            return "a short freeze while movewpar moves the last memory pages; " + wpar + " keeps running";
        }
        if (RelocationVariables.MODE_STATIC.equals(mode) && state == WparState.ACTIVE) {
            return wpar + " is down from stopwpar on " + departing + " through savewpar and restwpar until startwpar"
                    + " on " + arriving + " (grows with the WPAR's size)";
        }
        if (RelocationVariables.MODE_STATIC.equals(mode)) {
            return "none: " + wpar + " is " + (state == null ? "not running" : state.word())
                    + " (not running); it is saved, restored on " + arriving + " and left " + (state == null ? "as it was"
                            : state.word());
        }
        return "none (nothing will be done)";
    }

    private static String summary(RelocationRequest r, String arriving, String mode) {
        return "Relocate " + r.wpar() + " " + r.departing() + " → "
                + (arriving == null ? "(no target)" : arriving) + (mode == null ? "" : " (" + mode + ")");
    }

    static String abbreviate(String s) {
        return s.length() <= MAX_PLAN ? s : s.substring(0, MAX_PLAN - 1) + "…";
    }

    public void recordChecks(RelocationRequest r, Plan plan) {
        records.recordChecks(r.id(), plan.arriving(), plan.reportJson(), plan.plan(), plan.mode());
    }

    // ------------------------------------------------------------------ locks

    /**
     * The lease locks of the whole relocation, owned by the umbrella instance: the WPAR on both sides and both hosts.
     * All or none: when one is held by someone else, the ones just taken are released and the holder is named. The
     * sub-processes take the same WPAR leases with the same owner (a lease is re-entrant for its owner).
     */
    public Optional<String> acquireLocks(RelocationRequest r, String arriving) {
        List<LockResource> wanted = resources(r, arriving);
        for (LockResource resource : wanted) {
            LockAcquisition got = leases.acquire(resource, r.id(), "relocation " + r.id() + " of " + r.wpar()
                    + " from " + r.departing() + " to " + arriving, settings.lockLease());
            if (got instanceof LockAcquisition.HeldByOther other) {
                leases.releaseAll(r.id());
                return Optional.of(other.describe());
            }
        }
        return Optional.empty();
    }

    static List<LockResource> resources(RelocationRequest r, String arriving) {
        return List.of(LockResource.wpar(r.departing(), r.wpar()), LockResource.wpar(arriving, r.wpar()),
                LockResource.host(r.departing()), LockResource.host(arriving));
    }

    /** Every lease this relocation holds; idempotent. */
    public int releaseLocks(String owner) {
        return leases.releaseAll(owner);
    }

    // ------------------------------------------------------------------ verification and record

    /**
     * After the move: RELOCATED means the WPAR is listed on the arriving LPAR and not on the departing one; anything
     * else (rolled back, refused) means it is still listed on the departing one. A mismatch is technical: an
     * operator must look (incident), and the locks stay held meanwhile.
     */
    public void verify(RelocationRequest r, String arriving, String moveOutcome, Origin origin) {
        Optional<WparInfo> there = looks.look(arriving, r.wpar(), origin);
        Optional<WparInfo> here = looks.look(r.departing(), r.wpar(), origin);
        boolean ok = "RELOCATED".equals(moveOutcome) ? there.isPresent() && here.isEmpty() : here.isPresent();
        if (!ok) {
            throw new RelocationStepException("after " + moveOutcome + " WPAR " + r.wpar() + " is "
                    + where(here, r.departing()) + " and " + where(there, arriving));
        }
    }

    private static String where(Optional<WparInfo> w, String host) {
        return w.map(x -> x.state().word() + " on " + host).orElse("absent from " + host);
    }

    public void recordOutcome(String id, String wpar, String departing, String outcome, String reason) {
        records.recordRequest(id, id, clip(Objects.requireNonNullElse(wpar, "?"), 64),
                clip(Objects.requireNonNullElse(departing, "?"), 255), null, null, null);
        records.recordOutcome(id, outcome, reason);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
