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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.common.util.threads.ThreadUtils;

import dev.wparflow.simulator.command.Commands;
import dev.wparflow.simulator.fault.Faults;
import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.WparStateHistory;
import dev.wparflow.simulator.ssh.FleetKeys;
import dev.wparflow.simulator.state.FleetFingerprint;
import dev.wparflow.simulator.state.FleetState;
import dev.wparflow.simulator.state.FleetStateFile;

/**
 * A running fleet of simulated AIX global environments, each with its own SSH server on loopback.
 * The Java API for tests: {@link #start}, {@link #host}, {@link #log}, {@link #stateHistory}, {@link #faults},
 * {@link #reset}, {@link #close}.
 */
public final class Fleet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);
    /** A change is saved this long after it, so a burst of commands costs one write. */
    static final java.time.Duration SAVE_DELAY = java.time.Duration.ofMillis(250);
    /** At an orderly close, detached runs may finish for this long before they are cancelled. */
    static final java.time.Duration CLOSE_GRACE = java.time.Duration.ofSeconds(10);
    private final FleetSpec spec;
    private final FleetOptions options;
    private final Map<String, HostRuntime> hosts = new LinkedHashMap<>();
    private final Map<String, HostRuntime> hmcs = new LinkedHashMap<>();
    private final dev.wparflow.simulator.dc.DataCentre dataCentre = new dev.wparflow.simulator.dc.DataCentre(
            () -> hosts.values().stream().map(HostRuntime::model).toList(),
            n -> hosts.containsKey(n) && !hosts.get(n).isDown());
    private final CommandLog log = new CommandLog();
    private final WparStateHistory stateHistory = new WparStateHistory();
    private final Faults faults = new Faults();
    private final Commands commands = new Commands();
    private final ExecutorService commandExecutor;
    private final CloseableExecutorService nioExecutor;
    private final ScheduledExecutorService scheduler;
    private final IoServiceFactoryFactory ioFactory;
    private KeyPair clientKey;
    private Path clientKeyPath;
    private final KeyPair wrongHostKey = FleetKeys.generate();
    /** Where the fleet keeps its state (options.keepState), else null. */
    private final FleetStateFile stateFile;
    private final java.util.concurrent.atomic.AtomicBoolean saveScheduled = new java.util.concurrent.atomic.AtomicBoolean();
    private final StateSaves saves = new StateSaves();
    /** Set once every host answers: only a fleet that started saves its state (a failed start keeps the old one). */
    private volatile boolean started;
    private volatile boolean closing;
    /** The fleet file's fingerprint, computed once at start (saved with every state). */
    private String fingerprint;

    private Fleet(FleetSpec spec, FleetOptions options) {
        this.spec = spec;
        this.options = options;
        this.commandExecutor = Executors.newCachedThreadPool(daemon("sim-cmd"));
        this.nioExecutor = ThreadUtils.newFixedThreadPool("sim-nio2", Math.max(2, options.nioThreads));
        this.scheduler = ThreadUtils.newSingleThreadScheduledExecutor("sim-timer");
        this.ioFactory = new Nio2ServiceFactoryFactory(() -> ThreadUtils.noClose(nioExecutor));
        this.stateFile = options.keepState ? new FleetStateFile(options.dataDir) : null;
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
        List<FleetSpec.HostSpec> all = new ArrayList<>(spec.hosts);
        all.addAll(spec.hmcs);
        all.parallelStream().forEach(hs -> {
            KeyPair kp = shared != null ? shared : FleetKeys.loadOrCreate(dir.resolve("hostkeys").resolve(hs.name), hs.name);
            synchronized (hostKeys) {
                hostKeys.put(hs.name, kp);
            }
        });
        FleetState saved = savedState();
        Map<String, FleetState.Host> savedHosts = new LinkedHashMap<>();
        if (saved != null) {
            saved.hosts().forEach(sh -> savedHosts.put(sh.name(), sh));
        }
        for (FleetSpec.HostSpec hs : spec.hosts) {
            if (options.randomPorts) {
                hs.port = 0;
            }
            SimulatedHost model = spec.buildHost(hs, scale());
            HostRuntime h = new HostRuntime(this, hs, model, hostKeys.get(hs.name));
            if (savedHosts.containsKey(hs.name)) {
                FleetState.apply(savedHosts.get(hs.name), model, h.runs());
            }
            recorded(model);
            h.runs().onRunEnded(this::stateChanged);
            h.authorizedKeys.addAll(fleetKeys);
            hs.authorizedKeys.stream().map(FleetKeys::parsePublic).forEach(h.authorizedKeys::add);
            hosts.put(hs.name, h);
        }
        for (FleetSpec.HostSpec hs : spec.hmcs) {
            if (options.randomPorts) {
                hs.port = 0;
            }
            HostRuntime h = new HostRuntime(this, hs, spec.buildHost(hs, scale()), hostKeys.get(hs.name));
            h.authorizedKeys.addAll(fleetKeys);
            hmcs.put(hs.name, h);
        }
        if (saved == null) {
            resetDataCentre();
        } else {
            restoreDataCentre(saved);
        }
        spec.faults.forEach(fs -> faults.add(fs.toRule()));
        List<HostRuntime> list = new ArrayList<>(hosts.values());
        list.addAll(hmcs.values());
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
        writeInventory();
        started = true;
        if (stateFile != null) {
            saveState();
            LOG.info("simulator state {} {}", stateFile.path(), saved != null
                    ? "restored (saved " + saved.saved() + "): WPARs, file systems and images as they were"
                    : "new, from the fleet file");
        }
    }

    // ---------------------------------------------------------------- kept state

    /**
     * The saved state to start from: none without options.keepState, after a reset, when there is no file, when it
     * cannot be read (kept aside as .corrupt), or when it was made from another fleet file (kept aside as .stale;
     * the fleet file wins).
     */
    private FleetState savedState() throws IOException {
        if (stateFile == null) {
            return null;
        }
        fingerprint = FleetFingerprint.of(spec);
        if (options.resetState) {
            stateFile.delete();
            LOG.info("simulator state {} deleted (reset): starting from the fleet file", stateFile.path());
            return null;
        }
        FleetState saved = stateFile.read().orElse(null);
        if (saved == null) {
            return null;
        }
        if (!fingerprint.equals(saved.fleet())) {
            stateFile.setAsideAsStale();
            List<String> then = saved.hosts().stream().map(FleetState.Host::name).toList();
            List<String> now = spec.hosts.stream().map(h -> h.name).toList();
            LOG.warn("simulator state {} was saved from another fleet file ({}): starting from the fleet file, the old"
                            + " state kept as {}; start with --reset to start the database afresh too",
                    stateFile.path(), then.equals(now) ? "same hosts, other definitions" : "hosts then " + then
                            + ", now " + now, stateFile.stalePath().getFileName());
            return null;
        }
        return saved;
    }

    /** NFS mounts as saved (a umount or mount since the fleet file stays), managed systems' states as saved. */
    private void restoreDataCentre(FleetState saved) {
        resetDataCentreSystems();
        for (FleetState.Host sh : saved.hosts()) {
            HostRuntime h = hosts.get(sh.name());
            if (h == null) {
                continue;
            }
            sh.nfsMounts().forEach((local, source) -> {
                int colon = source.indexOf(':');
                dev.wparflow.simulator.dc.NfsCommands.mount(dataCentre, h.model(), source.substring(0, colon),
                        source.substring(colon + 1), local);
            });
        }
        saved.systemStates().forEach((name, state) -> dataCentre.system(name).ifPresent(ms -> ms.state = state));
    }

    /** Notes that the fleet's state may have changed: it is saved {@link #SAVE_DELAY} later (one write per burst). */
    void stateChanged() {
        if (stateFile == null || !started || closing) {
            return;
        }
        if (saveScheduled.compareAndSet(false, true)) {
            try {
                scheduler.schedule(() -> {
                    saveScheduled.set(false);
                    synchronized (saves) {
                        // the save at close is the last: one scheduled before it must not write over it
                        if (!closing) {
                            saveState();
                        }
                    }
                }, SAVE_DELAY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                saveScheduled.set(false);
            }
        }
    }

    /** Writes the state file now (no-op without options.keepState); a failure is logged, the fleet goes on. */
    public void saveState() {
        if (stateFile == null) {
            return;
        }
        synchronized (saves) {
            long t0 = System.nanoTime();
            try {
                List<FleetState.Host> states = hosts.values().stream()
                        .map(h -> FleetState.capture(h.model(), h.runs())).toList();
                Map<String, String> systems = new LinkedHashMap<>();
                synchronized (dataCentre) {
                    dataCentre.systems().forEach((n, ms) -> systems.put(n, ms.state));
                }
                long bytes = stateFile.write(new FleetState(FleetState.FORMAT, fingerprint,
                        java.time.Instant.now(), states, systems));
                saves.record(bytes, System.nanoTime() - t0);
            } catch (IOException | RuntimeException e) {
                LOG.warn("simulator state {} not saved: {}", stateFile.path(), e.toString());
            }
        }
    }

    /** The state file (options.keepState), else null. */
    public Path statePath() {
        return stateFile == null ? null : stateFile.path();
    }

    /** How many state saves, their total time and the last size (docs/simulator.md gives measured figures). */
    public StateSaves stateSaves() {
        return saves;
    }

    /** Counters of the state saves. */
    public static final class StateSaves {
        private long count;
        private long nanos;
        private long lastBytes;

        synchronized void record(long bytes, long tookNanos) {
            count++;
            nanos += tookNanos;
            lastBytes = bytes;
        }

        public synchronized long count() {
            return count;
        }

        public synchronized long totalNanos() {
            return nanos;
        }

        public synchronized long lastBytes() {
            return lastBytes;
        }
    }

    /** Rewrites data/simulator/inventory.yaml (wparflow's inventory format) with every host's current port. */
    public Path writeInventory() throws IOException {
        return FleetInventoryFile.write(this);
    }

    /** The inventory file written at start: wparflow.inventory.file for an application using this fleet. */
    public Path inventoryPath() {
        return options.dataDir.resolve(FleetInventoryFile.FILE_NAME);
    }

    /** Rewrites data/simulator/known_hosts with every host's current port and key. */
    public void writeKnownHosts() throws IOException {
        Map<Integer, PublicKey> byPort = new LinkedHashMap<>();
        hosts.values().forEach(h -> byPort.put(h.port(), h.hostPublicKey()));
        hmcs.values().forEach(h -> byPort.put(h.port(), h.hostPublicKey()));
        FleetKeys.writeKnownHosts(knownHostsPath(), byPort);
    }

    // ---------------------------------------------------------------- API

    /** Managed systems from the spec, the fleet's NFS mounts (and those of WPARs on NFS), no moves. */
    private void resetDataCentre() {
        resetDataCentreSystems();
        for (HostRuntime h : hosts.values()) {
            for (FleetSpec.MountSpec ms : h.spec().nfsMounts) {
                dev.wparflow.simulator.dc.NfsCommands.mount(dataCentre, h.model(), ms.server, ms.remote, ms.local);
            }
            for (dev.wparflow.simulator.model.Wpar w : h.model().wparList()) {
                for (dev.wparflow.simulator.model.WparFileSystem f : w.fileSystems) {
                    if ("nfs".equals(f.vfs()) && f.nfsHost() != null && f.device() != null) {
                        String local = w.type == dev.wparflow.simulator.model.Wpar.Type.APPLICATION ? f.mountPoint()
                                : f.globalPath(w.directory);
                        dev.wparflow.simulator.dc.NfsCommands.mount(dataCentre, h.model(), f.nfsHost(), f.device(), local);
                    }
                }
            }
        }
    }

    /** Managed systems from the spec, no moves. */
    private void resetDataCentreSystems() {
        dataCentre.reset(x -> {
            Map<String, dev.wparflow.simulator.dc.ManagedSystem> m = new LinkedHashMap<>();
            for (FleetSpec.SystemSpec ss : spec.managedSystems) {
                dev.wparflow.simulator.dc.ManagedSystem ms = new dev.wparflow.simulator.dc.ManagedSystem(ss.name);
                ms.typeModel = ss.typeModel;
                ms.serial = ss.serial;
                ms.state = ss.state;
                ms.hmcs.addAll(ss.hmcs);
                m.put(ms.name, ms);
            }
            return m;
        });
    }

    /** Managed systems, HMC pairs, live moves. */
    public dev.wparflow.simulator.dc.DataCentre dataCentre() {
        return dataCentre;
    }

    /** An HMC endpoint (user hscroot). */
    public HostRuntime hmc(String name) {
        HostRuntime h = hmcs.get(name);
        if (h == null) {
            throw new IllegalArgumentException("no simulated HMC " + name);
        }
        return h;
    }

    public Collection<HostRuntime> hmcs() {
        return hmcs.values();
    }

    /** Takes an HMC down (its port refuses connections) or up again; its peer keeps answering. */
    public void setHmcDown(String name, boolean down) throws IOException {
        hmc(name).setDown(down);
    }

    public dev.wparflow.simulator.dc.ManagedSystem managedSystem(String name) {
        return dataCentre.system(name).orElseThrow(() -> new IllegalArgumentException("no managed system " + name));
    }

    /** The NIM master's objects (copies), or an empty list when the fleet has no NIM master. */
    public List<dev.wparflow.simulator.dc.NimDatabase.NimObject> nimObjects() {
        return hosts.values().stream().filter(h -> h.model().nim != null).findFirst()
                .map(h -> h.model().nim.snapshot()).orElse(List.of());
    }

    /** The 7.3.3 state (Defined, Created, Running) of a NIM wpar machine, from its managing LPAR. */
    public String nimWparState(String name) {
        return nimObjects().stream().filter(o -> o.name.equals(name)).findFirst()
                .map(o -> dev.wparflow.simulator.dc.NimCommands.wparState(dataCentre, o))
                .orElseThrow(() -> new IllegalArgumentException("no NIM object " + name));
    }

    /** NFS exports of a host: directory to allowed clients (empty: everyone). */
    public Map<String, List<String>> nfsExports(String host) {
        return Map.copyOf(host(host).model().nfsExports);
    }

    /** NFS mounts of a host: local directory to SERVER:/dir. */
    public Map<String, String> nfsMounts(String host) {
        return Map.copyOf(host(host).model().nfsMounts);
    }

    /** Live moves started and neither completed nor aborted. */
    public List<dev.wparflow.simulator.dc.PendingMove> pendingMoves() {
        return dataCentre.pendingMoves();
    }

    public HostRuntime host(String name) {
        HostRuntime h = hosts.containsKey(name) ? hosts.get(name) : hmcs.get(name);
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

    /** Every WPAR state change on every host since the fleet started or was last reset, in order. */
    public WparStateHistory stateHistory() {
        return stateHistory;
    }

    private SimulatedHost recorded(SimulatedHost model) {
        model.recordStatesInto(stateHistory);
        return model;
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

    /** Back to the fleet file's state: fresh models, no runs, the file's faults only, empty log and history, hosts up. */
    public void reset() throws IOException {
        // a command still running on a replaced model must not write into the new history
        hosts.values().forEach(h -> h.model().recordStatesInto(null));
        stateHistory.clear();
        for (HostRuntime h : hosts.values()) {
            h.replaceModel(recorded(spec.buildHost(h.spec(), scale())));
            h.setDown(h.spec().down);
        }
        for (HostRuntime h : hmcs.values()) {
            h.replaceModel(spec.buildHost(h.spec(), scale()));
            h.setDown(h.spec().down);
        }
        resetDataCentre();
        faults.clear();
        spec.faults.forEach(fs -> faults.add(fs.toRule()));
        log.clear();
        stateChanged();
    }

    /** Changes the time scale of every host (0 = instant, 1 = the nominal durations). */
    public void setTimeScale(double s) {
        hosts.values().forEach(h -> h.model().timing.setScale(s));
        hmcs.values().forEach(h -> h.model().timing.setScale(s));
    }

    /**
     * Holds {@code command} (e.g. "savewpar") on every host: it starts, marks its WPAR, then waits, however short
     * its duration, until {@link #release}; a test looks while it certainly runs. Cleared by {@link #reset}.
     */
    public void hold(String command) {
        hosts.values().forEach(h -> h.model().timing.hold(command));
    }

    /** Lets the held {@code command} finish on every host. */
    public void release(String command) {
        hosts.values().forEach(h -> h.model().timing.release(command));
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

    /**
     * Stops every host. A fleet that keeps its state lets its detached runs finish first (up to {@link #CLOSE_GRACE};
     * those still running then end cancelled, their WPARs as an interrupted command leaves them) and saves its state
     * once nothing runs any more.
     */
    @Override
    public void close() {
        boolean first;
        synchronized (saves) {
            first = !closing;
            closing = true;
        }
        if (stateFile != null && started && first) {
            hosts.values().parallelStream().forEach(HostRuntime::stopServer);
            hmcs.values().forEach(HostRuntime::stopServer);
            try {
                long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
                for (HostRuntime h : hosts.values()) {
                    h.runs().awaitAllEnded(java.time.Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                }
                commandExecutor.shutdownNow();
                commandExecutor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            saveState();
        }
        hosts.values().parallelStream().forEach(HostRuntime::stopServer);
        hmcs.values().forEach(HostRuntime::stopServer);
        hosts.values().forEach(h -> h.runs().clear());
        commandExecutor.shutdownNow();
        scheduler.shutdownNow();
        nioExecutor.shutdownNow();
    }
}
