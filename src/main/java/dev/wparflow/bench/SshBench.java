package dev.wparflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.slf4j.LoggerFactory;

import dev.wparflow.ssh.CommandOptions;
import dev.wparflow.ssh.CommandResult;
import dev.wparflow.ssh.HostKeyPolicy;
import dev.wparflow.ssh.Redactor;
import dev.wparflow.ssh.SshEndpoint;
import dev.wparflow.ssh.SshEndpointResolver;
import dev.wparflow.ssh.SshProperties;
import dev.wparflow.ssh.SshSessionPool;

/**
 * {@code wparflow bench ssh [--hosts N] [--commands M] [--concurrency C] [--fresh F] [--host user@host:port]
 * [--identity FILE] [--known-hosts FILE] [--command CMD] [--channels K] [--loopback]}
 *
 * <p>Per-command latency through the production {@link SshSessionPool} for (a) a fresh connection per
 * command (connect + key exchange + auth + exec; the session is closed between commands, outside the
 * timing) and (b) the shared master session, sequential; then C concurrent callers over the shared
 * sessions. Without --host the targets are hosts of the embedded AIX fleet simulator (command
 * {@code hostname}); with --loopback, bare in-process MINA servers that answer at once, which measures
 * the transport alone. Host keys are checked strictly in every case. Last line:
 * {@code RESULT fresh_ms=… shared_ms=… ratio=… concurrent_cmds_per_s=…}.
 */
public final class SshBench {

    private SshBench() {
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        Options o = Options.parse(args);
        List<LoopbackSshServer> servers = new ArrayList<>();
        List<SshEndpoint> endpoints = new ArrayList<>();
        SshProperties props = new SshProperties();
        props.setKeepAliveInterval(Duration.ZERO);
        props.setMaxChannelsPerHost(o.channels);
        props.setControlPersist(Duration.ofHours(1));
        KeyPair key = null;
        Path tmp = null;
        String target;
        dev.wparflow.simulator.Fleet fleet = null;
        if (o.host == null && !o.loopback) {
            // the embedded simulator: real AIX global environments as far as SSH is concerned
            tmp = Files.createTempDirectory("wparflow-bench-ssh");
            StringBuilder yaml = new StringBuilder("hosts:\n");
            for (int i = 0; i < o.hosts; i++) {
                yaml.append(String.format("  - {name: lpar%02d, port: 0}%n", i));
            }
            fleet = dev.wparflow.simulator.Fleet.startYaml(yaml.toString(),
                    dev.wparflow.simulator.FleetOptions.forTests().dataDir(tmp));
            for (int i = 0; i < o.hosts; i++) {
                String name = String.format("lpar%02d", i);
                endpoints.add(new SshEndpoint(name, "127.0.0.1", fleet.host(name).port(), "root"));
            }
            key = fleet.clientKeyPair();
            props.setKnownHosts(fleet.knownHostsPath().toString());
            props.setIdentities(List.of());
            props.setHostKeyPolicy(HostKeyPolicy.STRICT);
            if (!o.commandGiven) {
                o.command = "hostname";
            }
            target = o.hosts + " simulated AIX LPAR(s) (dev.wparflow.simulator) on 127.0.0.1";
        } else if (o.host == null) {
            key = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
            tmp = Files.createTempDirectory("wparflow-bench-ssh");
            Path knownHosts = tmp.resolve("known_hosts");
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < o.hosts; i++) {
                LoopbackSshServer s = new LoopbackSshServer(key.getPublic());
                servers.add(s);
                lines.append(s.knownHostsLine()).append('\n');
                endpoints.add(new SshEndpoint(String.format("lpar%02d", i), "127.0.0.1", s.port(), "bench"));
            }
            Files.writeString(knownHosts, lines);
            props.setKnownHosts(knownHosts.toString());
            props.setIdentities(List.of());
            props.setHostKeyPolicy(HostKeyPolicy.STRICT);
            target = o.hosts + " in-process MINA server(s) on 127.0.0.1 answering at once";
        } else {
            for (int i = 0; i < o.hosts; i++) {
                endpoints.add(SshEndpoint.parse(String.format("host%02d", i), o.host, System.getProperty("user.name"), 22));
            }
            if (o.identity != null) {
                props.setIdentities(List.of(o.identity));
            }
            if (o.knownHosts != null) {
                props.setKnownHosts(o.knownHosts);
            }
            target = endpoints.get(0).address() + (o.hosts > 1 ? " (as " + o.hosts + " pooled names)" : "");
        }
        SshEndpointResolver resolver = new SshEndpointResolver() {
            @Override
            public java.util.Optional<SshEndpoint> find(String name) {
                return endpoints.stream().filter(e -> e.name().equals(name)).findFirst();
            }

            @Override
            public List<String> names() {
                return endpoints.stream().map(SshEndpoint::name).toList();
            }
        };
        try (SshSessionPool pool = new SshSessionPool(props, List.of(resolver), new Redactor(), null, null)) {
            if (key != null) {
                pool.addIdentity(key);
            }
            System.out.printf(Locale.ROOT, "SSH benchmark: %s; command `%s`; %d channels per host; %d cores%n", target,
                    o.command, o.channels, Runtime.getRuntime().availableProcessors());

            // (a) fresh connection per command
            runFresh(pool, endpoints, o.command, Math.max(5, o.fresh / 5)); // warm-up
            double[] fresh = runFresh(pool, endpoints, o.command, o.fresh);
            print("fresh connection per command", fresh);

            // (b) shared session, sequential
            runShared(pool, endpoints, o.command, Math.max(200, o.commands / 2)); // warm-up, also opens the sessions
            long connectsBefore = pool.connectCount();
            double[] shared = runShared(pool, endpoints, o.command, o.commands);
            print("shared session, sequential", shared);

            // (c) shared session, C concurrent callers
            runConcurrent(pool, endpoints, o.command, o.concurrency, Math.max(500, o.commands / 2)); // warm-up
            long t0 = System.nanoTime();
            double[] conc = runConcurrent(pool, endpoints, o.command, o.concurrency, o.commands);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double perSecond = o.commands / seconds;
            print("shared session, " + o.concurrency + " concurrent", conc);
            long newConnections = pool.connectCount() - connectsBefore;
            System.out.printf(Locale.ROOT, "  %,.0f commands/s over %d session(s); %d new connection(s) during (b)+(c)%n",
                    perSecond, endpoints.size(), newConnections);

            double fm = median(fresh);
            double sm = median(shared);
            System.out.printf(Locale.ROOT, "ratio fresh/shared (medians): %.1f%n", fm / sm);
            if (!servers.isEmpty()) {
                System.out.printf(Locale.ROOT, "server saw %d TCP connections in total (%d fresh + warm-up + %d shared)%n",
                        servers.stream().mapToInt(LoopbackSshServer::connections).sum(), o.fresh, endpoints.size());
            }
            System.out.printf(Locale.ROOT, "RESULT fresh_ms=%.3f shared_ms=%.3f ratio=%.1f concurrent_cmds_per_s=%.0f%n",
                    fm, sm, fm / sm, perSecond);
        } finally {
            if (fleet != null) {
                fleet.close();
            }
            for (LoopbackSshServer s : servers) {
                s.close();
            }
            if (tmp != null) {
                try (var files = Files.walk(tmp)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static double[] runFresh(SshSessionPool pool, List<SshEndpoint> eps, String cmd, int n) {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            String name = eps.get(i % eps.size()).name();
            pool.disconnect(name, true);
            long t0 = System.nanoTime();
            check(pool.run(name, cmd, CommandOptions.DEFAULT));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        for (SshEndpoint e : eps) {
            pool.disconnect(e.name(), true);
        }
        return ms;
    }

    private static double[] runShared(SshSessionPool pool, List<SshEndpoint> eps, String cmd, int n) {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            String name = eps.get(i % eps.size()).name();
            long t0 = System.nanoTime();
            check(pool.run(name, cmd, CommandOptions.DEFAULT));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    private static double[] runConcurrent(SshSessionPool pool, List<SshEndpoint> eps, String cmd, int threads, int n)
            throws Exception {
        double[] ms = new double[n];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool2 = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(pool2.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        String name = eps.get(i % eps.size()).name();
                        long t0 = System.nanoTime();
                        check(pool.run(name, cmd, CommandOptions.DEFAULT));
                        ms[i] = (System.nanoTime() - t0) / 1e6;
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool2.shutdownNow();
        }
        return ms;
    }

    private static void check(CommandResult r) {
        if (r.exitStatus() != 0) {
            throw new IllegalStateException("benchmark command failed on " + r.host() + ": exit " + r.exitStatus()
                    + " " + r.stderr());
        }
    }

    private static void print(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-34s n=%-6d median %8.3f ms   p90 %8.3f ms   p99 %8.3f ms   max %8.3f ms%n",
                what, s.length, pct(s, 50), pct(s, 90), pct(s, 99), s[s.length - 1]);
    }

    static double median(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return pct(s, 50);
    }

    private static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** Transport debug logging would dominate the figures; keep warnings only. */
    private static void quietLogging() {
        org.slf4j.Logger root = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static final class Options {
        int hosts = 1;
        int commands = 2000;
        int concurrency = 50;
        int fresh = 200;
        int channels = 10;
        String host;
        String identity;
        String knownHosts;
        String command = "true";
        boolean commandGiven;
        boolean loopback;
        boolean freshGiven;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--hosts" -> o.hosts = Integer.parseInt(need(a, v));
                    case "--commands" -> o.commands = Integer.parseInt(need(a, v));
                    case "--concurrency" -> o.concurrency = Integer.parseInt(need(a, v));
                    case "--fresh" -> {
                        o.fresh = Integer.parseInt(need(a, v));
                        o.freshGiven = true;
                    }
                    case "--channels" -> o.channels = Integer.parseInt(need(a, v));
                    case "--host" -> o.host = need(a, v);
                    case "--identity" -> o.identity = need(a, v);
                    case "--known-hosts" -> o.knownHosts = need(a, v);
                    case "--command" -> {
                        o.command = need(a, v);
                        o.commandGiven = true;
                    }
                    case "--loopback" -> {
                        o.loopback = true;
                        i--; // a flag without a value
                    }
                    case "-h", "--help" -> {
                        System.out.println("usage: wparflow bench ssh [--hosts N] [--commands M] [--concurrency C]"
                                + " [--fresh F] [--channels K] [--command CMD] [--loopback]"
                                + " [--host user@host:port [--identity FILE] [--known-hosts FILE]]");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a + " (try --help)");
                }
                i++;
            }
            if (o.host != null && !o.freshGiven) {
                o.fresh = 30; // ~110 ms each against OpenSSH
            }
            return o;
        }

        private static String need(String opt, String v) {
            if (v == null) {
                throw new IllegalArgumentException(opt + " needs a value");
            }
            return v;
        }
    }
}
