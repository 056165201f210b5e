package dev.wparflow.simulator.command;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.wparflow.simulator.model.ResourceControls;
import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.SpecFile;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.simulator.model.WparState;

/**
 * chwpar (Redbook Table 3-3, Examples 4-12, 7-18, 7-x): -n rename (Defined only, else 0960-053;
 * -a resolves a taken name with a numeric suffix), -h hostname, -N network, -A autostart,
 * -c checkpointable, -r, -i routing, -u script; -R resource controls (Redbook 8.5: dynamic, also on an Active WPAR,
 * checked as chapter 8 says, the sum of the running WPARs' minimums too when this one runs); -K -R attr ... puts the
 * controls named back to Table 8-2's defaults (IBM's chwpar reference: -K removes a characteristic, an attribute with
 * a default returns to it); -D, -I, other uses of -K are accepted and not simulated.
 */
public final class ChwparCommand implements CommandHandler {
    static final String USAGE = "chwpar [-a] [-A] [-c] [-h hostname] [-i] [-n newname] [-N attr=value ...] [-r] [-u script] [-R attr=value ...] wparname | chwpar -K -R attr ... wparname";

    @Override
    public int run(Invocation inv) throws InterruptedException {
        Getopt g;
        try {
            g = new Getopt(inv.args(), "aAcd:D:h:iI:Kn:N:rR:S:u:vUX:", "DINRSX");
        } catch (Getopt.BadFlag bad) {
            return inv.usage(bad, USAGE);
        }
        // -K -R attr ... NAME: the attribute names are the words after -R (IBM's chwpar reference)
        java.util.List<String> reset = new java.util.ArrayList<>();
        if (g.has('K') && g.has('R')) {
            g.all('R').forEach(r -> reset.addAll(java.util.List.of(r.trim().split("\\s+"))));
            reset.addAll(g.operands().subList(0, Math.max(0, g.operands().size() - 1)));
        }
        if (g.operands().size() != 1 && reset.isEmpty() || g.operands().isEmpty()) {
            inv.err("Usage: " + USAGE);
            return 2;
        }
        String name = g.operands().get(g.operands().size() - 1);
        SimulatedHost host = inv.host;
        host.lock().lock();
        try {
            Wpar w = WparOps.find(inv, name).orElse(null);
            if (w == null || WparOps.refuseIfLocked(inv, w)) {
                return 1;
            }
            ResourceControls controls = w.resources;
            try {
                if (!reset.isEmpty()) {
                    controls = controls.withDefaults(reset);
                } else {
                    for (String r : g.all('R')) {
                        controls = controls.with(r);
                    }
                }
            } catch (ResourceControls.Refused bad) {
                return WparOps.refuse(inv, bad);
            }
            ResourceControls.Refused over = g.has('R') && w.running() ? WparOps.overcommitted(host, w, controls) : null;
            if (over != null) {
                return WparOps.refuse(inv, over);
            }
            if (g.has('n')) {
                String newName = g.get('n');
                if (w.state() != WparState.DEFINED) {
                    inv.err("chwpar: 0960-053 Cannot change the name (-n) of a running workload partition.");
                    return 1;
                }
                if (!WparOps.validName(newName)) {
                    inv.err("chwpar: 0960-043 " + newName + " is not a valid workload partition name.");
                    return 1;
                }
                if (host.hasWpar(newName)) {
                    if (!g.has('a')) {
                        inv.err("chwpar: 0960-109 Workload partition name " + newName + " is already in use.");
                        return 1;
                    }
                    int i = 2;
                    while (host.hasWpar(newName + i)) {
                        i++;
                    }
                    newName = newName + i;
                }
                host.files.delete("/etc/wpars/" + w.name + ".cf");
                // Example 4-12: the hostname and the directory stay as they were
                host.renameWpar(w, newName);
            }
            if (g.has('h')) {
                String h = g.get('h');
                if (host.wparList().stream().anyMatch(o -> o != w && o.hostname.equals(h))) {
                    inv.err("chwpar: 0960-105 general.hostname must be unique across all workload partitions.");
                    return 1;
                }
                w.hostname = h;
            }
            for (String n : g.all('N')) {
                Map<String, String> a = WparOps.attributes(n);
                String addr = a.get("address");
                if (addr != null && (addr.equals(host.ip)
                        || host.wparList().stream().anyMatch(o -> o != w && addr.equals(o.address)))) {
                    inv.err("chwpar: 0960-105 network.address must be unique across all workload partitions.");
                    return 1;
                }
                MkwparCommand.applyNetwork(host, w, a);
            }
            if (g.has('A')) {
                w.autostart = true;
            }
            if (g.has('c')) {
                w.checkpointable = true;
            }
            if (g.has('i')) {
                w.routing = true;
            }
            if (g.has('r')) {
                w.copyNameResolution = true;
            }
            if (g.has('u')) {
                w.script = g.get('u');
            }
            w.resources = controls;
            host.files.write("/etc/wpars/" + w.name + ".cf", SpecFile.write(w, false).getBytes(StandardCharsets.UTF_8));
        } finally {
            host.lock().unlock();
        }
        host.timing.pause("chwpar");
        return 0;
    }
}
