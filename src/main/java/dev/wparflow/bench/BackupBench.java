package dev.wparflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.wparflow.WparflowApplication;
import dev.wparflow.catalog.BackupRunRepository;
import dev.wparflow.simulator.CommandLog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.simulator.FleetSpec;

/**
 * {@code bench backup [--hosts N] [--wpars-per-host M] [--savewpar-seconds S] [--per-host C] [--threads T]
 * [--db-url URL --db-user U --db-password P]}: a simulated fleet of N LPARs with M Defined system WPARs each (savewpar
 * takes S seconds, real time), the application itself in the same JVM (H2 in memory by default; PostgreSQL with
 * {@code --db-url} or {@code WPARFLOW_BENCH_DB_URL}), job executor on, and one real FleetBackupProcess with C lanes per
 * host. First unmeasured fleet backups of the first W hosts (default all) until the JIT compiler has settled, as in a
 * server that has been running ({@code --warmup-hosts 0}: a cold JVM). Prints the makespan (message to end of the run)
 * against the ideal {@code ceil(M/C) x S}, how busy the machine's CPU was and the JIT's share; last line
 * {@code RESULT wpars=… makespan_s=… ideal_s=… overhead_pct=…}. With {@code --faults} ({@link BackupFaults}) the
 * measured run meets connection drops, failing savewpars and a host outage; it prints the outcomes per reason and what
 * the run left behind (WPARs not in their first state, administrative locks, leases), and the last line
 * {@code RESULT wpars=… done=… failed=… makespan_s=… unexplained=… incidents=… leaks=…} (exit status 1 unless the
 * last three are 0).
 */
public final class BackupBench {

    private BackupBench() {
    }

    public static void main(String[] args) throws Exception {
        dev.wparflow.simulator.QuietLogging.apply();
        FleetBenchOptions o = new FleetBenchOptions();
        String trace = null;
        int warmupHosts = -1; // all: the warm-up runs stand for earlier nights
        BackupFaults faults = null;
        for (int i = 0; i < args.length; i++) {
            int used = o.read(args, i);
            if (used >= 0) {
                i = used;
                continue;
            }
            switch (args[i]) {
                case "--trace" -> trace = args[++i];
                case "--warmup-hosts" -> warmupHosts = Integer.parseInt(args[++i]);
                case "--faults" -> {
                    try {
                        faults = BackupFaults.parse(args[++i]);
                    } catch (IllegalArgumentException bad) {
                        System.err.println(bad.getMessage() + "; usage: " + BackupFaults.USAGE);
                        System.exit(2);
                    }
                }
                default -> {
                    System.err.println("usage: bench backup " + FleetBenchOptions.USAGE + " [--trace HOST] [--warmup-hosts W] "
                            + BackupFaults.USAGE);
                    System.exit(2);
                }
            }
        }
        int hosts = o.hosts;
        int wpars = o.wpars;
        double saveSeconds = o.saveSeconds;
        int perHost = o.perHost;
        int threads = o.threads;
        String dbUrl = o.dbUrl;
        FleetSpec spec = new FleetSpec();
        spec.durations.put("savewpar", Math.round(saveSeconds * 1000));
        if (faults != null) {
            // the stop policy's stopwpar and startwpar, short beside savewpar (the simulator's defaults are 3 s and 4 s)
            spec.durations.put("stopwpar", 200L);
            spec.durations.put("startwpar", 200L);
        }
        List<String> hostNames = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            String name = hostName(h);
            hostNames.add(name);
            FleetSpec.HostSpec hs = spec.host(name);
            hs.vg("rootvg", 128, 546 + wpars * 4);
            for (int w = 0; w < wpars; w++) {
                hs.wpar(wparName(w), faults != null && faults.active(w) ? "A" : "D",
                        "10." + (h / 250) + "." + (h % 250) + "." + (w + 2));
            }
        }
        Path dir = Files.createTempDirectory("wparflow-bench-backup");
        double ideal = o.ideal();
        System.out.printf(Locale.ROOT, "fleet: %d LPARs x %d WPARs = %d WPARs, savewpar %.1f s, %d per host: ideal %.1f s;"
                + " %d cores, max heap %d MiB, database %s%n", hosts, wpars, hosts * wpars, saveSeconds, perHost, ideal,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                dbUrl == null ? "H2 (memory)" : dbUrl);
        long t0 = System.nanoTime();
        Fleet fleet = Fleet.start(spec, FleetOptions.defaults().dataDir(dir).randomPorts(true).sharedHostKey(true)
                .timeScale(1.0));
        System.out.printf("fleet started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.profiles.active", "bench");
        p.put("spring.datasource.url", dbUrl != null ? dbUrl
                : "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=LEGACY");
        p.put("spring.datasource.username", dbUrl != null ? o.dbUser : "sa");
        p.put("spring.datasource.password", dbUrl != null ? o.dbPassword : "");
        p.put("spring.datasource.hikari.maximum-pool-size", String.valueOf(threads + 8));
        if (o.postgres()) {
            p.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true"); // as the postgres profile
        }
        p.put("server.port", "0");
        p.put("wparflow.simulator.enabled", "false");
        p.put("wparflow.demo.enabled", "false");
        p.put("wparflow.discovery.cycle", "R/PT24H");
        p.put("wparflow.inventory.file", fleet.inventoryPath().toString());
        p.put("wparflow.ssh.known-hosts", fleet.knownHostsPath().toString());
        p.put("wparflow.ssh.identities[0]", fleet.clientKeyPath().toString());
        p.put("wparflow.ssh.host-key-policy", "strict");
        p.put("wparflow.runs.poll-interval", "PT0.1S");
        p.put("wparflow.backup.per-host", String.valueOf(perHost));
        p.put("wparflow.backup.global-limit", "0");
        p.put("wparflow.backup.hosts", String.join(",", hostNames));
        // the figures are the WPAR backups' (docs/benchmarks.md, ideal from savewpar's duration): the global
        // environments' backups, which a nightly run takes after them by default, are left out of the measure
        p.put("wparflow.backup.global.order", "off");
        if (faults != null) {
            System.out.println(faults.describe(hosts, wpars));
            for (int w = 0; w < faults.stopWpars; w++) {
                p.put("wparflow.backup.policies." + wparName(w) + ".mode", "stop");
            }
            p.put("wparflow.ssh.connect-timeout", "PT2S");
            // the faults' expected warnings (lost connections, failed jobs that are retried) would bury the figures
            p.put("logging.level.dev.wparflow.ssh", "ERROR");
            p.put("logging.level.org.camunda.bpm.engine.context", "OFF");
            p.put("logging.level.org.camunda.bpm.engine.jobexecutor", "OFF");
        }
        p.put("camunda.bpm.job-execution.core-pool-size", String.valueOf(threads));
        p.put("camunda.bpm.job-execution.max-pool-size", String.valueOf(threads));
        p.put("camunda.bpm.job-execution.queue-capacity", String.valueOf(threads * 4));
        p.put("camunda.bpm.job-execution.max-jobs-per-acquisition", String.valueOf(threads * 2));
        p.put("camunda.bpm.job-execution.wait-time-in-millis", "100");
        p.put("camunda.bpm.job-execution.max-wait", "500");
        p.put("logging.level.root", "WARN");
        p.put("spring.main.banner-mode", "off");
        t0 = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(WparflowApplication.class)
                .run(p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        System.out.printf("application started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        RuntimeService runtime = app.getBean(RuntimeService.class);
        ManagementService management = app.getBean(ManagementService.class);
        int exit = 0;
        String result;
        try {
            int warmed = warmupHosts < 0 ? hosts : Math.min(warmupHosts, hosts);
            DatabaseUpkeep upkeep = DatabaseUpkeep.forBench(app.getBean(DataSource.class));
            if (warmed > 0) {
                warmUp(runtime, management, "host:" + String.join(",", hostNames.subList(0, warmed)), warmed, upkeep);
            }
            long compilingBefore = MachineCpu.jitMillis();
            int logBefore = fleet.log().entries().size();
            Instant started = Instant.now();
            if (faults != null) {
                faults.install(fleet, hostNames, wpars);
                faults.startOutage(fleet, hostName(faults.downHost(hosts)));
            }
            long start = System.nanoTime();
            long[] cpuBefore = MachineCpu.read();
            long jvmCpuBefore = MachineCpu.thisJvm();
            String id = runtime.startProcessInstanceByMessage("FleetBackupRequested", Map.of("scope", "all")).getId();
            if (!finished(runtime, management, id)) {
                exit = 1;
            }
            double makespan = (System.nanoTime() - start) / 1e9;
            long[] cpuAfter = MachineCpu.read();
            long jvmCpuAfter = MachineCpu.thisJvm();
            BackupRunRepository.Run run = app.getBean(BackupRunRepository.class).runs(10).stream()
                    .filter(r -> id.equals(r.processInstanceId())).findFirst().orElse(null);
            List<CommandLog.Entry> saves = fleet.log().entries().stream().skip(logBefore)
                    .filter(e -> e.command().equals("savewpar") && !e.refused).toList();
            Instant firstSave = saves.stream().map(e -> e.start).min(Instant::compareTo).orElse(started);
            Instant lastSave = saves.stream().map(e -> e.end() == null ? e.start : e.end()).max(Instant::compareTo)
                    .orElse(started);
            int commands = fleet.log().entries().size() - logBefore;
            System.out.printf(Locale.ROOT, "run: %s; %d savewpars, %d SSH commands (%.0f/s)%n",
                    run == null ? "no run row" : run.summary() == null ? "" : run.summary().lines().findFirst().orElse(""),
                    saves.size(), commands, commands / makespan);
            System.out.printf(Locale.ROOT, "first savewpar after %.2f s, last savewpar ended after %.2f s, run ended after %.2f s%n",
                    Duration.between(started, firstSave).toMillis() / 1e3, Duration.between(started, lastSave).toMillis() / 1e3,
                    makespan);
            // the whole machine (this JVM, the simulated fleet in it, PostgreSQL): busy means CPU-bound
            MachineCpu.describe(cpuBefore, cpuAfter, hosts * wpars).ifPresent(System.out::println);
            // of which this JVM (application, SSH both ends, simulator); the rest is mostly PostgreSQL
            System.out.printf(Locale.ROOT, "of which this JVM: %.1f core-s, %.1f ms per WPAR%n",
                    (jvmCpuAfter - jvmCpuBefore) / 1e9, (jvmCpuAfter - jvmCpuBefore) / 1e6 / (hosts * wpars));
            System.out.printf(Locale.ROOT, "JIT compiler during the run: %.1f s of compilation%n",
                    (MachineCpu.jitMillis() - compilingBefore) / 1e3);
            if (trace != null) {
                // what one host saw, in order: where the time between two savewpars of a lane goes
                String host = trace;
                fleet.log().entries().stream().skip(logBefore).filter(e -> e.host.equals(host)).forEach(e ->
                        System.out.printf(Locale.ROOT, "trace %8.3f %8.3f  %s%n",
                                Duration.between(started, e.start).toNanos() / 1e9,
                                e.end() == null ? -1 : Duration.between(started, e.end()).toNanos() / 1e9,
                                e.raw.length() > 110 ? e.raw.substring(0, 110) : e.raw));
            }
            int doneCount = run == null || run.done() == null ? 0 : run.done();
            if (faults != null) {
                result = faultReport(app, fleet, faults, run, hostNames, wpars, started, makespan);
                if (!result.endsWith(" unexplained=0 incidents=0 leaks=0")) {
                    exit = 1;
                }
            } else {
                if (doneCount != hosts * wpars) {
                    System.out.println("FAILED: not every WPAR was backed up: " + (run == null ? "" : run.summary()));
                    exit = 1;
                }
                result = String.format(Locale.ROOT, "RESULT wpars=%d makespan_s=%.2f ideal_s=%.2f overhead_pct=%.1f",
                        doneCount, makespan, ideal, (makespan - ideal) / ideal * 100);
            }
        } finally {
            app.close();
            fleet.close();
        }
        System.out.println(result);
        System.exit(exit);
    }

    /**
     * Runs fleet backups of the first hosts, unmeasured, until the JIT compiler has settled: a server that has been
     * running (discovery every 15 minutes, earlier nights) has compiled its hot paths, while a fresh JVM on 2 cores
     * spends a fifth of a fleet backup's CPU compiling Camunda, MyBatis and MINA code (a JFR recording shows it).
     * Settled: the compiler worked less than a twentieth of the run's time; at most 10 runs. (A tenth and 6 runs leave
     * 4–5 s of compiling in the measured run: an eighth of its CPU.)
     */
    private static void warmUp(RuntimeService runtime, ManagementService management, String scope, int hosts,
            DatabaseUpkeep upkeep) throws InterruptedException {
        for (int round = 1; round <= 10; round++) {
            long jit = MachineCpu.jitMillis();
            long w = System.nanoTime();
            String id = runtime.startProcessInstanceByMessage("FleetBackupRequested", Map.of("scope", scope)).getId();
            upkeep.duringRun();
            if (!finished(runtime, management, id)) {
                System.out.println("FAILED: a warm-up run did not finish");
                System.exit(1);
            }
            double seconds = (System.nanoTime() - w) / 1e9;
            double compiling = (MachineCpu.jitMillis() - jit) / 1e3;
            System.out.printf(Locale.ROOT, "warm-up %d: a fleet backup of %d hosts in %.2f s, JIT compiling %.1f s%n",
                    round, hosts, seconds, compiling);
            upkeep.afterRun();
            if (compiling < seconds / 20) {
                return;
            }
        }
    }

    /** Waits for a fleet run's instance to end; false (and why) on an incident or after 20 minutes. */
    private static boolean finished(RuntimeService runtime, ManagementService management, String id)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (true) {
            // the runtime, not history: the run has ended when its instance is gone, at any history level
            if (runtime.createProcessInstanceQuery().processInstanceId(id).count() == 0) {
                return true;
            }
            if (management.createJobQuery().withException().noRetriesLeft().count() > 0
                    || System.nanoTime() > deadline) {
                System.out.println("FAILED: an incident or over 20 minutes: " + management.createJobQuery()
                        .withException().list().stream().limit(3).map(j -> j.getExceptionMessage()).toList());
                return false;
            }
            Thread.sleep(100); // a finer poll costs the engine more than it tells
        }
    }

    static String hostName(int h) {
        return String.format("lpar%03d", h);
    }

    static String wparName(int w) {
        return String.format("wpr%02d", w);
    }

    /** Outcomes per reason, the faults that fired and what the run left behind; the RESULT line. */
    private static String faultReport(ConfigurableApplicationContext app, Fleet fleet, BackupFaults faults,
            BackupRunRepository.Run run, List<String> hostNames, int wpars, Instant started, double makespan) {
        List<BackupRunRepository.Item> items = run == null ? List.of()
                : app.getBean(BackupRunRepository.class).items(run.id());
        Map<String, Integer> outcomes = BackupFaults.outcomes(items);
        outcomes.forEach((reason, n) -> System.out.printf(Locale.ROOT, "outcome %-40s %5d%n", reason, n));
        int expectedFailures = 0;
        for (int h = 0; h < hostNames.size(); h++) {
            for (int w = 0; w < wpars; w++) {
                expectedFailures += faults.savewparFails(h, w, wpars) ? 1 : 0;
            }
        }
        String downHost = hostName(faults.downHost(hostNames.size()));
        // a failure the faults do not explain: not a planned savewpar failure, not the outage's host unreachable
        long unexpected = items.stream().filter(i -> i.state() != BackupRunRepository.ItemState.DONE)
                .filter(i -> !(i.reason() != null && i.wpar() != null && i.reason().startsWith("SAVEWPAR_FAILED")
                        && faults.savewparFails(hostNames.indexOf(i.lpar()), Integer.parseInt(i.wpar().substring(3)), wpars)))
                .filter(i -> !(i.reason() != null && i.lpar().equals(downHost) && i.reason().startsWith("HOST_UNREACHABLE")))
                .count();
        long noReason = items.stream().filter(i -> i.state() != BackupRunRepository.ItemState.DONE
                && (i.reason() == null || i.reason().isBlank())).count();
        System.out.printf(Locale.ROOT, "faults fired: %d connection drops, %d failing savewpars planned; %s's WPARs may"
                + " fail HOST_UNREACHABLE; failures without a reason: %d, failures the faults do not explain: %d%n",
                faults.dropsFired(), expectedFailures, downHost, noReason, unexpected);
        BackupFaults.Leaks leaks = faults.leaks(fleet, hostNames, wpars,
                app.getBean(dev.wparflow.lock.LeaseLockService.class).held(), started,
                app.getBean(dev.wparflow.NodeIdentity.class).id());
        System.out.printf(Locale.ROOT, "leaks: %d WPARs not in their first state %s, %d administrative locks %s,"
                + " %d leases %s%n", leaks.notInFirstState().size(), leaks.notInFirstState(), leaks.adminLocks().size(),
                leaks.adminLocks(), leaks.leases().size(), leaks.leases());
        long incidents = app.getBean(RuntimeService.class).createIncidentQuery().count();
        System.out.printf(Locale.ROOT, "open incidents: %d%n", incidents);
        int done = outcomes.getOrDefault("DONE", 0);
        return String.format(Locale.ROOT, "RESULT wpars=%d done=%d failed=%d makespan_s=%.2f unexplained=%d"
                + " incidents=%d leaks=%d", hostNames.size() * wpars, done, items.size() - done, makespan,
                unexpected + noReason, incidents, leaks.total());
    }
}
