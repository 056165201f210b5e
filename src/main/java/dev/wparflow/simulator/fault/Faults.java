package dev.wparflow.simulator.fault;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The fleet's fault rules (from the fleet file and from tests). First matching rule with firings left wins. */
public final class Faults {
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

    public FaultRule add(FaultRule rule) {
        rules.add(rule);
        return rule;
    }

    public void remove(FaultRule rule) {
        rules.remove(rule);
    }

    public void clear() {
        rules.clear();
    }

    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    /** A command-level fault for this command, consumed. */
    public Optional<FaultRule> forCommand(String host, List<String> argv) {
        for (FaultRule r : rules) {
            if (!r.type().connectionLevel() && r.matches(host, argv) && r.consume()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * A command-level fault for a detached run's inner command, consumed: no SSH connection carries it, so a
     * connection drop does not apply (and does not use up a firing).
     */
    public Optional<FaultRule> forDetachedCommand(String host, List<String> argv) {
        for (FaultRule r : rules) {
            if (!r.type().connectionLevel() && r.type() != FaultType.DROP_CONNECTION && r.matches(host, argv)
                    && r.consume()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Whether a connection-level fault of this type fires now for the host (consumes one firing). */
    public boolean connection(String host, FaultType type) {
        for (FaultRule r : rules) {
            if (r.type() == type && r.matches(host, List.of()) && r.consume()) {
                return true;
            }
        }
        return false;
    }

    /** Like {@link #connection} but does not consume (host key provider is asked several times per handshake). */
    public boolean active(String host, FaultType type) {
        for (FaultRule r : rules) {
            if (r.type() == type && r.matches(host, List.of()) && r.remaining() != 0) {
                return true;
            }
        }
        return false;
    }
}
