package dev.wparflow.bench;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code java -jar target/wparflow.jar bench NAME [options]}: benchmark programs that print figures
 * (docs/benchmarks.md). Benchmarks may use the simulator; production packages never use this one.
 */
public final class BenchCommand {

    private static final Map<String, String> BENCHMARKS = new TreeMap<>(Map.of(
            "fleet", "dev.wparflow.bench.FleetStartupBench",
            "ssh", "dev.wparflow.bench.SshBench",
            "discovery", "dev.wparflow.bench.DiscoveryBench",
            "backup", "dev.wparflow.bench.BackupBench",
            "engine-floor", "dev.wparflow.bench.EngineFloorBench",
            "startup", "dev.wparflow.bench.StartupBench",
            "evacuation", "dev.wparflow.bench.EvacuationBench"));

    private BenchCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !BENCHMARKS.containsKey(args[0])) {
            System.err.println("usage: wparflow bench {" + String.join("|", BENCHMARKS.keySet()) + "} [options]");
            System.exit(2);
        }
        Class<?> bench;
        try {
            bench = Class.forName(BENCHMARKS.get(args[0]));
        } catch (ClassNotFoundException notYetBuilt) {
            System.err.println("benchmark '" + args[0] + "' is not part of this build");
            System.exit(2);
            return;
        }
        Method main = bench.getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
