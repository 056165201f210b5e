package dev.wparflow.process.preflight;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.wparflow.process.HostGate;

/**
 * With {@code wparflow.preflight.required}, an operation on a host whose last preflight failed is refused at its
 * start, with the failure and when it was found; a passing preflight lifts it. A host never preflighted is allowed
 * or refused by {@code wparflow.preflight.unknown}.
 */
@Component
public class PreflightGate implements HostGate {

    private final PreflightSettings settings;
    private final PreflightResults results;

    public PreflightGate(PreflightSettings settings, PreflightResults results) {
        this.settings = settings;
        this.results = results;
    }

    @Override
    public String refusal(String host) {
        if (!settings.required()) {
            return null;
        }
        Optional<PreflightResults.HostResult> last = results.latest(host);
        if (last.isEmpty()) {
            return settings.unknown() == PreflightSettings.Unknown.REFUSE
                    ? "no preflight has checked " + host + " yet: run PreflightProcess for it (POST /api/preflight)"
                    : null;
        }
        PreflightResults.HostResult r = last.get();
        return r.passed() ? null
                : "preflight failed on " + host + " at " + r.checkedAt() + ": " + r.firstFailure() + " (run "
                        + r.runId() + "; a passing preflight lifts this)";
    }
}
