package dev.wparflow.simulator.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.wparflow.simulator.dc.DataCentre;
import dev.wparflow.simulator.dc.NfsCommands;
import dev.wparflow.simulator.dc.PendingMove;
import dev.wparflow.simulator.model.AixDates;
import dev.wparflow.simulator.model.ResourceControls;
import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.SpecFile;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.simulator.model.WparFileSystem;
import dev.wparflow.simulator.model.WparState;

/**
 * Live mobility and checkpoint/restart (Redbook 4.7.2-4.8, Examples 4-25 to 4-29, Figure 4-2): {@code wparexec -c},
 * {@code setclock HOST}, {@code /opt/mcr/bin/movewpar -s|-k|-x}, {@code /opt/mcr/bin/chkptwpar},
 * {@code /opt/mcr/bin/restartwpar}. The MCR commands exist only where the mcr.rte fileset is installed (else
 * ksh's "not found", exit 127, as on a host without WPAR Manager). The book prints only the success texts; every
 * refusal text below is the simulator's choice (docs/simulator.md lists them).
 */
public final class MobilityCommands {
    private MobilityCommands() {
    }

    static boolean mcrMissing(Invocation inv) {
        if (!inv.host.filesets.containsKey("mcr.rte")) {
            inv.err("ksh: " + inv.argv.get(0) + ":  not found.");
            return true;
        }
        return false;
    }

    /** Writable file systems that are local (jfs2) keep a WPAR from being checkpointable (0960-100). */
    static List<WparFileSystem> localWritable(Wpar w) {
        return w.fileSystems.stream().filter(f -> "jfs2".equals(f.vfs())).toList();
    }

    static void log(SimulatedHost host, String logFile, String line) {
        if (logFile == null) {
            return;
        }
        byte[] old = host.files.read(logFile);
        String text = (old == null ? "" : new String(old, StandardCharsets.UTF_8)) + AixDates.now() + " " + line + "\n";
        host.files.write(logFile, text.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- wparexec

    /** {@code wparexec [-c] [-F] [-n NAME] [-h HOST] [-N ...] [-M ...] COMMAND [ARGS]} (Example 4-25). */
    public static int wparexec(Invocation inv) throws InterruptedException {
        Getopt g;
        try {
            g = new Getopt(inv.args(), "cFf:n:h:N:M:R:v", "MNR");
        } catch (Getopt.BadFlag bad) {
            return inv.usage(bad, "wparexec [-c] [-F] [-f specfile] [-n wparname] [-h hostname] [-M attr=value ...] [-N attr=value ...] command [args]");
        }
        Wpar fromSpec = null;
        if (g.has('f')) {
            // "wparexec -f <spec>" (RB:9591): name, application, hostname, network and mounts from the spec file
            byte[] spec = inv.host.files.read(g.get('f'));
            if (spec == null) {
                inv.err("wparexec: 0960-575 Unable to open specification file " + g.get('f') + ".");
                return 1;
            }
            try {
                fromSpec = dev.wparflow.simulator.model.SpecFile.read(new String(spec,
                        java.nio.charset.StandardCharsets.UTF_8), "rootvg");
            } catch (ResourceControls.Refused bad) {
                return WparOps.refuse(inv, bad);
            }
            if (fromSpec.application.isEmpty() && g.operands().isEmpty()) {
                inv.err("wparexec: the specification file " + g.get('f') + " names no application.");
                return 1;
            }
        }
        if (g.operands().isEmpty() && fromSpec == null) {
            inv.err("Usage: wparexec [-c] [-F] [-n wparname] [-h hostname] [-M attr=value ...] [-N attr=value ...] command [args]");
            return 2;
        }
        String app = g.operands().isEmpty() ? fromSpec.application.split(" ")[0] : g.operands().get(0);
        String name = g.has('n') ? g.get('n') : fromSpec != null && !fromSpec.name.isEmpty() ? fromSpec.name
                : app.substring(app.lastIndexOf('/') + 1);
        SimulatedHost host = inv.host;
        Wpar w = fromSpec != null ? fromSpec : new Wpar(name);
        w.name = name;
        w.type = Wpar.Type.APPLICATION;
        w.directory = "/";
        w.application = g.operands().isEmpty() ? fromSpec.application : String.join(" ", g.operands());
        w.checkpointable = g.has('c') || (fromSpec != null && fromSpec.checkpointable);
        if (g.has('h')) {
            w.hostname = g.get('h');
        }
        for (String n : g.all('N')) {
            MkwparCommand.applyNetwork(host, w, WparOps.attributes(n));
        }
        for (String m : g.all('M')) {
            Map<String, String> a = WparOps.attributes(m);
            if (a.containsKey("host") && !a.containsKey("vfs")) {
                a.put("vfs", "nfs"); // Example 4-25 gives host= without vfs=
            }
            String err = MkwparCommand.applyMount(w, a, host.volumeGroups.keySet().stream().findFirst().orElse("rootvg"));
            if (err != null) {
                inv.err("wparexec: " + err);
                return 1;
            }
        }
        try {
            for (String r : g.all('R')) {
                w.resources = w.resources.with(r); // Table 8-1: wparexec takes -R too
            }
        } catch (ResourceControls.Refused bad) {
            return WparOps.refuse(inv, bad);
        }
        host.lock().lock();
        try {
            if (!WparOps.validName(name)) {
                inv.err("wparexec: 0960-043 " + name + " is not a valid workload partition name.");
                return 1;
            }
            // an application WPAR runs as soon as it exists: the running WPARs' minimums are checked first (RB:11177)
            ResourceControls.Refused over = WparOps.overcommitted(host, w, w.resources);
            if (over != null) {
                return WparOps.refuse(inv, over);
            }
            if (host.hasWpar(name)) {
                inv.err("wparexec: 0960-116 Workload partition " + name + " already exists.");
                return 1;
            }
            if (w.checkpointable && !localWritable(w).isEmpty() && !g.has('F')) {
                for (WparFileSystem f : localWritable(w)) {
                    inv.err("ERROR");
                    inv.err("wparexec: 0960-100 All writable file systems must be remote for checkpointable workload partitions.");
                    inv.err("Found local file system " + f.mountPoint() + ".");
                }
                return 1;
            }
            String refusal = mountNfs(inv, w);
            if (refusal != null) {
                inv.err(refusal);
                inv.err("wparexec: 0960-033 Error creating file system " + w.fileSystems.stream()
                        .filter(f -> "nfs".equals(f.vfs())).findFirst().map(WparFileSystem::mountPoint).orElse("/") + ".");
                return 1;
            }
            w.setState(WparState.TRANSITIONAL);
            w.key = host.nextKey();
            WparOps.lock(inv, w, "wparexec");
            host.addWpar(w);
        } finally {
            host.lock().unlock();
        }
        inv.out("Starting workload partition " + name + ".");
        inv.out("Mounting all workload partition file systems.");
        inv.out("Loading workload partition.");
        host.timing.pause("wparexec");
        host.locked(() -> {
            w.setState(WparState.ACTIVE);
            w.corPid = host.nextPid();
            w.lock = null;
        });
        return 0;
    }

    /** Mounts the WPAR's NFS file systems at their global paths; returns the refusal or null. Caller holds the lock. */
    static String mountNfs(Invocation inv, Wpar w) {
        DataCentre dc = inv.services.dataCentre();
        if (dc == null) {
            return null;
        }
        for (WparFileSystem f : w.fileSystems) {
            if ("nfs".equals(f.vfs()) && f.nfsHost() != null && f.device() != null) {
                String local = w.type == Wpar.Type.APPLICATION ? f.mountPoint() : f.globalPath(w.directory);
                String r = NfsCommands.mount(dc, inv.host, f.nfsHost(), f.device(), local);
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- setclock

    /** {@code setclock HOST}: this host's clock takes HOST's (Redbook 4.7.3, RB:4741); prints the new date. */
    public static int setclock(Invocation inv) {
        if (inv.args().size() != 1) {
            inv.err("Usage: setclock [timeserver]");
            return 1;
        }
        DataCentre dc = inv.services.dataCentre();
        SimulatedHost ts = dc == null ? null : dc.lpar(inv.args().get(0)).orElse(null);
        if (ts == null || !dc.isUp(ts.name)) {
            // simulator's text: the book shows setclock only succeeding
            inv.err("setclock: Unable to get the time from " + inv.args().get(0) + ".");
            return 1;
        }
        inv.host.clockOffsetSeconds = ts.clockOffsetSeconds;
        inv.out(AixDates.now());
        return 0;
    }

    // ---------------------------------------------------------------- movewpar

    public static int movewpar(Invocation inv) throws InterruptedException {
        if (mcrMissing(inv)) {
            return 127;
        }
        Getopt g;
        try {
            g = new Getopt(inv.args(), "sk:xo:l:");
        } catch (Getopt.BadFlag bad) {
            return inv.usage(bad, "movewpar {-s [-o logfile] [-l level] wparname | -k key [-o logfile] [-l level] wparname departing_ip | -x wparname}");
        }
        String usage = "movewpar {-s [-o logfile] [-l level] wparname | -k key [-o logfile] [-l level] wparname departing_ip | -x wparname}";
        if (g.has('s') && g.operands().size() == 1) {
            return depart(inv, g.operands().get(0), g.has('o') ? g.get('o') : null);
        }
        if (g.has('k') && g.operands().size() == 2) {
            return arrive(inv, g.get('k'), g.operands().get(0), g.operands().get(1), g.has('o') ? g.get('o') : null);
        }
        if (g.has('x') && g.operands().size() == 1) {
            return abort(inv, g.operands().get(0));
        }
        inv.err("Usage: " + usage);
        return 2;
    }

    private static int depart(Invocation inv, String name, String logFile) {
        SimulatedHost host = inv.host;
        DataCentre dc = inv.services.dataCentre();
        PendingMove m;
        host.lock().lock();
        try {
            Wpar w = WparOps.find(inv, name).orElse(null);
            if (w == null || WparOps.refuseIfLocked(inv, w)) {
                return 1;
            }
            if (!w.checkpointable || !localWritable(w).isEmpty()) {
                inv.err("movewpar: Workload partition " + name + " is not checkpointable: it is not eligible for live mobility.");
                return 1;
            }
            if (w.state() != WparState.ACTIVE) {
                inv.err("movewpar: Workload partition " + name + " is not in the Active state (state is " + w.state().word() + ").");
                return 1;
            }
            m = dc.registerMove(name, host, logFile);
            w.setState(WparState.TRANSITIONAL);
            WparOps.lock(inv, w, "movewpar");
        } finally {
            host.lock().unlock();
        }
        log(host, logFile, "movewpar -s " + name + ": key " + m.key);
        inv.out("Connection key:");
        inv.out(m.key);
        inv.out("mcr: Migration server started successfully for wpar " + name);
        return 0;
    }

    private static int arrive(Invocation inv, String key, String name, String departingIp, String logFile)
            throws InterruptedException {
        SimulatedHost here = inv.host;
        DataCentre dc = inv.services.dataCentre();
        PendingMove m = dc.moveByKey(key).filter(PendingMove::open).orElse(null);
        if (m == null || !m.wpar.equals(name) || m.arrivingHost != null) {
            inv.err("mcr: No migration server for wpar " + name + " with connection key " + key + ".");
            return 1;
        }
        SimulatedHost dep = dc.lpar(departingIp).orElse(null);
        if (dep == null || !dep.name.equals(m.departingHost) || !dc.isUp(dep.name)) {
            inv.err("mcr: Cannot connect to the migration server of wpar " + name + " at " + departingIp + ".");
            return 1;
        }
        if (dep == here) {
            inv.err("mcr: The departing and arriving systems are the same system.");
            return 1;
        }
        Wpar src = dep.locked(() -> dep.wpar(name).map(Wpar::copy).orElse(null));
        if (src == null) {
            inv.err("mcr: Workload partition " + name + " is no longer on " + dep.hostname + ".");
            return 1;
        }
        long skew = Math.abs(here.clockOffsetSeconds - dep.clockOffsetSeconds);
        if (skew > 0) {
            inv.err("mcr: The clocks of " + here.hostname + " and " + dep.hostname + " differ by " + skew
                    + " seconds. Run setclock " + departingIp + " first.");
            return 1;
        }
        if (!here.processorType.equals(dep.processorType)) {
            inv.err("mcr: Processor type " + here.processorType + " of " + here.hostname
                    + " is not compatible with processor type " + dep.processorType + " of " + dep.hostname + ".");
            return 1;
        }
        if (src.netInterface != null && !here.interfaces.contains(src.netInterface)) {
            inv.err("mcr: Network interface " + src.netInterface + " of workload partition " + name
                    + " does not exist on " + here.hostname + ".");
            return 1;
        }
        Wpar arriving;
        here.lock().lock();
        try {
            Wpar existing = here.wpar(name).orElse(null);
            if (src.type == Wpar.Type.SYSTEM) {
                if (existing == null) {
                    inv.err("mcr: Workload partition " + name + " is not defined on " + here.hostname
                            + "; create it with mkwpar -p -f wpar.spec first.");
                    return 1;
                }
                if (WparOps.refuseIfLocked(inv, existing)) {
                    return 1;
                }
                if (existing.state() != WparState.DEFINED) {
                    inv.err("mcr: Workload partition " + name + " is not in the Defined state (state is "
                            + existing.state().word() + ").");
                    return 1;
                }
                arriving = existing;
            } else {
                if (existing != null) {
                    inv.err("wparexec: 0960-116 Workload partition " + name + " already exists.");
                    return 1;
                }
                arriving = src.copy();
                arriving.lock = null;
                arriving.key = here.nextKey();
                here.addWpar(arriving);
            }
            String refusal = mountNfs(inv, arriving);
            if (refusal != null) {
                if (src.type == Wpar.Type.APPLICATION) {
                    here.removeWpar(name);
                }
                inv.err(refusal);
                return 1;
            }
            arriving.setState(WparState.TRANSITIONAL);
            WparOps.lock(inv, arriving, "movewpar");
        } finally {
            here.lock().unlock();
        }
        m.arrivingHost = here.name;
        log(here, logFile, "movewpar -k " + key + " " + name + " " + departingIp);
        try {
            // Figure 4-2: arriving T while the spec and page tables arrive; departing M while memory moves, then T
            m.phase = PendingMove.Phase.RECEIVING;
            if (m.waitOrAbort(here.timing.wallMillis("movewpar-spec"))) {
                return aborted(inv, here, arriving, src.type, name);
            }
            m.phase = PendingMove.Phase.MEMORY;
            setState(dep, name, WparState.MOVING);
            if (m.waitOrAbort(here.timing.wallMillis("movewpar-memory"))) {
                return aborted(inv, here, arriving, src.type, name);
            }
            m.phase = PendingMove.Phase.FINISHING;
            setState(dep, name, WparState.TRANSITIONAL);
            if (m.waitOrAbort(here.timing.wallMillis("movewpar-finish"))) {
                return aborted(inv, here, arriving, src.type, name);
            }
        } catch (InterruptedException e) {
            m.abort();
            restoreDeparting(dep, name);
            here.locked(() -> {
                arriving.setState(WparState.BROKEN);
                arriving.lock = null;
            });
            throw e;
        }
        long pid = here.nextPid();
        here.locked(() -> {
            arriving.setState(WparState.ACTIVE);
            arriving.corPid = pid;
            arriving.lock = null;
        });
        dep.locked(() -> {
            Wpar d = dep.wpar(name).orElse(null);
            if (d != null) {
                if (d.type == Wpar.Type.APPLICATION) {
                    dep.removeWpar(name);
                } else {
                    d.setState(WparState.DEFINED);
                    d.corPid = 0;
                    d.lock = null;
                }
            }
        });
        m.phase = PendingMove.Phase.COMPLETED;
        log(here, logFile, "movewpar " + name + ": completed");
        return 0;
    }

    private static void setState(SimulatedHost h, String name, WparState s) {
        h.locked(() -> {
            Wpar w = h.wpar(name).orElse(null);
            if (w != null) {
                w.setState(s);
            }
        });
    }

    private static void restoreDeparting(SimulatedHost dep, String name) {
        dep.locked(() -> {
            Wpar w = dep.wpar(name).orElse(null);
            if (w != null) {
                w.setState(WparState.ACTIVE);
                w.lock = null;
            }
        });
    }

    /** The arriving side after an abort: a system WPAR back to Defined, an application WPAR gone. */
    private static int aborted(Invocation inv, SimulatedHost here, Wpar arriving, Wpar.Type type, String name) {
        here.locked(() -> {
            if (type == Wpar.Type.APPLICATION) {
                here.removeWpar(name);
            } else {
                arriving.setState(WparState.DEFINED);
                arriving.lock = null;
            }
        });
        inv.err("mcr: Migration of wpar " + name + " was aborted.");
        return 1;
    }

    /**
     * {@code movewpar -x NAME} on either side (Example 4-28): stops the migration server; the WPAR is Active where it
     * was, and the arriving side's copy goes back to Defined (system) or away (application).
     */
    private static int abort(Invocation inv, String name) {
        DataCentre dc = inv.services.dataCentre();
        PendingMove m = dc.moveFor(name, inv.host.name).orElse(null);
        if (m == null) {
            inv.err("mcr: No migration in progress for wpar " + name + ".");
            return 1;
        }
        m.abort();
        dc.lpar(m.departingHost).ifPresent(dep -> restoreDeparting(dep, name));
        if (m.arrivingHost != null) {
            dc.lpar(m.arrivingHost).ifPresent(arr -> arr.locked(() -> {
                Wpar w = arr.wpar(name).orElse(null);
                if (w != null && w.state() == WparState.TRANSITIONAL) {
                    if (w.type == Wpar.Type.APPLICATION) {
                        arr.removeWpar(name);
                    } else {
                        w.setState(WparState.DEFINED);
                        w.lock = null;
                    }
                }
            }));
        }
        log(inv.host, m.logFile, "movewpar -x " + name);
        inv.out("mcr: Migration server for wpar " + name + " stopped");
        return 0;
    }

    // ---------------------------------------------------------------- checkpoint / restart

    /**
     * {@code chkptwpar [-k | -p] -d DIR NAME} (Example 4-29). Frozen (F) while the state is stored, then with -k the
     * WPAR is stopped (an application WPAR is removed, a system WPAR is Defined); with -p it stays Paused (P), "ready to
     * be either resumed or ended" (RB:2986); with neither it is resumed, Active (IBM's chkptwpar reference: the book
     * shows only -k). The checkpoint is the file {@code DIR/NAME.chkpt}: the WPAR's spec and every file under its base
     * directory, which restartwpar writes back.
     */
    public static int chkptwpar(Invocation inv) throws InterruptedException {
        if (mcrMissing(inv)) {
            return 127;
        }
        Getopt g;
        try {
            g = new Getopt(inv.args(), "kpd:o:l:");
        } catch (Getopt.BadFlag bad) {
            return inv.usage(bad, "chkptwpar [-k | -p] -d directory wparname");
        }
        if (!g.has('d') || g.operands().size() != 1 || (g.has('k') && g.has('p'))) {
            inv.err("Usage: chkptwpar [-k | -p] -d directory wparname");
            return 2;
        }
        String name = g.operands().get(0);
        String dir = g.get('d');
        SimulatedHost host = inv.host;
        Wpar w;
        host.lock().lock();
        try {
            w = WparOps.find(inv, name).orElse(null);
            if (w == null || WparOps.refuseIfLocked(inv, w)) {
                return 1;
            }
            if (!w.checkpointable || !localWritable(w).isEmpty()) {
                inv.err("chkptwpar: Workload partition " + name + " is not checkpointable.");
                return 1;
            }
            if (w.state() != WparState.ACTIVE) {
                inv.err("chkptwpar: Workload partition " + name + " is not in the Active state (state is " + w.state().word() + ").");
                return 1;
            }
            w.setState(WparState.FROZEN);
            WparOps.lock(inv, w, "chkptwpar");
        } finally {
            host.lock().unlock();
        }
        host.timing.pause("chkptwpar");
        Wpar snapshot = host.locked(w::copy);
        host.files.write(dir + "/" + name + ".chkpt", checkpointImage(snapshot, host).getBytes(StandardCharsets.UTF_8));
        inv.out("mcr: WPAR " + name + " was checkpointed in " + dir + ".");
        if (g.has('k')) {
            inv.out("Stopping workload partition " + name + ".");
            inv.out("Shutting down all workload partition processes.");
            inv.out("Unmounting all workload partition file systems.");
            host.locked(() -> {
                if (w.type == Wpar.Type.APPLICATION) {
                    host.removeWpar(name);
                } else {
                    w.setState(WparState.DEFINED);
                    w.corPid = 0;
                }
                w.lock = null;
            });
        } else {
            WparState after = g.has('p') ? WparState.PAUSED : WparState.ACTIVE;
            host.locked(() -> {
                w.setState(after);
                w.lock = null;
            });
        }
        inv.out("Checkpoint command succeeded.");
        return 0;
    }

    /**
     * The checkpoint file: a header, one {@code #file: PATH BASE64} line per file under the WPAR's base directory
     * (PATH relative to it), then the WPAR's spec.
     */
    static String checkpointImage(Wpar w, SimulatedHost host) {
        StringBuilder files = new StringBuilder();
        if (w.directory != null && !w.directory.equals("/")) {
            for (String p : host.files.list(w.directory)) {
                byte[] b = host.files.read(p);
                if (b != null) {
                    files.append(FILE).append('.').append(p.substring(w.directory.length())).append(' ')
                            .append(Base64.getEncoder().encodeToString(b)).append('\n');
                }
            }
        }
        return "#wparflow-checkpoint 1\n#type: " + w.type.letter() + "\n" + files + "#application: " + w.application
                + "\n" + SpecFile.write(w, true);
    }

    private static final String FILE = "#file: ";

    /** Writes the files a checkpoint holds back under the WPAR's base directory. */
    static void restoreFiles(String checkpoint, Wpar w, SimulatedHost host) {
        if (w.directory == null || w.directory.equals("/")) {
            return;
        }
        for (String line : checkpoint.split("\n")) {
            if (line.startsWith("#application:")) {
                return;
            }
            if (line.startsWith(FILE)) {
                String rest = line.substring(FILE.length());
                int space = rest.lastIndexOf(' ');
                host.files.write(w.directory + rest.substring(1, space),
                        Base64.getDecoder().decode(rest.substring(space + 1)));
            }
        }
    }

    /**
     * {@code restartwpar -d DIR NAME} (Example 4-29): from {@code DIR/NAME.chkpt}; an application WPAR is re-created,
     * a system WPAR must be Defined or Paused. T while loading, then A.
     */
    public static int restartwpar(Invocation inv) throws InterruptedException {
        if (mcrMissing(inv)) {
            return 127;
        }
        Getopt g;
        try {
            g = new Getopt(inv.args(), "d:o:l:");
        } catch (Getopt.BadFlag bad) {
            return inv.usage(bad, "restartwpar -d directory wparname");
        }
        if (!g.has('d') || g.operands().size() != 1) {
            inv.err("Usage: restartwpar -d directory wparname");
            return 2;
        }
        String name = g.operands().get(0);
        String dir = g.get('d');
        SimulatedHost host = inv.host;
        byte[] img = host.files.read(dir + "/" + name + ".chkpt");
        if (img == null) {
            inv.err("restartwpar: Cannot open " + dir + "/" + name + ".chkpt: No such file or directory");
            return 1;
        }
        String text = new String(img, StandardCharsets.UTF_8);
        boolean app = text.contains("#type: A");
        Wpar w;
        host.lock().lock();
        try {
            Wpar existing = host.wpar(name).orElse(null);
            if (existing != null) {
                if (WparOps.refuseIfLocked(inv, existing)) {
                    return 1;
                }
                if (existing.state() != WparState.DEFINED && existing.state() != WparState.PAUSED) {
                    inv.err("restartwpar: Workload partition " + name + " is not in the Defined state (state is "
                            + existing.state().word() + ").");
                    return 1;
                }
                w = existing;
            } else if (app) {
                String defaultVg = host.volumeGroups.keySet().stream().findFirst().orElse("rootvg");
                String spec = text.substring(text.indexOf('\n', text.indexOf("#application:")) + 1);
                w = SpecFile.read(spec, defaultVg);
                w.name = name;
                w.type = Wpar.Type.APPLICATION;
                w.directory = "/";
                w.checkpointable = true;
                for (String l : text.split("\n")) {
                    if (l.startsWith("#application: ")) {
                        w.application = l.substring("#application: ".length());
                    }
                }
                w.key = host.nextKey();
                host.addWpar(w);
            } else {
                inv.err("restartwpar: 0960-419 Could not find a workload partition called " + name + ".");
                return 1;
            }
            w.setState(WparState.TRANSITIONAL);
            WparOps.lock(inv, w, "restartwpar");
        } finally {
            host.lock().unlock();
        }
        inv.out("Starting workload partition " + name + ".");
        inv.out("Mounting all workload partition file systems.");
        inv.out("Loading workload partition.");
        restoreFiles(text, w, host);
        host.timing.pause("restartwpar");
        host.locked(() -> w.setState(WparState.PAUSED)); // restored, not yet resumed (RB:2986)
        host.timing.pause("restartwpar-resume");
        long pid = host.nextPid();
        host.locked(() -> {
            w.setState(WparState.ACTIVE);
            w.corPid = pid;
            w.lock = null;
        });
        inv.out("mcr: WPAR " + name + " was restarted from " + dir + ".");
        return 0;
    }

    static List<String> names(List<Wpar> l) {
        List<String> out = new ArrayList<>();
        l.forEach(w -> out.add(w.name));
        return out;
    }
}
