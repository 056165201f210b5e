package dev.wparflow.inventory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.HostName;
import dev.wparflow.aix.InvalidArgumentException;
import dev.wparflow.aix.IpAddress;
import dev.wparflow.aix.LparName;
import dev.wparflow.aix.ManagedSystemName;

/**
 * Reads and validates an inventory (schema in docs/inventory.md, example deploy/inventory.example.yaml). Names are
 * checked with the aix validators (LPARs and managed systems: HMC name rules; HMCs, NIM masters, NFS servers: host
 * name rules, since they are SSH endpoint names), hosts are host names or IP addresses, paths absolute, and every
 * reference must resolve (an LPAR's managed system, a managed system's HMCs, the image repository's export). Any
 * problem is an {@link InventoryException} naming the source, the entry and the rule.
 */
public final class InventoryReader {

    private static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,31}");
    private static final Set<String> TOP_KEYS = Set.of("managed-systems", "hmcs", "lpars", "nim-masters",
            "nfs-servers", "image-repository", "file");

    private InventoryReader() {
    }

    public static Inventory read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (root == null) {
                return Inventory.EMPTY;
            }
            if (!(root instanceof Map<?, ?> m)) {
                throw new InventoryException("inventory " + file + ": the top level must be a mapping (managed-systems:, "
                        + "hmcs:, lpars:, …)");
            }
            return fromMap(file.toString(), m);
        } catch (IOException e) {
            throw new InventoryException("inventory " + file + " cannot be read: " + e, e);
        } catch (YAMLException e) {
            throw new InventoryException("inventory " + file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    public static Inventory parse(String source, String yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new InventoryException("inventory " + source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            return Inventory.EMPTY;
        }
        if (!(root instanceof Map<?, ?> m)) {
            throw new InventoryException("inventory " + source + ": the top level must be a mapping");
        }
        return fromMap(source, m);
    }

    /**
     * From a map as YAML gives it, or as Spring binds {@code wparflow.inventory.*} (lists may then arrive as maps with
     * keys 0, 1, … and scalars as strings: both are accepted).
     */
    public static Inventory fromMap(String source, Map<?, ?> root) {
        return new InventoryReader.Parse(source).run(root);
    }

    private static final class Parse {
        private final String source;

        Parse(String source) {
            this.source = source;
        }

        private InventoryException error(String where, String what) {
            return new InventoryException("inventory " + source + ": " + where + ": " + what);
        }

        Inventory run(Map<?, ?> root) {
            for (Object k : root.keySet()) {
                if (!TOP_KEYS.contains(String.valueOf(k))) {
                    throw error(String.valueOf(k), "unknown key; expected one of managed-systems, hmcs, lpars, "
                            + "nim-masters, nfs-servers, image-repository");
                }
            }
            List<Inventory.ManagedSystem> systems = new ArrayList<>();
            List<Inventory.Hmc> hmcs = new ArrayList<>();
            List<Inventory.Lpar> lpars = new ArrayList<>();
            List<Inventory.NimMaster> nims = new ArrayList<>();
            List<Inventory.NfsServer> nfs = new ArrayList<>();

            int i = 0;
            for (Object o : list(root.get("managed-systems"), "managed-systems")) {
                String where = "managed-systems[" + i++ + "]";
                Map<?, ?> m = map(o, where);
                known(m, where, "name", "hmcs");
                String name = required(m, "name", where);
                where += " (" + name + ")";
                check(where, "name", () -> ManagedSystemName.of(name));
                List<String> pair = strings(m.get("hmcs"), where + ".hmcs");
                if (pair.isEmpty() || pair.size() > 2) {
                    throw error(where, "hmcs must list one or two HMCs, preferred first (has " + pair.size() + ")");
                }
                systems.add(new Inventory.ManagedSystem(name, pair));
            }
            i = 0;
            for (Object o : list(root.get("hmcs"), "hmcs")) {
                String where = "hmcs[" + i++ + "]";
                Map<?, ?> m = map(o, where);
                known(m, where, "name", "host", "port", "user");
                String name = required(m, "name", where);
                where += " (" + name + ")";
                String w = where;
                check(where, "name", () -> HostName.of(name));
                hmcs.add(new Inventory.Hmc(name, host(m, w, name), port(m, w), user(m, w, Inventory.DEFAULT_HMC_USER)));
            }
            i = 0;
            for (Object o : list(root.get("lpars"), "lpars")) {
                String where = "lpars[" + i++ + "]";
                Map<?, ?> m = map(o, where);
                known(m, where, "name", "host", "port", "user", "managed-system");
                String name = required(m, "name", where);
                where += " (" + name + ")";
                String w = where;
                check(where, "name", () -> LparName.of(name));
                String ms = optional(m, "managed-system");
                if (ms != null) {
                    check(where, "managed-system", () -> ManagedSystemName.of(ms));
                }
                lpars.add(new Inventory.Lpar(name, host(m, w, name), port(m, w), user(m, w, Inventory.DEFAULT_LPAR_USER),
                        ms));
            }
            Map<String, Inventory.Lpar> lparByName = new LinkedHashMap<>();
            lpars.forEach(l -> lparByName.put(l.name(), l));
            i = 0;
            for (Object o : list(root.get("nim-masters"), "nim-masters")) {
                String where = "nim-masters[" + i++ + "]";
                Map<?, ?> m = map(o, where);
                known(m, where, "name", "host", "port", "user");
                String name = required(m, "name", where);
                where += " (" + name + ")";
                String w = where;
                check(where, "name", () -> HostName.of(name));
                Inventory.Lpar asLpar = lparByName.get(name);
                if (asLpar != null && m.get("host") == null) {
                    nims.add(new Inventory.NimMaster(name, asLpar.host(), asLpar.port(), asLpar.user()));
                } else {
                    nims.add(new Inventory.NimMaster(name, host(m, w, name), port(m, w),
                            user(m, w, Inventory.DEFAULT_LPAR_USER)));
                }
            }
            i = 0;
            for (Object o : list(root.get("nfs-servers"), "nfs-servers")) {
                String where = "nfs-servers[" + i++ + "]";
                Map<?, ?> m = map(o, where);
                known(m, where, "name", "exports");
                String name = required(m, "name", where);
                where += " (" + name + ")";
                check(where, "name", () -> HostName.of(name));
                List<Inventory.Export> exports = new ArrayList<>();
                int j = 0;
                for (Object eo : list(m.get("exports"), where + ".exports")) {
                    String ew = where + ".exports[" + j++ + "]";
                    Map<?, ?> e = map(eo, ew);
                    known(e, ew, "path", "clients");
                    String path = required(e, "path", ew);
                    check(ew, "path", () -> AbsolutePath.of(path));
                    List<String> clients = strings(e.get("clients"), ew + ".clients");
                    for (String c : clients) {
                        check(ew, "client", () -> HostName.of(c));
                    }
                    exports.add(new Inventory.Export(path, clients));
                }
                nfs.add(new Inventory.NfsServer(name, exports));
            }
            Inventory.ImageRepository repo = null;
            if (root.get("image-repository") != null) {
                String where = "image-repository";
                Map<?, ?> m = map(root.get("image-repository"), where);
                known(m, where, "server", "export", "mount-point");
                String server = required(m, "server", where);
                String export = required(m, "export", where);
                String mount = optional(m, "mount-point");
                check(where, "export", () -> AbsolutePath.of(export));
                String mp = mount == null ? export : mount;
                check(where, "mount-point", () -> AbsolutePath.of(mp));
                Inventory.NfsServer srv = nfs.stream().filter(s -> s.name().equals(server)).findFirst()
                        .orElseThrow(() -> error(where, "server " + server + " is not among nfs-servers"));
                if (srv.exports().stream().noneMatch(e -> e.path().equals(export))) {
                    throw error(where, "nfs server " + server + " does not export " + export);
                }
                repo = new Inventory.ImageRepository(server, export, mp);
            }
            Inventory inv = new Inventory(systems, hmcs, lpars, nims, nfs, repo);
            crossCheck(inv);
            return inv;
        }

        private void crossCheck(Inventory inv) {
            unique("managed-systems", inv.managedSystems().stream().map(Inventory.ManagedSystem::name).toList());
            unique("nfs-servers", inv.nfsServers().stream().map(Inventory.NfsServer::name).toList());
            unique("nim-masters", inv.nimMasters().stream().map(Inventory.NimMaster::name).toList());
            List<String> endpoints = new ArrayList<>();
            inv.lpars().forEach(l -> endpoints.add(l.name()));
            inv.hmcs().forEach(h -> endpoints.add(h.name()));
            unique("lpars and hmcs", endpoints);
            Set<String> lparNames = new HashSet<>();
            inv.lpars().forEach(l -> lparNames.add(l.name()));
            for (Inventory.NimMaster n : inv.nimMasters()) {
                if (inv.hmc(n.name()).isPresent()) {
                    throw error("nim-masters (" + n.name() + ")", "name is already an HMC");
                }
            }
            for (Inventory.ManagedSystem s : inv.managedSystems()) {
                for (String h : s.hmcs()) {
                    if (inv.hmc(h).isEmpty()) {
                        throw error("managed-systems (" + s.name() + ")", "HMC " + h + " is not among hmcs");
                    }
                }
                if (s.hmcs().size() == 2 && s.hmcs().get(0).equals(s.hmcs().get(1))) {
                    throw error("managed-systems (" + s.name() + ")", "lists HMC " + s.hmcs().get(0) + " twice");
                }
            }
            for (Inventory.Lpar l : inv.lpars()) {
                if (l.managedSystem() != null && inv.managedSystem(l.managedSystem()).isEmpty()) {
                    throw error("lpars (" + l.name() + ")", "managed-system " + l.managedSystem()
                            + " is not among managed-systems");
                }
            }
        }

        private void unique(String where, Collection<String> names) {
            Map<String, Integer> seen = new TreeMap<>();
            for (String n : names) {
                if (seen.merge(n, 1, Integer::sum) == 2) {
                    throw error(where, "name " + n + " appears more than once");
                }
            }
        }

        private void check(String where, String field, Runnable validation) {
            try {
                validation.run();
            } catch (InvalidArgumentException e) {
                throw error(where, field + ": " + e.getMessage());
            }
        }

        private void known(Map<?, ?> m, String where, String... keys) {
            Set<String> allowed = Set.of(keys);
            for (Object k : m.keySet()) {
                if (!allowed.contains(String.valueOf(k))) {
                    throw error(where, "unknown key '" + k + "'; expected " + String.join(", ", keys));
                }
            }
        }

        private String host(Map<?, ?> m, String where, String name) {
            String host = optional(m, "host");
            String h = host == null ? name : host;
            try {
                if (h.chars().allMatch(c -> Character.isDigit(c) || c == '.') || h.indexOf(':') >= 0) {
                    IpAddress.of(h);
                } else {
                    HostName.of(h);
                }
            } catch (InvalidArgumentException e) {
                throw error(where, "host: " + e.getMessage());
            }
            return h;
        }

        private int port(Map<?, ?> m, String where) {
            Object p = m.get("port");
            if (p == null) {
                return Inventory.DEFAULT_PORT;
            }
            int port;
            try {
                port = p instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(p).trim());
            } catch (NumberFormatException e) {
                throw error(where, "port '" + p + "' is not a number");
            }
            if (port < 1 || port > 65535) {
                throw error(where, "port " + port + " is out of range 1-65535");
            }
            return port;
        }

        private String user(Map<?, ?> m, String where, String dflt) {
            String u = optional(m, "user");
            if (u == null) {
                return dflt;
            }
            if (!USER.matcher(u).matches()) {
                throw error(where, "user '" + printable(u) + "' is not a valid user name");
            }
            return u;
        }

        private String required(Map<?, ?> m, String key, String where) {
            String v = optional(m, key);
            if (v == null) {
                throw error(where, key + " is missing");
            }
            return v;
        }

        private String optional(Map<?, ?> m, String key) {
            Object v = m.get(key);
            if (v == null) {
                return null;
            }
            if (v instanceof Map || v instanceof List) {
                throw error(key, "must be a single value");
            }
            String s = String.valueOf(v).trim();
            return s.isEmpty() ? null : s;
        }

        private static String printable(String s) {
            StringBuilder b = new StringBuilder();
            s.codePoints().limit(80).forEach(c -> {
                if (c < 0x20 || c == 0x7f) {
                    b.append(String.format("\\x%02x", c));
                } else {
                    b.appendCodePoint(c);
                }
            });
            return b.toString();
        }

        private Map<?, ?> map(Object o, String where) {
            if (o instanceof Map<?, ?> m) {
                return m;
            }
            throw error(where, "must be a mapping (key: value), not '" + o + "'");
        }

        /** A YAML list, or a map with keys 0, 1, … (Spring's binding of an indexed property), or null. */
        private List<Object> list(Object o, String where) {
            if (o == null) {
                return List.of();
            }
            if (o instanceof List<?> l) {
                return new ArrayList<>(l);
            }
            if (o instanceof Map<?, ?> m && m.keySet().stream().allMatch(k -> String.valueOf(k).matches("\\d+"))) {
                Map<Integer, Object> sorted = new TreeMap<>();
                m.forEach((k, v) -> sorted.put(Integer.valueOf(String.valueOf(k)), v));
                return new ArrayList<>(sorted.values());
            }
            throw error(where, "must be a list");
        }

        /** A list of scalars, or a comma-separated string. */
        private List<String> strings(Object o, String where) {
            if (o instanceof String s) {
                List<String> out = new ArrayList<>();
                for (String p : s.split(",")) {
                    if (!p.isBlank()) {
                        out.add(p.trim());
                    }
                }
                return out;
            }
            List<String> out = new ArrayList<>();
            for (Object x : list(o, where)) {
                if (x instanceof Map || x instanceof List) {
                    throw error(where, "must be a list of names");
                }
                out.add(String.valueOf(x).trim());
            }
            return out;
        }
    }
}
