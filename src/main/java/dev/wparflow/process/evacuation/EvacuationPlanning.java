package dev.wparflow.process.evacuation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.KnownHosts;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparState;
import dev.wparflow.catalog.RelocationGroup;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.inventory.LparProfile;
import dev.wparflow.process.relocation.GroupPlacement;
import dev.wparflow.process.relocation.RelocationGroupPolicy;
import dev.wparflow.process.relocation.request.CompatibilityService;

/**
 * The evacuation's plan from the fleet: the scope's LPARs from the inventory (an LPAR, or every LPAR the HMCs report
 * on a managed system), the WPARs each of them lists now ({@code lswpar -c}), the discovered reachable LPARs outside
 * the scope as targets, the relocation groups, and the compatibility checks ({@link CompatibilityService}) for each
 * WPAR on each candidate tried. Reads only.
 */
@Service
public class EvacuationPlanning {

    static final List<LswparField> FIELDS = List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE,
            LswparField.CHECKPOINTABLE);

    private final AixGateway aix;
    private final InventoryRepository inventory;
    private final CompatibilityService compatibility;
    private final RelocationGroupPolicy groups;
    private final KnownHosts hosts;
    private final EvacuationSettings settings;

    public EvacuationPlanning(AixGateway aix, InventoryRepository inventory, CompatibilityService compatibility,
            RelocationGroupPolicy groups, KnownHosts hosts, EvacuationSettings settings) {
        this.aix = aix;
        this.inventory = inventory;
        this.compatibility = compatibility;
        this.groups = groups;
        this.hosts = hosts;
        this.settings = settings;
    }

    /** The LPARs of the scope: the LPAR itself, or the managed system's LPARs as the inventory has them. */
    public List<String> scopeLpars(String lpar, String managedSystem) {
        if (lpar != null) {
            return List.of(lpar);
        }
        List<String> lpars = inventory.lpars().stream().filter(p -> managedSystem.equals(p.managedSystem()))
                .map(LparProfile::name).sorted().toList();
        if (lpars.isEmpty()) {
            throw new EvacuationRefusal("SCOPE_EMPTY", "the inventory knows no LPAR on managed system " + managedSystem
                    + " (run FleetDiscoveryProcess)");
        }
        return lpars;
    }

    /** The WPARs each LPAR of the scope lists now. */
    public List<EvacuationPlanner.Wpar> wparsOf(List<String> lpars, Origin origin) {
        List<EvacuationPlanner.Wpar> out = new ArrayList<>();
        for (String lpar : lpars) {
            for (WparInfo w : aix.on(lpar, origin).wpars(FIELDS)) {
                out.add(new EvacuationPlanner.Wpar(w.name(), lpar, w.state() == WparState.ACTIVE,
                        "yes".equals(w.fields().get("checkpointable"))));
            }
        }
        return out;
    }

    /** The discovered LPARs outside the scope that have an endpoint and no failed last discovery. */
    public List<String> targets(Set<String> scope) {
        return inventory.lpars().stream().filter(p -> !scope.contains(p.name()) && p.lastError() == null
                && hosts.knows(p.name())).map(LparProfile::name).sorted().toList();
    }

    /**
     * The compatibility checks as the planner wants them: each mode's verdict and what failed. The checks of one
     * planning read each LPAR's profile (oslevel, lslpp, prtconf, lssrc, lsvg rootvg) once, not once per WPAR; the
     * WPAR's own facts and the arriving LPAR's WPARs are read for every check.
     */
    public EvacuationPlanner.Checks checks(Origin origin) {
        Function<String, CompatibilityService.SystemProfile> profiles = compatibility.profilesReadOnce(origin);
        return (wpar, from, to) -> verdict(compatibility.check(wpar, from, to, origin, profiles));
    }

    static EvacuationPlanner.Verdict verdict(CompatibilityService.Report report) {
        String why = report.findings().stream().filter(f -> "FAIL".equals(f.severity()))
                .map(f -> f.check() + " (" + f.mode() + "): " + f.message()).distinct()
                .collect(Collectors.joining(", "));
        return new EvacuationPlanner.Verdict(report.staticCompatible(), report.liveCompatible(),
                why.isEmpty() ? "incompatible" : why);
    }

    /** A plan for the WPARs given, on the fleet as the inventory has it, with those WPARs where they are now. */
    public List<EvacuationPlanner.Row> plan(Set<String> scope, List<EvacuationPlanner.Wpar> wpars,
            EvacuationPlanner.Checks checks) {
        GroupPlacement placement = groups.placement();
        for (String lpar : scope) {
            inventory.lpar(lpar).ifPresent(p -> placement.lpar(lpar, p.managedSystem()));
        }
        for (EvacuationPlanner.Wpar w : wpars) {
            if (!placement.lparOf(w.name()).map(w.lpar()::equals).orElse(false)) {
                placement.wpar(w.lpar(), w.name(), null);
            }
        }
        Map<String, RelocationGroup> byMember = groups.byMember();
        return new EvacuationPlanner(placement, scope, targets(scope), byMember, checks, settings.maxCandidates())
                .plan(wpars);
    }

    /** Re-plans one WPAR whose target became unfit: the other candidates, with the rest of the plan placed. */
    public EvacuationPlanner.Row replan(Set<String> scope, EvacuationPlanner.Wpar wpar, String unfit,
            Map<String, String> placedElsewhere, EvacuationPlanner.Checks checks) {
        GroupPlacement placement = groups.placement();
        placement.wpar(wpar.lpar(), wpar.name(), null);
        placedElsewhere.forEach(placement::place);
        Set<String> excluded = new LinkedHashSet<>(scope);
        excluded.add(unfit);
        List<String> targets = targets(excluded);
        Map<String, RelocationGroup> byMember = new HashMap<>(groups.byMember());
        return new EvacuationPlanner(placement, excluded, targets, byMember, checks, settings.maxCandidates())
                .plan(List.of(wpar)).get(0);
    }
}
