package dev.wparflow.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Operations: what ran and runs ({@code /api/operations}), following one to its end, starting any by its key. */
@Command(name = "op", description = "Operations: list, show, wait for one, start one by its process key.",
        subcommands = { OpCommand.ListOps.class, OpCommand.Show.class, OpCommand.Wait.class, OpCommand.Start.class })
class OpCommand {

    @Command(name = "list", description = "Operations you may read, newest first.")
    static class ListOps extends ApiCommand {
        @Option(names = "--mine", description = "only the ones you started")
        boolean mine;

        @Option(names = "--running", description = "only the running ones")
        boolean running;

        @Option(names = { "-p", "--process" }, paramLabel = "KEY", description = "only of this process")
        String processKey;

        @Option(names = { "-n", "--max" }, paramLabel = "N", defaultValue = "50", description = "at most N (1-500)")
        int max;

        @Override
        public Integer call() {
            JsonNode page = api().get("/api/operations" + Api.query("processKey", processKey,
                    "state", running ? "RUNNING" : null, "startedBy", mine ? api().user() : null, "maxResults", max));
            if (json()) {
                printJson(page);
                return ExitStatus.DONE;
            }
            Table t = new Table("Id", "State", "Started", "By", "Process", "Subject", "Outcome");
            for (JsonNode o : page.path("operations")) {
                t.row(text(o, "id"), text(o, "state"), text(o, "startedAt"), text(o, "startedBy"),
                        text(o, "processKey"), text(o, "subject"), text(o, "outcome"));
            }
            out().print(t.render());
            out().flush();
            return ExitStatus.DONE;
        }
    }

    @Command(name = "show", description = "One operation: state, outcome and reason, steps, commands, images,"
            + " open incidents.")
    static class Show extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "the operation's id")
        String id;

        @Override
        public Integer call() {
            JsonNode detail = api().get("/api/operations/" + Api.segment(id));
            if (json()) {
                printJson(detail);
                return ExitStatus.DONE;
            }
            JsonNode op = detail.path("operation");
            OperationProgress progress = OperationProgress.of(detail, Instant.now());
            out().printf("Operation:  %s%n", text(op, "id"));
            out().printf("Process:    %s%n", text(op, "processKey"));
            out().printf("Subject:    %s%n", text(op, "subject"));
            out().printf("Started:    %s by %s%n", text(op, "startedAt"), text(op, "startedBy"));
            if (text(op, "endedAt") != null) {
                out().printf("Ended:      %s%n", text(op, "endedAt"));
            }
            out().printf("State:      %s%n", text(op, "state"));
            if (progress.running()) {
                out().printf("Step:       %s%n", progress.step());
                if (progress.waitingFor() != null) {
                    out().printf("Waiting for: %s%n", progress.waitingFor());
                }
            }
            if (text(op, "outcome") != null) {
                out().printf("Outcome:    %s%n", text(op, "outcome"));
            }
            if (text(op, "reason") != null) {
                out().printf("Reason:     %s%n", text(op, "reason"));
            }
            out().println();
            out().println("Steps:");
            Table steps = new Table("Started", "Duration", "Process", "Step");
            for (JsonNode s : detail.path("steps")) {
                String duration = s.path("durationMs").isNumber()
                        ? OperationProgress.clock(Duration.ofMillis(s.path("durationMs").asLong()))
                        : s.path("canceled").asBoolean() ? "canceled" : "running";
                steps.row(text(s, "startedAt"), duration, text(s, "processKey"),
                        s.path("name").isNull() ? text(s, "activityId") : text(s, "name"));
            }
            out().print(steps.render());
            out().println();
            out().println("Commands:");
            Table commands = new Table("Seq", "Host", "Exit", "Command");
            for (JsonNode c : detail.path("commands")) {
                commands.row(text(c, "seq"), text(c, "host"),
                        c.path("exitStatus").isNull() ? text(c, "failure") : text(c, "exitStatus"), text(c, "command"));
            }
            out().print(commands.render());
            if (detail.path("images").size() > 0) {
                out().println();
                out().println("Images:");
                detail.path("images").forEach(i -> out().printf("  %s %s%n", text(i, "id"), text(i, "path")));
            }
            if (detail.path("openIncidents").size() > 0) {
                out().println();
                out().println("Open incidents:");
                detail.path("openIncidents").forEach(i -> out().printf("  %s: %s%n", text(i, "activityId"),
                        text(i, "message")));
            }
            out().flush();
            return ExitStatus.DONE;
        }
    }

    @Command(name = "wait", description = { "Follow an operation to its end with a progress line (step, elapsed,"
            + " what it waits for); the exit status is its outcome's:",
            "0 completed, 1 refused/rejected/failed/rolled back/canceled; with --timeout,"
                    + " 3 still waiting for approval, 5 still running." })
    static class Wait extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "the operation's id")
        String id;

        @Option(names = "--timeout", paramLabel = "DURATION",
                description = "give up after this long (90s, 10m, 2h or PT10M); default: wait for the end")
        String timeout;

        @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s",
                description = "how often to ask (default ${DEFAULT-VALUE})")
        String interval;

        @Override
        public Integer call() {
            return follow(this, id, timeout == null ? null : duration("--timeout", timeout),
                    duration("--interval", interval));
        }
    }

    /** Polls the operation until it ends (or the timeout): progress on standard error, the result on output. */
    static int follow(ApiCommand command, String id, Duration timeout, Duration interval) {
        Instant giveUp = timeout == null ? null : Instant.now().plus(timeout);
        boolean live = command.root().terminal();
        String shown = null;
        while (true) {
            JsonNode detail = command.api().get("/api/operations/" + Api.segment(id));
            OperationProgress progress = OperationProgress.of(detail, Instant.now());
            String line = progress.line();
            if (live) {
                command.err().print("\r" + line + (shown != null && shown.length() > line.length()
                        ? " ".repeat(shown.length() - line.length()) : ""));
                command.err().flush();
                shown = line;
            } else if (!line.replaceAll("\\d\\d:\\d\\d:\\d\\d", "").equals(
                    shown == null ? null : shown.replaceAll("\\d\\d:\\d\\d:\\d\\d", ""))) {
                command.err().println(line);
                command.err().flush();
                shown = line;
            }
            boolean timedOut = giveUp != null && !Instant.now().isBefore(giveUp);
            if (!progress.running() || timedOut) {
                if (live) {
                    command.err().println();
                }
                if (command.json()) {
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("operation", detail.path("operation"));
                    result.put("step", progress.step());
                    result.put("waitingFor", progress.waitingFor());
                    result.put("exitStatus", progress.exitStatus());
                    command.printJson(result);
                } else {
                    command.out().println(progress.running() ? line : progress.result());
                    command.out().flush();
                }
                return progress.exitStatus();
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitStatus.STILL_RUNNING;
            }
        }
    }

    /** {@code 500ms}, {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT10M}). */
    static Duration duration(String option, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new CliException(ExitStatus.USAGE, option + ": '" + text
                    + "' is no duration (90s, 10m, 2h, 1d or ISO-8601 such as PT10M)");
        }
    }

    @Command(name = "start", description = "Start any operation by its process key with the inputs its contract"
            + " declares (docs/security.md, \"Input contracts\").")
    static class Start extends StartCommand {
        @Parameters(paramLabel = "PROCESS_KEY", description = "e.g. WparBackupProcess")
        String processKey;

        @Option(names = "--var", paramLabel = "NAME=VALUE", description = "an input (repeatable); values are sent as"
                + " text, which the contract reads as numbers or true/false where it declares them")
        List<String> vars = new ArrayList<>();

        @Override
        public Integer call() {
            Map<String, Object> values = new LinkedHashMap<>();
            addVars(values, vars);
            return start(processKey, values);
        }
    }
}
