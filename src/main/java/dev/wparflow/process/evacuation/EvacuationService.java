package dev.wparflow.process.evacuation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.wparflow.aix.Origin;
import dev.wparflow.process.evacuation.EvacuationRecords.Item;
import dev.wparflow.process.evacuation.EvacuationRecords.State;

/**
 * The steps of EvacuationProcess that are not a move: plan (or, for a return home, reverse the evacuation's moves),
 * hand each lane its next move within the limits (re-planning a WPAR whose target became unfit), record each move,
 * stop the line, and the outcome with the per-WPAR report.
 */
@Service
public class EvacuationService {

    private static final Logger log = LoggerFactory.getLogger(EvacuationService.class);

    public static final String SCOPE_LPAR = "LPAR";
    public static final String SCOPE_MANAGED_SYSTEM = "MANAGED_SYSTEM";
    public static final String SCOPE_RETURN = "RETURN";

    private final EvacuationPlanning planning;
    private final EvacuationRecords records;
    private final EvacuationSettings settings;

    public EvacuationService(EvacuationPlanning planning, EvacuationRecords records, EvacuationSettings settings) {
        this.planning = planning;
        this.records = records;
        this.settings = settings;
    }

    /** What the approvers read and what the lanes need. */
    public record Planned(int movable, int lanes, String summary, String table) {
    }

    /** The limits of one evacuation: the request's, else the configured ones. */
    public record Limits(int perSource, int perTarget, int global, int stopAfterFailures) {
    }

    public Limits limits(Integer perSource, Integer perTarget, Integer global, Integer stopAfterFailures) {
        return new Limits(perSource != null ? perSource : settings.perSource(),
                perTarget != null ? perTarget : settings.perTarget(), global != null ? global : settings.global(),
                stopAfterFailures != null ? stopAfterFailures : settings.stopAfterFailures());
    }

    /**
     * The plan of an evacuation of an LPAR or a managed system: every WPAR the scope's LPARs list now, a target and a
     * mode or why none; recorded, with the time it took.
     */
    public Planned plan(String id, String lpar, String managedSystem, String requester, Limits limits,
            String window, Origin origin) {
        return plan(id, lpar, managedSystem, false, requester, limits, window, origin);
    }

    /**
     * As {@link #plan(String, String, String, String, Limits, String, Origin)}; with {@code activeOnly} only the WPARs
     * that are Active now (those that must keep running while their LPAR is down for maintenance) are planned, the
     * others stay where they are and are not listed.
     */
    public Planned plan(String id, String lpar, String managedSystem, boolean activeOnly, String requester,
            Limits limits, String window, Origin origin) {
        long started = System.nanoTime();
        List<String> scope = planning.scopeLpars(lpar, managedSystem);
        List<EvacuationPlanner.Wpar> wpars = planning.wparsOf(scope, origin).stream()
                .filter(w -> !activeOnly || w.active()).toList();
        String kind = lpar != null ? SCOPE_LPAR : SCOPE_MANAGED_SYSTEM;
        String name = lpar != null ? lpar : managedSystem;
        if (wpars.isEmpty()) {
            // recorded too (a plan of no rows), so that the record of every planned evacuation can be read
            records.recordPlan(id, kind, name, requester, null, List.of(), (System.nanoTime() - started) / 1_000_000);
            throw new EvacuationRefusal("NOTHING_TO_MOVE", "no " + (activeOnly ? "Active " : "") + "WPAR on "
                    + String.join(", ", scope) + " (lswpar): nothing to evacuate");
        }
        List<EvacuationPlanner.Row> rows = planning.plan(new LinkedHashSet<>(scope), wpars, planning.checks(origin));
        long millis = (System.nanoTime() - started) / 1_000_000;
        records.recordPlan(id, kind, name, requester, null, rows, millis);
        log.info("evacuation {} of {} {}: planned in {} ms", id, kind, name, millis);
        String what = (lpar != null ? "LPAR " : "managed system ") + name
                + (lpar != null ? "" : " (" + String.join(", ", scope) + ")");
        return planned(id, rows, "Evacuate " + what, limits, window);
    }

    /**
     * The plan of a return home: each WPAR the evacuation moved goes back to the LPAR it left, checked again (live
     * when it can, static otherwise); those that did not move are not listed.
     */
    public Planned planReturn(String id, String evacuationId, String requester, Limits limits, String window,
            Origin origin) {
        long started = System.nanoTime();
        List<Item> moved = records.items(evacuationId).stream().filter(i -> i.state() == State.MOVED).toList();
        if (moved.isEmpty()) {
            throw new EvacuationRefusal("NOTHING_TO_RETURN", "evacuation " + evacuationId + " moved no WPAR");
        }
        EvacuationPlanner.Checks checks = planning.checks(origin);
        List<EvacuationPlanner.Row> rows = new ArrayList<>();
        Set<String> hosts = moved.stream().map(Item::arriving).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, EvacuationPlanner.Wpar> now = new HashMap<>();
        planning.wparsOf(List.copyOf(hosts), origin).forEach(w -> now.put(w.name(), w));
        for (Item i : moved) {
            EvacuationPlanner.Wpar w = now.get(i.wpar());
            if (w == null || !w.lpar().equals(i.arriving())) {
                rows.add(new EvacuationPlanner.Row(i.wpar(), i.arriving(), null, null, i.group(), null,
                        "not on " + i.arriving() + " any more (lswpar)"));
                continue;
            }
            EvacuationPlanner.Verdict v = checks.check(w.name(), w.lpar(), i.departing());
            String mode = w.active() && w.checkpointable() && v.liveOk() ? EvacuationPlanner.LIVE
                    : v.staticOk() ? EvacuationPlanner.STATIC : null;
            rows.add(new EvacuationPlanner.Row(w.name(), w.lpar(), mode == null ? null : i.departing(), mode,
                    i.group(), null, mode == null ? i.departing() + ": " + v.why() : "home"));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        records.recordPlan(id, SCOPE_RETURN, evacuationId, requester, evacuationId, rows, millis);
        return planned(id, rows, "Return home the WPARs of evacuation " + evacuationId, limits, window);
    }

    private static Planned planned(String id, List<EvacuationPlanner.Row> rows, String title, Limits limits,
            String window) {
        int movable = (int) rows.stream().filter(EvacuationPlanner.Row::movable).count();
        String summary = title + ": " + movable + " of " + rows.size() + " WPARs move";
        StringBuilder plan = new StringBuilder(summary).append('\n');
        plan.append("At most ").append(limits.perSource()).append(" moves off one LPAR, ").append(limits.perTarget())
                .append(" onto one LPAR, ").append(limits.global()).append(" in all; the line stops after ")
                .append(limits.stopAfterFailures()).append(" failed moves\n");
        plan.append(window == null ? "Starts as soon as approved\n" : "Starts at " + window + "\n");
        plan.append("Each move is a static relocation (Redbook Table 4-2: save, restore, remove; rolled back on failure)"
                + " or a live one (4.7.3-4.7.4: movewpar; movewpar -x on failure)\n\n");
        plan.append(EvacuationPlanner.table(rows));
        return new Planned(movable, Math.max(0, Math.min(limits.global(), movable)), summary, approvalText(id,
                plan.toString()));
    }

    /** Where the approval's plan text is cut, the line that names the whole plan. */
    static String planLink(String id) {
        return "\n… the whole plan: /api/evacuations/" + id + "/plan.txt";
    }

    /** The plan as the approval shows it: at most 3,900 characters, ending with {@link #planLink} where cut. */
    static String approvalText(String id, String plan) {
        if (plan.length() <= 3900) {
            return plan;
        }
        String link = planLink(id);
        String kept = plan.substring(0, 3900 - link.length());
        int lineEnd = kept.lastIndexOf('\n');
        return (lineEnd > 0 ? kept.substring(0, lineEnd) : kept) + link;
    }

    static String abbreviate(String s) {
        return s.length() <= 3900 ? s : s.substring(0, 3899) + "…";
    }

    /** The move a lane is to run next, {@code blocked} when moves are left but none fits the limits now. */
    public record Claim(Item item, boolean blocked) {
    }

    /**
     * The next PLANNED WPAR whose departing and arriving LPARs have room under the limits, now MOVING. Before it is
     * handed out its target is checked again: a live move whose live checks fail now goes static; a target that
     * fails the static checks is replaced by the planner (the other candidates, the rest of the plan in place), and a
     * WPAR nothing takes any more is recorded UNMOVABLE. The claim steps of one evacuation run one at a time (jobs of
     * one process instance are exclusive).
     */
    public Claim claim(String id, Limits limits, Origin origin) {
        for (int round = 0; ; round++) {
            List<Item> items = records.items(id);
            if (round > 3 * items.size()) {
                throw new IllegalStateException("evacuation " + id + ": the next move could not be settled after "
                        + round + " re-plans");
            }
            Map<String, Integer> bySource = new HashMap<>();
            Map<String, Integer> byTarget = new HashMap<>();
            items.stream().filter(i -> i.state() == State.MOVING).forEach(i -> {
                bySource.merge(i.departing(), 1, Integer::sum);
                byTarget.merge(i.arriving(), 1, Integer::sum);
            });
            List<Item> planned = items.stream().filter(i -> i.state() == State.PLANNED).toList();
            if (planned.isEmpty()) {
                return new Claim(null, false);
            }
            Optional<Item> next = planned.stream().filter(i -> bySource.getOrDefault(i.departing(), 0)
                    < limits.perSource() && byTarget.getOrDefault(i.arriving(), 0) < limits.perTarget()).findFirst();
            if (next.isEmpty()) {
                return new Claim(null, true);
            }
            Item item = recheck(id, next.get(), items, origin);
            if (item == null) {
                continue;
            }
            if (records.startMove(id, item.wpar())) {
                return new Claim(records.item(id, item.wpar()).orElseThrow(), false);
            }
        }
    }

    /** The item as it is to move, or null when it was re-planned onto another target or became unmovable. */
    private Item recheck(String id, Item item, List<Item> items, Origin origin) {
        EvacuationPlanner.Checks checks = planning.checks(origin);
        EvacuationPlanner.Verdict v = checks.check(item.wpar(), item.departing(), item.arriving());
        if (EvacuationPlanner.LIVE.equals(item.mode()) && v.liveOk() || EvacuationPlanner.STATIC.equals(item.mode())
                && v.staticOk()) {
            return item;
        }
        if (v.staticOk()) {
            records.retarget(id, item.wpar(), item.arriving(), EvacuationPlanner.STATIC, "live refused now: "
                    + v.why());
            return null;
        }
        log.info("evacuation {}: {} no longer fits {} ({}); planning it again", id, item.wpar(), item.arriving(),
                v.why());
        Map<String, String> placed = new HashMap<>();
        items.stream().filter(i -> i.arriving() != null && !i.wpar().equals(item.wpar()) && (i.state()
                == State.PLANNED || i.state() == State.MOVING || i.state() == State.MOVED))
                .forEach(i -> placed.put(i.wpar(), i.arriving()));
        Set<String> scope = items.stream().map(Item::departing).collect(Collectors.toSet());
        Optional<EvacuationPlanner.Wpar> now = planning.wparsOf(List.of(item.departing()), origin).stream()
                .filter(w -> w.name().equals(item.wpar())).findFirst();
        if (now.isEmpty()) {
            records.finishItem(id, item.wpar(), State.UNMOVABLE, "not on " + item.departing() + " any more (lswpar)");
            return null;
        }
        EvacuationPlanner.Row row = planning.replan(scope, now.get(), item.arriving(), placed, checks);
        String was = item.arriving() + " became unfit: " + v.why();
        if (row.movable()) {
            records.retarget(id, item.wpar(), row.arriving(), row.mode(), "re-planned, " + was);
        } else {
            records.finishItem(id, item.wpar(), State.UNMOVABLE, was + "; " + row.note());
        }
        return null;
    }

    /**
     * A finished move: MOVED when the relocation sub-process relocated the WPAR, else FAILED with what it said. When
     * as many moves failed as the limit allows, the WPARs not yet moving are SKIPPED (stop the line).
     */
    public void recordMove(String id, String wpar, String outcome, String reason, Limits limits) {
        boolean moved = "RELOCATED".equals(outcome);
        records.finishItem(id, wpar, moved ? State.MOVED : State.FAILED, moved ? null
                : (outcome == null ? "no outcome" : outcome) + (reason == null ? "" : ": " + reason));
        if (!moved && records.count(id, State.FAILED) >= limits.stopAfterFailures()) {
            int skipped = records.skipPlanned(id, "not moved: the line stopped after " + limits.stopAfterFailures()
                    + " failed moves");
            log.warn("evacuation {}: {} failed moves, the line stops ({} WPARs not moved)", id,
                    records.count(id, State.FAILED), skipped);
        }
    }

    /** The outcome and the report. */
    public record Outcome(String outcome, String reason) {
    }

    public Outcome outcome(String id, String failureCode, String failureReason, Integer movable, boolean approved,
            Limits limits) {
        if (failureCode != null) {
            String text = failureCode + ": " + failureReason;
            String outcome = "NOTHING_TO_MOVE".equals(failureCode) || "NOTHING_TO_RETURN".equals(failureCode)
                    ? "NOTHING_TO_MOVE" : "REFUSED";
            records.find(id).ifPresent(e -> records.finish(id, outcome, text));
            return new Outcome(outcome, text);
        }
        String report = report(id);
        if (movable == null || movable == 0) {
            records.finish(id, "NOTHING_TO_MOVE", report);
            return new Outcome("NOTHING_TO_MOVE", "no WPAR can move: nothing was changed\n" + report);
        }
        if (!approved) {
            records.skipPlanned(id, "not moved: the evacuation was not approved");
            report = report(id);
            records.finish(id, "REJECTED", report);
            return new Outcome("REJECTED", "not approved: nothing was changed\n" + report);
        }
        int failed = records.count(id, State.FAILED);
        int skipped = records.count(id, State.SKIPPED);
        String outcome = failed == 0 && skipped == 0 ? "EVACUATED"
                : failed >= limits.stopAfterFailures() && skipped > 0 ? "STOPPED" : "PARTIAL";
        records.finish(id, outcome, report);
        return new Outcome(outcome, report);
    }

    /** One line per WPAR: state, where from, where to, how, why. */
    public String report(String id) {
        StringBuilder b = new StringBuilder();
        Map<State, Integer> counts = new java.util.EnumMap<>(State.class);
        for (Item i : records.items(id)) {
            counts.merge(i.state(), 1, Integer::sum);
            b.append(i.state()).append(' ').append(i.wpar()).append(' ').append(i.departing());
            if (i.arriving() != null) {
                b.append(" -> ").append(i.arriving()).append(" (").append(i.mode()).append(')');
            }
            if (i.reason() != null && !i.reason().isBlank()) {
                b.append(": ").append(i.reason());
            }
            b.append('\n');
        }
        String head = counts.entrySet().stream().map(e -> e.getKey().name().toLowerCase(java.util.Locale.ROOT) + " "
                + e.getValue()).collect(Collectors.joining(", "));
        return abbreviate(head + "\n" + b);
    }
}
