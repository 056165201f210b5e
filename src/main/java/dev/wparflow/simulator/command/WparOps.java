package dev.wparflow.simulator.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import java.math.BigDecimal;
import java.util.function.Function;

import dev.wparflow.simulator.model.ResourceControls;
import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.Wpar;

/** Helpers shared by the WPAR commands: lookup, administrative locks, attribute=value lists. */
final class WparOps {
    /** wparlockctl operation codes. Redbook Example 4-23 shows only 6 = stopwpar; the others are the simulator's. */
    static final Map<String, Integer> OPERATIONS = Map.of("mkwpar", 1, "chwpar", 2, "rmwpar", 3, "startwpar", 4,
            "rebootwpar", 5, "stopwpar", 6, "savewpar", 7, "restwpar", 8, "syncwpar", 9);

    private WparOps() {
    }

    static String commandOf(int op) {
        return OPERATIONS.entrySet().stream().filter(e -> e.getValue() == op).map(Map.Entry::getKey).findFirst()
                .orElse("wparlockctl");
    }

    /** Caller holds the host lock. Prints the 0960-419 message if absent. */
    static Optional<Wpar> find(Invocation inv, String name) {
        Wpar w = inv.host.wpar(name).orElse(null);
        if (w == null) {
            inv.err(inv.name() + ": 0960-419 Could not find a workload partition called " + name + ".");
        }
        return Optional.ofNullable(w);
    }

    /** Caller holds the host lock. Prints Example 4-23's 0960-246 refusal and returns true when locked. */
    static boolean refuseIfLocked(Invocation inv, Wpar w) {
        if (w.lock != null) {
            inv.err(inv.name() + ": 0960-246 Workload partition " + w.name + " is currently locked by "
                    + w.lock.command() + " (PID = " + w.lock.pid() + ").");
            return true;
        }
        return false;
    }

    /** Takes the administrative lock for the command (caller holds the host lock). */
    static void lock(Invocation inv, Wpar w, String command) {
        w.lock = new Wpar.AdminLock(inv.host.nextPid(), OPERATIONS.getOrDefault(command, 0), command);
    }

    /** Parses {@code key=value key=value} (one -N or -M argument). */
    static Map<String, String> attributes(String spec) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : spec.trim().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                m.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return m;
    }

    /** AIX WPAR name rules (mkwpar reference): at most 25 bytes, no white space or = : / ! ; ` ' " < > ~ & ( ) * + [ ] , . ^ { } | \, not starting with - or 0. */
    static boolean validName(String n) {
        if (n == null || n.isEmpty() || n.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 25) {
            return false;
        }
        if (n.startsWith("-") || n.startsWith("0")) {
            return false;
        }
        for (char c : n.toCharArray()) {
            if (Character.isWhitespace(c) || "=:/!;`'\"<>~&()*+[],.^{}|\\".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The rule across WPARs of Redbook 8.2.1 (RB:11177): "The sum of minimum percentage for all running WPARs must not
     * exceed 100", for CPU and for memory, with {@code w} running under {@code controls}. Null when it holds; else the
     * refusal (its text is the simulator's, in the banner of Example 8-4). Caller holds the host lock.
     */
    static ResourceControls.Refused overcommitted(SimulatedHost host, Wpar w, ResourceControls controls) {
        ResourceControls.Refused cpu = overcommitted(host, w, controls, "CPU", ResourceControls::cpuMinimum);
        return cpu != null ? cpu : overcommitted(host, w, controls, "memory", ResourceControls::memoryMinimum);
    }

    private static ResourceControls.Refused overcommitted(SimulatedHost host, Wpar w, ResourceControls controls,
            String resource, Function<ResourceControls, BigDecimal> minimum) {
        BigDecimal sum = minimum.apply(controls);
        for (Wpar o : host.wparList()) {
            if (o != w && !o.name.equals(w.name) && o.running()) {
                sum = sum.add(minimum.apply(o.resources));
            }
        }
        if (sum.compareTo(BigDecimal.valueOf(100)) <= 0) {
            return null;
        }
        return new ResourceControls.Refused("resources." + resource + ": the sum of the minimum percentages of the"
                + " running workload partitions (" + sum.stripTrailingZeros().toPlainString() + "%) must not exceed 100%");
    }

    /** Prints a resource control refusal: Example 8-4's banner on stderr. */
    static int refuse(Invocation inv, ResourceControls.Refused r) {
        r.banner().forEach(inv::err);
        return 1;
    }

    static void setIdle(SimulatedHost host, Wpar w) {
        host.locked(() -> {
            w.lock = null;
        });
    }
}
