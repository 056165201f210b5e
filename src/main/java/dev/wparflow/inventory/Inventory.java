package dev.wparflow.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.wparflow.ssh.SshEndpoint;

/**
 * The static inventory: what an administrator declares (or the embedded simulator writes) about the fleet.
 * Managed systems with their HMC pair, HMCs, LPARs (global environments), NIM masters, NFS servers with their
 * exports and the image repository. Immutable; built and validated by {@link InventoryReader}. Every name here is an
 * SSH endpoint name ({@code lpar00}, {@code hmc01}).
 */
public record Inventory(List<ManagedSystem> managedSystems, List<Hmc> hmcs, List<Lpar> lpars,
        List<NimMaster> nimMasters, List<NfsServer> nfsServers, ImageRepository imageRepository) {

    public static final String DEFAULT_LPAR_USER = "root";
    public static final String DEFAULT_HMC_USER = "hscroot";
    public static final int DEFAULT_PORT = 22;

    public static final Inventory EMPTY = new Inventory(List.of(), List.of(), List.of(), List.of(), List.of(), null);

    public Inventory {
        managedSystems = List.copyOf(managedSystems);
        hmcs = List.copyOf(hmcs);
        lpars = List.copyOf(lpars);
        nimMasters = List.copyOf(nimMasters);
        nfsServers = List.copyOf(nfsServers);
    }

    /** A managed system and its HMCs, preferred first (one or two). */
    public record ManagedSystem(String name, List<String> hmcs) {
        public ManagedSystem {
            hmcs = List.copyOf(hmcs);
        }
    }

    /** An HMC: SSH endpoint (user hscroot by default). */
    public record Hmc(String name, String host, int port, String user) {
        public SshEndpoint endpoint() {
            return new SshEndpoint(name, host, port, user);
        }
    }

    /** A global environment (LPAR) running AIX, reached over SSH; {@code managedSystem} may be null. */
    public record Lpar(String name, String host, int port, String user, String managedSystem) {
        public SshEndpoint endpoint() {
            return new SshEndpoint(name, host, port, user);
        }
    }

    /**
     * A NIM master. When its name is also an LPAR of the inventory, host/port/user are that LPAR's (a NIM master is
     * usually an LPAR too).
     */
    public record NimMaster(String name, String host, int port, String user) {
        public SshEndpoint endpoint() {
            return new SshEndpoint(name, host, port, user);
        }
    }

    /** An NFS server (usually an LPAR of the inventory) and what it exports. */
    public record NfsServer(String name, List<Export> exports) {
        public NfsServer {
            exports = List.copyOf(exports);
        }
    }

    /** One export; no clients means every host may mount it. */
    public record Export(String path, List<String> clients) {
        public Export {
            clients = List.copyOf(clients);
        }
    }

    /** Where backup images live: {@code server:export} NFS-mounted at {@code mountPoint} on the hosts. */
    public record ImageRepository(String server, String export, String mountPoint) {
    }

    /** Every SSH endpoint: LPARs, HMCs, NIM masters (a NIM master that is an LPAR appears once). */
    public Map<String, SshEndpoint> endpoints() {
        Map<String, SshEndpoint> m = new LinkedHashMap<>();
        lpars.forEach(l -> m.put(l.name(), l.endpoint()));
        hmcs.forEach(h -> m.put(h.name(), h.endpoint()));
        nimMasters.forEach(n -> m.putIfAbsent(n.name(), n.endpoint()));
        return m;
    }

    public Optional<Lpar> lpar(String name) {
        return lpars.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public Optional<ManagedSystem> managedSystem(String name) {
        return managedSystems.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<Hmc> hmc(String name) {
        return hmcs.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public List<Lpar> lparsOf(String managedSystem) {
        return lpars.stream().filter(l -> managedSystem.equals(l.managedSystem())).toList();
    }
}
