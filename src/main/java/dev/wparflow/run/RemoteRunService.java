package dev.wparflow.run;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
 * of starting another. The process waits at a timer due at the run's timeout ({@link RemoteRunWait}); {@link RunWatcher}
 * learns from each host when runs end and this service hands every finished run to its wait exactly once, by making
 * that timer due now: the claim and the new due date commit in one transaction. (A message correlation did the same
 * at several times the cost: docs/benchmarks.md.)
 */
@Service
public class RemoteRunService {

    private static final Logger log = LoggerFactory.getLogger(RemoteRunService.class);

    private final RemoteRunRepository runs;
    private final AixShell shell;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final Optional<JobExecutor> jobExecutor;
    private final Set<String> settling = ConcurrentHashMap.newKeySet();
    private final TransactionTemplate inTransaction;
    private final TransactionTemplate ownTransaction;
    private final ApplicationEventPublisher events;

    public RemoteRunService(RemoteRunRepository runs, AixShell shell, ProcessEngine engine,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events) {
        this.runs = runs;
        this.shell = shell;
        this.runtimeService = engine.getRuntimeService();
        this.managementService = engine.getManagementService();
        this.jobExecutor = Optional.ofNullable(
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor());
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
        // with the step's transaction: if it rolls back, the run stays STARTING and the retried step sends the start
        // again (the helper knows the run id and starts nothing); the watcher hears of it once that has committed
        runs.markRunning(runId.value());
        log.info("started {} on {} as run {}", command.programName(), host, runId.value());
        events.publishEvent(new RunStarted(host, runId.value()));
        return runId.value();
    }

    /**
     * Cancels a run on its host (abort paths and timeouts), recorded as cancelled first: the host's wait returns as
     * soon as the killed run exits (143), and the watcher must not record that as an ordinary exit. The record joins
     * the step's transaction, so a cancel that fails on the host leaves the run as it was; one that ended meanwhile
     * is left as it ended.
     */
    public void cancel(String runId, Origin origin) {
        RemoteRun run = runs.find(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        if (run.finished() || !runs.markFinished(runId, RemoteRun.State.CANCELLED, 143, null,
                "cancelled by " + origin.activityId())) {
            return;
        }
        shell.run(run.host(), WparflowRun.cancel(RunId.of(runId)), CommandOptions.idempotentByKey(), origin);
    }

    /**
     * A detached run was started on {@code host} by this node: once the starting step has committed (the process then
     * waits for it), the watcher includes it in a wait.
     */
    public record RunStarted(String host, String runId) {
    }

    public Optional<RemoteRun> find(String runId) {
        return runs.find(runId);
    }

    /**
     * Records what a host said about a run it was running: an exited run's output is fetched and stored with its
     * exit code (after that the host's copy is no longer needed); a run the host no longer knows is LOST. Only the
     * first report of a run's end counts.
     */
    void record(String host, String runId, WparflowRun.RunStatus status, Origin origin) {
        if (status == null || status.state() == WparflowRun.State.RUNNING) {
            return;
        }
        if (status.state() == WparflowRun.State.EXITED) {
            String output = shell.read(host, WparflowRun.output(RunId.of(runId)), origin).stdout();
            runs.markFinished(runId, RemoteRun.State.EXITED, status.exitCode(), output, null);
        } else {
            runs.markFinished(runId, RemoteRun.State.LOST, null, null, host + " no longer knows this run");
        }
    }

    /** Hands each finished run of {@code finished} to its wait and forgets it on its host once that is settled. */
    void handOverAndForget(String host, List<RemoteRun> finished) {
        for (RemoteRun run : finished) {
            if (run.finished() && handOver(run)) {
                forget(host, run);
            }
        }
    }

    /**
     * Settles a finished run once: makes the timer of the execution waiting for it due now, so the job executor
     * continues the process at once; or, when nobody waits any more (the timer fired, the wait was interrupted, the
     * instance ended), claims it with a note. True if this call settled it. The claim and the due date commit
     * together; a run whose process has not reached its wait yet is left for the next round. Runs this node is
     * settling already are skipped: the host's wait and the round see the same finished runs.
     */
    boolean handOver(RemoteRun run) {
        if (!settling.add(run.runId())) {
            return false;
        }
        try {
            return settle(run);
        } finally {
            settling.remove(run.runId());
        }
    }

    private boolean settle(RemoteRun run) {
        if (run.waitingExecutionId() == null) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(run.processInstanceId()).count() == 0) {
                // nobody will ever wait for it
                return runs.claimCorrelation(run.runId(), "process instance ended before the run finished");
            }
            return false; // the step that started it has not committed its wait yet: next round
        }
        boolean settled;
        try {
            settled = Boolean.TRUE.equals(inTransaction.execute(status -> {
                Job timer = managementService.createJobQuery().executionId(run.waitingExecutionId()).timers()
                        .singleResult();
                if (!runs.claimCorrelation(run.runId(), timer == null
                        ? "no longer waited for (timed out, interrupted or ended) when it finished" : null)) {
                    return false;
                }
                if (timer == null) {
                    return true;
                }
                managementService.setJobDuedate(timer.getId(), ClockUtil.getCurrentTime());
                log.info("run {} ({} {}) handed to process instance {}", run.runId(), run.state(), run.exitCode(),
                        run.processInstanceId());
                return true;
            }));
        } catch (RuntimeException raced) {
            // the timer fired or the wait was interrupted meanwhile: rolled back, the next round finds it gone
            log.debug("run {} not handed over this round: {}", run.runId(), raced.getMessage());
            return false;
        }
        if (settled) {
            // a changed due date does not wake an idle job executor by itself (only new jobs do); after a claim with a
            // note the nudge finds nothing to do
            jobExecutor.ifPresent(JobExecutor::jobWasAdded);
        }
        return settled;
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
