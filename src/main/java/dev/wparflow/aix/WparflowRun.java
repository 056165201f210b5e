package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.wparflow.ssh.CommandResult;

/**
 * The detached-run protocol of deploy/aix/wparflow-run (docs/aix-helper.md): long AIX commands run
 * under a run id, independent of the SSH session that started them.
 */
public final class WparflowRun {

    /** The helper as installed on the hosts (on root's PATH, /usr/local/bin by docs/aix-helper.md). */
    public static final String PROGRAM = "wparflow-run";
    /** The protocol version this wparflow speaks: what {@code wparflow-run version} must answer. */
    public static final int PROTOCOL_VERSION = 1;

    private WparflowRun() {
    }

    /** What a host says about one run. {@code exitCode} is set when {@code state} is EXITED. */
    public record RunStatus(String runId, State state, Integer exitCode) {
    }

    public enum State { RUNNING, EXITED, UNKNOWN }

    /** {@code wparflow-run version}: answers {@code wparflow-run N}, N the protocol version. */
    public static AixCommand version() {
        return AixCommand.of(PROGRAM).keyword("version").build();
    }

    public static AixCommand start(RunId runId, AixCommand command) {
        return AixCommand.of(PROGRAM).keyword("start").arg(runId).endOfOptions().command(command).build();
    }

    /** One call for every open run of a host. */
    public static AixCommand status(List<RunId> runIds) {
        if (runIds.isEmpty()) {
            throw new IllegalArgumentException("status needs at least one run id");
        }
        return AixCommand.of(PROGRAM).keyword("status").args(runIds).build();
    }

    /**
     * The long poll: the host answers as {@link #status} does, once at least one of the runs is no longer running or
     * after {@code seconds}. One call per host replaces a status call every poll interval.
     */
    public static AixCommand await(int seconds, List<RunId> runIds) {
        if (runIds.isEmpty() || seconds < 1 || seconds > 3600) {
            throw new IllegalArgumentException("wait needs 1..3600 seconds and at least one run id");
        }
        return AixCommand.of(PROGRAM).keyword("wait").keyword(Integer.toString(seconds)).args(runIds).build();
    }

    public static AixCommand output(RunId runId) {
        return AixCommand.of(PROGRAM).keyword("output").arg(runId).build();
    }

    public static AixCommand cancel(RunId runId) {
        return AixCommand.of(PROGRAM).keyword("cancel").arg(runId).build();
    }

    public static AixCommand forget(RunId runId) {
        return AixCommand.of(PROGRAM).keyword("forget").arg(runId).build();
    }

    /** Parses {@code RUNID running}, {@code RUNID exited RC}, {@code RUNID unknown} lines, in order. */
    public static Map<String, RunStatus> parseStatus(CommandResult result) {
        if (!result.succeeded()) {
            throw new UnexpectedOutputException(result.host() + ": " + PROGRAM + " status failed with exit "
                    + result.exitStatus() + ": " + firstLine(result.stderr()));
        }
        Map<String, RunStatus> statuses = new LinkedHashMap<>();
        for (String line : result.stdout().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] words = line.trim().split("\\s+");
            RunStatus status = switch (words.length >= 2 ? words[1] : "") {
                case "running" -> new RunStatus(words[0], State.RUNNING, null);
                case "unknown" -> new RunStatus(words[0], State.UNKNOWN, null);
                case "exited" -> words.length == 3 && words[2].matches("\\d{1,3}")
                        ? new RunStatus(words[0], State.EXITED, Integer.parseInt(words[2]))
                        : null;
                default -> null;
            };
            if (status == null) {
                throw new UnexpectedOutputException(result.host() + ": unexpected " + PROGRAM + " status line: " + line);
            }
            statuses.put(status.runId(), status);
        }
        return statuses;
    }

    private static String firstLine(String text) {
        List<String> lines = new ArrayList<>(List.of(text.strip().split("\\R")));
        return lines.isEmpty() ? "" : lines.get(0);
    }
}
