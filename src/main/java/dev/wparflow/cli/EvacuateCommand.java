package dev.wparflow.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code evacuate}: EvacuationProcess (docs/evacuation.md) with the inputs of its contract: one of {@code lpar},
 * {@code managedSystem} and {@code returnFrom}, {@code maintenanceWindowStart}, the limits {@code perSource},
 * {@code perTarget}, {@code globalLimit}, {@code stopAfterFailures}, and the approval's {@code quorum}.
 */
@Command(name = "evacuate", description = "Move every WPAR off an LPAR or a managed system, or bring an evacuation's"
        + " WPARs back (EvacuationProcess; one approval of the plan).")
class EvacuateCommand extends StartCommand {

    static class Scope {
        @Option(names = { "-l", "--lpar" }, paramLabel = "LPAR", required = true, description = "empty this LPAR")
        String lpar;

        @Option(names = { "-m", "--managed-system" }, paramLabel = "MANAGED_SYSTEM", required = true,
                description = "empty every LPAR of this managed system")
        String managedSystem;

        @Option(names = "--return-from", paramLabel = "ID", required = true,
                description = "move the WPARs this evacuation moved back")
        String returnFrom;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Scope scope;

    @Option(names = "--window", paramLabel = "TIME",
            description = "maintenance window start, ISO-8601 with offset (default: right after the approval)")
    String window;

    @Option(names = "--per-source", paramLabel = "N", description = "moves at a time off one LPAR, 1-16")
    Integer perSource;

    @Option(names = "--per-target", paramLabel = "N", description = "moves at a time onto one LPAR, 1-16")
    Integer perTarget;

    @Option(names = "--global", paramLabel = "N", description = "moves at a time in all, 1-64")
    Integer global;

    @Option(names = "--stop-after-failures", paramLabel = "N", description = "failed moves before the rest stay")
    Integer stopAfterFailures;

    @Option(names = "--quorum", paramLabel = "N", description = "approvals needed (1-5)")
    Integer quorum;

    @Override
    public Integer call() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("lpar", scope.lpar);
        v.put("managedSystem", scope.managedSystem);
        v.put("returnFrom", scope.returnFrom);
        v.put("maintenanceWindowStart", window);
        v.put("perSource", perSource);
        v.put("perTarget", perTarget);
        v.put("globalLimit", global);
        v.put("stopAfterFailures", stopAfterFailures);
        v.put("quorum", quorum);
        return start("EvacuationProcess", v);
    }
}
