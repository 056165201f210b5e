package dev.wparflow.simulator.command;

import java.util.ArrayList;
import java.util.List;

import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.simulator.model.WparState;

/** wparlockctl, clogin (syncwpar is in {@link SoftwareCommands}). */
public final class MiscWparCommands {
    private MiscWparCommands() {
    }

    /**
     * {@code /usr/lib/wpars/wparlockctl -l|-u [-p PID] [-o OP] NAME} (Redbook 4.6.1, Examples 4-23/4-24):
     * -l takes the administrative lock for the given process and operation, -u releases it; -q (IBM
     * reference) prints the holder. Locking a locked WPAR is refused with 0960-246.
     */
    public static int wparlockctl(Invocation inv) {
        Getopt g;
        try {
            g = new Getopt(inv.args(), "lufqp:o:");
        } catch (Getopt.BadFlag bad) {
            return inv.usage(bad, "wparlockctl {-l | -u | -q} [-p pid] [-o operation] wparname");
        }
        if (g.operands().size() != 1 || (!g.has('l') && !g.has('u') && !g.has('q'))) {
            inv.err("Usage: wparlockctl {-l | -u | -q} [-p pid] [-o operation] wparname");
            return 2;
        }
        String name = g.operands().get(0);
        SimulatedHost host = inv.host;
        return host.locked(() -> {
            Wpar w = WparOps.find(inv, name).orElse(null);
            if (w == null) {
                return 1;
            }
            long pid = g.has('p') ? Long.parseLong(g.get('p')) : 1;
            int op = g.has('o') ? Integer.parseInt(g.get('o')) : 0;
            if (g.has('q')) {
                if (w.lock != null) {
                    inv.out(w.name + ":" + w.lock.pid() + ":" + w.lock.operation() + ":" + w.lock.command());
                }
                return 0;
            }
            if (g.has('l')) {
                if (w.lock != null) {
                    return WparOps.refuseIfLocked(inv, w) ? 1 : 1;
                }
                w.lock = new Wpar.AdminLock(pid, op, WparOps.commandOf(op));
                return 0;
            }
            if (w.lock == null) {
                return 0;
            }
            if (g.has('p') && w.lock.pid() != pid && !g.has('f')) {
                inv.err("wparlockctl: 0960-247 Workload partition " + name + " is locked by another process (PID = "
                        + w.lock.pid() + ").");
                return 1;
            }
            w.lock = null;
            return 0;
        });
    }

    /** clogin NAME [command...] (Redbook Example 4-6; commands run "inside" the WPAR). */
    public static int clogin(Invocation inv) throws InterruptedException {
        List<String> args = new ArrayList<>(inv.args());
        if (!args.isEmpty() && "-C".equals(args.get(0))) {
            args.remove(0);
        }
        if (args.isEmpty()) {
            inv.err("Usage: clogin wparname [-l user] [command [args]]");
            return 2;
        }
        String name = args.remove(0);
        if (args.size() >= 2 && "-l".equals(args.get(0))) {
            args.remove(0);
            args.remove(0);
        }
        SimulatedHost host = inv.host;
        Wpar w = host.locked(() -> host.wpar(name).map(Wpar::copy).orElse(null));
        if (w == null) {
            inv.err("clogin: 0960-419 Could not find a workload partition called " + name + ".");
            return 1;
        }
        if (w.type == Wpar.Type.APPLICATION) {
            inv.err("clogin: 0960-428 Cannot log in to application workload partition " + name + ".");
            return 1;
        }
        if (w.state() != WparState.ACTIVE) {
            inv.err("clogin: 0960-430 Workload partition " + name + " is not active.");
            return 1;
        }
        if (args.isEmpty()) {
            inv.out("*".repeat(79));
            inv.out("*" + " ".repeat(77) + "*");
            inv.out("*  Welcome to AIX Version 6.1!" + " ".repeat(48) + "*");
            inv.out("*" + " ".repeat(77) + "*");
            inv.out("*" + " ".repeat(77) + "*");
            inv.out("*".repeat(79));
            inv.out("Last login: " + dev.wparflow.simulator.model.AixDates.now() + " on /dev/Global from " + host.hostname);
            return 0;
        }
        List<String> inner = args;
        if (args.size() == 1 && args.get(0).contains(" ")) {
            ShellParser.Parsed p = ShellParser.parse(args.get(0));
            if (p.refused()) {
                inv.err("ksh: " + p.refusal());
                return 2;
            }
            inner = p.argv();
        }
        return inv.services.commands().execute(inv.with(inner, name));
    }
}
