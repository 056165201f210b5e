package dev.wparflow.process.provisioning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.HostUnreachable;
import dev.wparflow.aix.InvalidArgumentException;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.ResourceControls;
import dev.wparflow.aix.WparSpec;
import dev.wparflow.inventory.FleetInventory;
import dev.wparflow.inventory.Inventory;

/**
 * "Choose for me": among the LPARs of the inventory (of the requested managed system, if one is given; NIM masters
 * left out), those that are reachable, have the filesets the template needs, room in the spec's volume groups, no
 * WPAR with the name, hostname or address, and room for the requested CPU minimum under chapter 8's 100 %; the least
 * loaded first (the smallest sum of CPU minimums of its running WPARs, then the fewest Active WPARs, then by name).
 * Every candidate is measured on its host, never taken from the discovered inventory.
 */
@Component
public class Placement {

    /** The choice and what was found on each candidate. */
    public record Choice(String lpar, List<String> findings) {
    }

    private final AixGateway aix;
    private final FleetInventory inventory;

    public Placement(AixGateway aix, FleetInventory inventory) {
        this.aix = aix;
        this.inventory = inventory;
    }

    public Choice choose(Origin origin, ProvisioningRequest r, WparSpec spec, List<String> requiredFilesets) {
        Inventory inv = inventory.current();
        Set<String> masters = inv.nimMasters().stream().map(Inventory.NimMaster::name).collect(Collectors.toSet());
        List<Inventory.Lpar> candidates = (r.managedSystem() == null ? inv.lpars() : inv.lparsOf(r.managedSystem()))
                .stream().filter(l -> !masters.contains(l.name())).toList();
        ResourceControls wanted = (spec == null ? ResourceControls.none() : spec.resourceControls()).with(r.controls());
        List<String> findings = new ArrayList<>();
        record Fit(String lpar, BigDecimal minimums, long active) {
        }
        List<Fit> fits = new ArrayList<>();
        for (Inventory.Lpar l : candidates) {
            try {
                TargetLpar t = new TargetLpar(aix.on(l.name(), origin));
                String why = unfit(t, r, spec, requiredFilesets, wanted);
                if (why != null) {
                    findings.add(l.name() + ": " + why);
                    continue;
                }
                fits.add(new Fit(l.name(), t.cpuMinimums(), t.activeWpars()));
                findings.add(l.name() + ": fits (" + t.cpuMinimums() + "% CPU minimums, " + t.activeWpars()
                        + " Active WPARs)");
            } catch (RuntimeException e) {
                if (!HostUnreachable.isTransportFailure(e)) {
                    throw e;
                }
                findings.add(l.name() + ": cannot be reached");
            }
        }
        return fits.stream().sorted(Comparator.comparing(Fit::minimums).thenComparingLong(Fit::active)
                .thenComparing(Fit::lpar)).findFirst().map(f -> new Choice(f.lpar(), findings))
                .orElseThrow(() -> new ProvisioningRefusal("NO_LPAR_FITS", "no LPAR"
                        + (r.managedSystem() == null ? "" : " of " + r.managedSystem()) + " can take " + r.wpar()
                        + ": " + String.join("; ", findings)));
    }

    private static String unfit(TargetLpar t, ProvisioningRequest r, WparSpec spec, List<String> requiredFilesets,
            ResourceControls wanted) {
        var taken = t.taken(r.wpar().value(), r.hostname().value(), r.address());
        if (taken.isPresent()) {
            return taken.get().getMessage();
        }
        List<String> missing = t.missingFilesets(requiredFilesets);
        if (!missing.isEmpty()) {
            return "lacks " + String.join(", ", missing);
        }
        if (spec != null) {
            long need = spec.localFileSystemsMb();
            for (String vg : spec.volumeGroups()) {
                long free = t.freeMb(vg);
                if (free < need) {
                    return free < 0 ? "no volume group " + vg : vg + " has " + free + " MB free, " + need + " needed";
                }
            }
        }
        if (r.start()) {
            try {
                ResourceControls.checkSumOfMinimums(t.name(), t.runningControls(), wanted);
            } catch (InvalidArgumentException e) {
                return e.rule();
            }
        }
        return null;
    }
}
