package dev.wparflow.simulator.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads WPAR specification files (Redbook 7.2, Example 7-1) and /etc/wpars/NAME.cf
 * (Example 7-17): the same stanza format, general / network / resources / mount stanzas.
 */
public final class SpecFile {
    private SpecFile() {
    }

    private static String yn(boolean b) {
        return b ? "yes" : "no";
    }

    public static String write(Wpar w, boolean withMounts) {
        StringBuilder sb = new StringBuilder();
        sb.append("general:\n");
        attr(sb, "name", w.name);
        attr(sb, "checkpointable", yn(w.checkpointable));
        attr(sb, "hostname", w.hostname);
        attr(sb, "privateusr", yn(w.privateUsr));
        attr(sb, "directory", w.directory);
        if (!w.script.isEmpty()) {
            attr(sb, "script", w.script);
        }
        if (!w.application.isEmpty()) {
            attr(sb, "application", w.application);
        }
        attr(sb, "auto", yn(w.autostart));
        attr(sb, "routing", yn(w.routing));
        attr(sb, "preserve", "no");
        if (w.copyNameResolution) {
            attr(sb, "copy_nameres", "yes");
        }
        if (w.address != null) {
            sb.append("\nnetwork:\n");
            attr(sb, "broadcast", w.broadcast);
            attr(sb, "interface", w.netInterface);
            attr(sb, "netmask", w.netmask);
            attr(sb, "address", w.address);
        }
        sb.append("\nresources:\n");
        w.resources.specAttributes().forEach((k, v) -> attr(sb, k, v));
        if (withMounts) {
            for (WparFileSystem fs : SimulatedHost.sorted(w.fileSystems)) {
                sb.append("\nmount:\n");
                if ("jfs2".equals(fs.vfs())) {
                    attr(sb, "logname", "INLINE");
                    attr(sb, "directory", fs.mountPoint());
                    attr(sb, "vfs", "jfs2");
                    attr(sb, "vg", fs.volumeGroup());
                    attr(sb, "size", String.valueOf(fs.sizeBlocks()));
                } else {
                    if (fs.nfsHost() != null) {
                        attr(sb, "host", fs.nfsHost());
                    }
                    attr(sb, "dev", fs.device());
                    attr(sb, "directory", fs.mountPoint());
                    attr(sb, "vfs", fs.vfs());
                    if (fs.options() != null) {
                        attr(sb, "mountopts", fs.options());
                    }
                }
            }
        }
        return sb.toString();
    }

    private static void attr(StringBuilder sb, String k, String v) {
        sb.append('\t').append(k).append(" = \"").append(v == null ? "" : v).append("\"\n");
    }

    /**
     * Builds a WPAR (not registered anywhere) from a spec's text; unknown attributes are ignored, except in the
     * resources stanza, whose values are checked as {@code -R}'s are ({@link ResourceControls.Refused}).
     */
    public static Wpar read(String text, String defaultVg) {
        List<Stanzas.Stanza> all = Stanzas.parse(text);
        Stanzas.Stanza g = Stanzas.first(all, "general");
        String name = g == null ? null : g.get("name");
        Wpar w = new Wpar(name == null ? "" : name);
        if (g != null) {
            w.hostname = g.get("hostname", w.name);
            w.directory = g.get("directory", "/wpars/" + w.name);
            w.checkpointable = "yes".equals(g.get("checkpointable"));
            w.privateUsr = "yes".equals(g.get("privateusr"));
            w.autostart = "yes".equals(g.get("auto"));
            w.routing = "yes".equals(g.get("routing"));
            w.script = g.get("script", "");
            w.application = g.get("application", "");
            w.copyNameResolution = "yes".equals(g.get("copy_nameres"));
        }
        Stanzas.Stanza n = Stanzas.first(all, "network");
        if (n != null && n.get("address") != null) {
            w.address = n.get("address");
            w.netInterface = n.get("interface", "en0");
            w.netmask = n.get("netmask", "255.255.254.0");
            w.broadcast = n.get("broadcast");
        }
        Stanzas.Stanza r = Stanzas.first(all, "resources");
        if (r != null) {
            // attributes of later AIX levels (totalPTYs, pct_msgIDs, …) and empty values are left alone, as elsewhere
            java.util.Map<String, String> known = new java.util.LinkedHashMap<>(r.attrs());
            known.keySet().retainAll(ResourceControls.ATTRIBUTES);
            known.values().removeIf(String::isEmpty);
            w.resources = ResourceControls.DEFAULTS.with(known);
        }
        List<WparFileSystem> fss = new ArrayList<>();
        for (Stanzas.Stanza m : Stanzas.named(all, "mount")) {
            String dir = m.get("directory");
            String vfs = m.get("vfs", "jfs2");
            if (dir == null) {
                continue;
            }
            if ("jfs2".equals(vfs)) {
                fss.add(WparFileSystem.jfs2(dir, null, m.get("vg", defaultVg), Long.parseLong(m.get("size", "262144"))));
            } else if ("nfs".equals(vfs) && m.get("host") != null) {
                fss.add(WparFileSystem.nfs(dir, m.get("host"), m.get("dev"), m.get("mountopts")));
            } else if ("nfs".equals(vfs)) {
                // Example 7-1 mixes vfs = "nfs" with vg/size; treat such mounts as local jfs2 (the book is inconsistent)
                fss.add(WparFileSystem.jfs2(dir, null, m.get("vg", defaultVg), Long.parseLong(m.get("size", "262144"))));
            } else {
                fss.add(WparFileSystem.namefs(dir, m.get("dev", dir), m.get("mountopts", "ro")));
            }
        }
        w.fileSystems = fss;
        return w;
    }
}
