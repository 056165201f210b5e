package dev.wparflow.process.preflight;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's findings as a report: per host and check, the status, what happened and what to do. Text for a person,
 * a structured value for JSON. The anonymized bundle (raw outputs of the checks that failed) is built separately.
 */
public final class PreflightReport {

    private PreflightReport() {
    }

    /** One host's part of the JSON report. */
    public record HostReport(String host, String hostKind, boolean passed, List<PreflightFinding> findings) {
    }

    /** The JSON report of {@code run}. */
    public record Report(PreflightResults.Run run, List<HostReport> hosts) {
    }

    public static Report of(PreflightResults.Run run, List<PreflightFinding> findings) {
        Map<String, List<PreflightFinding>> byHost = byHost(findings);
        return new Report(run, byHost.values().stream().map(f -> new HostReport(f.get(0).host(), f.get(0).hostKind(),
                f.stream().allMatch(PreflightFinding::ok), f)).toList());
    }

    public static String text(PreflightResults.Run run, List<PreflightFinding> findings) {
        StringBuilder out = new StringBuilder();
        out.append("wparflow preflight ").append(run.id()).append(", started ").append(run.startedAt())
                .append(run.startedBy() == null ? "" : " by " + run.startedBy())
                .append(run.finishedAt() == null ? ", still running" : ", finished " + run.finishedAt()).append('\n');
        for (List<PreflightFinding> host : byHost(findings).values()) {
            PreflightFinding first = host.get(0);
            boolean passed = host.stream().allMatch(PreflightFinding::ok);
            out.append('\n').append(first.host()).append(" (").append(first.hostKind()).append("): ")
                    .append(passed ? "passed" : "FAILED").append('\n');
            for (PreflightFinding f : host) {
                out.append(String.format("  %-14s %s", f.status(), f.check()));
                if (f.detail() != null && !f.detail().isBlank()) {
                    out.append(": ").append(f.detail().strip().replace('\n', ' '));
                }
                out.append('\n');
                if (f.advice() != null && !f.advice().isBlank()) {
                    out.append("                 -> ").append(f.advice()).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static Map<String, List<PreflightFinding>> byHost(List<PreflightFinding> findings) {
        Map<String, List<PreflightFinding>> byHost = new LinkedHashMap<>();
        findings.forEach(f -> byHost.computeIfAbsent(f.host(), h -> new java.util.ArrayList<>()).add(f));
        return byHost;
    }
}
