package dev.wparflow.aix;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.wparflow.audit.CommandTranscriptService;
import dev.wparflow.ssh.CommandOptions;
import dev.wparflow.ssh.CommandResult;
import dev.wparflow.ssh.RemoteShell;
import dev.wparflow.ssh.SshException;

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

    public AixShell(RemoteShell shell, CommandTranscriptService transcripts, Clock clock) {
        this.shell = shell;
        this.transcripts = transcripts;
        this.clock = clock;
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
            return result;
        } catch (SshException failure) {
            transcripts.record(new CommandTranscriptService.Entry(origin.processInstanceId(), origin.activityId(), host,
                    failure.command() == null ? command.programName() : failure.command(), null,
                    failure.failure() + ": " + failure.getMessage(), started,
                    Duration.between(started, clock.instant()), null, null));
            throw failure;
        }
    }
}
