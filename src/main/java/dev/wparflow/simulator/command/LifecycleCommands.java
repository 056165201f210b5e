package dev.wparflow.simulator.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.wparflow.simulator.model.ResourceControls;
import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.simulator.model.WparFileSystem;
import dev.wparflow.simulator.model.WparState;

/**
 * startwpar, stopwpar, rebootwpar (Redbook 4.1.1, Examples 4-4, 4-7, 4-9, 10-13, 10-15). Each holds
 * the WPAR's administrative lock and shows it {@code T} for the command's duration.
 */
public final class LifecycleCommands {
    private LifecycleCommands() {
    }

    public static int startwpar(Invocation inv) throws InterruptedException {
        Getopt g = inv.oneOperand("vaDmNI", "startwpar [-a] [-v] wparname");
        if (g == null) {
            return 2;
        }
        return start(inv, g.operands().get(0), g.has('v'));
    }

    static int start(Invocation inv, String name, boolean verbose) throws InterruptedException {
        SimulatedHost host = inv.host;
        Wpar w;
        host.lock().lock();
        try {
            w = WparOps.find(inv, name).orElse(null);
            if (w == null || WparOps.refuseIfLocked(inv, w)) {
                return 1;
            }
            if (w.state() != WparState.DEFINED) {
                inv.err("startwpar: 0960-231 ATTENTION: '" + name + "' is not in the Defined state (state is "
                        + w.state().word() + ").");
                return 1;
            }
            ResourceControls.Refused over = WparOps.overcommitted(host, w, w.resources);
            if (over != null) {
                // "If startwpar fails, WPAR remains in the Defined State." (RB:1032)
                return WparOps.refuse(inv, over);
            }
            w.setState(WparState.TRANSITIONAL);
            WparOps.lock(inv, w, "startwpar");
        } finally {
            host.lock().unlock();
        }
        try {
            if (verbose) {
                inv.out("COMMAND START, ARGS: " + name + ".");
                inv.out("ckwpar: Passed.");
            }
            inv.out("Starting workload partition " + name + ".");
            inv.out("Mounting all workload partition file systems.");
            inv.out("Loading workload partition.");
            host.timing.pause("startwpar");
            inv.out("Exporting workload partition devices.");
            inv.out("Starting workload partition subsystem cor_" + name + ".");
            long pid = host.nextPid();
            inv.out("0513-059 The cor_" + name + " Subsystem has been started. Subsystem PID is " + pid + ".");
            inv.out("Verifying workload partition startup.");
            host.locked(() -> {
                w.setState(WparState.ACTIVE);
                w.corPid = pid;
                w.lock = null;
            });
            if (verbose) {
                inv.out("Return Status = SUCCESS.");
            }
            return 0;
        } catch (InterruptedException e) {
            host.locked(() -> {
                w.setState(WparState.BROKEN);
                w.lock = null;
            });
            throw e;
        }
    }

    public static int stopwpar(Invocation inv) throws InterruptedException {
        Getopt g = inv.oneOperand("FNrvh:t:", "stopwpar [-F] [-N] [-r] [-v] [-t seconds] wparname");
        if (g == null) {
            return 2;
        }
        String name = g.operands().get(0);
        boolean force = g.has('F');
        SimulatedHost host = inv.host;
        Wpar w;
        WparState from;
        host.lock().lock();
        try {
            w = WparOps.find(inv, name).orElse(null);
            if (w == null || WparOps.refuseIfLocked(inv, w)) {
                return 1;
            }
            from = w.state();
            boolean ok = w.state() == WparState.ACTIVE || w.state() == WparState.PAUSED
                    || (force && w.state() != WparState.DEFINED);
            if (!ok) {
                inv.err("stopwpar: 0960-254 Workload partition " + name + " is not active.");
                return 1;
            }
            w.setState(WparState.TRANSITIONAL);
            WparOps.lock(inv, w, "stopwpar");
        } finally {
            host.lock().unlock();
        }
        try {
            stopSequence(inv, w, g.has('v'), g.has('N') || force || from == WparState.BROKEN, "stopwpar");
        } catch (InterruptedException e) {
            host.locked(() -> {
                w.setState(WparState.BROKEN);
                w.lock = null;
            });
            throw e;
        }
        if (w.type == Wpar.Type.APPLICATION) {
            host.locked(() -> host.removeWpar(w.name));
            return 0;
        }
        if (g.has('r')) {
            host.locked(() -> w.setState(WparState.DEFINED));
            host.locked(() -> w.lock = null);
            return start(inv, name, g.has('v'));
        }
        host.locked(() -> {
            w.setState(WparState.DEFINED);
            w.corPid = 0;
            w.lock = null;
        });
        if (g.has('v')) {
            inv.out("Return Status = SUCCESS.");
        }
        return 0;
    }

    static void stopSequence(Invocation inv, Wpar w, boolean verbose, boolean noWait, String timing)
            throws InterruptedException {
        String name = w.name;
        inv.out("Stopping workload partition " + name + ".");
        inv.out("Stopping workload partition subsystem cor_" + name + ".");
        inv.out("0513-044 The cor_" + name + " Subsystem was requested to stop.");
        if (!noWait) {
            inv.out("stopwpar: 0960-261 Waiting up to 600 seconds for workload partition to halt.");
        }
        inv.host.timing.pause(timing);
        inv.out("Shutting down all workload partition processes.");
        inv.out("Unmounting all workload partition file systems.");
        if (verbose) {
            List<WparFileSystem> fss = new ArrayList<>(w.fileSystems);
            fss.sort(Comparator.comparing((WparFileSystem f) -> f.globalPath(w.directory)).reversed());
            for (WparFileSystem fs : fss) {
                inv.out("Umounting " + fs.globalPath(w.directory) + ".");
            }
        }
    }

    public static int rebootwpar(Invocation inv) throws InterruptedException {
        Getopt g = inv.oneOperand("v", "rebootwpar [-v] wparname");
        if (g == null) {
            return 2;
        }
        String name = g.operands().get(0);
        SimulatedHost host = inv.host;
        Wpar w;
        host.lock().lock();
        try {
            w = WparOps.find(inv, name).orElse(null);
            if (w == null || WparOps.refuseIfLocked(inv, w)) {
                return 1;
            }
            if (w.state() != WparState.ACTIVE) {
                inv.err("rebootwpar: 0960-254 Workload partition " + name + " is not active.");
                return 1;
            }
            w.setState(WparState.TRANSITIONAL);
            WparOps.lock(inv, w, "rebootwpar");
        } finally {
            host.lock().unlock();
        }
        try {
            stopSequence(inv, w, g.has('v'), false, "rebootwpar");
            inv.out("Starting workload partition " + name + ".");
            inv.out("Mounting all workload partition file systems.");
            inv.out("Loading workload partition.");
            inv.out("Exporting workload partition devices.");
            inv.out("Starting workload partition subsystem cor_" + name + ".");
            long pid = host.nextPid();
            inv.out("0513-059 The cor_" + name + " Subsystem has been started. Subsystem PID is " + pid + ".");
            inv.out("Verifying workload partition startup.");
            host.locked(() -> {
                w.setState(WparState.ACTIVE);
                w.corPid = pid;
                w.lock = null;
            });
            return 0;
        } catch (InterruptedException e) {
            host.locked(() -> {
                w.setState(WparState.BROKEN);
                w.lock = null;
            });
            throw e;
        }
    }
}
