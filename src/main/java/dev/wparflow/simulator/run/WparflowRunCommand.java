package dev.wparflow.simulator.run;

import java.util.List;
import java.util.regex.Pattern;

import dev.wparflow.simulator.command.CommandHandler;
import dev.wparflow.simulator.command.Invocation;

/**
 * {@code wparflow-run} (the simulator's side of wparflow's protocol for long AIX commands):
 * <pre>
 * wparflow-run start RUNID -- COMMAND ARGS...   start detached, print "RUNID running" (or, when the
 *                                               RUNID exists, its status, without starting it again)
 * wparflow-run status RUNID...                  one line each: "RUNID running", "RUNID exited RC",
 *                                               "RUNID unknown"
 * wparflow-run wait SECONDS RUNID...            as status, once one of them is not running (or after
 *                                               SECONDS): the run poller's long poll
 * wparflow-run output RUNID                     combined stdout+stderr so far
 * wparflow-run cancel RUNID                     interrupt; the run ends with "exited 143"
 * wparflow-run forget RUNID                     drop a finished run
 * </pre>
 * Exit status 0, except: usage errors 2; output/cancel/forget of an unknown RUNID 1; forget of a
 * running run 1.
 */
public final class WparflowRunCommand implements CommandHandler {
    public static final String NAME = "wparflow-run";
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String USAGE = "Usage: wparflow-run {start RUNID -- COMMAND [ARG...] | status RUNID... | wait SECONDS RUNID... | output RUNID | cancel RUNID | forget RUNID}";

    @Override
    public int run(Invocation inv) {
        List<String> a = inv.args();
        if (a.equals(List.of("version"))) {
            // the protocol version wparflow's preflight expects (WparflowRun.PROTOCOL_VERSION)
            inv.out("wparflow-run 1");
            return 0;
        }
        if (a.size() < 2) {
            inv.err(USAGE);
            return 2;
        }
        String sub = a.get(0);
        RunManager runs = inv.services.runs();
        List<String> ids = switch (sub) {
            case "start" -> List.of(a.get(1));
            case "wait" -> a.size() < 3 ? List.of() : a.subList(2, a.size());
            default -> a.subList(1, a.size());
        };
        if ("wait".equals(sub) && (ids.isEmpty() || !a.get(1).matches("[0-9]{1,4}"))) {
            inv.err(USAGE);
            return 2;
        }
        for (String id : ids) {
            if (!RUN_ID.matcher(id).matches()) {
                inv.err("wparflow-run: invalid RUNID: " + id);
                return 2;
            }
        }
        switch (sub) {
            case "start" -> {
                if (a.size() < 4 || !"--".equals(a.get(2))) {
                    inv.err(USAGE);
                    return 2;
                }
                RunManager.Run r = runs.start(a.get(1), a.subList(3, a.size()));
                inv.out(r.statusLine());
                return 0;
            }
            case "status" -> {
                for (String id : a.subList(1, a.size())) {
                    RunManager.Run r = runs.get(id);
                    inv.out(r == null ? id + " unknown" : r.statusLine());
                }
                return 0;
            }
            case "wait" -> {
                try {
                    runs.awaitAny(ids, java.time.Duration.ofSeconds(Integer.parseInt(a.get(1))));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 130;
                }
                for (String id : ids) {
                    RunManager.Run r = runs.get(id);
                    inv.out(r == null ? id + " unknown" : r.statusLine());
                }
                return 0;
            }
            case "output" -> {
                RunManager.Run r = runs.get(a.get(1));
                if (r == null) {
                    inv.err(a.get(1) + " unknown");
                    return 1;
                }
                inv.outRaw(r.output());
                return 0;
            }
            case "cancel" -> {
                if (!runs.cancel(a.get(1))) {
                    inv.err(a.get(1) + " unknown");
                    return 1;
                }
                return 0;
            }
            case "forget" -> {
                RunManager.Run r = runs.get(a.get(1));
                if (r == null) {
                    inv.err(a.get(1) + " unknown");
                    return 1;
                }
                if (!runs.forget(a.get(1))) {
                    inv.err(r.statusLine());
                    return 1;
                }
                return 0;
            }
            default -> {
                inv.err(USAGE);
                return 2;
            }
        }
    }
}
