package dev.wparflow.process.preflight;

import java.time.Instant;

/**
 * One line of a preflight report: on {@code host} (of {@code hostKind}: LPAR, NIM_MASTER, HMC), the check
 * {@code check} sent {@code commandLine} and found {@code status}; {@code detail} says what happened (the parser's
 * "unknown format" with the line, the host's message), {@code advice} what to do; {@code rawOutput} is the output as
 * the host printed it (kept for the anonymized bundle when the check failed).
 */
public record PreflightFinding(String runId, String host, String hostKind, String check, String commandLine,
        PreflightStatus status, String detail, String advice, String rawOutput, Instant checkedAt) {

    /** Whether the check passed: it parsed (possibly with fields wparflow does not know). */
    public boolean ok() {
        return status == PreflightStatus.OK || status == PreflightStatus.UNKNOWN_FIELDS;
    }

    /** Whether the report shows what happened and the bundle keeps the raw output: anything but a plain OK. */
    public boolean noteworthy() {
        return status != PreflightStatus.OK;
    }
}
