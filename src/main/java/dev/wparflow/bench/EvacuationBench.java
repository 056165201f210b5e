package dev.wparflow.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.wparflow.process.evacuation.EvacuationPlanner;
import dev.wparflow.process.relocation.GroupPlacement;

/**
 * {@code bench evacuation [--wpars N] [--lpars L] [--targets T] [--per-source S] [--per-target P] [--global G]
 * [--save-ms MS] [--restore-ms MS] [--live-ms MS] [--seed X]}: two figures of EvacuationProcess's own logic, without
 * the engine or SSH (docs/benchmarks.md, "Evacuation"). With {@code --through-app}, the planning of a managed system's
 * evacuation through the application and the simulated fleet instead ({@link EvacuationThroughAppBench}).
 * <ol>
 * <li><b>Makespan against the ideal</b>: N WPARs on L LPARs planned onto T LPARs by {@link EvacuationPlanner}, then the
 * lanes' claim rule of EvacuationService (the first planned move whose source and target are under their limits,
 * min(G, moves) lanes) run as a discrete-event simulation with simulated save, restore and live-move times (each
 * ±30%, seeded). The ideal is the lower bound max(total / G, each source's work / S, each target's work / P, the
 * longest move).</li>
 * <li><b>Planning time</b> for a managed system of 20 LPARs x 10 WPARs onto 20 LPARs: the planner with every check
 * answered in memory, i.e. what planning costs beyond the checks' commands.</li>
 * </ol>
 */
public final class EvacuationBench {

    private EvacuationBench() {
    }

    public static void main(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--through-app")) {
            EvacuationThroughAppBench.main(args);
            return;
        }
        Map<String, Integer> o = new HashMap<>(Map.of("wpars", 200, "lpars", 20, "targets", 20, "per-source", 2,
                "per-target", 2, "global", 4, "save-ms", 10_000, "restore-ms", 12_000, "live-ms", 3_000, "seed", 7));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--") || !o.containsKey(args[i].substring(2))) {
                System.err.println("unknown option " + args[i] + "; options: " + o.keySet());
                System.exit(2);
            }
            o.put(args[i].substring(2), Integer.parseInt(args[i + 1]));
        }
        makespan(o);
        planning();
    }

    record Move(String wpar, String from, String to, long millis) {
    }

    static void makespan(Map<String, Integer> o) {
        Random random = new Random(o.get("seed"));
        int lpars = o.get("lpars");
        int targets = o.get("targets");
        GroupPlacement placement = new GroupPlacement();
        List<EvacuationPlanner.Wpar> wpars = new ArrayList<>();
        Set<String> scope = new HashSet<>();
        List<String> targetNames = new ArrayList<>();
        for (int l = 0; l < lpars; l++) {
            String lpar = String.format("src%02d", l);
            scope.add(lpar);
            placement.lpar(lpar, "sysA");
        }
        for (int t = 0; t < targets; t++) {
            String lpar = String.format("dst%02d", t);
            targetNames.add(lpar);
            placement.lpar(lpar, "sysB");
        }
        for (int w = 0; w < o.get("wpars"); w++) {
            String lpar = String.format("src%02d", w % lpars);
            String name = String.format("w%04d", w);
            placement.wpar(lpar, name, null);
            // a third checkpointable (live), the rest static
            wpars.add(new EvacuationPlanner.Wpar(name, lpar, true, w % 3 == 0));
        }
        List<EvacuationPlanner.Row> plan = new EvacuationPlanner(placement, scope, targetNames, Map.of(),
                (w, from, to) -> new EvacuationPlanner.Verdict(true, true, ""), 5).plan(wpars);
        List<Move> moves = new ArrayList<>();
        for (EvacuationPlanner.Row r : plan) {
            long ms = EvacuationPlanner.LIVE.equals(r.mode()) ? jitter(random, o.get("live-ms"))
                    : jitter(random, o.get("save-ms")) + jitter(random, o.get("restore-ms"));
            moves.add(new Move(r.wpar(), r.departing(), r.arriving(), ms));
        }
        int perSource = o.get("per-source");
        int perTarget = o.get("per-target");
        int global = o.get("global");
        long makespan = simulate(moves, perSource, perTarget, global);
        long total = moves.stream().mapToLong(Move::millis).sum();
        Map<String, Long> bySource = new HashMap<>();
        Map<String, Long> byTarget = new HashMap<>();
        moves.forEach(m -> {
            bySource.merge(m.from(), m.millis(), Long::sum);
            byTarget.merge(m.to(), m.millis(), Long::sum);
        });
        long ideal = Math.max(Math.max((total + global - 1) / global,
                bySource.values().stream().mapToLong(v -> (v + perSource - 1) / perSource).max().orElse(0)),
                Math.max(byTarget.values().stream().mapToLong(v -> (v + perTarget - 1) / perTarget).max().orElse(0),
                        moves.stream().mapToLong(Move::millis).max().orElse(0)));
        System.out.printf("makespan: %d WPARs (%d live) from %d LPARs onto %d, limits per source %d, per target %d,"
                + " global %d%n", moves.size(), plan.stream().filter(r -> EvacuationPlanner.LIVE.equals(r.mode()))
                        .count(), lpars, targets, perSource, perTarget, global);
        System.out.printf("  simulated work %.1f s, makespan %.1f s, ideal %.1f s, makespan/ideal %.3f%n",
                total / 1000.0, makespan / 1000.0, ideal / 1000.0, (double) makespan / ideal);
        System.out.printf("RESULT makespan_s=%.1f ideal_s=%.1f ratio=%.3f%n", makespan / 1000.0, ideal / 1000.0,
                (double) makespan / ideal);
    }

    private static long jitter(Random random, int ms) {
        return Math.round(ms * (0.7 + 0.6 * random.nextDouble()));
    }

    /** The lanes of EvacuationService.claim as a discrete-event simulation; returns the makespan in ms. */
    static long simulate(List<Move> moves, int perSource, int perTarget, int global) {
        List<Move> planned = new ArrayList<>(moves);
        List<long[]> running = new ArrayList<>(); // {end, index}
        List<Move> runningMoves = new ArrayList<>();
        int lanes = Math.min(global, moves.size());
        long now = 0;
        while (!planned.isEmpty() || !runningMoves.isEmpty()) {
            boolean claimed = true;
            while (claimed && runningMoves.size() < lanes) {
                claimed = false;
                for (Move m : planned) {
                    long fromCount = runningMoves.stream().filter(r -> r.from().equals(m.from())).count();
                    long toCount = runningMoves.stream().filter(r -> r.to().equals(m.to())).count();
                    if (fromCount < perSource && toCount < perTarget) {
                        planned.remove(m);
                        runningMoves.add(m);
                        running.add(new long[] {now + m.millis()});
                        claimed = true;
                        break;
                    }
                }
            }
            int next = 0;
            for (int i = 1; i < running.size(); i++) {
                if (running.get(i)[0] < running.get(next)[0]) {
                    next = i;
                }
            }
            now = running.get(next)[0];
            running.remove(next);
            runningMoves.remove(next);
        }
        return now;
    }

    static void planning() {
        GroupPlacement placement = new GroupPlacement();
        Set<String> scope = new HashSet<>();
        List<String> targets = new ArrayList<>();
        List<EvacuationPlanner.Wpar> wpars = new ArrayList<>();
        for (int l = 0; l < 20; l++) {
            String lpar = String.format("src%02d", l);
            scope.add(lpar);
            placement.lpar(lpar, "sysA");
            for (int w = 0; w < 10; w++) {
                String name = String.format("w%02d%02d", l, w);
                placement.wpar(lpar, name, null);
                wpars.add(new EvacuationPlanner.Wpar(name, lpar, true, w % 3 == 0));
            }
            String target = String.format("dst%02d", l);
            targets.add(target);
            placement.lpar(target, "sysB");
        }
        int[] checks = new int[1];
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            GroupPlacement copy = new GroupPlacement();
            placement.lpars().forEach(l -> copy.lpar(l, placement.managedSystemOf(l).orElse(null)));
            wpars.forEach(w -> copy.wpar(w.lpar(), w.name(), null));
            checks[0] = 0;
            long started = System.nanoTime();
            List<EvacuationPlanner.Row> rows = new EvacuationPlanner(copy, scope, targets, Map.of(), (w, f, t) -> {
                checks[0]++;
                return new EvacuationPlanner.Verdict(true, true, "");
            }, 5).plan(wpars);
            EvacuationPlanner.table(rows);
            best = Math.min(best, System.nanoTime() - started);
        }
        System.out.printf("planning: 20 LPARs x 10 WPARs onto 20 LPARs, %d checks, best of 5: %.1f ms (checks "
                + "answered in memory)%n", checks[0], best / 1e6);
        System.out.printf("RESULT plan_ms=%.1f checks=%d%n", best / 1e6, checks[0]);
    }
}
