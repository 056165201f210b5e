package dev.wparflow.run;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A model's wait for a detached run, in expressions: an intermediate timer catch event due at the run's timeout, whose
 * start listener is {@code ${remoteRunWait.begin(execution, saveRunId)}}, followed by a gateway on
 * {@code ${remoteRunWait.ended(saveRunId)}}. When the run ends the watcher makes that timer due at once
 * ({@link RemoteRunService}), so the step after the wait runs as the timer's job, with its retries and incidents; if
 * the timer fires by itself the run has not ended and the gateway takes the timeout path. The wait event carries no
 * input mapping or boundary event: those would make it a scope, and its timer would belong to another execution.
 */
@Component("remoteRunWait")
public class RemoteRunWait {

    private final RemoteRunRepository runs;

    public RemoteRunWait(RemoteRunRepository runs) {
        this.runs = runs;
    }

    /** Notes which execution waits for {@code runId}: committed with the timer, so the watcher finds both or neither. */
    public void begin(DelegateExecution execution, String runId) {
        runs.markWaiting(runId, execution.getId());
    }

    /** True if the run has ended (exited, lost or cancelled) as far as the watcher has recorded; false on a timeout. */
    public boolean ended(String runId) {
        return runs.find(runId).map(RemoteRun::finished).orElse(false);
    }
}
