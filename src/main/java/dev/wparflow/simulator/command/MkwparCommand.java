package dev.wparflow.simulator.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.wparflow.simulator.model.ResourceControls;
import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.SpecFile;
import dev.wparflow.simulator.model.VolumeGroup;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.simulator.model.WparFileSystem;
import dev.wparflow.simulator.model.WparState;

/**
 * mkwpar (Redbook 4.1, 7.2, 7.13, 10.x): create a system WPAR from flags, an existing WPAR (-e) or a
 * spec file (-f); write a spec (-o, -w). The WPAR is {@code T} while the command runs and ends in
 * {@code D} (or {@code A} with -s). Refusals: name or directory taken (0960-002 + 0960-318),
 * hostname / address not unique (0960-105, resolved with -a), checkpointable with local file
 * systems (0960-100, -F carries on), not enough free partitions (mklv 0516-404 / 0516-822),
 * unknown volume group (0516-306). Resource controls (-R, a spec's resources stanza) are checked as chapter 8 says
 * ({@link ResourceControls}); with -s also the sum of the running WPARs' minimums.
 */
public final class MkwparCommand implements CommandHandler {
    static final String USAGE = "mkwpar [-a] [-A] [-c] [-d directory] [-F] [-g vg] [-h hostname] [-i] [-M attr=value ...]... "
            + "[-N attr=value ...] [-r] [-s] [-u script] {-n wparname [-e existing | -f infile] [-o outfile [-w]] | -f infile [-n wparname] [-o outfile [-w]]}";

    static final String SPEC = "aAb:cCE:d:B:D:Fg:h:H:iI:klL:M:N:PrR:S:tT:su:X:Un:pe:Wf:o:wv";

    /** How a creation was asked for; shared with restwpar. */
    static final class Request {
        Wpar wpar;
        boolean autoResolve;
        boolean force;
        boolean start;
        /** mount point to LV name requested by an image.data (restwpar, mkwpar -L). */
        Map<String, String> imageDataLvs = new LinkedHashMap<>();
        /** Runs after the file systems are created and mounted (restwpar restores files here). */
        Runnable afterMount = () -> { };
    }

    @Override
    public int run(Invocation inv) throws InterruptedException {
        Getopt g;
        try {
            g = new Getopt(inv.args(), SPEC, "MNDILRSTX");
        } catch (Getopt.BadFlag bad) {
            return inv.usage(bad, USAGE);
        }
        // "mkwpar -w -o wpar.spec -e wpr01" (Redbook 4.7.3) names no -n: the spec keeps the existing WPAR's name
        if (!g.operands().isEmpty() || (!g.has('n') && !g.has('f') && !(g.has('e') && g.has('w')))) {
            inv.err("mkwpar: 0960-025 A workload partition name must be specified with -n or in a specification file.");
            inv.err("Usage: " + USAGE);
            return 2;
        }
        SimulatedHost host = inv.host;
        String defaultVg = g.has('g') ? g.get('g') : host.volumeGroups.keySet().stream().findFirst().orElse("rootvg");
        Wpar w;
        if (g.has('f')) {
            byte[] spec = host.files.read(g.get('f'));
            if (spec == null) {
                inv.err("mkwpar: 0960-575 Unable to open specification file " + g.get('f') + ".");
                return 1;
            }
            try {
                w = SpecFile.read(new String(spec, StandardCharsets.UTF_8), defaultVg);
            } catch (ResourceControls.Refused bad) {
                return WparOps.refuse(inv, bad);
            }
            if (w.fileSystems.isEmpty()) {
                w.fileSystems = SimulatedHost.defaultFileSystems(defaultVg);
            }
            if (g.has('n')) {
                w = renamed(w, g.get('n'), g.has('d'));
            }
        } else if (g.has('e')) {
            Wpar base = host.locked(() -> host.wpar(g.get('e')).map(Wpar::copy).orElse(null));
            if (base == null) {
                inv.err("mkwpar: 0960-419 Could not find a workload partition called " + g.get('e') + ".");
                return 1;
            }
            w = base;
            List<WparFileSystem> fss = new ArrayList<>();
            for (WparFileSystem fs : base.fileSystems) {
                fss.add(fs.hasLogicalVolume() ? fs.withLogicalVolume(null, fs.volumeGroup()) : fs);
            }
            w.fileSystems = fss;
            if (g.has('n')) {
                w.name = g.get('n');
            }
            w.setState(WparState.DEFINED);
            w.lock = null;
        } else {
            w = new Wpar(g.get('n'));
            w.fileSystems = SimulatedHost.defaultFileSystems(defaultVg);
        }
        if (g.has('h')) {
            w.hostname = g.get('h');
        }
        if (g.has('d')) {
            w.directory = g.get('d');
        }
        if (g.has('c')) {
            w.checkpointable = true;
        }
        if (g.has('A')) {
            w.autostart = true;
        }
        if (g.has('r')) {
            w.copyNameResolution = true;
        }
        if (g.has('i')) {
            w.routing = true;
        }
        if (g.has('u')) {
            w.script = g.get('u');
        }
        for (String n : g.all('N')) {
            applyNetwork(host, w, WparOps.attributes(n));
        }
        for (String m : g.all('M')) {
            String err = applyMount(w, WparOps.attributes(m), defaultVg);
            if (err != null) {
                inv.err("mkwpar: " + err);
                return 1;
            }
        }
        if (g.has('l')) {
            // a detached WPAR: its own writable /usr and /opt (IBM reference: mkwpar -l)
            w.privateUsr = true;
            w.fileSystems = SimulatedHost.privateUsr(w.fileSystems, defaultVg);
        }
        // a new WPAR is installed at the global environment's levels, whatever WPAR it was copied from
        w.filesets.clear();
        w.oslevel = null;
        try {
            for (String r : g.all('R')) {
                w.resources = w.resources.with(r);
            }
        } catch (ResourceControls.Refused bad) {
            return WparOps.refuse(inv, bad);
        }
        if (g.has('o')) {
            host.files.write(g.get('o'), SpecFile.write(w, true).getBytes(StandardCharsets.UTF_8));
            if (g.has('w')) {
                return 0;
            }
        } else if (g.has('w')) {
            inv.err("mkwpar: 0960-026 The -w flag requires -o outfile.");
            return 2;
        }
        Request req = new Request();
        req.wpar = w;
        req.autoResolve = g.has('a');
        req.force = g.has('F');
        req.start = g.has('s');
        return create(inv, req);
    }

    private static Wpar renamed(Wpar w, String name, boolean keepDir) {
        boolean defaultDir = w.directory.equals("/wpars/" + w.name);
        boolean defaultHost = w.hostname.equals(w.name);
        w.name = name;
        if (defaultDir && !keepDir) {
            w.directory = "/wpars/" + name;
        }
        if (defaultHost) {
            w.hostname = name;
        }
        return w;
    }

    static void applyNetwork(SimulatedHost host, Wpar w, Map<String, String> a) {
        if (a.containsKey("address")) {
            w.address = a.get("address");
        }
        w.netInterface = a.getOrDefault("interface", w.netInterface == null ? host.netInterface : w.netInterface);
        w.netmask = a.getOrDefault("netmask", w.netmask == null ? host.netmask : w.netmask);
        w.broadcast = a.getOrDefault("broadcast", w.broadcast == null ? host.broadcast : w.broadcast);
    }

    /** -M directory=... [dev=...] [vfs=nfs|namefs|jfs2] [host=...] [mountopts=...] [vg=...] [size=...]. */
    static String applyMount(Wpar w, Map<String, String> a, String defaultVg) {
        String dir = a.get("directory");
        if (dir == null) {
            return "0960-032 The -M flag requires the directory attribute.";
        }
        String vfs = a.getOrDefault("vfs", "jfs2");
        WparFileSystem fs;
        if ("nfs".equals(vfs)) {
            fs = WparFileSystem.nfs(dir, a.get("host"), a.get("dev"), a.get("mountopts"));
        } else if ("namefs".equals(vfs)) {
            fs = WparFileSystem.namefs(dir, a.getOrDefault("dev", dir), a.getOrDefault("mountopts", "rw"));
        } else {
            long size = parseSize(a.getOrDefault("size", "262144"));
            fs = WparFileSystem.jfs2(dir, a.get("lvname"), a.getOrDefault("vg", defaultVg), size);
        }
        w.fileSystems.removeIf(f -> f.mountPoint().equals(dir));
        w.fileSystems.add(fs);
        return null;
    }

    /** 512-byte blocks from "262144", "128M", "1G". */
    static long parseSize(String s) {
        String u = s.toUpperCase();
        if (u.endsWith("M")) {
            return Long.parseLong(u.substring(0, u.length() - 1)) * 2048;
        }
        if (u.endsWith("G")) {
            return Long.parseLong(u.substring(0, u.length() - 1)) * 2048 * 1024;
        }
        return Long.parseLong(u);
    }

    private static final List<String> CHECKPOINT_ORDER = List.of("/var", "/", "/tmp", "/home");

    /**
     * Validates, creates (state T), prints the Example 4-2 stream, waits the command's duration, then
     * leaves the WPAR in D. {@code inv.name()} is mkwpar or restwpar; messages say "mkwpar:" as in the
     * Redbook's restwpar transcripts.
     */
    static int create(Invocation inv, Request req) throws InterruptedException {
        SimulatedHost host = inv.host;
        Wpar w = req.wpar;
        String timingName = inv.name();
        List<String> prelude = new ArrayList<>();
        host.lock().lock();
        try {
            if (!WparOps.validName(w.name)) {
                inv.err("mkwpar: 0960-043 " + w.name + " is not a valid workload partition name.");
                return 1;
            }
            if (host.hasWpar(w.name)) {
                Wpar other = host.wpar(w.name).orElse(null);
                if (!req.autoResolve || other.directory.equals(w.directory)) {
                    // The book shows no mkwpar/restwpar for a name already in the WPAR database (Example 7-16 is a
                    // directory conflict); 0960-116 and its text are the simulator's choice (docs/simulator.md).
                    inv.err("mkwpar: 0960-116 Workload partition " + w.name + " already exists.");
                    return 1;
                }
            }
            boolean dirTaken = host.files.isDirectory(w.directory)
                    && (!host.files.list(w.directory).isEmpty() || host.wparList().stream().anyMatch(o -> o.directory.equals(w.directory)));
            if (dirTaken) {
                inv.err("mkwpar: 0960-002 " + w.directory + " already exists.");
                if (!req.autoResolve) {
                    inv.err("mkwpar: 0960-318 Workload partition directory " + w.directory + " is not empty.  Quitting.");
                    return 1;
                }
                w.directory = "/wpars/" + w.name;
                if (host.files.isDirectory(w.directory) && !host.files.list(w.directory).isEmpty()) {
                    inv.err("mkwpar: 0960-318 Workload partition directory " + w.directory + " is not empty.  Quitting.");
                    return 1;
                }
            }
            boolean failed = false;
            Wpar sameHost = host.wparList().stream().filter(o -> o.hostname.equals(w.hostname)).findFirst().orElse(null);
            if (sameHost != null) {
                conflictBanner(inv, req.autoResolve, "general.hostname", "hostname = " + w.hostname, sameHost.name);
                if (req.autoResolve) {
                    w.hostname = w.name;
                } else {
                    failed = true;
                }
            }
            if (w.address != null) {
                Wpar sameAddr = host.wparList().stream().filter(o -> w.address.equals(o.address)).findFirst().orElse(null);
                if (sameAddr != null || w.address.equals(host.ip)) {
                    conflictBanner(inv, req.autoResolve, "network.address", "address = " + w.address,
                            sameAddr == null ? null : sameAddr.name);
                    if (req.autoResolve) {
                        w.address = freeAddress(host, w.address);
                    } else {
                        failed = true;
                    }
                }
            }
            if (failed) {
                return 1;
            }
            // -s starts what it creates: refuse before creating anything when the start could not take place
            ResourceControls.Refused over = req.start ? WparOps.overcommitted(host, w, w.resources) : null;
            if (over != null) {
                return WparOps.refuse(inv, over);
            }
            if (w.checkpointable) {
                List<WparFileSystem> local = w.fileSystems.stream().filter(f -> "jfs2".equals(f.vfs()))
                        .sorted(Comparator.comparingInt((WparFileSystem f) -> CHECKPOINT_ORDER.contains(f.mountPoint())
                                ? CHECKPOINT_ORDER.indexOf(f.mountPoint()) : 99).thenComparing(WparFileSystem::mountPoint))
                        .toList();
                if (!local.isEmpty()) {
                    StringBuilder sb = new StringBuilder();
                    String stars = "*".repeat(70);
                    inv.err(stars);
                    for (int i = 0; i < local.size(); i++) {
                        inv.err("ERROR");
                        inv.err("mkwpar: 0960-100 All writable file systems must be remote for checkpointable workload partitions.");
                        inv.err("Found local file system " + local.get(i).mountPoint() + ".");
                        if (i < local.size() - 1) {
                            inv.err("");
                        }
                    }
                    inv.err(stars);
                    if (!req.force) {
                        return 1;
                    }
                }
            }
            for (WparFileSystem fs : w.fileSystems) {
                if ("jfs2".equals(fs.vfs()) && !host.volumeGroups.containsKey(fs.volumeGroup())) {
                    inv.err("0516-306 getlvodm: Unable to find volume group " + fs.volumeGroup() + " in the Device");
                    inv.err("        Configuration Database.");
                    inv.err("0516-822 mklv: Unable to create logical volume.");
                    inv.err("mkwpar: 0960-033 Error creating file system " + fs.mountPoint() + ".");
                    return 1;
                }
            }
            // logical volume names: from the image.data, renamed when taken (Example 4-22)
            List<WparFileSystem> fss = new ArrayList<>();
            java.util.Set<String> reserved = new java.util.HashSet<>();
            for (WparFileSystem fs : SimulatedHost.sorted(w.fileSystems)) {
                String wanted = req.imageDataLvs.get(fs.mountPoint());
                if ("jfs2".equals(fs.vfs()) && wanted != null) {
                    String lv = wanted;
                    if (host.lvExists(lv) || reserved.contains(lv)) {
                        String renamed = nextFree(host, reserved, "wlv", "%d");
                        prelude.add(fs.mountPoint() + "\u0000ATTENTION: Logical volume '" + lv + "' is not unique. Renaming to '" + renamed + "'.");
                        lv = renamed;
                    }
                    reserved.add(lv);
                    fss.add(fs.withLogicalVolume(lv, fs.volumeGroup()));
                } else {
                    fss.add(fs);
                }
            }
            // the rest get the next fslvNN
            List<WparFileSystem> named = new ArrayList<>();
            for (WparFileSystem fs : fss) {
                if ("jfs2".equals(fs.vfs()) && fs.logicalVolume() == null) {
                    String lv = nextFree(host, reserved, "fslv", "%02d");
                    reserved.add(lv);
                    named.add(fs.withLogicalVolume(lv, fs.volumeGroup()));
                } else {
                    named.add(fs);
                }
            }
            Map<String, Integer> need = host.ppsNeeded(named);
            for (Map.Entry<String, Integer> e : need.entrySet()) {
                VolumeGroup vg = host.volumeGroups.get(e.getKey());
                if (vg.freePps() < e.getValue()) {
                    inv.err("0516-404 allocp: This system cannot fulfill the allocation request.");
                    inv.err("        There are not enough free partitions or not enough physical volumes ");
                    inv.err("        to keep strictness and satisfy allocation requests.  The command");
                    inv.err("        should be retried with different allocation characteristics.");
                    inv.err("0516-822 mklv: Unable to create logical volume.");
                    inv.err("mkwpar: 0960-033 Error creating file system " + SimulatedHost.sorted(named).stream()
                            .filter(f -> e.getKey().equals(f.volumeGroup())).findFirst().map(WparFileSystem::mountPoint).orElse("/") + ".");
                    return 1;
                }
            }
            w.fileSystems = named;
            String nfsRefusal = MobilityCommands.mountNfs(inv, w);
            if (nfsRefusal != null) {
                // part 2: an export that does not list this host refuses it (Redbook 2.6)
                inv.err(nfsRefusal);
                inv.err("mkwpar: 0960-033 Error creating file system " + SimulatedHost.sorted(named).stream()
                        .filter(f -> "nfs".equals(f.vfs())).findFirst().map(WparFileSystem::mountPoint).orElse("/") + ".");
                return 1;
            }
            w.type = Wpar.Type.SYSTEM;
            w.setState(WparState.TRANSITIONAL);
            w.key = host.nextKey();
            WparOps.lock(inv, w, "mkwpar");
            host.addWpar(w);
            host.materialize(w);
        } finally {
            host.lock().unlock();
        }
        try {
            inv.out("mkwpar: Creating file systems...");
            for (WparFileSystem fs : SimulatedHost.sorted(w.fileSystems)) {
                inv.out(fs.mountPoint());
                for (String p : prelude) {
                    if (p.startsWith(fs.mountPoint() + "\u0000")) {
                        inv.out(p.substring(p.indexOf('\u0000') + 1));
                    }
                }
                if (fs.hasLogicalVolume() && req.imageDataLvs.containsKey(fs.mountPoint())) {
                    inv.out("Creating logical volume '" + fs.logicalVolume() + "' specified in image.data");
                    inv.out("Creating file system '" + fs.mountPoint() + "' specified in image.data");
                }
            }
            inv.out("Mounting all workload partition file systems.");
            host.timing.pause(timingName);
            req.afterMount.run();
            syncroot(inv);
        } catch (InterruptedException e) {
            host.locked(() -> {
                w.setState(WparState.BROKEN);
                w.lock = null;
            });
            throw e;
        }
        host.locked(() -> {
            w.setState(WparState.DEFINED);
            w.lock = null;
        });
        inv.out("Workload partition " + w.name + " created successfully.");
        inv.out("mkwpar: 0960-390 To start the workload partition, execute the following as root: startwpar [-v] " + w.name);
        if (req.start) {
            return LifecycleCommands.start(inv.with(List.of("startwpar", w.name), null), w.name, false);
        }
        return 0;
    }

    static void syncroot(Invocation inv) {
        inv.out("syncroot: Processing root part installation status.");
        inv.out("syncroot: Installp root packages are currently synchronized.");
        inv.out("syncroot: RPM root packages are currently synchronized.");
        inv.out("syncroot: Root part is currently synchronized.");
        inv.out("syncroot: Returns Status = SUCCESS");
    }

    private static String nextFree(SimulatedHost host, java.util.Set<String> reserved, String prefix, String fmt) {
        for (int i = 0; ; i++) {
            String c = prefix + String.format(fmt, i);
            if (!host.lvExists(c) && !reserved.contains(c)) {
                return c;
            }
        }
    }

    private static void conflictBanner(Invocation inv, boolean resolved, String attr, String what, String otherWpar) {
        String stars = "*".repeat(70);
        inv.err(stars);
        inv.err(resolved ? "RESOLVED" : "ERROR");
        inv.err("mkwpar: 0960-105 " + attr + " must be unique across all workload partitions.");
        if (otherWpar != null) {
            inv.err(what + " also found in the following files:");
            inv.err("/etc/wpars/" + otherWpar + ".cf");
        } else {
            inv.err(what + " is the address of the global environment.");
        }
        inv.err("");
        inv.err(stars);
    }

    /** -a: the next address in the same /24 that no WPAR and not the host uses (stands in for DNS). */
    private static String freeAddress(SimulatedHost host, String taken) {
        String prefix = taken.substring(0, taken.lastIndexOf('.') + 1);
        for (int i = 2; i < 255; i++) {
            String a = prefix + i;
            if (!a.equals(host.ip) && host.wparList().stream().noneMatch(o -> a.equals(o.address))) {
                return a;
            }
        }
        return taken;
    }
}
