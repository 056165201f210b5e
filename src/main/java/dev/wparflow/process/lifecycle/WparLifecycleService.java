package dev.wparflow.process.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.wparflow.aix.AixCommand;
import dev.wparflow.aix.AixCommandException;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.InvalidArgumentException;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.WparDiagnostics;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparLifecycle;
import dev.wparflow.aix.WparLifecycle.Stop;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparState;
import dev.wparflow.aix.WparType;
import dev.wparflow.catalog.RelocationGroup;
import dev.wparflow.catalog.RelocationGroups;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.inventory.WparRecord;
import dev.wparflow.lock.HeldLock;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockAcquisition;
import dev.wparflow.lock.LockResource;
import dev.wparflow.process.InputRules;

/**
 * The work of WparLifecycleProcess: the checks (the WPARs on the LPAR, or each member of a relocation group on the LPAR
 * the inventory finds it on; none locked by another operation), the approval policy, the plan, and per WPAR the change as an AIX administrator makes it (Redbook 4.1.1-4.1.2): the WPAR's lease,
 * look at its state, the drain command inside it before a stop, {@code startwpar}, {@code stopwpar [-F]} or
 * {@code rebootwpar}, and for a WPAR in Broken (or stuck in Transitional) the recovery of 4.1.2: collect what the book
 * says to look at into the transcript, {@code stopwpar -F}, verify Defined, start it if asked. What goes wrong with
 * one WPAR is recorded with it and does not stop the others.
 */
@Service
public class WparLifecycleService {

    private static final Logger log = LoggerFactory.getLogger(WparLifecycleService.class);
    private static final List<LswparField> FIELDS = List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE);
    /** Camunda keeps a String variable in a 4000-character column */
    static final int MAX_TEXT = 3900;

    /** What the checks decided: the WPARs with their state and their LPAR, in order. */
    public record Checked(List<String> wpars, Map<String, WparState> states, Map<String, String> lpars, int lanes,
            boolean approvalRequired) {
    }

    /** The result of one WPAR. */
    public record Result(boolean succeeded, WparState from, WparState to, List<String> commands, String findings,
            String error) {
    }

    private final AixGateway aix;
    private final LeaseLockService leases;
    private final LifecycleItems items;
    private final LifecycleSettings settings;
    private final RelocationGroups groups;
    private final InventoryRepository inventory;
    private final InputRules rules;

    public WparLifecycleService(AixGateway aix, LeaseLockService leases, LifecycleItems items,
            LifecycleSettings settings, RelocationGroups groups, InventoryRepository inventory, InputRules rules) {
        this.aix = aix;
        this.leases = leases;
        this.items = items;
        this.settings = settings;
        this.groups = groups;
        this.inventory = inventory;
        this.rules = rules;
    }

    // ------------------------------------------------------------------------------------------- checks

    /** The drain command's words, each a bare-safe word of a clogin command; null for none. */
    public static List<String> drainWords(String command) {
        if (command == null || command.isBlank()) {
            return null;
        }
        List<String> words = List.of(command.strip().split("\\s+"));
        WparLifecycle.clogin(WparName.of("check"), words);
        return words;
    }

    /** Whether a lifecycle request names its WPARs one way only: a list, or all of the LPAR. */
    public static String selectionRule(String wpars, boolean all) {
        return selectionRule(wpars, all, null);
    }

    /** Whether a lifecycle request names its WPARs one way only: a list, all of the LPAR, or a relocation group. */
    public static String selectionRule(String wpars, boolean all, String group) {
        List<String> given = new ArrayList<>();
        if (wpars != null && !wpars.isBlank()) {
            given.add("wpars");
        }
        if (all) {
            given.add("allWpars");
        }
        if (group != null && !group.isBlank()) {
            given.add("group");
        }
        if (given.isEmpty()) {
            return "name the WPARs (wpars), ask for allWpars or name a relocation group (group): exactly one of the"
                    + " three";
        }
        if (given.size() > 1) {
            return "exactly one of wpars, allWpars and group, not both " + String.join(" and ", given);
        }
        return null;
    }

    /** The LPAR is named unless a group is: a group's members are acted on where the inventory finds them. */
    public static String lparRule(String lpar, String group) {
        boolean grouped = group != null && !group.isBlank();
        boolean named = lpar != null && !lpar.isBlank();
        if (grouped && named) {
            return "is not given with group: each member of the group is acted on on the LPAR the inventory finds it"
                    + " on";
        }
        if (!grouped && !named) {
            return "is required (the LPAR of the WPARs), unless a relocation group is named (group)";
        }
        return null;
    }

    /**
     * Where each member of a group is, by the inventory's rows for it ({@code found}: member to the LPARs that list
     * it): one LPAR each, in the group's order. A member the inventory does not know, or knows on two LPARs, is
     * refused with the LPARs named (a WPAR's items are keyed by its name within an operation).
     */
    public static Map<String, String> placements(String group, List<String> members, Map<String, List<String>> found) {
        if (members.isEmpty()) {
            throw new LifecycleRefusal("NO_WPARS", "relocation group " + group + " has no member");
        }
        List<String> missing = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        Map<String, String> where = new java.util.LinkedHashMap<>();
        for (String m : members) {
            List<String> lpars = found.getOrDefault(m, List.of()).stream().distinct().toList();
            if (lpars.isEmpty()) {
                missing.add(m);
            } else if (lpars.size() > 1) {
                twice.add(m + " (on " + String.join(" and ", lpars) + ")");
            } else {
                where.put(m, lpars.get(0));
            }
        }
        if (!twice.isEmpty()) {
            throw new LifecycleRefusal("WPAR_ON_TWO_LPARS", "the inventory lists members of relocation group " + group
                    + " on more than one LPAR, which one is meant is not certain: " + String.join(", ", twice));
        }
        if (!missing.isEmpty()) {
            throw new LifecycleRefusal("WPARS_NOT_FOUND", "members of relocation group " + group + " the inventory"
                    + " finds on no LPAR: " + String.join(", ", missing));
        }
        return where;
    }

    public Checked check(Origin origin, String owner, String lpar, LifecycleAction action, String wparList,
            boolean all, Integer parallelism) {
        return check(origin, owner, lpar, action, wparList, all, null, parallelism);
    }

    /**
     * Refuses before any change what is certain: the WPARs named are on the LPAR (lswpar), or each member of the
     * group is where the inventory finds it (lswpar on each of those LPARs), system WPARs, none held by another
     * operation; records them (PENDING) and decides the lanes and whether approval is needed.
     */
    public Checked check(Origin origin, String owner, String lpar, LifecycleAction action, String wparList,
            boolean all, String group, Integer parallelism) {
        boolean grouped = group != null && !group.isBlank();
        String selection = selectionRule(wparList, all, group);
        if (selection == null) {
            selection = lparRule(lpar, group);
        }
        if (selection != null) {
            throw new LifecycleRefusal("INVALID_REQUEST", selection);
        }
        int lanesAsked = parallelism == null ? settings.parallelism() : parallelism;
        if (lanesAsked < 1 || lanesAsked > LifecycleSettings.MAX_PARALLELISM) {
            throw new LifecycleRefusal("INVALID_REQUEST", "parallelism must be between 1 and "
                    + LifecycleSettings.MAX_PARALLELISM + ", not " + lanesAsked);
        }
        Map<String, String> where = new java.util.LinkedHashMap<>();
        Map<String, WparState> states = new java.util.LinkedHashMap<>();
        if (grouped) {
            RelocationGroup g = groups.find(group.strip()).orElseThrow(() -> new LifecycleRefusal("INVALID_REQUEST",
                    "no relocation group " + group));
            Map<String, List<String>> found = new java.util.HashMap<>();
            for (String m : g.members()) {
                found.put(m, inventory.findWpar(m).stream().map(WparRecord::lpar).toList());
            }
            Map<String, String> placed = placements(g.name(), g.members(), found);
            Map<String, List<String>> byLpar = new java.util.LinkedHashMap<>();
            placed.forEach((w, l) -> byLpar.computeIfAbsent(l, k -> new ArrayList<>()).add(w));
            byLpar.forEach((l, ws) -> {
                String refused = rules.drivableHost(l);
                if (refused != null) {
                    throw new LifecycleRefusal("LPAR_NOT_DRIVABLE", "members of relocation group " + g.name()
                            + " are on " + l + ", which " + refused);
                }
            });
            Map<String, WparState> seen = new java.util.HashMap<>();
            byLpar.forEach((l, ws) -> seen.putAll(look(origin, l, ws)));
            // in the group's order
            placed.forEach((w, l) -> {
                where.put(w, l);
                states.put(w, seen.get(w));
            });
        } else {
            List<String> asked;
            try {
                asked = all ? null : WparName.commaList(wparList);
            } catch (InvalidArgumentException bad) {
                throw new LifecycleRefusal("INVALID_REQUEST", bad.getMessage());
            }
            look(origin, lpar, asked).forEach((w, st) -> {
                where.put(w, lpar);
                states.put(w, st);
            });
        }
        List<String> wpars = List.copyOf(states.keySet());
        for (String w : wpars) {
            heldByOther(LockResource.wpar(where.get(w), w), owner).ifPresent(held -> {
                throw new LifecycleRefusal("WPAR_LOCKED", "another operation works on " + where.get(w) + "/" + w
                        + ": " + held);
            });
        }
        boolean forced = states.values().stream().anyMatch(WparLifecycleService::needsRecovery);
        boolean required = (action.disruptive() || forced)
                && !wpars.stream().allMatch(w -> settings.exempt(where.get(w), w));
        items.add(owner, where, action.word(), required);
        return new Checked(wpars, states, where, Math.min(lanesAsked, wpars.size()), required);
    }

    /**
     * The WPARs of {@code lpar} as lswpar lists them: those {@code asked} (each must be there and a system WPAR), or
     * with null every system WPAR; by name, with its state.
     */
    private Map<String, WparState> look(Origin origin, String lpar, List<String> asked) {
        AixHost host = aix.on(lpar, origin);
        List<WparInfo> listed = host.wpars(FIELDS);
        Map<String, WparInfo> byName = listed.stream().collect(Collectors.toMap(WparInfo::name, w -> w, (a, b) -> a,
                java.util.LinkedHashMap::new));
        List<String> wpars;
        if (asked == null) {
            wpars = listed.stream().filter(w -> w.type() != WparType.APPLICATION).map(WparInfo::name).toList();
            if (wpars.isEmpty()) {
                throw new LifecycleRefusal("NO_WPARS", lpar + " has no system WPAR (lswpar)");
            }
        } else {
            List<String> unknown = asked.stream().filter(n -> !byName.containsKey(n)).toList();
            if (!unknown.isEmpty()) {
                throw new LifecycleRefusal("WPARS_NOT_FOUND", "not on " + lpar + ": " + String.join(", ", unknown)
                        + " (lswpar: " + (byName.isEmpty() ? "no WPAR" : String.join(", ", byName.keySet())) + ")");
            }
            List<String> application = asked.stream().filter(n -> byName.get(n).type() == WparType.APPLICATION)
                    .toList();
            if (!application.isEmpty()) {
                throw new LifecycleRefusal("NOT_A_SYSTEM_WPAR", "application WPARs are started by wparexec and end"
                        + " with their application: " + String.join(", ", application));
            }
            wpars = asked;
        }
        Map<String, WparState> states = new java.util.LinkedHashMap<>();
        wpars.forEach(w -> states.put(w, byName.get(w).state()));
        return states;
    }

    private Optional<String> heldByOther(LockResource resource, String owner) {
        HeldLock held = leases.find(resource);
        if (held == null || held.owner() == null || held.expired() || held.owner().equals(owner)) {
            return Optional.empty();
        }
        return Optional.of(resource + " is held by " + held.owner()
                + (held.ownerInfo() == null ? "" : " (" + held.ownerInfo() + ")") + " until " + held.expiresAt());
    }

    static boolean needsRecovery(WparState state) {
        return state == WparState.BROKEN || state == WparState.TRANSITIONAL;
    }

    // --------------------------------------------------------------------------------------------- plan

    public static String summary(String lpar, LifecycleAction action, List<String> wpars) {
        return clip(capital(action.word()) + " " + (wpars.size() == 1 ? wpars.get(0) : wpars.size() + " WPARs")
                + " on " + lpar);
    }

    /** The summary of a request: on its LPAR, or of its relocation group with the LPARs the members are on. */
    public static String summary(String lpar, String group, LifecycleAction action, Map<String, String> lpars) {
        if (group == null || group.isBlank()) {
            return summary(lpar, action, List.copyOf(lpars.keySet()));
        }
        return clip(capital(action.word()) + " relocation group " + group + ": " + lpars.size() + " WPAR(s) on "
                + String.join(", ", new LinkedHashSet<>(lpars.values())));
    }

    /** What the approvers read: the WPARs with their state and the exact commands each gets. */
    public String plan(String lpar, LifecycleAction action, Map<String, WparState> states, int lanes, String drain,
            boolean startAfterRecovery, String reason) {
        Map<String, String> lpars = new java.util.LinkedHashMap<>();
        states.keySet().forEach(w -> lpars.put(w, lpar));
        return plan(lpar, null, lpars, action, states, lanes, drain, startAfterRecovery, reason);
    }

    /** The plan; for a group, each WPAR with the LPAR the inventory found it on. */
    public String plan(String lpar, String group, Map<String, String> lpars, LifecycleAction action,
            Map<String, WparState> states, int lanes, String drain, boolean startAfterRecovery, String reason) {
        boolean grouped = group != null && !group.isBlank();
        StringBuilder p = new StringBuilder();
        p.append(capital(action.word())).append(' ').append(states.size()).append(" WPAR(s) ")
                .append(grouped ? "of relocation group " + group + " on "
                        + String.join(", ", new LinkedHashSet<>(lpars.values())) : "on " + lpar)
                .append(", ").append(lanes).append(" at a time\n");
        if (reason != null && !reason.isBlank()) {
            p.append("Reason: ").append(reason).append('\n');
        }
        p.append("Each WPAR under its lease (wpar:").append(grouped ? "LPAR" : lpar).append("/NAME); a failing one is"
                + " reported and does not stop the others.\n");
        states.forEach((w, s) -> {
            p.append("  ").append(grouped ? lpars.get(w) + "/" : "").append(w).append(" (").append(s.word())
                    .append("): ");
            p.append(String.join("; ", commands(WparName.of(w), action, s, drainWords(drain), startAfterRecovery)));
            p.append('\n');
        });
        return clip(p.toString());
    }

    /** The commands a WPAR in {@code state} gets, as the host receives them ("nothing" when none). */
    static List<String> commands(WparName w, LifecycleAction action, WparState state, List<String> drain,
            boolean startAfterRecovery) {
        List<String> c = new ArrayList<>();
        if (needsRecovery(state)) {
            WparDiagnostics.commands(w).forEach(d -> c.add(d.commandLine()));
            c.add(WparLifecycle.stopwpar(w, Stop.FORCE).commandLine());
            if (action == LifecycleAction.START || action == LifecycleAction.REBOOT
                    || (action == LifecycleAction.RECOVER && startAfterRecovery)) {
                c.add(WparLifecycle.startwpar(w).commandLine());
            }
            return c;
        }
        switch (action) {
            case START -> {
                if (state == WparState.DEFINED) {
                    c.add(WparLifecycle.startwpar(w).commandLine());
                }
            }
            case STOP, STOP_FORCE -> {
                if (state == WparState.ACTIVE || state == WparState.PAUSED) {
                    if (drain != null) {
                        c.add(WparLifecycle.clogin(w, drain).commandLine());
                    }
                    c.add(action == LifecycleAction.STOP ? WparLifecycle.stopwpar(w).commandLine()
                            : WparLifecycle.stopwpar(w, Stop.FORCE).commandLine());
                }
            }
            case REBOOT -> {
                if (state == WparState.ACTIVE) {
                    if (drain != null) {
                        c.add(WparLifecycle.clogin(w, drain).commandLine());
                    }
                    c.add(WparDiagnostics.rebootwpar(w).commandLine());
                }
            }
            case RECOVER -> {
            }
        }
        if (c.isEmpty()) {
            c.add("nothing (" + state.word() + (action == LifecycleAction.REBOOT && state == WparState.DEFINED
                    ? ": rebootwpar needs an Active WPAR, it will be reported" : "") + ")");
        }
        return c;
    }

    // ---------------------------------------------------------------------------------------------- lanes

    public Optional<LifecycleItems.Item> claimNext(String owner, String lane) {
        return items.claimNext(owner, lane);
    }

    /** wparflow.lifecycle.drain-command, or null. */
    public String configuredDrainCommand() {
        return settings.drainCommand();
    }

    /** What the checks recorded: no approval needed for this operation. */
    public boolean approvalNotRequired(String owner) {
        return items.approvalNotRequired(owner);
    }

    /**
     * One WPAR, under its lease: look, change, verify, record. A command that fails, a WPAR that does not end in the
     * requested state, a WPAR held by another operation or gone: recorded as FAILED with the reason. A host that
     * cannot be reached propagates (retry, then an incident); the retry looks first again.
     */
    public Result change(Origin origin, String owner, String lpar, WparName wpar, LifecycleAction action,
            String drainCommand, boolean startAfterRecovery) {
        LockResource resource = LockResource.wpar(lpar, wpar.value());
        List<String> ran = new ArrayList<>();
        StringBuilder findings = new StringBuilder();
        AixHost host = aix.on(lpar, origin);
        WparState from = null;
        Result result;
        LockAcquisition got = leases.acquire(resource, owner, "lifecycle " + action.word() + " " + owner + " of "
                + lpar + "/" + wpar, settings.lease());
        if (got instanceof LockAcquisition.HeldByOther other) {
            result = new Result(false, null, null, ran, null, "WPAR_LOCKED: " + other.describe());
            record(owner, wpar, result);
            return result;
        }
        try {
            Optional<WparState> now = state(host, wpar);
            if (now.isEmpty()) {
                result = new Result(false, null, null, ran, null, "WPAR_NOT_FOUND: lswpar on " + lpar
                        + " no longer lists " + wpar);
            } else {
                from = now.get();
                result = apply(host, lpar, wpar, action, from, drainWords(drainCommand), startAfterRecovery, ran,
                        findings);
            }
        } catch (AixCommandException failed) {
            WparState after = state(host, wpar).orElse(null);
            result = new Result(false, from, after, ran, findings.isEmpty() ? null : findings.toString(),
                    failed.getMessage());
        } finally {
            leases.release(resource, owner);
        }
        record(owner, wpar, result);
        log.info("{} {}/{}: {} -> {}{}", action.word(), lpar, wpar, result.from(), result.to(),
                result.error() == null ? "" : " (" + result.error() + ")");
        return result;
    }

    private Result apply(AixHost host, String lpar, WparName wpar, LifecycleAction action, WparState from,
            List<String> drain, boolean startAfterRecovery, List<String> ran, StringBuilder findings) {
        WparState state = from;
        if (needsRecovery(state)) {
            recover(host, lpar, wpar, ran, findings);
            state = state(host, wpar).orElse(WparState.UNKNOWN);
            if (state != WparState.DEFINED) {
                return new Result(false, from, state, ran, findings.toString(), "VERIFY_FAILED: " + wpar + " is "
                        + state.word() + " after stopwpar -F, not Defined");
            }
            if (action == LifecycleAction.START || action == LifecycleAction.REBOOT
                    || (action == LifecycleAction.RECOVER && startAfterRecovery)) {
                run(host, lpar, WparLifecycle.startwpar(wpar), ran);
            }
        } else {
            switch (action) {
                case START -> {
                    if (state == WparState.DEFINED) {
                        run(host, lpar, WparLifecycle.startwpar(wpar), ran);
                    }
                }
                case STOP, STOP_FORCE -> {
                    if (state == WparState.ACTIVE || state == WparState.PAUSED) {
                        String drained = drain(host, lpar, wpar, drain, ran);
                        if (drained != null) {
                            return new Result(false, from, state, ran, null, drained);
                        }
                        run(host, lpar, action == LifecycleAction.STOP ? WparLifecycle.stopwpar(wpar)
                                : WparLifecycle.stopwpar(wpar, Stop.FORCE), ran);
                    }
                }
                case REBOOT -> {
                    if (state != WparState.ACTIVE) {
                        return new Result(false, from, state, ran, null, "NOT_ACTIVE: " + wpar + " is "
                                + state.word() + "; rebootwpar needs an Active WPAR (RB:2734)");
                    }
                    String drained = drain(host, lpar, wpar, drain, ran);
                    if (drained != null) {
                        return new Result(false, from, state, ran, null, drained);
                    }
                    run(host, lpar, WparDiagnostics.rebootwpar(wpar), ran);
                }
                case RECOVER -> {
                }
            }
        }
        WparState to = state(host, wpar).orElse(null);
        WparState wanted = wanted(action, from, startAfterRecovery);
        if (to != wanted) {
            return new Result(false, from, to, ran, findings.isEmpty() ? null : findings.toString(), "VERIFY_FAILED: "
                    + wpar + " is " + (to == null ? "gone" : to.word()) + ", not " + wanted.word());
        }
        return new Result(true, from, to, ran, findings.isEmpty() ? null : findings.toString(), null);
    }

    /** The state the action must leave the WPAR in. */
    static WparState wanted(LifecycleAction action, WparState from, boolean startAfterRecovery) {
        return switch (action) {
            case START, REBOOT -> WparState.ACTIVE;
            case STOP, STOP_FORCE -> WparState.DEFINED;
            case RECOVER -> needsRecovery(from) ? (startAfterRecovery ? WparState.ACTIVE : WparState.DEFINED) : from;
        };
    }

    /**
     * Redbook 4.1.2: the WPAR's listing, the logs at /var/adm/ras and /var/adm/WPARs, its processes and its file
     * systems, each read into the transcript and the findings, then {@code stopwpar -F}.
     */
    private void recover(AixHost host, String lpar, WparName wpar, List<String> ran, StringBuilder findings) {
        for (AixCommand read : WparDiagnostics.commands(wpar)) {
            String out = host.collect(read);
            ran.add(lpar + ": " + read.commandLine());
            findings.append("$ ").append(read.commandLine()).append('\n').append(out);
            if (!out.isEmpty() && !out.endsWith("\n")) {
                findings.append('\n');
            }
        }
        run(host, lpar, WparLifecycle.stopwpar(wpar, Stop.FORCE), ran);
    }

    /** The drain command inside the WPAR; null when it succeeded or there is none, else the error. */
    private String drain(AixHost host, String lpar, WparName wpar, List<String> drain, List<String> ran) {
        if (drain == null) {
            return null;
        }
        AixCommand clogin = WparLifecycle.clogin(wpar, drain);
        ran.add(lpar + ": " + clogin.commandLine());
        AixHost.Inside inside = host.runInside(wpar, drain);
        return inside.succeeded() ? null : "DRAIN_FAILED: " + clogin.commandLine() + " exited " + inside.exitStatus()
                + (inside.lastErrorLine().isEmpty() ? "" : ": " + inside.lastErrorLine()) + "; not stopped";
    }

    private static void run(AixHost host, String lpar, AixCommand command, List<String> ran) {
        ran.add(lpar + ": " + command.commandLine());
        host.run(command);
    }

    private static Optional<WparState> state(AixHost host, WparName wpar) {
        return host.wpar(wpar, FIELDS).map(WparInfo::state);
    }

    private void record(String owner, WparName wpar, Result r) {
        items.finish(owner, wpar.value(), r.succeeded(), r.from() == null ? null : r.from().word(),
                r.to() == null ? null : r.to().word(), String.join("\n", r.commands()), r.findings(), r.error());
    }

    public void releaseLeases(String owner) {
        leases.releaseAll(owner);
    }

    // ----------------------------------------------------------------------------------------- outcome

    /** Codes of a request that could not be done as asked: nothing was changed. */
    static final Set<String> REFUSALS = Set.of("INVALID_REQUEST", "WPARS_NOT_FOUND", "NOT_A_SYSTEM_WPAR", "NO_WPARS",
            "WPAR_LOCKED", "WPAR_ON_TWO_LPARS", "LPAR_NOT_DRIVABLE", "CHANGE_NOT_APPROVED");

    /** How it ended, why, and the counts. */
    public record Outcome(String outcome, String reason, int succeeded, int failed) {
    }

    /**
     * COMPLETED (every WPAR in the requested state), PARTIAL (some failed), FAILED (all failed), REFUSED (the checks
     * refused, nothing changed), REJECTED (nothing changed). The reason lists each WPAR: from → to, the commands, the
     * error, and for a recovery the first lines of what was found.
     */
    public Outcome outcome(String owner, String lpar, LifecycleAction action, String failureCode,
            String failureReason, boolean approvalAsked, String approvers, String approvalReason) {
        return outcome(owner, lpar, null, action, failureCode, failureReason, approvalAsked, approvers,
                approvalReason);
    }

    /** The outcome; for a relocation group it names the group, and each WPAR line its LPAR. */
    public Outcome outcome(String owner, String lpar, String group, LifecycleAction action, String failureCode,
            String failureReason, boolean approvalAsked, String approvers, String approvalReason) {
        boolean grouped = group != null && !group.isBlank();
        List<LifecycleItems.Item> all = items.items(owner);
        List<LifecycleItems.Item> finished = all.stream().filter(i -> i.state().equals("DONE") || i.failed())
                .toList();
        int failed = (int) finished.stream().filter(LifecycleItems.Item::failed).count();
        int ok = finished.size() - failed;
        if (failureCode != null) {
            String failure = failureCode + ": " + failureReason;
            if (finished.isEmpty() && REFUSALS.contains(failureCode)) {
                return new Outcome("REFUSED", clip(failure + "; nothing was changed"), 0, 0);
            }
            return new Outcome("FAILED", clip(failure + ". " + lines(finished, grouped)), ok, failed);
        }
        if (finished.isEmpty() && approvalAsked) {
            return new Outcome("REJECTED", clip("rejected" + (approvers == null ? "" : " by " + approvers) + ": "
                    + approvalReason + "; nothing was changed"), 0, 0);
        }
        String what = (action == null ? "lifecycle" : action.word())
                + (grouped ? " of relocation group " + group : " on " + lpar) + ": " + ok + " of "
                + finished.size() + " WPAR(s) done" + (failed == 0 ? "" : ", " + failed + " failed")
                + (approvalAsked && approvers != null ? " (approved by " + approvers + ")" : "") + ". ";
        String outcome = failed == 0 ? "COMPLETED" : ok == 0 ? "FAILED" : "PARTIAL";
        return new Outcome(outcome, clip(what + lines(finished, grouped)), ok, failed);
    }

    private static String lines(List<LifecycleItems.Item> items, boolean withLpar) {
        return items.stream().map(i -> line(i, withLpar)).collect(Collectors.joining(" | "));
    }

    static String line(LifecycleItems.Item i) {
        return line(i, false);
    }

    /** One WPAR's result; {@code withLpar}: as "lpar/wpar", for a group whose members are on several LPARs. */
    static String line(LifecycleItems.Item i, boolean withLpar) {
        StringBuilder s = new StringBuilder(withLpar ? i.lpar() + "/" + i.wpar() : i.wpar()).append(": ").append(i.failed() ? "FAILED " : "")
                .append(orElse(i.fromState())).append(" → ").append(orElse(i.toState()));
        if (i.commands() != null && !i.commands().isBlank()) {
            s.append(" (ran: ").append(i.commands().lines().collect(Collectors.joining("; "))).append(')');
        }
        if (i.findings() != null) {
            s.append(" found: ").append(found(i.findings()));
        }
        if (i.error() != null) {
            s.append(" error: ").append(i.error());
        }
        return s.toString();
    }

    /** The recovery's findings in one line: the state lswpar -L showed and how many processes ps listed. */
    static String found(String findings) {
        Function<String, String> section = cmd -> {
            int at = findings.indexOf("$ " + cmd);
            if (at < 0) {
                return "";
            }
            int end = findings.indexOf("\n$ ", at + 2);
            return findings.substring(findings.indexOf('\n', at) + 1, end < 0 ? findings.length() : end + 1);
        };
        String lswpar = section.apply("lswpar -L");
        String banner = lswpar.lines().filter(l -> l.contains(" - ")).findFirst().orElse("").strip();
        long processes = section.apply("ps -ef -@").lines().filter(l -> !l.startsWith("WPAR ") && !l.isBlank()
                && !l.startsWith("(exit")).count();
        String logs = section.apply("ls ").lines().filter(l -> !l.isBlank() && !l.startsWith("(exit")
                && !l.startsWith("ls:") && !l.endsWith(":")).collect(Collectors.joining(", "));
        return (banner.isEmpty() ? "" : "lswpar -L '" + banner + "', ") + processes + " process(es) left (ps -@)"
                + (logs.isEmpty() ? ", no log files" : ", logs " + logs) + "; full output in the transcript";
    }

    private static String orElse(String s) {
        return s == null ? "?" : s;
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String clip(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }
}
