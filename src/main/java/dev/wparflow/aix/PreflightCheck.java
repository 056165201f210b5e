package dev.wparflow.aix;

import java.util.function.Function;

/**
 * One read-only command preflight sends to a host, with the production parser that must understand its output. Only
 * commands {@link ReadOnlyCommands} allows can be checks: preflight never changes a host.
 *
 * @param name    what the report calls it ({@code lswpar -L}, {@code lsnim -l WPAR machines})
 * @param command the command as wparflow sends it
 * @param parser  the parser wparflow's operations use on that output
 */
public record PreflightCheck(String name, AixCommand command, Function<String, ?> parser) {

    public PreflightCheck {
        if (!ReadOnlyCommands.allows(command)) {
            throw new IllegalArgumentException("preflight may send read-only commands only, not "
                    + command.commandLine());
        }
    }
}
