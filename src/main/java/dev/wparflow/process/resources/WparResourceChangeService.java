package dev.wparflow.process.resources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import dev.wparflow.aix.AixCommand;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.ResourceControls;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparLifecycle;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparState;
import dev.wparflow.lock.HeldLock;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockAcquisition;
import dev.wparflow.lock.LockResource;

/**
 * The steps of WparResourceChangeProcess (Redbook chapter 8): the checks an AIX administrator makes before
 * {@code chwpar -R} (the WPAR on the LPAR, its controls as {@code lswpar -R} shows them, the controls after the change
 * each valid, and, when the WPAR runs, "the sum of minimum percentage for all running WPARs must not exceed 100",
 * RB:11177, for CPU and memory, measured on the LPAR with {@code lswpar -R} and {@code prtconf}), the plan with
 * before and after, the change, its verification with {@code lswpar -R} and, when that does not show the request,
 * the roll-back to the previous values ({@code chwpar -R} for the values that were set, {@code chwpar -K -R} for
 * those that were not). Business refusals are {@link ResourceChangeRefusal}s (codes WPAR_NOT_FOUND, WPAR_LOCKED,
 * MINIMUMS_OVER_100, ROLLBACK_FAILED).
 */
@Service
public class WparResourceChangeService {

    private static final List<LswparField> FIELDS = List.of(LswparField.NAME, LswparField.STATE);
    /** The states in which a WPAR's minimums count (it runs, or is starting, stopping or moving). */
    static final Set<WparState> RUNNING = EnumSet.of(WparState.ACTIVE, WparState.PAUSED, WparState.FROZEN,
            WparState.LOADED, WparState.MOVING, WparState.TRANSITIONAL);
    /** Camunda keeps a String variable in a 4000-character column */
    static final int MAX_TEXT = 3900;

    /** What the checks read: the WPAR's state, its controls before the change, the LPAR's memory. */
    public record Facts(WparState state, ResourceControls before, Long lparMemoryMb) {
    }

    private final AixGateway aix;
    private final LeaseLockService leases;
    private final Duration lease;

    public WparResourceChangeService(AixGateway aix, LeaseLockService leases,
            @Value("${wparflow.resources.lease:PT1H}") Duration lease) {
        this.aix = aix;
        this.leases = leases;
        this.lease = lease;
    }

    // ------------------------------------------------------------------------------------------- checks

    /**
     * Refuses another operation's lease before any host is asked; then reads the LPAR: lswpar (the WPAR there),
     * lswpar -R (every WPAR's controls), prtconf (its memory), and checks the controls after the change against
     * chapter 8's rules. Returns what it read.
     */
    public Facts check(Origin origin, String owner, String lpar, WparName wpar, ResourceControls requested) {
        if (requested.isEmpty()) {
            throw new ResourceChangeRefusal("INVALID_REQUEST", "name at least one control to change");
        }
        HeldLock held = leases.find(LockResource.wpar(lpar, wpar.value()));
        if (held != null && held.owner() != null && !held.expired() && !held.owner().equals(owner)) {
            throw new ResourceChangeRefusal("WPAR_LOCKED", "another operation works on " + lpar + "/" + wpar + ": "
                    + LockResource.wpar(lpar, wpar.value()) + " is held by " + held.owner()
                    + (held.ownerInfo() == null ? "" : " (" + held.ownerInfo() + ")") + " until " + held.expiresAt());
        }
        AixHost host = aix.on(lpar, origin);
        List<WparInfo> wpars = host.wpars(FIELDS);
        WparInfo w = wpars.stream().filter(i -> i.name().equals(wpar.value())).findFirst()
                .orElseThrow(() -> new ResourceChangeRefusal("WPAR_NOT_FOUND", "WPAR " + wpar + " does not exist on "
                        + lpar + " (lswpar: " + String.join(", ", wpars.stream().map(WparInfo::name).toList()) + ")"));
        Map<String, ResourceControls> controls = host.resourceControls(List.of());
        ResourceControls before = controls.get(wpar.value());
        if (before == null) {
            throw new ResourceChangeRefusal("WPAR_NOT_FOUND", "lswpar -R on " + lpar + " does not show " + wpar);
        }
        Long memoryMb = host.memoryMb();
        ResourceControls after = before.with(requested);
        if (RUNNING.contains(w.state())) {
            Map<String, ResourceControls> running = new LinkedHashMap<>();
            for (WparInfo o : wpars) {
                if (!o.name().equals(wpar.value()) && RUNNING.contains(o.state()) && controls.containsKey(o.name())) {
                    running.put(o.name(), controls.get(o.name()));
                }
            }
            List<String> over = ResourceControls.minimumsOver100(lpar, running, wpar.value(), after, memoryMb);
            if (!over.isEmpty()) {
                throw new ResourceChangeRefusal("MINIMUMS_OVER_100", String.join("; ", over));
            }
        }
        return new Facts(w.state(), before, memoryMb);
    }

    /** One line for the approvers' list. */
    public static String summary(String lpar, WparName wpar, ResourceControls requested) {
        return "Change the resource controls of " + wpar + " on " + lpar + ": " + requested.keywordText();
    }

    /** What the approvers read: lswpar -R now and after, the exact commands, the roll-back. */
    public String plan(String lpar, WparName wpar, Facts facts, ResourceControls requested, String reason) {
        ResourceControls before = facts.before();
        Map<String, String> now = before.shownWith(ResourceControls.none());
        Map<String, String> after = before.shownWith(requested);
        Map<String, String> changed = requested.asKeywords();
        StringBuilder p = new StringBuilder();
        p.append("Change the resource controls of ").append(wpar).append(" on ").append(lpar).append(" (")
                .append(facts.state().word()).append(")").append(". Reason: ").append(reason).append('\n');
        p.append("lswpar -R ").append(wpar).append(" now -> after:\n");
        now.forEach((k, v) -> p.append(changed.containsKey(k) ? "* " : "  ").append(k).append(": ").append(v)
                .append(changed.containsKey(k) ? " -> " + after.get(k) : "").append('\n'));
        if (RUNNING.contains(facts.state())) {
            p.append("The CPU and memory minimums of the running WPARs of ").append(lpar)
                    .append(" stay within 100%");
        } else {
            p.append(wpar).append(" does not run: the minimums of the running WPARs are checked again by startwpar");
        }
        p.append(facts.lparMemoryMb() == null ? "" : " (LPAR memory " + facts.lparMemoryMb() + " MB)").append(".\n");
        p.append("Commands on ").append(lpar).append(":\n");
        p.append("1. ").append(WparLifecycle.changeResources(wpar, requested).commandLine()).append('\n');
        p.append("2. lswpar -R ").append(wpar).append(" shows the values requested\n");
        p.append("If it does not, roll back to the values of now:");
        rollbackCommands(wpar, before, requested).forEach(c -> p.append(' ').append(c.commandLine()).append(';'));
        p.append(" then lswpar -R ").append(wpar).append(" again.\n");
        p.append("Lease: ").append(LockResource.wpar(lpar, wpar.value()).name()).append('\n');
        return clip(p.toString());
    }

    // -------------------------------------------------------------------------------------------- locks

    /** The WPAR's lease (another operation's: WPAR_LOCKED, nothing changed). A retry finds it ours. */
    public void lock(String owner, String lpar, WparName wpar) {
        LockAcquisition got = leases.acquire(LockResource.wpar(lpar, wpar.value()), owner,
                "resource change " + owner + " of " + lpar + "/" + wpar, lease);
        if (got instanceof LockAcquisition.HeldByOther other) {
            throw new ResourceChangeRefusal("WPAR_LOCKED", other.describe());
        }
    }

    public void release(String owner) {
        leases.releaseAll(owner);
    }

    // ------------------------------------------------------------------------------------------- change

    /**
     * {@code chwpar -R} with the requested controls, unless lswpar -R shows them already (a retry after the command
     * ran). Returns the command it ran, or none.
     */
    public List<String> change(Origin origin, String lpar, WparName wpar, ResourceControls requested) {
        AixHost host = aix.on(lpar, origin);
        ResourceControls now = host.resourceControls(List.of(wpar)).get(wpar.value());
        if (now != null && now.differencesFrom(requested).isEmpty()) {
            return List.of();
        }
        AixCommand chwpar = WparLifecycle.changeResources(wpar, requested);
        host.run(chwpar);
        return List.of(lpar + ": " + chwpar.commandLine());
    }

    /** {@code lswpar -R NAME}: how what it shows differs from the request; empty when the change is there. */
    public List<String> differences(Origin origin, String lpar, WparName wpar, ResourceControls requested) {
        ResourceControls now = aix.on(lpar, origin).resourceControls(List.of(wpar)).get(wpar.value());
        if (now == null) {
            return List.of("lswpar -R " + wpar + " on " + lpar + " does not show the WPAR");
        }
        return now.differencesFrom(requested);
    }

    /**
     * Back to the values read before the change for every control the request set: {@code chwpar -K -R} for those
     * that were not set, {@code chwpar -R} for the others; then lswpar -R must show them, else ROLLBACK_FAILED.
     * Returns the commands it ran.
     */
    public List<String> rollBack(Origin origin, String lpar, WparName wpar, ResourceControls before,
            ResourceControls requested) {
        AixHost host = aix.on(lpar, origin);
        List<String> ran = new ArrayList<>();
        for (AixCommand c : rollbackCommands(wpar, before, requested)) {
            host.run(c);
            ran.add(lpar + ": " + c.commandLine());
        }
        ResourceControls now = host.resourceControls(List.of(wpar)).get(wpar.value());
        List<String> left = new ArrayList<>();
        if (now == null) {
            left.add("lswpar -R does not show " + wpar);
        } else {
            Map<String, String> was = before.shownWith(ResourceControls.none());
            Map<String, String> is = now.shownWith(ResourceControls.none());
            requested.asKeywords().keySet().forEach(k -> {
                if (!was.get(k).equals(is.get(k))) {
                    left.add(k + ": was " + was.get(k) + ", lswpar -R shows " + is.get(k));
                }
            });
        }
        if (!left.isEmpty()) {
            throw new ResourceChangeRefusal("ROLLBACK_FAILED", "the previous values of " + lpar + "/" + wpar
                    + " are not back after " + String.join("; ", ran) + ": " + String.join("; ", left));
        }
        return ran;
    }

    static List<AixCommand> rollbackCommands(WparName wpar, ResourceControls before, ResourceControls requested) {
        List<AixCommand> commands = new ArrayList<>();
        List<WparLifecycle.ResourceControl> unset = before.unsetAmong(requested);
        if (!unset.isEmpty()) {
            commands.add(WparLifecycle.resetResources(wpar, unset));
        }
        ResourceControls previous = before.previousValuesOf(requested);
        if (!previous.isEmpty()) {
            commands.add(WparLifecycle.changeResources(wpar, previous));
        }
        return commands;
    }

    // ------------------------------------------------------------------------------------------ outcome

    static final Set<String> REFUSALS = Set.of("INVALID_REQUEST", "WPAR_NOT_FOUND", "WPAR_LOCKED",
            "MINIMUMS_OVER_100", "CHANGE_NOT_APPROVED");

    /** How it ended and why. */
    public record Outcome(String outcome, String reason) {
    }

    /**
     * CHANGED (verified: the commands it ran), REJECTED (nothing changed), REFUSED (a refusal before any change),
     * FAILED (the verification failed and the previous values are back, or a failure: what ran).
     */
    public static Outcome outcome(String lpar, WparName wpar, String failureCode, String failureReason,
            boolean verified, String differences, boolean rolledBack, String done, String approvers,
            String approvalReason) {
        String what = lpar + "/" + wpar;
        List<String> commands = done == null ? List.of() : done.lines().toList();
        String ran = commands.isEmpty() ? "nothing" : String.join("; ", commands);
        if (failureCode == null && verified) {
            return new Outcome("CHANGED", clip("the resource controls of " + what + " changed (approved by "
                    + approvers + "); lswpar -R shows them. Ran: " + ran));
        }
        if (failureCode == null && rolledBack) {
            return new Outcome("FAILED", clip("VERIFY_FAILED: after chwpar -R, lswpar -R did not show the request ("
                    + differences + "); rolled back to the previous values, which lswpar -R shows again. Ran: "
                    + ran));
        }
        if (failureCode == null) {
            return new Outcome("REJECTED", clip("rejected" + (approvers == null ? "" : " by " + approvers) + ": "
                    + approvalReason + "; nothing was changed"));
        }
        String failure = failureCode + ": " + failureReason;
        if (commands.isEmpty() && REFUSALS.contains(failureCode)) {
            return new Outcome("REFUSED", clip(failure + "; nothing was changed"));
        }
        return new Outcome("FAILED", clip(failure + ". Ran: " + ran
                + (differences == null ? "" : ". lswpar -R showed: " + differences)));
    }

    static String clip(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }
}
