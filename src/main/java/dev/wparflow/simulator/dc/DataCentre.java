package dev.wparflow.simulator.dc;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.wparflow.simulator.model.SimulatedHost;

/**
 * What lies around the LPARs (simulator part 2): managed systems and their HMC pairs, the other hosts (to resolve
 * an NFS server, a setclock time server, a NIM managing system, a movewpar departing address) and the live moves in
 * flight. One per fleet; the commands reach it through {@code Services.dataCentre()}.
 */
public final class DataCentre {
    private final Map<String, ManagedSystem> systems = new LinkedHashMap<>();
    private final List<PendingMove> moves = new CopyOnWriteArrayList<>();
    private final Supplier<List<SimulatedHost>> lpars;
    private final Predicate<String> up;
    private final SecureRandom random = new SecureRandom();

    public DataCentre(Supplier<List<SimulatedHost>> lpars, Predicate<String> up) {
        this.lpars = lpars;
        this.up = up;
    }

    public synchronized Map<String, ManagedSystem> systems() {
        return systems;
    }

    public Optional<ManagedSystem> system(String name) {
        synchronized (this) {
            return Optional.ofNullable(systems.get(name));
        }
    }

    /** LPAR models, in fleet order (HMCs excluded). */
    public List<SimulatedHost> lpars() {
        return lpars.get();
    }

    /** An LPAR by name, hostname or IP address. */
    public Optional<SimulatedHost> lpar(String nameHostOrIp) {
        return lpars().stream().filter(h -> h.name.equals(nameHostOrIp) || nameHostOrIp.equals(h.hostname)
                || nameHostOrIp.equals(h.ip)).findFirst();
    }

    /** True when the host's SSH endpoint is up (an LPAR that is down is "Not Activated" on its HMC). */
    public boolean isUp(String hostName) {
        return up.test(hostName);
    }

    // ---------------------------------------------------------------- moves

    public PendingMove registerMove(String wpar, SimulatedHost departing, String logFile) {
        byte[] b = new byte[8];
        random.nextBytes(b);
        PendingMove m = new PendingMove(HexFormat.of().formatHex(b), wpar, departing.name, departing.ip, logFile);
        moves.add(m);
        return m;
    }

    public Optional<PendingMove> moveByKey(String key) {
        return moves.stream().filter(m -> m.key.equalsIgnoreCase(key)).findFirst();
    }

    /** The newest move of {@code wpar} that involves {@code host} and is still open, or was aborted. */
    public Optional<PendingMove> moveFor(String wpar, String host) {
        List<PendingMove> l = new ArrayList<>(moves);
        for (int i = l.size() - 1; i >= 0; i--) {
            PendingMove m = l.get(i);
            if (m.wpar.equals(wpar) && m.phase != PendingMove.Phase.COMPLETED
                    && (m.departingHost.equals(host) || host.equals(m.arrivingHost) || m.arrivingHost == null)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Moves not completed nor aborted. */
    public List<PendingMove> pendingMoves() {
        return moves.stream().filter(PendingMove::open).toList();
    }

    public List<PendingMove> allMoves() {
        return List.copyOf(moves);
    }

    /** Forget the moves and reset the systems (fleet reset). */
    public synchronized void reset(Function<Void, Map<String, ManagedSystem>> fresh) {
        moves.forEach(PendingMove::abort);
        moves.clear();
        systems.clear();
        systems.putAll(fresh.apply(null));
    }
}
