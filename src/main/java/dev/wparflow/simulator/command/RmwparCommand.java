package dev.wparflow.simulator.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.simulator.model.WparFileSystem;
import dev.wparflow.simulator.model.WparState;

/**
 * rmwpar [-F] [-p] [-s] [-v] NAME (Redbook 4.1.1 and Example 4-20 output; flags per IBM's reference:
 * -F stop an active WPAR first (force), -s stop it first, -p preserve the file systems). Without
 * -F/-s an active WPAR is refused. File systems are removed in reverse-lexicographic order of
 * their mount paths, with {@code rmlv: Logical volume fslvNN is removed.} for each LV.
 */
public final class RmwparCommand implements CommandHandler {
    static final String USAGE = "rmwpar [-F] [-p] [-s] [-v] wparname";

    @Override
    public int run(Invocation inv) throws InterruptedException {
        Getopt g;
        try {
            g = new Getopt(inv.args(), "Fpsv");
        } catch (Getopt.BadFlag bad) {
            return inv.usage(bad, USAGE);
        }
        if (g.operands().size() != 1) {
            inv.err("Usage: " + USAGE);
            return 2;
        }
        String name = g.operands().get(0);
        SimulatedHost host = inv.host;
        Wpar w;
        boolean mustStop;
        host.lock().lock();
        try {
            w = WparOps.find(inv, name).orElse(null);
            if (w == null || WparOps.refuseIfLocked(inv, w)) {
                return 1;
            }
            mustStop = w.state() != WparState.DEFINED;
            if (mustStop && !(g.has('F') || g.has('s'))) {
                inv.err("rmwpar: 0960-244 Workload partition " + name + " is not in the Defined state. Stop it first or use -F.");
                return 1;
            }
            w.setState(WparState.TRANSITIONAL);
            WparOps.lock(inv, w, "rmwpar");
        } finally {
            host.lock().unlock();
        }
        try {
            if (mustStop) {
                LifecycleCommands.stopSequence(inv, w, g.has('v'), g.has('F'), "stopwpar");
            }
            List<WparFileSystem> fss = new ArrayList<>(w.fileSystems);
            fss.sort(Comparator.comparing((WparFileSystem f) -> f.globalPath(w.directory)).reversed());
            host.timing.pause("rmwpar");
            for (WparFileSystem fs : fss) {
                if (g.has('p')) {
                    continue;
                }
                inv.out("rmwpar: Removing file system " + fs.globalPath(w.directory) + ".");
                if (fs.hasLogicalVolume()) {
                    inv.out("rmlv: Logical volume " + fs.logicalVolume() + " is removed.");
                }
            }
        } catch (InterruptedException e) {
            host.locked(() -> {
                w.setState(WparState.BROKEN);
                w.lock = null;
            });
            throw e;
        }
        host.locked(() -> {
            if (g.has('p')) {
                host.removeWpar(w.name);
                host.files.delete("/etc/wpars/" + w.name + ".cf");
            } else {
                host.dematerialize(w);
            }
        });
        return 0;
    }
}
