package dev.wparflow.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * One MINA {@link SshClient}; per host one authenticated {@link ClientSession} shared by all commands
 * to that host as separate exec channels (OpenSSH ControlMaster and its slaves, in process). A session
 * opens on first use, closes after {@code control-persist} without a command, and is reopened
 * transparently if the peer dropped it. At most {@code max-channels-per-host} commands run at once per
 * host; the others wait their turn.
 *
 * <p>A command whose connection is lost while it runs is not re-sent, unless the caller marked it an
 * idempotent read ({@link CommandOptions#idempotentRead()}) or idempotent by a key of its own
 * ({@link CommandOptions#idempotentByKey()}). A command that was never sent (the session
 * turned out dead when the channel was opened) is sent once on a fresh session.
 */
public class SshSessionPool implements RemoteShell, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SshSessionPool.class);

    /** Channel refusals on a live session tolerated per command (backoff 10 ms doubling to 200 ms, ~0.9 s in all). */
    private static final int MAX_CHANNEL_REFUSALS = 8;

    private final SshProperties props;
    private final List<SshEndpointResolver> resolvers;
    private final Redactor redactor;
    private final MeterRegistry meters;
    private final SshClient client;
    private final List<KeyPair> identities = new CopyOnWriteArrayList<>();
    private final String password;
    private final String passphrase;
    private final List<Path> pendingIdentityFiles = new java.util.ArrayList<>();
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reaper;
    private final AtomicLong connects = new AtomicLong();
    private final ServerKeyVerifier hostKeys;

    public SshSessionPool(SshProperties props, SshEndpointResolver resolver) {
        this(props, List.of(resolver), new Redactor(props.getRedactPatterns()), null, null);
    }

    /**
     * @param resolvers asked in order; the first that knows a name wins
     * @param meters    null: a private SimpleMeterRegistry
     * @param agent     null: no ssh-agent (see {@link UnixSocketSshAgent#factory})
     */
    public SshSessionPool(SshProperties props, List<SshEndpointResolver> resolvers, Redactor redactor,
            MeterRegistry meters, SshAgentFactory agent) {
        this.props = props;
        this.resolvers = List.copyOf(resolvers);
        this.redactor = redactor;
        this.meters = meters != null ? meters : new SimpleMeterRegistry();
        this.passphrase = Secrets.read("passphrase", props.getPassphraseEnv(), props.getPassphraseFile());
        this.password = Secrets.read("password", props.getPasswordEnv(), props.getPasswordFile());
        redactor.registerSecret(passphrase);
        redactor.registerSecret(password);
        loadIdentities(passphrase);

        client = SshClient.setUpDefaultClient();
        CoreModuleProperties.TCP_NODELAY.set(client, props.isTcpNoDelay());
        CoreModuleProperties.SOCKET_KEEPALIVE.set(client, props.isSocketKeepAlive());
        // ControlPersist decides when an idle session closes, not MINA's 10-minute idle timeout
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
        CoreModuleProperties.AUTH_TIMEOUT.set(client, props.getAuthTimeout());
        CoreModuleProperties.CHANNEL_OPEN_TIMEOUT.set(client, props.getChannelOpenTimeout());
        if (!props.getKeepAliveInterval().isZero()) {
            CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, props.getKeepAliveInterval());
            CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, props.getKeepAliveCountMax());
        }
        // no ~/.ssh/config, no interactive prompts: everything comes from wparflow.ssh.*
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setUserInteraction(null);
        client.setKeyIdentityProvider(session -> currentIdentities());
        this.hostKeys = verifier(props);
        client.setServerKeyVerifier(hostKeys);
        if (agent != null) {
            client.setAgentFactory(agent);
        }
        client.start();

        reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ssh-control-persist");
            t.setDaemon(true);
            return t;
        });
        if (identities.isEmpty() && pendingIdentityFiles.isEmpty() && agent == null && password == null) {
            log.warn("SSH pool has no identity: no key file (wparflow.ssh.identities), no ssh-agent, no password;"
                    + " every connection will fail with AUTH_FAILED unless keys are added in memory");
        }
        long every = props.effectiveReapInterval().toMillis();
        reaper.scheduleWithFixedDelay(this::reap, every, every, TimeUnit.MILLISECONDS);

        Gauge.builder("wparflow.ssh.sessions.open", this, p -> p.openSessions())
                .description("Authenticated SSH sessions (master connections) open").register(this.meters);
        Gauge.builder("wparflow.ssh.channels.in_use", this, p -> p.channelsInUse())
                .description("Exec channels in use over all hosts").register(this.meters);
        log.info("SSH pool: control-persist {}, max {} channels per host, host keys {} ({}), {} identit{}{}{}",
                SshDurations.format(props.getControlPersist()), props.getMaxChannelsPerHost(),
                props.getHostKeyPolicy(), props.getKnownHosts(), identities.size(),
                identities.size() == 1 ? "y" : "ies", agent != null ? ", ssh-agent" : "",
                password != null ? ", password" : "");
    }

    private static ServerKeyVerifier verifier(SshProperties props) {
        if (props.getHostKeyPolicy() == HostKeyPolicy.ACCEPT_ALL) {
            log.warn("wparflow.ssh.host-key-policy=accept-all: host keys are NOT checked (simulator only)");
            return AcceptAllServerKeyVerifier.INSTANCE;
        }
        Path file = Path.of(expandHome(props.getKnownHosts()));
        if (props.getHostKeyPolicy() == HostKeyPolicy.ACCEPT_NEW && file.getParent() != null) {
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new IllegalStateException("cannot create the directory of " + file, e);
            }
        }
        return new HostKeyVerifier(props.getHostKeyPolicy(), file);
    }

    static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    private void loadIdentities(String passphrase) {
        List<String> configured = props.getIdentities();
        List<String> files = configured.isEmpty()
                ? List.of("~/.ssh/id_ed25519", "~/.ssh/id_ecdsa", "~/.ssh/id_rsa")
                : configured;
        for (String f : files) {
            Path p = Path.of(expandHome(f));
            if (!Files.isReadable(p)) {
                if (!configured.isEmpty()) {
                    // e.g. the embedded simulator writes its client key after we start: load it on first connect
                    log.warn("SSH identity file {} is not readable (yet); it is tried again at each connect", p);
                    pendingIdentityFiles.add(p);
                }
                continue;
            }
            try {
                loadIdentity(p, passphrase);
            } catch (IllegalStateException e) {
                if (!configured.isEmpty()) {
                    throw e;
                }
                log.warn(e.getMessage());
            }
        }
    }

    private void loadIdentity(Path p, String passphrase) {
        try (InputStream in = Files.newInputStream(p)) {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(p.toString()),
                    in, passphrase == null ? null : FilePasswordProvider.of(passphrase));
            keys.forEach(identities::add);
        } catch (Exception e) {
            // the cause never holds the passphrase; say only what to fix
            throw new IllegalStateException("cannot load SSH identity " + p + " (" + e.getClass().getSimpleName()
                    + "): if it is encrypted, provide its passphrase through wparflow.ssh.passphrase-env or"
                    + " wparflow.ssh.passphrase-file");
        }
    }

    /** Configured key files that were missing at start, loaded once they appear. */
    private List<KeyPair> currentIdentities() {
        if (!pendingIdentityFiles.isEmpty()) {
            synchronized (pendingIdentityFiles) {
                for (java.util.Iterator<Path> it = pendingIdentityFiles.iterator(); it.hasNext();) {
                    Path p = it.next();
                    if (Files.isReadable(p)) {
                        try {
                            loadIdentity(p, passphrase);
                            log.info("SSH identity {} loaded", p);
                        } catch (IllegalStateException e) {
                            log.error(e.getMessage());
                        }
                        it.remove();
                    }
                }
            }
        }
        return identities;
    }

    /** Adds a key pair held in memory (the simulator, the benchmark, tests). */
    public void addIdentity(KeyPair keyPair) {
        identities.add(keyPair);
    }

    public Redactor redactor() {
        return redactor;
    }

    public SshProperties properties() {
        return props;
    }

    // ---------------------------------------------------------------- commands

    @Override
    public CommandResult run(String endpointName, String command, CommandOptions options) {
        return run(resolve(endpointName), command, options);
    }

    /** Runs on an endpoint not (necessarily) known to the resolvers, keyed by its name. */
    public CommandResult run(SshEndpoint endpoint, String command, CommandOptions options) {
        CommandOptions opts = options == null ? CommandOptions.DEFAULT : options;
        String shown = redactor.redact(command);
        Duration timeout = opts.timeout() != null ? opts.timeout() : props.getExecTimeout();
        Host host = host(endpoint.name());
        long start = System.nanoTime();
        try {
            acquireChannel(host, endpoint, shown, timeout);
            try {
                return runOnSession(host, endpoint, command, shown, timeout, opts, start);
            } finally {
                host.channels.release();
            }
        } catch (SshException e) {
            meters.counter("wparflow.ssh.failures", "host", endpoint.name(), "type", e.failure().name()).increment();
            SshException withCommand = e.withCommand(shown, timeout);
            log.warn("{}", withCommand.getMessage());
            throw withCommand;
        }
    }

    private void acquireChannel(Host host, SshEndpoint endpoint, String shown, Duration timeout) {
        try {
            if (!host.channels.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new SshException(SshFailure.COMMAND_TIMEOUT, endpoint.name(), shown, timeout,
                        "all " + props.getMaxChannelsPerHost() + " channels to the host stayed busy; command not sent");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshException(SshFailure.COMMAND_TIMEOUT, endpoint.name(), shown, timeout,
                    "interrupted while waiting for a channel; command not sent", e);
        }
    }

    private CommandResult runOnSession(Host host, SshEndpoint endpoint, String command, String shown,
            Duration timeout, CommandOptions opts, long start) {
        int readRetries = opts.idempotent() ? Math.max(0, props.getReadRetries()) : 0;
        int resent = 0;
        boolean notSentRetried = false;
        int refusals = 0;
        while (true) {
            ClientSession session = host.lease(endpoint);
            try {
                CommandResult r = exec(host, session, endpoint, command, shown, timeout, start, opts.stdin());
                host.commands.incrementAndGet();
                host.timer.record(r.duration());
                return r;
            } catch (NotSent e) {
                if (e.refusedOnLiveSession) {
                    // the host refused one more channel on a live session: its MaxSessions is below
                    // max-channels-per-host, or (seen with OpenSSH at exactly MaxSessions) it has not yet freed
                    // a just-closed channel. The session and its other channels are fine; try again shortly.
                    if (++refusals > MAX_CHANNEL_REFUSALS) {
                        throw new SshException(SshFailure.CONNECT_REFUSED, endpoint.name(), shown, timeout,
                                "the host refused a new channel (" + e.getMessage() + "); is its sshd MaxSessions lower"
                                        + " than wparflow.ssh.max-channels-per-host (" + props.getMaxChannelsPerHost()
                                        + ")? Command not sent", e.getCause());
                    }
                    log.debug("{}: channel refused ({}), try {} of {}", endpoint.name(), e.getMessage(), refusals,
                            MAX_CHANNEL_REFUSALS);
                    pause(Math.min(200, 5L << refusals));
                    continue;
                }
                host.invalidate(session, "channel could not be opened: " + e.getMessage());
                if (notSentRetried) {
                    throw new SshException(SshFailure.CONNECTION_LOST, endpoint.name(), shown, timeout,
                            "could not open a channel on a fresh session either; command not sent", e.getCause());
                }
                notSentRetried = true;
                log.info("{}: session was dead before `{}` was sent; sending it on a new session",
                        endpoint.name(), shown);
            } catch (SshException e) {
                if (e.failure() == SshFailure.CONNECTION_LOST && readRetries-- > 0) {
                    host.invalidate(session, "connection lost");
                    resent++;
                    log.warn("{}: connection lost while `{}` ran; it is idempotent, sending it again",
                            endpoint.name(), shown);
                    continue;
                }
                if (e.failure() == SshFailure.CONNECTION_LOST && resent > 0) {
                    throw new SshException(SshFailure.CONNECTION_LOST, endpoint.name(), shown, timeout,
                            "connection lost while the command ran, also after sending it again " + resent
                                    + " time(s) on a fresh session (it is idempotent: sending it again is safe)", e);
                }
                throw e;
            } finally {
                host.release();
            }
        }
    }

    /** The command was certainly not sent. */
    private static final class NotSent extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean refusedOnLiveSession;

        NotSent(String message, Throwable cause, boolean refusedOnLiveSession) {
            super(message, cause);
            this.refusedOnLiveSession = refusedOnLiveSession;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CommandResult exec(Host host, ClientSession session, SshEndpoint ep, String command, String shown,
            Duration timeout, long start, String stdin) throws NotSent {
        ChannelExec channel;
        try {
            channel = session.createExecChannel(command);
        } catch (IOException e) {
            throw new NotSent(String.valueOf(e.getMessage()), e, false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        channel.setOut(out);
        channel.setErr(err);
        try {
            OpenFuture opened = channel.open();
            if (!opened.await(props.getChannelOpenTimeout())) {
                // the server may still confirm and run it: not "not sent". An unanswered open means a stuck session.
                channel.close(true);
                host.invalidate(session, "channel open not confirmed");
                throw new SshException(SshFailure.CONNECTION_LOST, ep.name(), shown, props.getChannelOpenTimeout(),
                        "the session did not confirm a new channel in time; closed it");
            }
            if (!opened.isOpened()) {
                channel.close(true);
                if (!session.isOpen() || session.isClosing()) {
                    throw new NotSent("session closed", opened.getException(), false);
                }
                // the server refused the channel (e.g. MaxSessions) on a live session: the command did not run
                throw new NotSent(String.valueOf(opened.getException()), opened.getException(), true);
            }
            try (java.io.OutputStream in = channel.getInvertedIn()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    in.flush();
                }
                // closing sends EOF on stdin (without stdin text: as ssh host cmd </dev/null)
            } catch (IOException ignored) {
                // the command may already have finished
            }
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout.toMillis());
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                channel.close(true);
                throw new SshException(SshFailure.COMMAND_TIMEOUT, ep.name(), shown, timeout,
                        "no exit status in time; channel closed (the remote process may still be running)");
            }
            Integer status = channel.getExitStatus();
            if (status == null) {
                String signal = channel.getExitSignal();
                if (signal != null) {
                    status = 128 + signalNumber(signal);
                } else {
                    boolean sessionGone = !session.isOpen() || session.isClosing();
                    throw new SshException(SshFailure.CONNECTION_LOST, ep.name(), shown, timeout, sessionGone
                            ? "connection lost while the command ran; it may or may not have run, it was not re-sent"
                            : "channel closed without an exit status; it may or may not have run, it was not re-sent");
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (log.isDebugEnabled()) {
                log.debug("{}: `{}` exit {} in {} ms", ep.name(), shown, status, took.toNanos() / 1e6);
            }
            return new CommandResult(ep.name(), shown, status, out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8), took);
        } catch (IOException e) {
            channel.close(true);
            boolean sessionGone = !session.isOpen() || session.isClosing();
            throw new SshException(SshFailure.CONNECTION_LOST, ep.name(), shown, timeout,
                    (sessionGone ? "connection lost: " : "channel failed: ") + e.getMessage(), e);
        }
    }

    private static int signalNumber(String signal) {
        return switch (signal.toUpperCase()) {
            case "HUP" -> 1;
            case "INT" -> 2;
            case "QUIT" -> 3;
            case "ABRT" -> 6;
            case "KILL" -> 9;
            case "SEGV" -> 11;
            case "PIPE" -> 13;
            case "ALRM" -> 14;
            case "TERM" -> 15;
            default -> 127;
        };
    }

    // ---------------------------------------------------------------- sessions

    private SshEndpoint resolve(String name) {
        for (SshEndpointResolver r : resolvers) {
            Optional<SshEndpoint> e = r.find(name);
            if (e.isPresent()) {
                return e.get();
            }
        }
        throw new IllegalArgumentException("no SSH endpoint named '" + name + "' (inventory or wparflow.ssh.endpoints)");
    }

    private Host host(String name) {
        return hosts.computeIfAbsent(name, Host::new);
    }

    private ClientSession openSession(SshEndpoint ep) {
        long t0 = System.nanoTime();
        meters.counter("wparflow.ssh.connects", "host", ep.name()).increment();
        connects.incrementAndGet();
        ConnectFuture cf;
        try {
            cf = client.connect(ep.user(), ep.host(), ep.port(),
                    AttributeRepository.ofKeyValuePair(HostKeyVerifier.ENDPOINT, ep));
            if (!cf.await(props.getConnectTimeout())) {
                cf.cancel();
                throw new SshException(SshFailure.CONNECT_TIMEOUT, ep.name(), null, props.getConnectTimeout(),
                        "no TCP connection to " + ep.host() + ":" + ep.port());
            }
        } catch (InterruptedIOException e) {
            throw new SshException(SshFailure.CONNECT_TIMEOUT, ep.name(), null, props.getConnectTimeout(),
                    "interrupted while connecting to " + ep.host() + ":" + ep.port(), e);
        } catch (IOException e) {
            throw connectFailure(ep, e);
        }
        if (cf.getException() != null) {
            throw connectFailure(ep, cf.getException());
        }
        ClientSession s = cf.getSession();
        s.setAttribute(HostKeyVerifier.ENDPOINT, ep);
        try {
            if (password != null) {
                s.addPasswordIdentity(password);
            }
            AuthFuture auth = s.auth();
            boolean done = auth.await(props.getAuthTimeout());
            HostKeyVerifier.Refusal refusal = hostKeys instanceof HostKeyVerifier v ? v.take(s) : null;
            if (refusal != null) {
                throw new SshException(refusal.failure(), ep.name(), null, null, refusal.message());
            }
            if (!done) {
                throw new SshException(SshFailure.CONNECT_TIMEOUT, ep.name(), null, props.getAuthTimeout(),
                        "connected to " + ep.host() + ":" + ep.port()
                                + " but key exchange and authentication did not complete");
            }
            if (!auth.isSuccess()) {
                Throwable t = auth.getException();
                String m = t == null ? "" : String.valueOf(t.getMessage());
                if (m.contains("authentication") || s.isOpen()) {
                    throw new SshException(SshFailure.AUTH_FAILED, ep.name(), null, null, ep.user() + "@" + ep.host()
                            + ":" + ep.port() + " accepted none of our " + identities.size() + " key(s)"
                            + (password != null ? " or the password" : "") + " (" + m + ")", t);
                }
                throw new SshException(SshFailure.CONNECT_REFUSED, ep.name(), null, null,
                        ep.host() + ":" + ep.port() + " closed the connection during key exchange ("
                                + m + ")", t);
            }
        } catch (SshException e) {
            s.close(true);
            throw e;
        } catch (IOException e) {
            s.close(true);
            if (hostKeys instanceof HostKeyVerifier v) {
                v.take(s);
            }
            throw new SshException(SshFailure.CONNECT_TIMEOUT, ep.name(), null, props.getAuthTimeout(),
                    "interrupted during authentication to " + ep.host() + ":" + ep.port(), e);
        }
        log.info("{}: master session to {} authenticated in {} ms", ep.name(), ep.address(),
                (System.nanoTime() - t0) / 1_000_000);
        return s;
    }

    private static SshException connectFailure(SshEndpoint ep, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof ConnectException || root instanceof UnresolvedAddressException) {
                break;
            }
            root = root.getCause();
        }
        String where = ep.host() + ":" + ep.port();
        if (root instanceof SocketTimeoutException || root instanceof java.nio.channels.InterruptedByTimeoutException) {
            return new SshException(SshFailure.CONNECT_TIMEOUT, ep.name(), null, null, "connecting to " + where, e);
        }
        String why = root instanceof UnresolvedAddressException || root instanceof UnknownHostException
                ? "host name does not resolve"
                : root instanceof NoRouteToHostException ? "no route to host"
                : root instanceof ConnectException ? "connection refused"
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        return new SshException(SshFailure.CONNECT_REFUSED, ep.name(), null, null, where + ": " + why, e);
    }

    /** Opens the master session now, as {@code hmc connect}. */
    public SessionInfo connect(String name) {
        SshEndpoint ep = resolve(name);
        Host h = host(name);
        try {
            h.lease(ep);
        } catch (SshException e) {
            meters.counter("wparflow.ssh.failures", "host", name, "type", e.failure().name()).increment();
            throw e;
        }
        h.release();
        return info(name);
    }

    /**
     * Closes the master session, as {@code hmc disconnect}. With commands running it refuses unless
     * {@code force}: their channels would be cut (CONNECTION_LOST).
     *
     * @return false if there was no session
     */
    public boolean disconnect(String name, boolean force) {
        Host h = hosts.get(name);
        if (h == null) {
            return false;
        }
        h.lock.lock();
        try {
            if (h.session == null) {
                return false;
            }
            if (h.inUse.get() > 0 && !force) {
                throw new IllegalStateException(name + " has " + h.inUse.get()
                        + " command(s) running; disconnect with force to cut them");
            }
            h.closeSession("disconnected by operator");
            return true;
        } finally {
            h.lock.unlock();
        }
    }

    /** Every known name (resolvers and hosts used), sorted. */
    public List<SessionInfo> sessions() {
        Set<String> names = new TreeSet<>(hosts.keySet());
        for (SshEndpointResolver r : resolvers) {
            names.addAll(r.names());
        }
        List<SessionInfo> list = new ArrayList<>();
        for (String n : names) {
            list.add(info(n));
        }
        return list;
    }

    public SessionInfo info(String name) {
        Host h = hosts.get(name);
        String address = null;
        for (SshEndpointResolver r : resolvers) {
            Optional<SshEndpoint> e = r.find(name);
            if (e.isPresent()) {
                address = e.get().address();
                break;
            }
        }
        if (h == null) {
            return SessionInfo.notConnected(name, address);
        }
        return h.info(address);
    }

    /** True if a live, authenticated session to this host exists now (the HMC pair rule). */
    public boolean isConnected(String name) {
        Host h = hosts.get(name);
        return h != null && h.live(h.session);
    }

    public int openSessions() {
        int n = 0;
        for (Host h : hosts.values()) {
            if (h.live(h.session)) {
                n++;
            }
        }
        return n;
    }

    public int channelsInUse() {
        int n = 0;
        for (Host h : hosts.values()) {
            n += h.inUse.get();
        }
        return n;
    }

    /** Sessions opened since start (for tests and the benchmark). */
    public long connectCount() {
        return connects.get();
    }

    private void reap() {
        long persist = props.getControlPersist().toNanos();
        long now = System.nanoTime();
        for (Host h : hosts.values()) {
            if (!h.lock.tryLock()) {
                continue;
            }
            try {
                ClientSession s = h.session;
                if (s == null) {
                    continue;
                }
                if (!h.live(s)) {
                    h.closeSession("closed by the peer");
                } else if (h.inUse.get() == 0 && now - h.lastUsed >= persist) {
                    h.closeSession("idle for control-persist " + SshDurations.format(props.getControlPersist()));
                }
            } catch (RuntimeException e) {
                log.warn("control-persist check of {} failed", h.name, e);
            } finally {
                h.lock.unlock();
            }
        }
    }

    @Override
    public void close() {
        reaper.shutdownNow();
        for (Host h : hosts.values()) {
            h.lock.lock();
            try {
                if (h.session != null) {
                    h.closeSession("shutting down");
                }
            } finally {
                h.lock.unlock();
            }
        }
        client.stop();
    }

    /** Per-host state: the master session, the channel cap, use counters. */
    private final class Host {
        final String name;
        final ReentrantLock lock = new ReentrantLock();
        final Semaphore channels = new Semaphore(Math.max(1, props.getMaxChannelsPerHost()), true);
        final AtomicInteger inUse = new AtomicInteger();
        final AtomicLong commands = new AtomicLong();
        final Timer timer;
        volatile ClientSession session;
        volatile Instant since;
        volatile long lastUsed = System.nanoTime();
        volatile Failed lastFailure;

        Host(String name) {
            this.name = name;
            this.timer = Timer.builder("wparflow.ssh.command").description("SSH command latency").tag("host", name)
                    .publishPercentileHistogram().register(meters);
            Gauge.builder("wparflow.ssh.host.channels.in_use", inUse, AtomicInteger::get).tag("host", name)
                    .register(meters);
        }

        boolean live(ClientSession s) {
            return s != null && s.isOpen() && !s.isClosing();
        }

        /** The live session (opened if need be), with one more user counted. */
        ClientSession lease(SshEndpoint ep) {
            long asked = System.nanoTime();
            lock.lock();
            try {
                ClientSession s = session;
                if (!live(s)) {
                    if (s != null) {
                        closeSession("found closed by the peer; reconnecting");
                    }
                    Failed f = lastFailure;
                    if (f != null && f.at - asked > 0) {
                        // a connect attempt that began while this caller waited for the lock just failed:
                        // share its verdict instead of queueing one more connect-timeout per waiting command
                        throw f.failure;
                    }
                    try {
                        s = openSession(ep);
                    } catch (SshException e) {
                        lastFailure = new Failed(System.nanoTime(), e);
                        throw e;
                    }
                    lastFailure = null;
                    session = s;
                    since = Instant.now();
                    commands.set(0);
                    lastUsed = System.nanoTime();
                }
                inUse.incrementAndGet();
                return s;
            } finally {
                lock.unlock();
            }
        }

        void release() {
            lastUsed = System.nanoTime();
            inUse.decrementAndGet();
        }

        /** Drops this session if it is still the current one. */
        void invalidate(ClientSession s, String why) {
            lock.lock();
            try {
                if (session == s) {
                    closeSession(why);
                }
            } finally {
                lock.unlock();
            }
        }

        /** Caller holds the lock. */
        void closeSession(String why) {
            ClientSession s = session;
            session = null;
            if (s != null) {
                log.info("{}: master session closed ({}), {} command(s) run on it", name, why, commands.get());
                s.close(true);
            }
        }

        SessionInfo info(String address) {
            ClientSession s = session;
            Instant t = since;
            if (!live(s) || t == null) {
                return SessionInfo.notConnected(name, address);
            }
            int busy = inUse.get();
            long idleNanos = busy > 0 ? 0 : Math.max(0, System.nanoTime() - lastUsed);
            long persist = props.getControlPersist().toNanos();
            return new SessionInfo(name, address, true, t, busy, TimeUnit.NANOSECONDS.toSeconds(idleNanos),
                    commands.get(), busy > 0 ? null : TimeUnit.NANOSECONDS.toSeconds(Math.max(0, persist - idleNanos)));
        }
    }

    private record Failed(long at, SshException failure) {
    }

    /** Hosts with state, for diagnostics. */
    Collection<String> hostNames() {
        return hosts.keySet();
    }
}
