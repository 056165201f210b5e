package dev.wparflow.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wpar sync}: WparSyncProcess on the drifting WPARs of one LPAR (docs/maintenance.md, "Sync"), with the inputs
 * of its contract: {@code lpar}, {@code wpars} (only these, each if it drifts), {@code softwareSource} (for detached
 * WPARs), {@code attempts}, {@code changeReason}.
 */
@Command(name = "sync", description = "Sync the WPARs of an LPAR whose software levels drift from the global"
        + " environment's: syncwpar, or inuwpar for a detached WPAR (WparSyncProcess; approval).")
class WparSyncCommand extends StartCommand {
    @Parameters(paramLabel = "NAME", arity = "0..*", description = "only these WPARs (default: every drifting one)")
    List<String> wpars = new ArrayList<>();

    @Option(names = { "-l", "--lpar" }, paramLabel = "LPAR", required = true, description = "the LPAR")
    String lpar;

    @Option(names = "--source", paramLabel = "DIR",
            description = "software source for detached WPARs (inuwpar -d; default: wparflow.software.sync.source)")
    String source;

    @Option(names = "--attempts", paramLabel = "N",
            description = "attempts per WPAR, 1-10 (default: wparflow.software.sync.attempts)")
    Integer attempts;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why (the change reason)")
    String reason;

    @Override
    public Integer call() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("lpar", lpar);
        if (!wpars.isEmpty()) {
            v.put("wpars", String.join(",", wpars));
        }
        v.put("softwareSource", source);
        v.put("attempts", attempts);
        v.put("changeReason", reason);
        return start("WparSyncProcess", v);
    }
}
