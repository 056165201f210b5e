package dev.wparflow.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The running fleet as a wparflow inventory file (the format of docs/inventory.md): every LPAR and HMC with its
 * actual loopback port, the managed systems with their HMC pairs, the NIM master, the NFS servers and their exports,
 * and the image repository (the first NFS mount a host has, e.g. lpar02:/images on /images). Written next to
 * known_hosts and client_key at every start, so the application (strict host keys) finds the fleet wherever its
 * ports are. The simulator writes the documented format itself rather than the application's inventory types: it
 * stands in for a site's hosts and knows nothing of the application.
 */
final class FleetInventoryFile {

    static final String FILE_NAME = "inventory.yaml";
    /** The users an inventory entry gets when it names none (docs/inventory.md). */
    static final String LPAR_USER = "root";
    static final String HMC_USER = "hscroot";

    private FleetInventoryFile() {
    }

    static Map<String, Object> of(Fleet fleet) {
        FleetSpec spec = fleet.spec();
        List<Object> systems = new ArrayList<>();
        List<String> systemNames = new ArrayList<>();
        for (FleetSpec.SystemSpec s : spec.managedSystems) {
            if (!s.hmcs.isEmpty()) {
                systems.add(ordered("name", s.name, "hmcs", List.copyOf(s.hmcs.subList(0, Math.min(2, s.hmcs.size())))));
                systemNames.add(s.name);
            }
        }
        List<Object> hmcs = new ArrayList<>();
        for (HostRuntime h : fleet.hmcs()) {
            hmcs.add(endpoint(h.name(), h.port(), HMC_USER));
        }
        List<Object> lpars = new ArrayList<>();
        List<Object> nims = new ArrayList<>();
        List<Object> nfs = new ArrayList<>();
        for (HostRuntime h : fleet.hosts()) {
            FleetSpec.HostSpec hs = h.spec();
            Map<String, Object> lpar = endpoint(h.name(), h.port(), LPAR_USER);
            if (hs.managedSystem != null && systemNames.contains(hs.managedSystem)) {
                lpar.put("managed-system", hs.managedSystem);
            }
            lpars.add(lpar);
            if (hs.nimMaster) {
                nims.add(ordered("name", h.name()));
            }
            if (!hs.nfsExports.isEmpty()) {
                List<Object> exports = new ArrayList<>();
                hs.nfsExports.forEach(e -> exports.add(ordered("path", e.path, "clients", List.copyOf(e.clients))));
                nfs.add(ordered("name", h.name(), "exports", exports));
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("managed-systems", systems);
        root.put("hmcs", hmcs);
        root.put("lpars", lpars);
        root.put("nim-masters", nims);
        root.put("nfs-servers", nfs);
        Map<String, Object> repository = imageRepository(fleet);
        if (repository != null) {
            root.put("image-repository", repository);
        }
        return root;
    }

    /** The first NFS mount of any host whose server exports that directory: where the images are kept. */
    private static Map<String, Object> imageRepository(Fleet fleet) {
        for (HostRuntime h : fleet.hosts()) {
            for (FleetSpec.MountSpec m : h.spec().nfsMounts) {
                boolean exported = fleet.hosts().stream().anyMatch(s -> s.name().equals(m.server)
                        && s.spec().nfsExports.stream().anyMatch(e -> e.path.equals(m.remote)));
                if (exported) {
                    return ordered("server", m.server, "export", m.remote, "mount-point", m.local);
                }
            }
        }
        return null;
    }

    static String toYaml(Fleet fleet) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(0);
        o.setWidth(120);
        return "# wparflow inventory of the simulated fleet, rewritten at every start of the simulator"
                + " (docs/inventory.md).\n# Hosts answer on 127.0.0.1; keys: known_hosts and client_key next to this"
                + " file.\n" + new Yaml(o).dump(of(fleet));
    }

    /** Writes atomically (temporary file, then move), so the application never reads half a file. */
    static Path write(Fleet fleet) throws IOException {
        Path file = fleet.dataDir().resolve(FILE_NAME);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".inventory", ".yaml");
        try {
            Files.writeString(tmp, toYaml(fleet), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }

    private static Map<String, Object> endpoint(String name, int port, String user) {
        return ordered("name", name, "host", "127.0.0.1", "port", port, "user", user);
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
