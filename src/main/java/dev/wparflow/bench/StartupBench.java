package dev.wparflow.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * {@code bench startup [--runs N] [--jar JAR] [--java-options "OPTS"] [--duration PT10M] [--sample PT1M]
 * [--time-scale X] [--keep]}: starts the embedded default as the README does ({@code java OPTS -jar JAR}, by default
 * the README's options and jar, already built; run from the project directory) in a temporary directory on a free port, and measures the time from the command to
 * {@code GET /camunda/app/tasklist/} answering 200, with the process's CPU time, RSS, peak RSS and threads at that
 * moment; each of the N runs starts once on an empty directory (first start: database and simulator state created)
 * and once more on the same directory (second start). With {@code --duration}, a last start then carries the
 * compressed operator's hour of {@link DemoLoad} and the RSS is sampled every {@code --sample}. The machine's load
 * average is printed with every figure: the wall times depend on it, the CPU times much less.
 */
public final class StartupBench {

    /** The JVM options of the README's start command (StartupBenchTest compares); {@code --java-options} measures others. */
    static final String README_JAVA_OPTIONS = "-XX:SharedArchiveFile=target/app/wparflow.jsa -XX:TieredStopAtLevel=1"
            + " -XX:+UseSerialGC -Xmx256m -XX:MaxMetaspaceSize=256m -XX:ReservedCodeCacheSize=64m -Xss512k";

    /** The jar the README starts: the packaged jar extracted for class data sharing ({@code mvn package} makes both). */
    static final String README_JAR = "target/app/wparflow.jar";

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 3;
        Path jar = Path.of(README_JAR);
        String javaOptions = README_JAVA_OPTIONS;
        Duration duration = Duration.ZERO;
        Duration sample = null;
        Double timeScale = null;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--java-options" -> javaOptions = args[++i];
                case "--duration" -> duration = Duration.parse(args[++i]);
                case "--sample" -> sample = Duration.parse(args[++i]);
                case "--time-scale" -> timeScale = Double.parseDouble(args[++i]);
                case "--keep" -> keep = true;
                default -> {
                    System.err.println("usage: bench startup [--runs N] [--jar JAR] [--java-options \"OPTS\"]"
                            + " [--duration PT10M] [--sample PT1M] [--time-scale X] [--keep]");
                    System.exit(2);
                }
            }
        }
        if (!Files.isRegularFile(jar)) {
            System.err.println(jar + " does not exist: build it first (mvn -B -q -DskipTests package), or give --jar");
            System.exit(2);
        }
        List<String> options = options(javaOptions);
        System.out.printf("java %s -jar %s; %d cores; %d runs; load average %s%n", String.join(" ", options), jar,
                Runtime.getRuntime().availableProcessors(), runs, LoadAverage.read());
        List<Started> first = new ArrayList<>();
        List<Started> second = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            Path dir = Files.createTempDirectory("wparflow-bench-startup");
            try {
                for (List<Started> kind : List.of(first, second)) {
                    try (AppProcess app = AppProcess.launch(jar, options, dir, List.of())) {
                        Started s = app.awaitTasklist(Duration.ofMinutes(10));
                        kind.add(s);
                        System.out.printf("run %d, %s start: %s%n", r, kind == first ? "first" : "second", s);
                    }
                }
            } finally {
                if (!keep) {
                    delete(dir);
                }
            }
        }
        if (runs > 0) {
            summary("first start (empty data)", first);
            summary("second start (existing data)", second);
        }
        if (!duration.isZero()) {
            load(jar, options, duration, sample != null ? sample : duration.dividedBy(10), timeScale, keep);
        }
    }

    private static void load(Path jar, List<String> options, Duration duration, Duration sample, Double timeScale,
                             boolean keep) throws Exception {
        Path dir = Files.createTempDirectory("wparflow-bench-load");
        List<String> appArgs = timeScale == null ? List.of()
                : List.of("--wparflow.simulator.time-scale=" + timeScale);
        try (AppProcess app = AppProcess.launch(jar, options, dir, appArgs)) {
            Started s = app.awaitTasklist(Duration.ofMinutes(10));
            System.out.printf("%nload run: started: %s%n", s);
            DemoLoad demo = new DemoLoad(app.baseUrl());
            System.out.printf("%-8s %9s %9s %8s %8s  %s%n", "elapsed", "RSS MiB", "peak MiB", "threads", "load", "operations");
            long t0 = System.nanoTime();
            long end = t0 + duration.toNanos();
            long nextSample = t0;
            while (System.nanoTime() < end && app.alive()) {
                if (System.nanoTime() >= nextSample) {
                    ProcStatus p = ProcStatus.read(app.pid());
                    System.out.printf(Locale.ROOT, "%-8s %9d %9d %8d %8s  %s%n",
                            Duration.ofNanos(System.nanoTime() - t0).toSeconds() + " s", p.rssMiB(), p.hwmMiB(),
                            p.threads(), LoadAverage.read(), demo.counts());
                    nextSample += sample.toNanos();
                }
                demo.step(Duration.ofNanos(System.nanoTime() - t0), duration);
                Thread.sleep(500);
            }
            ProcStatus p = ProcStatus.read(app.pid());
            System.out.printf(Locale.ROOT, "%-8s %9d %9d %8d %8s  %s%n", "end", p.rssMiB(), p.hwmMiB(), p.threads(),
                    LoadAverage.read(), demo.counts());
            System.out.printf(Locale.ROOT, "RESULT load_rss_mib=%d load_peak_mib=%d%n", p.rssMiB(), p.hwmMiB());
        } finally {
            if (!keep) {
                delete(dir);
            }
        }
    }

    private static void summary(String kind, List<Started> starts) {
        System.out.printf(Locale.ROOT, "%s: wall best %.1f s, median %.1f s; CPU best %.1f s, median %.1f s;"
                        + " RSS median %d MiB, peak median %d MiB; threads %d%n", kind,
                best(starts, Started::wallSeconds), median(starts, Started::wallSeconds),
                best(starts, Started::cpuSeconds), median(starts, Started::cpuSeconds),
                (long) median(starts, st -> st.status().rssMiB()), (long) median(starts, st -> st.status().hwmMiB()),
                starts.get(starts.size() - 1).status().threads());
    }

    static double best(List<Started> starts, ToDoubleFunction<Started> f) {
        return starts.stream().mapToDouble(f).min().orElse(Double.NaN);
    }

    static double median(List<Started> starts, ToDoubleFunction<Started> f) {
        double[] v = starts.stream().mapToDouble(f).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The options split at white space; a relative {@code -XX:SharedArchiveFile} is taken from here, not the run's directory. */
    static List<String> options(String javaOptions) {
        List<String> out = new ArrayList<>();
        for (String o : javaOptions.trim().split("\\s+")) {
            if (o.isEmpty()) {
                continue;
            }
            String archive = "-XX:SharedArchiveFile=";
            out.add(o.startsWith(archive) ? archive + Path.of(o.substring(archive.length())).toAbsolutePath() : o);
        }
        return out;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One start: command to Tasklist's 200, the process's CPU time then, and /proc/PID/status then. */
    record Started(double wallSeconds, double cpuSeconds, ProcStatus status, String load) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Tasklist 200 after %.1f s (CPU %.1f s), RSS %d MiB, peak %d MiB,"
                    + " %d threads, load average %s", wallSeconds, cpuSeconds, status.rssMiB(), status.hwmMiB(),
                    status.threads(), load);
        }
    }

    /** {@code /proc/loadavg}'s three averages. */
    static final class LoadAverage {
        static String read() {
            try {
                return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+"), 3));
            } catch (IOException | RuntimeException unreadable) {
                return "?";
            }
        }
    }
}
