package dev.wparflow.aix;

import java.util.List;
import java.util.function.Function;

import dev.wparflow.ssh.CommandResult;

/**
 * One read-only command preflight sends to a host, with the production parser that must understand its output. Only
 * commands {@link ReadOnlyCommands} allows can be checks: preflight never changes a host.
 *
 * @param name    what the report calls it ({@code lswpar -L}, {@code lsnim -l WPAR machines})
 * @param command the command as wparflow sends it
 * @param parser  the parser wparflow's operations use on that output
 * @param ignored what the output holds that the parser accepted but does not know (an extra {@code lswpar -L} field
 *                on a later AIX level), one entry each; empty for checks whose parser reads every line it keeps
 * @param anyExit whether the operations parse the output whatever the exit status: lslpp exits non-zero when one
 *                of the filesets asked about is missing (0504-132) and still lists the others
 * @param absent  a message id meaning that what the command reads does not exist, which the operations read as empty
 *                output: cat's 0652-050 for {@code /etc/wpars/devmap}, a file that exists only when a name mapped
 *                interface does; null for checks where every failure is one
 */
public record PreflightCheck(String name, AixCommand command, Function<String, ?> parser,
        Function<String, List<String>> ignored, boolean anyExit, String absent) {

    public PreflightCheck {
        if (!ReadOnlyCommands.allows(command)) {
            throw new IllegalArgumentException("preflight may send read-only commands only, not "
                    + command.commandLine());
        }
        if (ignored == null) {
            ignored = out -> List.of();
        }
    }

    public PreflightCheck(String name, AixCommand command, Function<String, ?> parser,
            Function<String, List<String>> ignored, boolean anyExit) {
        this(name, command, parser, ignored, anyExit, null);
    }

    public PreflightCheck(String name, AixCommand command, Function<String, ?> parser) {
        this(name, command, parser, null, false);
    }

    public PreflightCheck(String name, AixCommand command, Function<String, ?> parser,
            Function<String, List<String>> ignored) {
        this(name, command, parser, ignored, false);
    }

    /**
     * The command's result as the operations read it: the parsed value, or the failure {@link AixOutcomes} makes of
     * the exit status and messages (not permitted, not found, unexpected output with the {@code unknown format}
     * message of {@link #parse}).
     */
    public AixResult<Object> interpret(CommandResult result) {
        if (absent != null && !result.succeeded() && result.stderr() != null && result.stderr().contains(absent)) {
            return AixResult.ok(parse(""), List.of());
        }
        if (anyExit) {
            try {
                return AixResult.ok(parse(result.stdout()), List.of());
            } catch (UnexpectedOutputException e) {
                return AixOutcomes.interpret(result, this::parse);
            }
        }
        return AixOutcomes.interpret(result, this::parse);
    }

    /**
     * The production parser over {@code stdout}. Anything it throws other than {@link UnexpectedOutputException}
     * (a number that is not one, a missing column) is an unknown format too, named after this check's command.
     */
    public Object parse(String stdout) {
        try {
            return parser.apply(stdout == null ? "" : stdout);
        } catch (UnexpectedOutputException e) {
            if (e.isUnknownFormat()) {
                throw e;
            }
            throw UnexpectedOutputException.unknownFormat(command.commandLine(), stdout, e.getMessage());
        } catch (RuntimeException e) {
            throw UnexpectedOutputException.unknownFormat(command.commandLine(), stdout,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
