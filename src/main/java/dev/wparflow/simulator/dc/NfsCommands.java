package dev.wparflow.simulator.dc;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.wparflow.simulator.command.Invocation;
import dev.wparflow.simulator.model.MapFileSystem;
import dev.wparflow.simulator.model.SimulatedHost;

/**
 * NFS between simulated hosts (Redbook 2.6, Table 2-1): exports with client lists on a server, mounts that share
 * the server's files. {@code mount [SERVER:/dir LOCAL | -n SERVER /dir LOCAL]}, {@code umount LOCAL},
 * {@code exportfs} (list), {@code showmount -e [SERVER]}; {@code mount -r} mounts read-only. The book does not give /etc/exports syntax (digest
 * 0.1); a refusal prints AIX's {@code mount: 1831-011 access denied for SERVER:/dir} (IBM NFS message catalogue).
 * 1831-008 (server unreachable) is used as IBM's "giving up" message; its exact text is the simulator's choice.
 */
public final class NfsCommands {
    private NfsCommands() {
    }

    /** Mounts {@code server:remote} on {@code local} of {@code client}; returns the refusal line or null. */
    public static String mount(DataCentre dc, SimulatedHost client, String server, String remote, String local) {
        Optional<SimulatedHost> srv = dc == null ? Optional.empty() : dc.lpar(server);
        String r = MapFileSystem.normalize(remote);
        if (srv.isEmpty() || !dc.isUp(srv.get().name)) {
            return "mount: 1831-008 giving up on: " + server + ":" + r;
        }
        SimulatedHost s = srv.get();
        String export = exportFor(s, r);
        if (export == null || !allowed(s.nfsExports.get(export), client)) {
            return "mount: 1831-011 access denied for " + server + ":" + r;
        }
        s.files.mkdirs(r);
        if (s == client) {
            // a host mounting its own export sees its files already; the mount is listed all the same
            client.nfsMounts.put(MapFileSystem.normalize(local), s.name + ":" + r);
            return null;
        }
        client.files.mount(local, new SubtreeFileSystem(s.files, r, local));
        client.nfsMounts.put(MapFileSystem.normalize(local), s.name + ":" + r);
        return null;
    }

    static String exportFor(SimulatedHost server, String path) {
        String best = null;
        for (String e : server.nfsExports.keySet()) {
            if ((path.equals(e) || path.startsWith(e + "/") || "/".equals(e)) && (best == null || e.length() > best.length())) {
                best = e;
            }
        }
        return best;
    }

    static boolean allowed(List<String> clients, SimulatedHost client) {
        return clients == null || clients.isEmpty() || clients.contains(client.name) || clients.contains(client.hostname)
                || clients.contains(client.ip);
    }

    public static void unmount(SimulatedHost client, String local) {
        client.files.unmount(local);
        client.nfsMounts.remove(MapFileSystem.normalize(local));
    }

    public static int mountCommand(Invocation inv) {
        List<String> a = new java.util.ArrayList<>(inv.args());
        // -r: read-only (IBM mount reference); the simulated mount shares the server's files either way
        boolean readOnly = a.remove("-r");
        if (a.isEmpty() && !readOnly) {
            inv.out("  node       mounted        mounted over    vfs       date        options");
            inv.out("-------- ---------------  ---------------  ------ ------------ ---------------");
            for (Map.Entry<String, String> e : inv.host.nfsMounts.entrySet()) {
                String[] sp = e.getValue().split(":", 2);
                inv.out(String.format("%-8s %-16s %-16s %-6s %-12s %s", sp[0], sp[1], e.getKey(), "nfs3", "Jun 18 15:28",
                        "rw,hard,intr"));
            }
            return 0;
        }
        if (a.size() == 1 && !a.get(0).contains(":") && !readOnly) {
            Integer rc = dev.wparflow.simulator.command.SystemBackupCommands.mountWparFileSystem(inv, a.get(0));
            if (rc != null) {
                return rc;
            }
            inv.err("mount: 0506-334 " + a.get(0) + " is not a known file system.");
            return 1;
        }
        String server;
        String remote;
        String local;
        if (a.get(0).equals("-n") && a.size() == 4) {
            server = a.get(1);
            remote = a.get(2);
            local = a.get(3);
        } else if (a.size() == 2 && a.get(0).contains(":")) {
            server = a.get(0).substring(0, a.get(0).indexOf(':'));
            remote = a.get(0).substring(a.get(0).indexOf(':') + 1);
            local = a.get(1);
        } else {
            inv.err("Usage: mount [-n node device directory | node:device directory]");
            return 1;
        }
        String refusal = mount(inv.services.dataCentre(), inv.host, server, remote, local);
        if (refusal != null) {
            inv.err(refusal);
            return 1;
        }
        return 0;
    }

    public static int umountCommand(Invocation inv) {
        if (inv.args().size() != 1) {
            inv.err("Usage: umount directory");
            return 1;
        }
        String local = MapFileSystem.normalize(inv.args().get(0));
        Integer wparFileSystem = dev.wparflow.simulator.command.SystemBackupCommands.unmountWparFileSystem(inv, local);
        if (wparFileSystem != null) {
            return wparFileSystem;
        }
        if (!inv.host.nfsMounts.containsKey(local)) {
            inv.err("umount: 0506-347 Cannot find anything to unmount.");
            return 1;
        }
        unmount(inv.host, local);
        return 0;
    }

    /** {@code exportfs}: one export per line with its access list. */
    public static int exportfs(Invocation inv) {
        inv.host.nfsExports.forEach((dir, clients) -> inv.out(clients.isEmpty() ? dir + " -root"
                : dir + " -root=" + String.join(":", clients) + ",access=" + String.join(":", clients)));
        return 0;
    }

    /** {@code showmount -e [SERVER]}. */
    public static int showmount(Invocation inv) {
        List<String> a = inv.args();
        if (a.isEmpty() || !a.get(0).equals("-e")) {
            inv.err("Usage: showmount -e [host]");
            return 1;
        }
        SimulatedHost s = a.size() > 1 ? inv.services.dataCentre().lpar(a.get(1)).orElse(null) : inv.host;
        if (s == null || !inv.services.dataCentre().isUp(s.name)) {
            inv.err("showmount: 1831-271 RPC: Program not registered");
            return 1;
        }
        inv.out("export list for " + s.hostname + ":");
        s.nfsExports.forEach((dir, clients) -> inv.out(String.format("%-20s %s", dir,
                clients.isEmpty() ? "(everyone)" : String.join(",", clients))));
        return 0;
    }
}
