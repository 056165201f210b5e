package dev.wparflow.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.io.IoServiceFactoryFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.common.util.threads.ThreadUtils;

import dev.wparflow.simulator.command.Commands;
import dev.wparflow.simulator.fault.Faults;
import dev.wparflow.simulator.ssh.FleetKeys;

/**
 * A running fleet of simulated AIX global environments, each with its own SSH server on loopback.
 * The Java API for tests: {@link #start}, {@link #host}, {@link #log}, {@link #faults},
 * {@link #reset}, {@link #close}.
 */
public final class Fleet implements AutoCloseable {
    private final FleetSpec spec;
    private final FleetOptions options;
    private final Map<String, HostRuntime> hosts = new LinkedHashMap<>();
    private final CommandLog log = new CommandLog();
    private final Faults faults = new Faults();
    private final Commands commands = new Commands();
    private final ExecutorService commandExecutor;
    private final CloseableExecutorService nioExecutor;
    private final ScheduledExecutorService scheduler;
    private final IoServiceFactoryFactory ioFactory;
    private KeyPair clientKey;
    private Path clientKeyPath;
    private final KeyPair wrongHostKey = FleetKeys.generate();

    private Fleet(FleetSpec spec, FleetOptions options) {
        this.spec = spec;
        this.options = options;
        this.commandExecutor = Executors.newCachedThreadPool(daemon("sim-cmd"));
        this.nioExecutor = ThreadUtils.newFixedThreadPool("sim-nio2", Math.max(2, options.nioThreads));
        this.scheduler = ThreadUtils.newSingleThreadScheduledExecutor("sim-timer");
        this.ioFactory = new Nio2ServiceFactoryFactory(() -> ThreadUtils.noClose(nioExecutor));
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public static Fleet start(Path fleetYaml, FleetOptions options) throws IOException {
        return start(FleetSpec.load(fleetYaml), options);
    }

    public static Fleet startYaml(String yaml, FleetOptions options) throws IOException {
        return start(FleetSpec.parse(yaml), options);
    }

    /** Builds every host, loads or creates keys, starts the SSH servers, writes known_hosts. */
    public static Fleet start(FleetSpec spec, FleetOptions options) throws IOException {
        Fleet f = new Fleet(spec, options);
        try {
            f.doStart();
        } catch (IOException | RuntimeException e) {
            f.close();
            throw e;
        }
        return f;
    }

    private double scale() {
        return options.timeScale != null ? options.timeScale : spec.timeScale;
    }

    private void doStart() throws IOException {
        Path dir = options.dataDir;
        Files.createDirectories(dir.resolve("hostkeys"));
        if (spec.clientPrivateKey != null) {
            clientKeyPath = Path.of(spec.clientPrivateKey);
            clientKey = FleetKeys.loadOrCreate(clientKeyPath, "wparflow-simulator-client");
        } else {
            clientKeyPath = dir.resolve("client_key");
            clientKey = FleetKeys.loadOrCreate(clientKeyPath, "wparflow-simulator-client");
        }
        List<PublicKey> fleetKeys = spec.authorizedKeys.stream().map(FleetKeys::parsePublic).toList();
        KeyPair shared = options.sharedHostKey ? FleetKeys.loadOrCreate(dir.resolve("hostkeys/_shared"), "shared") : null;
        Map<String, KeyPair> hostKeys = new TreeMap<>();
        spec.hosts.parallelStream().forEach(hs -> {
            KeyPair kp = shared != null ? shared : FleetKeys.loadOrCreate(dir.resolve("hostkeys").resolve(hs.name), hs.name);
            synchronized (hostKeys) {
                hostKeys.put(hs.name, kp);
            }
        });
        for (FleetSpec.HostSpec hs : spec.hosts) {
            if (options.randomPorts) {
                hs.port = 0;
            }
            HostRuntime h = new HostRuntime(this, hs, spec.buildHost(hs, scale()), hostKeys.get(hs.name));
            h.authorizedKeys.addAll(fleetKeys);
            hs.authorizedKeys.stream().map(FleetKeys::parsePublic).forEach(h.authorizedKeys::add);
            hosts.put(hs.name, h);
        }
        spec.faults.forEach(fs -> faults.add(fs.toRule()));
        List<HostRuntime> list = new ArrayList<>(hosts.values());
        list.parallelStream().forEach(h -> {
            try {
                h.startServer();
                if (h.spec().down) {
                    h.setDown(true);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start simulated host " + h.name() + " on port " + h.spec().port, e);
            }
        });
        writeKnownHosts();
    }

    /** Rewrites data/simulator/known_hosts with every host's current port and key. */
    public void writeKnownHosts() throws IOException {
        Map<Integer, PublicKey> byPort = new LinkedHashMap<>();
        hosts.values().forEach(h -> byPort.put(h.port(), h.hostPublicKey()));
        FleetKeys.writeKnownHosts(knownHostsPath(), byPort);
    }

    // ---------------------------------------------------------------- API

    public HostRuntime host(String name) {
        HostRuntime h = hosts.get(name);
        if (h == null) {
            throw new IllegalArgumentException("no simulated host " + name);
        }
        return h;
    }

    public Collection<HostRuntime> hosts() {
        return hosts.values();
    }

    public CommandLog log() {
        return log;
    }

    public Faults faults() {
        return faults;
    }

    public FleetSpec spec() {
        return spec;
    }

    public Commands commands() {
        return commands;
    }

    public KeyPair clientKeyPair() {
        return clientKey;
    }

    public Path clientKeyPath() {
        return clientKeyPath;
    }

    public Path knownHostsPath() {
        return options.dataDir.resolve("known_hosts");
    }

    public Path dataDir() {
        return options.dataDir;
    }

    public KeyPair wrongHostKey() {
        return wrongHostKey;
    }

    /** Back to the fleet file's state: fresh models, no runs, the file's faults only, empty log, hosts up. */
    public void reset() throws IOException {
        for (HostRuntime h : hosts.values()) {
            h.replaceModel(spec.buildHost(h.spec(), scale()));
            h.setDown(h.spec().down);
        }
        faults.clear();
        spec.faults.forEach(fs -> faults.add(fs.toRule()));
        log.clear();
    }

    /** Changes the time scale of every host (0 = instant, 1 = the nominal durations). */
    public void setTimeScale(double s) {
        hosts.values().forEach(h -> h.model().timing.setScale(s));
    }

    ExecutorService commandExecutorInternal() {
        return commandExecutor;
    }

    public ExecutorService commandExecutor() {
        return commandExecutor;
    }

    public IoServiceFactoryFactory ioServiceFactoryFactory() {
        return ioFactory;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        hosts.values().parallelStream().forEach(HostRuntime::stopServer);
        hosts.values().forEach(h -> h.runs().clear());
        commandExecutor.shutdownNow();
        scheduler.shutdownNow();
        nioExecutor.shutdownNow();
    }
}
