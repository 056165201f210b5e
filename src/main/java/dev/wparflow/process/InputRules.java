package dev.wparflow.process;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.wparflow.aix.KnownHosts;
import dev.wparflow.aix.LparName;
import dev.wparflow.aix.Validators;
import dev.wparflow.engine.InputField;

/**
 * The rules the processes' input contracts share: AIX names by the rules of the aix layer, hosts the
 * inventory knows, fixed choices, ISO-8601 values. Each rule returns null when the value passes, else the rule. The
 * host rules ({@link #host}, {@link #knownLpar}) also ask the {@link HostGate}s (the preflight gate), so an operation
 * on a host wparflow may not drive is refused at its start with the reason.
 */
@Component
public class InputRules {

    private final KnownHosts hosts;
    private final ObjectProvider<HostGate> gates;

    @Autowired
    public InputRules(KnownHosts hosts, ObjectProvider<HostGate> gates) {
        this.hosts = hosts;
        this.gates = gates;
    }

    /** Without gates: only what the inventory knows. */
    public InputRules(KnownHosts hosts) {
        this(hosts, null);
    }

    /** A global environment (or NIM master) the inventory knows: an SSH endpoint name. */
    public InputField host(String name) {
        return InputField.text(name).maxLength(255).rule("a host of the inventory", this::drivableHost);
    }

    /** A host of the inventory that no {@link HostGate} refuses. */
    public String drivableHost(String value) {
        String unknown = knownHost(value);
        if (unknown != null || gates == null) {
            return unknown;
        }
        return gates.orderedStream().map(g -> g.refusal(value)).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
    }

    public String knownHost(String value) {
        if (hosts.knows(value)) {
            return null;
        }
        List<String> names = hosts.names().stream().limit(30).toList();
        return "must be a host of the inventory (" + (names.isEmpty() ? "none configured" : String.join(", ", names))
                + "), not '" + printable(value) + "'";
    }

    /** An LPAR name that the inventory knows as a host (an SSH endpoint): certain before any host is asked. */
    public InputField knownLpar(String name) {
        return InputField.text(name).maxLength(47).rule("an LPAR of the inventory", value -> {
            LparName.of(value);
            return drivableHost(value);
        });
    }

    public static InputField wpar(String name) {
        return InputField.text(name).maxLength(25).rule("an AIX WPAR name (1-25 bytes, no white space or "
                + "= : / ! ; ` ' \" < > ~ & ( ) * + [ ] , . ^ { } | \\, not starting with - or 0)", wparName(name));
    }

    public static InputField lpar(String name) {
        return InputField.text(name).maxLength(47).rule("an LPAR name", value -> {
            LparName.of(value);
            return null;
        });
    }

    public static InputField oneOf(String name, String... choices) {
        Set<String> allowed = Set.of(choices);
        String listed = String.join(", ", choices);
        return InputField.text(name).maxLength(32).rule("one of " + listed,
                value -> allowed.contains(value) ? null : "must be one of " + listed + ", not '" + printable(value) + "'");
    }

    /** One of the choices in any case (the process reads it case-insensitively). */
    public static InputField oneOfIgnoringCase(String name, String... choices) {
        Set<String> allowed = Set.of(choices);
        String listed = String.join(", ", choices);
        return InputField.text(name).maxLength(32).rule("one of " + listed + " (any case)",
                value -> allowed.contains(value.toLowerCase(java.util.Locale.ROOT)) ? null
                        : "must be one of " + listed + ", not '" + printable(value) + "'");
    }

    public static InputField duration(String name) {
        return InputField.text(name).maxLength(32).rule("a positive ISO-8601 duration (PT24H)", value -> {
            try {
                Duration d = Duration.parse(value);
                return d.isNegative() || d.isZero() ? "must be a positive duration" : null;
            } catch (DateTimeParseException e) {
                return "must be an ISO-8601 duration such as PT24H, not '" + printable(value) + "'";
            }
        });
    }

    /** An ISO-8601 date-time with offset or an instant (2026-11-22T22:00:00Z). */
    public static InputField dateTime(String name) {
        return InputField.dateTime(name).rule("an ISO-8601 date-time with offset (2026-11-22T22:00:00Z)", value -> {
            try {
                OffsetDateTime.parse(value);
                return null;
            } catch (DateTimeParseException notOffset) {
                try {
                    Instant.parse(value);
                    return null;
                } catch (DateTimeParseException e) {
                    return "must be an ISO-8601 date-time with offset (2026-11-22T22:00:00Z), not '"
                            + printable(value) + "'";
                }
            }
        });
    }

    public static InputField oneLine(String name, int maxLength) {
        return InputField.text(name).maxLength(maxLength).rule("one line",
                value -> value.contains("\n") || value.contains("\r") ? "must be one line" : null);
    }

    public static UnaryOperator<String> wparName(String name) {
        return value -> {
            Validators.wparName(name, value);
            return null;
        };
    }

    /** The value as a refusal message may show it: printable, at most 40 characters. */
    public static String printable(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
