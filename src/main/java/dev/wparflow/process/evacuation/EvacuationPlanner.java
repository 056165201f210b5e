package dev.wparflow.process.evacuation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.wparflow.catalog.RelocationGroup;
import dev.wparflow.process.relocation.GroupPlacement;

/**
 * Plans a target for every WPAR of an evacuation's scope (Redbook 5.5-5.7 as WPAR Manager applied them): a member of
 * a relocation group tries its group's candidates by rank and keeps to its anti-affinity and capacity rules; any other
 * WPAR tries the LPARs outside the scope, the least loaded first (as planned so far). On each candidate the
 * compatibility checks decide: live when the WPAR is Active, checkpointable and every check for live passes, else
 * static when every check for static passes, else the next candidate. A WPAR no candidate takes is listed with why.
 * Pure: the caller gives the fleet, the checks and the groups.
 */
public final class EvacuationPlanner {

    public static final String LIVE = "live";
    public static final String STATIC = "static";

    /** A WPAR of the scope as its LPAR lists it. */
    public record Wpar(String name, String lpar, boolean active, boolean checkpointable) {
    }

    /** What the compatibility checks said for one WPAR and one target; {@code why} names what failed. */
    public record Verdict(boolean staticOk, boolean liveOk, String why) {
    }

    @FunctionalInterface
    public interface Checks {
        Verdict check(String wpar, String departing, String arriving);
    }

    /**
     * One row of the plan: the target and mode, the group and the rank the target had in it, and a note (why the
     * mode is static, or, with no target, why no candidate took it).
     */
    public record Row(String wpar, String departing, String arriving, String mode, String group, String rank,
            String note) {

        public boolean movable() {
            return arriving != null;
        }
    }

    private final GroupPlacement placement;
    private final Set<String> scope;
    private final List<String> targets;
    private final Map<String, RelocationGroup> groups;
    private final Checks checks;
    private final int maxCandidates;

    /**
     * @param placement     where every WPAR of the fleet is now (updated as the plan places them)
     * @param scope         the LPARs being evacuated
     * @param targets       the LPARs a WPAR may go to (discovered, reachable); those in {@code scope} are ignored
     * @param groups        each grouped WPAR's relocation group
     * @param maxCandidates the most candidates checked per WPAR (each costs a round of commands on both LPARs)
     */
    public EvacuationPlanner(GroupPlacement placement, Set<String> scope, List<String> targets,
            Map<String, RelocationGroup> groups, Checks checks, int maxCandidates) {
        this.placement = placement;
        this.scope = Set.copyOf(scope);
        this.targets = targets.stream().filter(t -> !scope.contains(t)).toList();
        this.groups = Map.copyOf(groups);
        this.checks = checks;
        this.maxCandidates = Math.max(1, maxCandidates);
    }

    /** The plan, grouped WPARs first (their rules are the tighter), then by LPAR and name. */
    public List<Row> plan(List<Wpar> wpars) {
        List<Wpar> order = new ArrayList<>(wpars);
        order.sort(Comparator.comparing((Wpar w) -> !groups.containsKey(w.name())).thenComparing(Wpar::lpar)
                .thenComparing(Wpar::name));
        List<Row> rows = new ArrayList<>();
        for (Wpar w : order) {
            rows.add(plan(w));
        }
        rows.sort(Comparator.comparing(Row::departing).thenComparing(Row::wpar));
        return rows;
    }

    private Row plan(Wpar w) {
        RelocationGroup group = groups.get(w.name());
        List<String> reasons = new ArrayList<>();
        List<GroupPlacement.Ranked> candidates = candidates(group, reasons);
        int checked = 0;
        for (GroupPlacement.Ranked c : candidates) {
            if (group != null) {
                Optional<String> refused = placement.refusal(group, w.name(), c.lpar());
                if (refused.isPresent()) {
                    reasons.add(c.lpar() + ": " + refused.get());
                    continue;
                }
            }
            if (checked == maxCandidates) {
                reasons.add("not checked beyond " + maxCandidates + " candidates");
                break;
            }
            checked++;
            Verdict v = checks.check(w.name(), w.lpar(), c.lpar());
            String mode = null;
            String note = "";
            if (w.active() && w.checkpointable() && v.liveOk()) {
                mode = LIVE;
            } else if (v.staticOk()) {
                mode = STATIC;
                note = !w.active() ? "not Active: static" : !w.checkpointable() ? "not checkpointable: static"
                        : "live refused: " + v.why();
            }
            if (mode == null) {
                reasons.add(c.lpar() + ": " + v.why());
                continue;
            }
            placement.place(w.name(), c.lpar());
            if (!reasons.isEmpty()) {
                note = (note.isEmpty() ? "" : note + "; ") + "passed over " + String.join("; ", reasons);
            }
            return new Row(w.name(), w.lpar(), c.lpar(), mode, group == null ? null : group.name(),
                    c.rank() == null ? null : c.rank().name(), note);
        }
        if (candidates.isEmpty() && reasons.isEmpty()) {
            reasons.add(group == null ? "no LPAR outside the scope has been discovered"
                    : "relocation group " + group.name() + " names no LPAR outside the scope");
        }
        return new Row(w.name(), w.lpar(), null, null, group == null ? null : group.name(), null,
                String.join("; ", reasons));
    }

    private List<GroupPlacement.Ranked> candidates(RelocationGroup group, List<String> reasons) {
        if (group != null) {
            List<GroupPlacement.Ranked> out = new ArrayList<>();
            for (GroupPlacement.Ranked c : placement.candidates(group)) {
                if (scope.contains(c.lpar())) {
                    continue;
                }
                if (!targets.contains(c.lpar())) {
                    reasons.add(c.lpar() + ": not a discovered, reachable LPAR");
                    continue;
                }
                out.add(c);
            }
            return out;
        }
        return targets.stream().sorted(Comparator.comparingInt(placement::wparCount).thenComparing(t -> t))
                .map(t -> new GroupPlacement.Ranked(t, null)).toList();
    }

    /**
     * The plan as the approvers read it, in a fixed-width font: WPAR, FROM, TO, MODE, GROUP (rank), NOTE; the
     * WPARs that cannot move say so in TO and why in NOTE.
     */
    public static String table(List<Row> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"WPAR", "FROM", "TO", "MODE", "GROUP", "NOTE"});
        for (Row r : rows) {
            cells.add(new String[] {r.wpar(), r.departing(), r.movable() ? r.arriving() : "STAYS",
                    r.movable() ? r.mode() : "-", r.group() == null ? "-" : r.group() + (r.rank() == null ? ""
                            : " (" + r.rank() + ")"), r.note() == null ? "" : r.note()});
        }
        int[] width = new int[6];
        for (String[] row : cells) {
            for (int i = 0; i < 5; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                line.append(String.format("%-" + width[i] + "s  ", row[i]));
            }
            line.append(row[5]);
            b.append(line.toString().stripTrailing()).append('\n');
        }
        long movable = rows.stream().filter(Row::movable).count();
        long live = rows.stream().filter(r -> LIVE.equals(r.mode())).count();
        b.append(movable).append(" of ").append(rows.size()).append(" WPARs move (").append(live).append(" live, ")
                .append(movable - live).append(" static); ").append(rows.size() - movable).append(" stay\n");
        return b.toString();
    }
}
