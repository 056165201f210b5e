package dev.wparflow.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.wparflow.inventory.Inventory;
import dev.wparflow.inventory.InventoryWriter;

/**
 * The running fleet as a wparflow inventory (docs/inventory.md): every LPAR and HMC with its actual loopback port,
 * the managed systems with their HMC pairs, the NIM master, the NFS servers and their exports, and the image
 * repository (the first NFS mount a host has, e.g. lpar02:/images on /images). Written next to known_hosts and
 * client_key at every start, so the application (strict host keys) finds the fleet wherever its ports are.
 */
final class FleetInventoryFile {

    static final String FILE_NAME = "inventory.yaml";

    private FleetInventoryFile() {
    }

    static Inventory of(Fleet fleet) {
        FleetSpec spec = fleet.spec();
        List<Inventory.ManagedSystem> systems = new ArrayList<>();
        List<String> systemNames = new ArrayList<>();
        for (FleetSpec.SystemSpec s : spec.managedSystems) {
            if (!s.hmcs.isEmpty()) {
                systems.add(new Inventory.ManagedSystem(s.name, s.hmcs.subList(0, Math.min(2, s.hmcs.size()))));
                systemNames.add(s.name);
            }
        }
        List<Inventory.Hmc> hmcs = new ArrayList<>();
        for (HostRuntime h : fleet.hmcs()) {
            hmcs.add(new Inventory.Hmc(h.name(), "127.0.0.1", h.port(), Inventory.DEFAULT_HMC_USER));
        }
        List<Inventory.Lpar> lpars = new ArrayList<>();
        List<Inventory.NimMaster> nims = new ArrayList<>();
        List<Inventory.NfsServer> nfs = new ArrayList<>();
        Inventory.ImageRepository repo = null;
        for (HostRuntime h : fleet.hosts()) {
            FleetSpec.HostSpec hs = h.spec();
            String ms = hs.managedSystem != null && systemNames.contains(hs.managedSystem) ? hs.managedSystem : null;
            lpars.add(new Inventory.Lpar(h.name(), "127.0.0.1", h.port(), Inventory.DEFAULT_LPAR_USER, ms));
            if (hs.nimMaster) {
                nims.add(new Inventory.NimMaster(h.name(), "127.0.0.1", h.port(), Inventory.DEFAULT_LPAR_USER));
            }
            if (!hs.nfsExports.isEmpty()) {
                List<Inventory.Export> exports = new ArrayList<>();
                hs.nfsExports.forEach(e -> exports.add(new Inventory.Export(e.path, e.clients)));
                nfs.add(new Inventory.NfsServer(h.name(), exports));
            }
        }
        outer:
        for (HostRuntime h : fleet.hosts()) {
            for (FleetSpec.MountSpec m : h.spec().nfsMounts) {
                boolean exported = nfs.stream().anyMatch(s -> s.name().equals(m.server)
                        && s.exports().stream().anyMatch(e -> e.path().equals(m.remote)));
                if (exported) {
                    repo = new Inventory.ImageRepository(m.server, m.remote, m.local);
                    break outer;
                }
            }
        }
        return new Inventory(systems, hmcs, lpars, nims, nfs, repo);
    }

    static Path write(Fleet fleet) throws IOException {
        Path file = fleet.dataDir().resolve(FILE_NAME);
        InventoryWriter.write(of(fleet), file, "wparflow inventory of the simulated fleet, rewritten at every start of"
                + " the simulator (docs/inventory.md).\nHosts answer on 127.0.0.1; keys: known_hosts and client_key"
                + " next to this file.");
        return file;
    }
}
