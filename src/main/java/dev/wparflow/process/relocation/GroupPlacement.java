package dev.wparflow.process.relocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.wparflow.catalog.RelocationGroup;

/**
 * Where the WPARs of the fleet are (or are planned to be), and what a relocation group's rules say about one more
 * WPAR on an LPAR: its ranked candidates as LPARs (a managed system stands for each of its LPARs), anti-affinity (a
 * WPAR never on the LPAR or the managed system of its partner) and capacity (most WPARs per LPAR, the sum of the CPU
 * minimums within 100% less the headroom). No host is asked: the caller fills it from the inventory and moves WPARs as
 * it plans them ({@link #place}).
 */
public final class GroupPlacement {

    /** An LPAR: its managed system (null when unknown), its WPARs and their CPU minimums (percent). */
    private static final class Lpar {
        final String name;
        final String managedSystem;
        final Map<String, BigDecimal> wpars = new LinkedHashMap<>();

        Lpar(String name, String managedSystem) {
            this.name = name;
            this.managedSystem = managedSystem;
        }

        BigDecimal cpuMinimums() {
            return wpars.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** A candidate LPAR with the rank it got from its group (null: not from a group). */
    public record Ranked(String lpar, RelocationGroup.Rank rank) {
    }

    private final Map<String, Lpar> lpars = new LinkedHashMap<>();
    private final Map<String, String> where = new HashMap<>();

    /** An LPAR of the fleet and the managed system it runs on (null when the HMC view is missing). */
    public GroupPlacement lpar(String lpar, String managedSystem) {
        lpars.putIfAbsent(lpar, new Lpar(lpar, managedSystem));
        return this;
    }

    /** A WPAR where it is now, with its CPU minimum in percent (null: not read, counts 0). */
    public GroupPlacement wpar(String lpar, String wpar, BigDecimal cpuMinimum) {
        String before = where.get(wpar);
        if (before != null) {
            lpars.get(before).wpars.remove(wpar);
        }
        lpar(lpar, null);
        lpars.get(lpar).wpars.put(wpar, cpuMinimum == null ? BigDecimal.ZERO : cpuMinimum);
        where.put(wpar, lpar);
        return this;
    }

    /** The LPAR {@code wpar} is on (or planned to be on). */
    public Optional<String> lparOf(String wpar) {
        return Optional.ofNullable(where.get(wpar));
    }

    public Optional<String> managedSystemOf(String lpar) {
        return Optional.ofNullable(lpars.get(lpar)).map(l -> l.managedSystem);
    }

    public List<String> lpars() {
        return List.copyOf(lpars.keySet());
    }

    public int wparCount(String lpar) {
        return Optional.ofNullable(lpars.get(lpar)).map(l -> l.wpars.size()).orElse(0);
    }

    public BigDecimal cpuMinimums(String lpar) {
        return Optional.ofNullable(lpars.get(lpar)).map(Lpar::cpuMinimums).orElse(BigDecimal.ZERO);
    }

    public BigDecimal cpuMinimumOf(String wpar) {
        String lpar = where.get(wpar);
        return lpar == null ? BigDecimal.ZERO : lpars.get(lpar).wpars.getOrDefault(wpar, BigDecimal.ZERO);
    }

    /** Plans {@code wpar} onto {@code to}: later questions see it there. */
    public void place(String wpar, String to) {
        BigDecimal cpu = cpuMinimumOf(wpar);
        String from = where.get(wpar);
        if (from != null) {
            lpars.get(from).wpars.remove(wpar);
        }
        lpar(to, null);
        lpars.get(to).wpars.put(wpar, cpu);
        where.put(wpar, to);
    }

    /**
     * The group's candidates as LPARs in the order they are tried: by rank, then as listed; a managed system gives
     * its LPARs by name. An LPAR named twice keeps its first (best) rank.
     */
    public List<Ranked> candidates(RelocationGroup group) {
        Map<String, Ranked> out = new LinkedHashMap<>();
        for (RelocationGroup.Candidate c : group.ranked()) {
            if (c.kind() == RelocationGroup.Kind.LPAR) {
                out.putIfAbsent(c.target(), new Ranked(c.target(), c.rank()));
            } else {
                lpars.values().stream().filter(l -> c.target().equals(l.managedSystem)).map(l -> l.name).sorted()
                        .forEach(l -> out.putIfAbsent(l, new Ranked(l, c.rank())));
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Why the group's rules keep {@code wpar} off {@code target}, or empty when they allow it: a partner of an
     * anti-affinity pair on that LPAR or its managed system, the most WPARs per LPAR reached, the CPU minimums above
     * 100% less the headroom.
     */
    public Optional<String> refusal(RelocationGroup group, String wpar, String target) {
        String system = managedSystemOf(target).orElse(null);
        for (String partner : group.apartFrom(wpar)) {
            String at = where.get(partner);
            if (at == null) {
                continue;
            }
            if (at.equals(target)) {
                return Optional.of("anti-affinity: " + partner + " is on " + target);
            }
            String partnerSystem = managedSystemOf(at).orElse(null);
            if (system != null && system.equals(partnerSystem)) {
                return Optional.of("anti-affinity: " + partner + " is on " + at + " of managed system " + system);
            }
        }
        boolean there = target.equals(where.get(wpar));
        if (group.maxWparsPerLpar() != null) {
            int after = wparCount(target) + (there ? 0 : 1);
            if (after > group.maxWparsPerLpar()) {
                return Optional.of("capacity: " + target + " has " + wparCount(target) + " WPARs, the group allows "
                        + group.maxWparsPerLpar() + " per LPAR");
            }
        }
        if (group.cpuHeadroomPercent() != null) {
            BigDecimal sum = cpuMinimums(target).add(there ? BigDecimal.ZERO : cpuMinimumOf(wpar));
            BigDecimal allowed = BigDecimal.valueOf(100L - group.cpuHeadroomPercent());
            if (sum.compareTo(allowed) > 0) {
                return Optional.of("capacity: CPU minimums on " + target + " would be " + sum.stripTrailingZeros()
                        .toPlainString() + "%, the group keeps " + group.cpuHeadroomPercent() + "% free (at most "
                        + allowed + "%)");
            }
        }
        return Optional.empty();
    }
}
