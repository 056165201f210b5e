package dev.wparflow.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.core.CoreModuleProperties;

import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.simulator.FleetSpec;
import dev.wparflow.simulator.HostRuntime;

/**
 * {@code bench fleet [--hosts N] [--wpars M] [--shared-host-key]}: starts a simulated fleet of N
 * LPARs with M WPARs each on random ports and prints start-up time, heap after GC, thread count and
 * the cost of one lswpar over SSH. Keys are created in a temporary directory (first start) and
 * then loaded again (second start, as after a restart).
 */
public final class FleetStartupBench {
    private FleetStartupBench() {
    }

    public static void main(String[] args) throws Exception {
        dev.wparflow.simulator.QuietLogging.apply();
        int hosts = 100;
        int wpars = 80;
        boolean shared = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--hosts" -> hosts = Integer.parseInt(args[++i]);
                case "--wpars" -> wpars = Integer.parseInt(args[++i]);
                case "--shared-host-key" -> shared = true;
                default -> {
                    System.err.println("usage: bench fleet [--hosts N] [--wpars M] [--shared-host-key]");
                    System.exit(2);
                }
            }
        }
        FleetSpec spec = new FleetSpec();
        for (int h = 0; h < hosts; h++) {
            FleetSpec.HostSpec hs = spec.host(String.format("lpar%03d", h));
            hs.vg("rootvg", 128, 546 + wpars * 4);
            for (int w = 0; w < wpars; w++) {
                hs.wpar(String.format("wpr%02d", w), w % 3 == 0 ? "A" : "D",
                        "10." + (h / 250) + "." + (h % 250) + "." + (w + 2));
            }
        }
        Path dir = Files.createTempDirectory("wparflow-bench-fleet");
        System.out.printf("fleet: %d LPARs x %d WPARs = %d WPARs, %s host keys, %d cores, max heap %d MiB%n", hosts, wpars,
                hosts * wpars, shared ? "one shared" : "per-host", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        for (String round : new String[] {"first start (keys generated)", "restart (keys loaded)"}) {
            System.gc();
            long t0 = System.nanoTime();
            Fleet fleet = Fleet.start(spec, FleetOptions.defaults().dataDir(dir).randomPorts(true).sharedHostKey(shared).timeScale(0.0));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.gc();
            Thread.sleep(200);
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            System.out.printf("%s: %d ms, heap used after GC %d MiB, live threads %d%n", round, ms, heap, threads);
            if (round.startsWith("restart")) {
                measureExec(fleet);
            }
            fleet.close();
        }
    }

    private static void measureExec(Fleet fleet) throws Exception {
        SshClient client = SshClient.setUpDefaultClient();
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.addPublicKeyIdentity(fleet.clientKeyPair());
        client.start();
        HostRuntime h = fleet.hosts().iterator().next();
        long c0 = System.nanoTime();
        try (ClientSession s = client.connect("root", "127.0.0.1", h.port()).verify(Duration.ofSeconds(10)).getSession()) {
            s.auth().verify(Duration.ofSeconds(10));
            long connectMs = (System.nanoTime() - c0) / 1_000_000;
            int n = 200;
            for (int i = 0; i < 20; i++) {
                exec(s);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                exec(s);
            }
            double per = (System.nanoTime() - t0) / 1e6 / n;
            System.out.printf("connect+auth to %s: %d ms (cold); lswpar of %d WPARs on an open session: %.2f ms/exec%n",
                    h.name(), connectMs, h.wpars().size(), per);
        } finally {
            client.stop();
        }
    }

    private static void exec(ClientSession s) throws Exception {
        try (ClientChannel ch = s.createExecChannel("lswpar")) {
            ch.setOut(java.io.OutputStream.nullOutputStream());
            ch.open().verify(Duration.ofSeconds(10));
            ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(10));
        }
    }
}
