package dev.wparflow.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.sshd.server.SshServer;

import dev.wparflow.simulator.command.Commands;
import dev.wparflow.simulator.command.Invocation;
import dev.wparflow.simulator.command.Services;
import dev.wparflow.simulator.command.ShellParser;
import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.simulator.fault.FaultType;
import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.Timing;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.simulator.run.RunManager;
import dev.wparflow.simulator.ssh.SimSshServers;

/**
 * One running simulated LPAR: its model, its SSH server, its detached runs. Runs command lines
 * through the shell parser, the command log and the fault rules, then the command registry.
 */
public final class HostRuntime implements Services {
    private final Fleet fleet;
    private final FleetSpec.HostSpec spec;
    private volatile SimulatedHost model;
    private final RunManager runs;
    final KeyPair hostKey;
    final List<PublicKey> authorizedKeys = new CopyOnWriteArrayList<>();
    private volatile SshServer server;
    private volatile int port;
    private volatile boolean down;
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

    HostRuntime(Fleet fleet, FleetSpec.HostSpec spec, SimulatedHost model, KeyPair hostKey) {
        this.fleet = fleet;
        this.spec = spec;
        this.model = model;
        this.hostKey = hostKey;
        this.runs = new RunManager(fleet.commandExecutor(), this::runDetached);
    }

    /** TCP connections this host's SSH server accepted since the fleet started (tests of session sharing). */
    public int connections() {
        return connections.get();
    }

    /** Called by the SSH server for every accepted connection. */
    public void connectionAccepted() {
        connections.incrementAndGet();
    }

    public String name() {
        return spec.name;
    }

    public SimulatedHost model() {
        return model;
    }

    void replaceModel(SimulatedHost fresh) {
        runs.clear();
        this.model = fresh;
    }

    public int port() {
        return port;
    }

    public Fleet fleet() {
        return fleet;
    }

    public FleetSpec.HostSpec spec() {
        return spec;
    }

    public PublicKey hostPublicKey() {
        return hostKey.getPublic();
    }

    public KeyPair hostPublicKeyPair() {
        return hostKey;
    }

    public List<PublicKey> authorizedKeys() {
        return authorizedKeys;
    }

    public String password() {
        return spec.password != null ? spec.password : fleet.spec().password;
    }

    @Override
    public Commands commands() {
        return fleet.commands();
    }

    @Override
    public dev.wparflow.simulator.fault.Faults faults() {
        return fleet.faults();
    }

    @Override
    public dev.wparflow.simulator.dc.DataCentre dataCentre() {
        return fleet.dataCentre();
    }

    @Override
    public RunManager runs() {
        return runs;
    }

    // ------------------------------------------------------------ state for tests

    /** Copies of the WPARs, in creation order. */
    public List<Wpar> wpars() {
        return model.locked(() -> model.wparList().stream().map(Wpar::copy).toList());
    }

    public Optional<Wpar> wpar(String name) {
        return model.locked(() -> model.wpar(name).map(Wpar::copy));
    }

    /** Name to state letter, e.g. {wpr00=D, skippy=A}. */
    public String states() {
        return model.locked(() -> model.wparList().stream().map(w -> w.name + "=" + w.state().letter())
                .collect(Collectors.joining(", ", "{", "}")));
    }

    public byte[] file(String path) {
        return model.files.read(path);
    }

    public void writeFile(String path, String content) {
        model.files.write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------ server

    void startServer() throws IOException {
        SshServer s = SimSshServers.create(this, fleet, port == 0 ? spec.port : port);
        s.start();
        this.server = s;
        this.port = s.getPort();
    }

    void stopServer() {
        SshServer s = server;
        server = null;
        if (s != null) {
            try {
                s.stop(true);
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /**
     * Fault injection: the WPAR {@code name} goes to Broken as when "a failure occurs and the recovery process fails"
     * (Redbook Table 4-1, RB:2946-2954): {@code lswpar} shows it {@code B} (Example 4-13), its administrative lock is
     * gone, and what it ran is left as it was (an Active WPAR keeps its init, seen by {@code ps -ef -@}). A line naming
     * the failure is appended to {@code /var/adm/WPARs/NAME.log}, one of the places 4.1.2 says to look. False when the
     * host has no such WPAR.
     */
    public boolean breakWpar(String name, String failure) {
        boolean broken = model.locked(() -> model.wpar(name).map(w -> {
            w.setState(dev.wparflow.simulator.model.WparState.BROKEN);
            w.lock = null;
            return true;
        }).orElse(false));
        if (broken) {
            String log = "/var/adm/WPARs/" + name + ".log";
            byte[] old = model.files.read(log);
            model.files.mkdirs("/var/adm/WPARs");
            writeFile(log, (old == null ? "" : new String(old, StandardCharsets.UTF_8))
                    + dev.wparflow.simulator.model.AixDates.now() + " " + name + ": " + failure + "\n");
        }
        return broken;
    }

    /** Host down: stops listening (connections are refused by the OS); up again on the same port. */
    public synchronized void setDown(boolean down) throws IOException {
        if (down == this.down) {
            return;
        }
        this.down = down;
        if (down) {
            stopServer();
        } else {
            startServer();
        }
    }

    public boolean isDown() {
        return down;
    }

    /**
     * A host outage from {@code from} to {@code until} after now (fleet timer; real time, not scaled): down at the
     * first, up again on the same port at the second. Open sessions drop with the listener, as when an LPAR stops.
     */
    public void downBetween(java.time.Duration from, java.time.Duration until) {
        if (until.compareTo(from) <= 0) {
            throw new IllegalArgumentException("an outage ends after it begins: " + from + " .. " + until);
        }
        fleet.scheduler().schedule(() -> toggleDown(true), from.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        fleet.scheduler().schedule(() -> toggleDown(false), until.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void toggleDown(boolean down) {
        try {
            setDown(down);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(name() + ": cannot " + (down ? "stop" : "reopen") + " its port", e);
        }
    }

    // ------------------------------------------------------------ command execution

    /**
     * Runs one command line received over SSH. Returns the exit status, or -1 when the connection
     * was dropped by a fault (no exit status is sent).
     */
    public int runLine(String user, String line, OutputStream out, OutputStream err, Runnable dropConnection) {
        ShellParser.Parsed parsed = ShellParser.parse(line);
        CommandLog.Entry entry = fleet.log().begin(name(), user, line, parsed.argv(), parsed.refusal(), null);
        if (parsed.refused()) {
            write(err, "ksh: wparflow simulator refused the command line: " + parsed.refusal() + "\n");
            fleet.log().end(entry, 2);
            return 2;
        }
        Integer rc = null;
        try {
            Optional<FaultRule> fault = fleet.faults().forCommand(name(), parsed.argv());
            if (fault.isPresent()) {
                Integer faulted = applyFault(fault.get(), parsed.argv(), err);
                if (faulted != null) {
                    rc = faulted;
                    return faulted;
                }
            }
            if (fault.isPresent() && fault.get().type() == FaultType.ABANDON) {
                return abandon(fault.get(), new Invocation(model, user, parsed.argv(), out, err, this, null),
                        dropConnection);
            }
            rc = commands().execute(new Invocation(model, user, parsed.argv(), out, err, this, null));
            if (fault.isPresent() && fault.get().type() == FaultType.DROP_CONNECTION) {
                dropConnection.run();
                rc = null;
                return -1;
            }
            return rc;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } finally {
            fleet.log().end(entry, rc);
            fleet.stateChanged();
        }
    }

    /**
     * {@link FaultType#ABANDON}: the command runs until its first timed phase and stalls there; the connection is
     * closed after the rule's delay, which interrupts it as a dead client's would (the WPAR is left Broken).
     */
    private int abandon(FaultRule f, Invocation inv, Runnable dropConnection) throws InterruptedException {
        CompletableFuture.runAsync(dropConnection,
                CompletableFuture.delayedExecutor(f.latencyMillis(), TimeUnit.MILLISECONDS));
        Timing.stallOnThisThread(true);
        try {
            commands().execute(inv);
            throw new InterruptedException("abandoned");
        } finally {
            Timing.stallOnThisThread(false);
        }
    }

    /** Applies a fault before the command; returns an exit status to answer with, or null to run it. */
    private Integer applyFault(FaultRule f, List<String> argv, OutputStream err) throws InterruptedException {
        switch (f.type()) {
            case CORRUPT -> {
                corruptFile(argv.get(argv.size() - 1));
                return null;
            }
            case LATENCY -> {
                Thread.sleep(f.latencyMillis());
                return null;
            }
            case FAIL -> {
                if (f.message() != null) {
                    write(err, f.message() + "\n");
                }
                return f.exitStatus();
            }
            case IGNORE -> {
                return 0;
            }
            case HANG -> {
                Thread.sleep(Long.MAX_VALUE);
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /** {@link FaultType#CORRUPT}: one byte in the middle of the file changed (a missing file is left alone). */
    private void corruptFile(String path) {
        byte[] content = model.files.read(path);
        if (content == null || content.length == 0) {
            return;
        }
        byte[] damaged = content.clone();
        damaged[damaged.length / 2] ^= 0x20;
        model.files.write(path, damaged);
    }

    /** Exit status of a detached run killed by an {@link FaultType#ABANDON} fault (128 + SIGKILL). */
    public static final int KILLED = 137;

    /**
     * Executes a wparflow-run command on the run executor (no SSH session). Of the connection faults, two have a meaning
     * for a command no connection carries: {@link FaultType#DROP_CONNECTION} cuts every SSH session of the host at the
     * command's first timed phase while the run goes on (a network outage during a long command), and
     * {@link FaultType#ABANDON} stalls the command there and kills it after the rule's delay (the run exits 137, the
     * WPAR it was changing is left Broken, as by a killed command).
     */
    private int runDetached(String runId, List<String> argv, OutputStream out) throws InterruptedException {
        String raw = argv.stream().map(ShellParser::quote).collect(Collectors.joining(" "));
        CommandLog.Entry entry = fleet.log().begin(name(), "wparflow-run", raw, argv, null, runId);
        Integer rc = null;
        try {
            Optional<FaultRule> fault = fleet.faults().forDetachedCommand(name(), argv);
            if (fault.isPresent()) {
                Integer faulted = applyFault(fault.get(), argv, out);
                if (faulted != null) {
                    rc = faulted;
                    return faulted;
                }
            }
            Invocation inv = new Invocation(model, "root", argv, out, out, this, null);
            FaultType type = fault.map(FaultRule::type).orElse(null);
            if (type == FaultType.ABANDON) {
                rc = killedMidway(fault.get(), inv);
                return rc;
            }
            if (type == FaultType.DROP_CONNECTION) {
                Timing.atFirstPauseOnThisThread(this::dropSessions);
            }
            try {
                rc = commands().execute(inv);
            } finally {
                Timing.atFirstPauseOnThisThread(null);
            }
            return rc;
        } finally {
            fleet.log().end(entry, rc);
        }
    }

    /** ABANDON on a detached run: stalled at its first timed phase, killed after the rule's delay. */
    private int killedMidway(FaultRule f, Invocation inv) throws InterruptedException {
        Thread runThread = Thread.currentThread();
        // 0 running, 1 killed, 2 ended by itself: the kill never reaches a thread that has moved on to another run
        java.util.concurrent.atomic.AtomicInteger phase = new java.util.concurrent.atomic.AtomicInteger();
        CompletableFuture<Void> kill = CompletableFuture.runAsync(() -> {
            if (phase.compareAndSet(0, 1)) {
                runThread.interrupt();
            }
        }, CompletableFuture.delayedExecutor(f.latencyMillis(), TimeUnit.MILLISECONDS));
        Timing.stallOnThisThread(true);
        try {
            int rc = commands().execute(inv);
            if (phase.compareAndSet(0, 2)) {
                return rc; // it ended before its first timed phase: nothing to kill
            }
            Thread.interrupted();
            return KILLED;
        } catch (InterruptedException e) {
            if (phase.compareAndSet(0, 2)) {
                throw e; // cancelled before the kill
            }
            Thread.interrupted();
            return KILLED;
        } finally {
            kill.cancel(false);
            Timing.stallOnThisThread(false);
        }
    }

    /** Closes every open SSH session of this host, as a network outage does; the listener stays. */
    public void dropSessions() {
        SshServer s = server;
        if (s != null) {
            s.getActiveSessions().forEach(session -> session.close(true));
        }
    }

    private static void write(OutputStream s, String text) {
        try {
            s.write(text.getBytes(StandardCharsets.UTF_8));
            s.flush();
        } catch (IOException ignored) {
            // channel gone
        }
    }
}
