package dev.wparflow.process.relocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.wparflow.catalog.RelocationGroup;
import dev.wparflow.catalog.RelocationGroups;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.inventory.LparProfile;
import dev.wparflow.inventory.WparRecord;

/**
 * The relocation groups applied to the discovered inventory: where every WPAR is and which LPAR runs on which managed
 * system ({@link GroupPlacement}), and "choose for me" for a WPAR of a group.
 */
@Service
public class RelocationGroupPolicy {

    private final RelocationGroups groups;
    private final InventoryRepository inventory;

    public RelocationGroupPolicy(RelocationGroups groups, InventoryRepository inventory) {
        this.groups = groups;
        this.inventory = inventory;
    }

    public Optional<RelocationGroup> groupOf(String wpar) {
        return groups.groupOf(wpar);
    }

    public Map<String, RelocationGroup> byMember() {
        return groups.byMember();
    }

    /** The fleet as the inventory has it: every discovered LPAR with its managed system, every WPAR. */
    public GroupPlacement placement() {
        GroupPlacement placement = new GroupPlacement();
        for (LparProfile p : inventory.lpars()) {
            placement.lpar(p.name(), p.managedSystem());
        }
        Map<String, java.math.BigDecimal> cpu = inventory.cpuMinimums();
        for (WparRecord w : inventory.wpars(null, null)) {
            placement.wpar(w.lpar(), w.name(), cpu.get(w.lpar() + "/" + w.name()));
        }
        return placement;
    }

    /** What "choose for me" may try for a WPAR of a group, in order, and why the others were left out. */
    public record Choice(String group, List<GroupPlacement.Ranked> candidates, List<String> excluded) {
    }

    /**
     * For a member of a group: its candidate LPARs in rank order, without the departing LPAR and those the group's
     * anti-affinity or capacity rules keep it off (each named in {@code excluded} with why). Empty when the WPAR is
     * in no group.
     */
    public Optional<Choice> choose(String wpar, String departing) {
        return groupOf(wpar).map(g -> choose(g, placement(), wpar, departing));
    }

    static Choice choose(RelocationGroup group, GroupPlacement placement, String wpar, String departing) {
        List<GroupPlacement.Ranked> ok = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (GroupPlacement.Ranked c : placement.candidates(group)) {
            if (c.lpar().equals(departing)) {
                continue;
            }
            Optional<String> why = placement.refusal(group, wpar, c.lpar());
            if (why.isPresent()) {
                excluded.add(c.lpar() + ": " + why.get());
            } else {
                ok.add(c);
            }
        }
        return new Choice(group.name(), ok, excluded);
    }
}
