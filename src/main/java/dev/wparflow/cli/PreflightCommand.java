package dev.wparflow.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code preflight [HOST…]}: PreflightProcess (docs/preflight.md), the read-only check that wparflow can drive the
 * hosts; its one input {@code hosts} is the names given, joined by commas, or absent (every host wparflow knows).
 */
@Command(name = "preflight", description = "Check, changing nothing, that wparflow can drive these hosts (every host"
        + " it knows without any): host key, login, wparflow-run and every read-only command (PreflightProcess).")
class PreflightCommand extends StartCommand {

    @Parameters(paramLabel = "HOST", arity = "0..*", description = "LPARs, NIM masters or HMCs of the inventory")
    List<String> hosts;

    @Override
    public Integer call() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("hosts", hosts == null || hosts.isEmpty() ? null : String.join(",", hosts));
        return start("PreflightProcess", v);
    }
}
