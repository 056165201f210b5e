package dev.wparflow.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Writes an inventory in the format {@link InventoryReader} reads (used by the embedded simulator at each start). */
public final class InventoryWriter {

    private InventoryWriter() {
    }

    public static String toYaml(Inventory inv, String headerComment) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> systems = new ArrayList<>();
        inv.managedSystems().forEach(s -> systems.add(ordered("name", s.name(), "hmcs", s.hmcs())));
        List<Object> hmcs = new ArrayList<>();
        inv.hmcs().forEach(h -> hmcs.add(ordered("name", h.name(), "host", h.host(), "port", h.port(), "user", h.user())));
        List<Object> lpars = new ArrayList<>();
        inv.lpars().forEach(l -> {
            Map<String, Object> m = ordered("name", l.name(), "host", l.host(), "port", l.port(), "user", l.user());
            if (l.managedSystem() != null) {
                m.put("managed-system", l.managedSystem());
            }
            lpars.add(m);
        });
        List<Object> nims = new ArrayList<>();
        inv.nimMasters().forEach(n -> nims.add(inv.lpar(n.name()).isPresent() ? ordered("name", n.name())
                : ordered("name", n.name(), "host", n.host(), "port", n.port(), "user", n.user())));
        List<Object> nfs = new ArrayList<>();
        inv.nfsServers().forEach(s -> {
            List<Object> exports = new ArrayList<>();
            s.exports().forEach(e -> exports.add(ordered("path", e.path(), "clients", e.clients())));
            nfs.add(ordered("name", s.name(), "exports", exports));
        });
        root.put("managed-systems", systems);
        root.put("hmcs", hmcs);
        root.put("lpars", lpars);
        root.put("nim-masters", nims);
        root.put("nfs-servers", nfs);
        if (inv.imageRepository() != null) {
            Inventory.ImageRepository r = inv.imageRepository();
            root.put("image-repository", ordered("server", r.server(), "export", r.export(), "mount-point", r.mountPoint()));
        }
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(0);
        o.setWidth(120);
        StringBuilder sb = new StringBuilder();
        if (headerComment != null) {
            headerComment.lines().forEach(l -> sb.append("# ").append(l).append('\n'));
        }
        return sb.append(new Yaml(o).dump(root)).toString();
    }

    /** Writes atomically (temporary file, then move), so a reader never sees half a file. */
    public static void write(Inventory inv, Path file, String headerComment) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".inventory", ".yaml");
        try {
            Files.writeString(tmp, toYaml(inv, headerComment), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
