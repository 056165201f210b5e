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
            if (!r.type().connectionLevel() && r.type() != FaultType.FILESET_FAILURE && r.matches(host, argv)
                    && r.consume()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * A command-level fault for a detached run's inner command, consumed. No SSH connection carries the command: a
     * connection drop cuts the host's sessions while it runs, an abandon kills it midway (HostRuntime). Those two apply
     * only to a rule that names the command: a rule for any command ({@code *}) drops connections, which a detached
     * command does not have, so it neither fires on one nor uses up a firing.
     */
    public Optional<FaultRule> forDetachedCommand(String host, List<String> argv) {
        for (FaultRule r : rules) {
            boolean aboutConnections = r.type() == FaultType.DROP_CONNECTION || r.type() == FaultType.ABANDON;
            if (!r.type().connectionLevel() && r.type() != FaultType.FILESET_FAILURE
                    && !(aboutConnections && "*".equals(r.command()))
                    && r.matches(host, argv) && r.consume()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether applying {@code fileset} with {@code command} ({@code installp} or {@code syncroot}) fails now: a
     * {@link FaultType#FILESET_FAILURE} rule for the host, the command (or any) and exactly that fileset, consumed.
     */
    public Optional<FaultRule> forFileset(String host, String command, String fileset) {
        for (FaultRule r : rules) {
            if (r.type() == FaultType.FILESET_FAILURE && r.matches(host, List.of(command, fileset))
                    && fileset.equals(r.argContains()) && r.consume()) {
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
