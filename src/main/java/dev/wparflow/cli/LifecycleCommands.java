package dev.wparflow.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wpar start|stop|reboot|recover}: WparLifecycleProcess on a list of WPARs of one LPAR or on all its system
 * WPARs (docs/lifecycle.md), with the inputs of its contract: {@code lpar}, {@code action}, {@code wpars} or
 * {@code allWpars}, {@code parallelism}, {@code drainCommand}, {@code startAfterRecovery}, {@code changeReason}.
 */
final class LifecycleCommands {

    private LifecycleCommands() {
    }

    /** The options every lifecycle verb has; the subclass names its action and adds its own inputs. */
    abstract static class Lifecycle extends StartCommand {
        @Parameters(paramLabel = "NAME", arity = "0..*", description = "the WPARs (or --all)")
        List<String> wpars = new ArrayList<>();

        @Option(names = { "-l", "--lpar" }, paramLabel = "LPAR", required = true, description = "their LPAR")
        String lpar;

        @Option(names = "--all", description = "every system WPAR of the LPAR")
        boolean all;

        @Option(names = "--parallelism", paramLabel = "N",
                description = "WPARs at a time, 1-10 (default: wparflow.lifecycle.parallelism)")
        Integer parallelism;

        @Option(names = "--reason", paramLabel = "TEXT", description = "why (the change reason)")
        String reason;

        abstract String action();

        /** The inputs only this verb has. */
        void addInputs(Map<String, Object> values) {
        }

        @Override
        public Integer call() {
            if (all == !wpars.isEmpty()) {
                throw new CliException(ExitStatus.USAGE, "wpar " + spec.name() + ": give WPAR names or --all, one of"
                        + " the two");
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("lpar", lpar);
            v.put("action", action());
            if (all) {
                v.put("allWpars", true);
            } else {
                v.put("wpars", String.join(",", wpars));
            }
            v.put("parallelism", parallelism);
            addInputs(v);
            v.put("changeReason", reason);
            return start("WparLifecycleProcess", v);
        }
    }

    @Command(name = "start", description = "Start WPARs of an LPAR (WparLifecycleProcess, startwpar; no approval).")
    static class Start extends Lifecycle {
        @Override
        String action() {
            return "start";
        }
    }

    @Command(name = "stop", description = "Stop WPARs of an LPAR (WparLifecycleProcess, stopwpar; approval).")
    static class Stop extends Lifecycle {
        @Option(names = "--force", description = "stopwpar -F (action stop-force)")
        boolean force;

        @Option(names = "--drain", paramLabel = "CMD", description = "run inside each WPAR (clogin) before it stops")
        String drain;

        @Override
        String action() {
            return force ? "stop-force" : "stop";
        }

        @Override
        void addInputs(Map<String, Object> values) {
            values.put("drainCommand", drain);
        }
    }

    @Command(name = "reboot", description = "Reboot WPARs of an LPAR (WparLifecycleProcess, rebootwpar; approval).")
    static class Reboot extends Lifecycle {
        @Option(names = "--drain", paramLabel = "CMD",
                description = "run inside each WPAR (clogin) before it reboots")
        String drain;

        @Override
        String action() {
            return "reboot";
        }

        @Override
        void addInputs(Map<String, Object> values) {
            values.put("drainCommand", drain);
        }
    }

    @Command(name = "recover", description = "Recover Broken or Transitional WPARs of an LPAR: state and logs into the"
            + " transcript, stopwpar -F (WparLifecycleProcess; approval).")
    static class Recover extends Lifecycle {
        @Option(names = "--start-after", description = "start each WPAR once recovered")
        boolean startAfter;

        @Override
        String action() {
            return "recover";
        }

        @Override
        void addInputs(Map<String, Object> values) {
            if (startAfter) {
                values.put("startAfterRecovery", true);
            }
        }
    }
}
