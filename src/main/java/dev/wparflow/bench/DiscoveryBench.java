package dev.wparflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.wparflow.WparflowApplication;
import dev.wparflow.inventory.DiscoveryRunRepository;
import dev.wparflow.inventory.DiscoverySummary;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.process.discovery.FleetDiscoveryVariables;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.simulator.FleetSpec;

/**
 * {@code bench discovery [--hosts N] [--wpars-per-host M]}: starts a simulated fleet of N LPARs with M WPARs each
 * (two managed systems behind two HMC pairs), then the application itself (H2 in memory, job executor on, the
 * inventory, known_hosts and client key the fleet wrote, strict host keys) and runs the real FleetDiscoveryProcess
 * twice: cold (every SSH session opened) and warm (sessions kept by ControlPersist). Prints figures; the last line is
 * {@code RESULT hosts=… wpars=… seconds=…} for the cold run.
 */
public final class DiscoveryBench {

    private DiscoveryBench() {
    }

    public static void main(String[] args) throws Exception {
        dev.wparflow.simulator.QuietLogging.apply();
        int hosts = 100;
        int wpars = 80;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--hosts" -> hosts = Integer.parseInt(args[++i]);
                case "--wpars-per-host", "--wpars" -> wpars = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: bench discovery [--hosts N] [--wpars-per-host M]");
                    System.exit(2);
                }
            }
        }
        FleetSpec spec = new FleetSpec();
        for (String[] s : new String[][] {{"benchms1", "hmc01", "hmc02"}, {"benchms2", "hmc03", "hmc04"}}) {
            FleetSpec.SystemSpec ss = new FleetSpec.SystemSpec();
            ss.name = s[0];
            ss.hmcs.add(s[1]);
            ss.hmcs.add(s[2]);
            spec.managedSystems.add(ss);
            for (int k = 1; k <= 2; k++) {
                FleetSpec.HostSpec hmc = new FleetSpec.HostSpec();
                hmc.name = s[k];
                hmc.hostname = s[k];
                hmc.hmc = true;
                spec.hmcs.add(hmc);
            }
        }
        for (int h = 0; h < hosts; h++) {
            FleetSpec.HostSpec hs = spec.host(String.format("lpar%03d", h));
            hs.managedSystem = h % 2 == 0 ? "benchms1" : "benchms2";
            hs.lparId = h / 2 + 1;
            hs.vg("rootvg", 128, 546 + wpars * 4);
            hs.filesets.put("bos.rte", "6.1.2.1");
            hs.filesets.put("bos.wpars", "6.1.2.1");
            hs.filesets.put("mcr.rte", "4.2.0.0");
            for (int w = 0; w < wpars; w++) {
                hs.wpar(String.format("wpr%02d", w), w % 3 == 0 ? "A" : "D",
                        "10." + (h / 250) + "." + (h % 250) + "." + (w + 2));
            }
        }
        Path dir = Files.createTempDirectory("wparflow-bench-discovery");
        System.out.printf("fleet: %d LPARs x %d WPARs = %d WPARs, 2 managed systems, 4 HMCs; %d cores, max heap %d MiB%n",
                hosts, wpars, hosts * wpars, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        long t0 = System.nanoTime();
        Fleet fleet = Fleet.start(spec, FleetOptions.defaults().dataDir(dir).randomPorts(true).sharedHostKey(true)
                .timeScale(0.0));
        System.out.printf("fleet started in %d ms (inventory %s)%n", (System.nanoTime() - t0) / 1_000_000,
                fleet.inventoryPath());

        t0 = System.nanoTime();
        // as command-line arguments: they win over application.yml (default properties would not)
        ConfigurableApplicationContext app = new SpringApplicationBuilder(WparflowApplication.class)
                .run(Map.ofEntries(
                        Map.entry("spring.profiles.active", "bench"),
                        Map.entry("spring.datasource.url",
                                "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=LEGACY"),
                        Map.entry("spring.datasource.username", "sa"),
                        Map.entry("server.port", "0"),
                        Map.entry("wparflow.simulator.enabled", "false"),
                        Map.entry("wparflow.demo.enabled", "false"),
                        Map.entry("wparflow.discovery.cycle", "R/PT24H"),
                        Map.entry("wparflow.inventory.file", fleet.inventoryPath().toString()),
                        Map.entry("wparflow.ssh.known-hosts", fleet.knownHostsPath().toString()),
                        Map.entry("wparflow.ssh.identities[0]", fleet.clientKeyPath().toString()),
                        Map.entry("wparflow.ssh.host-key-policy", "strict"),
                        Map.entry("logging.level.root", "WARN"),
                        Map.entry("spring.main.banner-mode", "off")).entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        System.out.printf("application started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        RuntimeService runtime = app.getBean(RuntimeService.class);
        HistoryService history = app.getBean(HistoryService.class);
        ManagementService management = app.getBean(ManagementService.class);
        DiscoveryRunRepository runs = app.getBean(DiscoveryRunRepository.class);
        InventoryRepository inventory = app.getBean(InventoryRepository.class);
        int exit = 0;
        String result = null;
        try {
            for (String round : new String[] {"cold (SSH sessions opened)", "warm (sessions kept)"}) {
                int logBefore = fleet.log().entries().size();
                long start = System.nanoTime();
                String id = runtime.startProcessInstanceByMessage(FleetDiscoveryVariables.REQUESTED_MESSAGE).getId();
                HistoricProcessInstance done;
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (true) {
                    done = history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
                    if (done != null && done.getEndTime() != null) {
                        break;
                    }
                    if (management.createJobQuery().processInstanceId(id).withException().count() > 0
                            || System.nanoTime() > deadline) {
                        System.out.println("FAILED: a job failed or the run took over 10 minutes: "
                                + management.createJobQuery().processInstanceId(id).withException().list().stream()
                                        .map(j -> j.getExceptionMessage()).toList());
                        exit = 1;
                        break;
                    }
                    Thread.sleep(20);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                DiscoverySummary s = runs.summary(id).orElseThrow();
                int commands = fleet.log().entries().size() - logBefore;
                System.out.printf("%s: %.2f s, hosts ok %d/%d, failed %d, WPARs %d (table: %d), systems %d (%d failed),"
                        + " %d SSH commands (%.0f/s)%n", round, seconds, s.hostsOk(), s.hostsTotal(), s.hostsFailed(),
                        s.wparCount(), inventory.wparCount(), s.systemsTotal(), s.systemsFailed(), commands,
                        commands / seconds);
                if (s.hostsOk() != hosts || s.wparCount() != hosts * wpars) {
                    System.out.println("FAILED: not everything was discovered: " + s.failures());
                    exit = 1;
                }
                if (result == null) {
                    result = String.format(java.util.Locale.ROOT, "RESULT hosts=%d wpars=%d seconds=%.2f", s.hostsOk(),
                            s.wparCount(), seconds);
                }
            }
        } finally {
            app.close();
            fleet.close();
        }
        System.out.println(result);
        System.exit(exit);
    }
}
