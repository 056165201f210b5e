package dev.wparflow.run;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.wparflow.aix.AixCommand;
import dev.wparflow.aix.AixShell;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.RunId;
import dev.wparflow.aix.WparflowRun;
import dev.wparflow.ssh.CommandOptions;
import dev.wparflow.ssh.CommandResult;

/**
 * Long AIX commands (savewpar, restwpar, movewpar…) run detached on their host under a run id
 * derived from the process instance and activity, so a retried job finds the run it started instead
 * of starting another. The process waits at a message catch event; {@link RunWatcher} learns from each host
 * when runs end and this service correlates every finished run exactly once: the claim of the
 * correlation and the correlation itself commit in one transaction.
 */
@Service
public class RemoteRunService {

    private static final Logger log = LoggerFactory.getLogger(RemoteRunService.class);

    private final RemoteRunRepository runs;
    private final AixShell shell;
    private final RuntimeService runtimeService;
    private final TransactionTemplate inTransaction;
    private final TransactionTemplate ownTransaction;
    private final ApplicationEventPublisher events;

    public RemoteRunService(RemoteRunRepository runs, AixShell shell, RuntimeService runtimeService,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events) {
        this.runs = runs;
        this.shell = shell;
        this.runtimeService = runtimeService;
        this.inTransaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
    }

    /** The run id of a step: process instance and activity, plus a suffix where one step starts several runs. */
    public static RunId runIdFor(Origin origin, String suffix) {
        if (origin.processInstanceId() == null || origin.activityId() == null) {
            throw new IllegalArgumentException("a detached run belongs to a process instance and activity");
        }
        String id = "wf-" + origin.processInstanceId() + "." + origin.activityId() + (suffix == null ? "" : "." + suffix);
        return RunId.of(id);
    }

    /**
     * Starts {@code command} on {@code host} detached, once: a retry of the same step finds the run
     * recorded (and the host's wparflow-run refuses to start a run id twice). Returns the run id the
     * model waits for.
     */
    public String start(Origin origin, String host, AixCommand command, String suffix) {
        RunId runId = runIdFor(origin, suffix);
        Optional<RemoteRun> recorded = runs.find(runId.value());
        if (recorded.isPresent() && recorded.get().state() != RemoteRun.State.STARTING) {
            log.info("run {} on {} was started before ({}); not starting it again", runId.value(), host,
                    recorded.get().state());
            return runId.value();
        }
        // recorded in its own transaction first: if this job rolls back after the host started the
        // command, the poller still knows the run
        ownTransaction.executeWithoutResult(status -> runs.insert(runId.value(), host, command.commandLine(),
                origin.processInstanceId(), origin.activityId()));
        // idempotent by its run id (the helper starts a run id at most once): the SSH layer may send it again on a
        // fresh session when the connection drops while it runs, and so may a retry of the step
        CommandResult started = shell.run(host, WparflowRun.start(runId, command), CommandOptions.idempotentByKey(),
                origin);
        if (!started.succeeded()) {
            throw new RemoteRunException(host, command.programName(), "wparflow-run start exited "
                    + started.exitStatus() + ": " + firstLine(started.stderr())
                    + (started.exitStatus() == 127 ? " (is deploy/aix/wparflow-run installed on " + host + "?)" : ""));
        }
        ownTransaction.executeWithoutResult(status -> runs.markRunning(runId.value()));
        log.info("started {} on {} as run {}", command.programName(), host, runId.value());
        events.publishEvent(new RunStarted(host, runId.value()));
        return runId.value();
    }

    /** Cancels a run on its host (abort paths) and records it as cancelled. */
    public void cancel(String runId, Origin origin) {
        RemoteRun run = runs.find(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        if (run.finished()) {
            return;
        }
        CommandResult cancelled = shell.run(run.host(), WparflowRun.cancel(RunId.of(runId)),
                CommandOptions.idempotentByKey(), origin);
        runs.markFinished(runId, RemoteRun.State.CANCELLED, 143, cancelled.stdout(), "cancelled by " + origin.activityId());
    }

    /** A detached run was started on {@code host} by this node: the watcher includes it in its next wait. */
    public record RunStarted(String host, String runId) {
    }

    public Optional<RemoteRun> find(String runId) {
        return runs.find(runId);
    }

    /**
     * Records what a host said about a run: an exited run's output is fetched and stored with its exit code (after
     * that the host's copy is no longer needed); a run the host no longer knows is LOST.
     */
    void record(String host, RemoteRun run, WparflowRun.RunStatus status, Origin origin) {
        if (status == null || status.state() == WparflowRun.State.RUNNING) {
            return;
        }
        if (status.state() == WparflowRun.State.EXITED) {
            String output = shell.read(host, WparflowRun.output(RunId.of(run.runId())), origin).stdout();
            runs.markFinished(run.runId(), RemoteRun.State.EXITED, status.exitCode(), output, null);
        } else if (run.state() == RemoteRun.State.RUNNING) {
            // the host had it and lost it; a STARTING run is the start step's to (re)try
            runs.markFinished(run.runId(), RemoteRun.State.LOST, null, null, host + " no longer knows this run");
        }
    }

    /** Correlates each finished run of {@code finished} and forgets it on its host once correlated. */
    void correlateAndForget(String host, List<RemoteRun> finished) {
        for (RemoteRun run : finished) {
            if (run.finished() && correlate(run)) {
                forget(host, run);
            }
        }
    }

    /**
     * Correlates a finished run to the execution waiting for it; true if this call did it. Asks first whether an
     * execution waits for the run: a failed correlation inside the engine marks the shared transaction
     * rollback-only, which used to roll back the "instance ended" claim too and stop the host's poll round at that
     * run, so every later run of the host waited forever (found by the relocation's save-timeout test).
     */
    boolean correlate(RemoteRun run) {
        if (runtimeService.createExecutionQuery().processInstanceId(run.processInstanceId())
                .messageEventSubscriptionName(RemoteRunVariables.MESSAGE)
                .variableValueEquals(RemoteRunVariables.RUN_ID, run.runId()).count() == 0) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(run.processInstanceId()).count() == 0) {
                // nobody will ever wait for it: claim it, say why
                runs.claimCorrelation(run.runId(), "process instance ended before the run finished");
            }
            return false; // not at its catch event yet (or any more, e.g. after a timeout): next round
        }
        try {
            return Boolean.TRUE.equals(inTransaction.execute(status -> {
                if (!runs.claimCorrelation(run.runId(), null)) {
                    return false;
                }
                runtimeService.createMessageCorrelation(RemoteRunVariables.MESSAGE)
                        .processInstanceId(run.processInstanceId())
                        .localVariableEquals(RemoteRunVariables.RUN_ID, run.runId())
                        .setVariable(RemoteRunVariables.RUN_STATE, run.state().name())
                        .setVariable(RemoteRunVariables.RUN_EXIT_CODE, run.exitCode())
                        .correlateWithResult();
                log.info("run {} ({} {}) correlated to process instance {}", run.runId(), run.state(),
                        run.exitCode(), run.processInstanceId());
                return true;
            }));
        } catch (RuntimeException raced) {
            // it left its catch event between the query and the correlation: rolled back, next round
            log.debug("run {} not correlated this round: {}", run.runId(), raced.getMessage());
            return false;
        }
    }

    private void forget(String host, RemoteRun run) {
        try {
            shell.run(host, WparflowRun.forget(RunId.of(run.runId())), Origin.background("forget run"));
        } catch (RuntimeException failure) {
            log.debug("forgetting {} on {} failed (harmless): {}", run.runId(), host, failure.getMessage());
        }
    }

    private static String firstLine(String text) {
        String stripped = text == null ? "" : text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline);
    }
}
