package dev.wparflow.aix;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.wparflow.audit.CommandTranscriptService;
import dev.wparflow.ssh.CommandOptions;
import dev.wparflow.ssh.CommandResult;
import dev.wparflow.ssh.RemoteShell;
import dev.wparflow.ssh.SshException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs a built {@link AixCommand} on a host and records it in the command transcripts, whether it
 * exited (any status) or failed technically. Process code reaches hosts through {@link AixGateway}, which runs every
 * command here.
 */
@Component
public class AixShell {

    private final RemoteShell shell;
    private final CommandTranscriptService transcripts;
    private final Clock clock;
    private final MeterRegistry meters;

    public AixShell(RemoteShell shell, CommandTranscriptService transcripts, Clock clock) {
        this(shell, transcripts, clock, null);
    }

    /** @param meters where {@code wparflow.aix.commands} is counted; null: nowhere */
    @Autowired
    public AixShell(RemoteShell shell, CommandTranscriptService transcripts, Clock clock, MeterRegistry meters) {
        this.shell = shell;
        this.transcripts = transcripts;
        this.clock = clock;
        this.meters = meters;
    }

    public CommandResult run(String host, AixCommand command, Origin origin) {
        return run(host, command, CommandOptions.DEFAULT, origin);
    }

    /** A read that may be re-sent if its connection drops (lswpar, lsvg, oslevel…). */
    public CommandResult read(String host, AixCommand command, Origin origin) {
        return run(host, command, CommandOptions.idempotentRead(), origin);
    }

    /**
     * Whether the step {@code origin} (process instance and activity) sent a command to {@code host} whose line
     * contains {@code text}, by the command transcript: it is written in its own transaction once the command ends or
     * fails, so it outlives the step's rollback and the death of the node that sent it. A command whose node died
     * while it ran is not there (nothing came back to record).
     */
    public boolean stepSent(Origin origin, String host, String text) {
        if (origin.processInstanceId() == null) {
            return false;
        }
        return transcripts.forProcessInstance(origin.processInstanceId()).stream()
                .anyMatch(c -> java.util.Objects.equals(c.activityId(), origin.activityId()) && host.equals(c.host())
                        && c.command() != null && c.command().contains(text));
    }

    public CommandResult run(String host, AixCommand command, CommandOptions options, Origin origin) {
        Instant started = clock.instant();
        try {
            CommandResult result = shell.run(host, command.commandLine(), options);
            transcripts.record(new CommandTranscriptService.Entry(origin.processInstanceId(), origin.activityId(), host,
                    result.command(), result.exitStatus(), null, started, result.duration(), result.stdout(),
                    result.stderr()));
            count(host, command, result.succeeded() ? "exit_0" : "exit_nonzero");
            return result;
        } catch (SshException failure) {
            transcripts.record(new CommandTranscriptService.Entry(origin.processInstanceId(), origin.activityId(), host,
                    failure.command() == null ? command.programName() : failure.command(), null,
                    failure.failure() + ": " + failure.getMessage(), started,
                    Duration.between(started, clock.instant()), null, null));
            count(host, command, failure.failure().name().toLowerCase(java.util.Locale.ROOT));
            throw failure;
        }
    }

    /** One command by host, program and result: exit_0, exit_nonzero, or the SSH failure (connect_timeout…). */
    private void count(String host, AixCommand command, String result) {
        if (meters != null) {
            Counter.builder("wparflow.aix.commands").description("AIX commands run, by host, program and result")
                    .tag("host", host).tag("command", command.programName()).tag("result", result)
                    .register(meters).increment();
        }
    }
}
