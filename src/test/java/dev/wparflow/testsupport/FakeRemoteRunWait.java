package dev.wparflow.testsupport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.wparflow.run.RemoteRunWait;

/** {@code remoteRunWait} for process-model tests: the test says which runs have ended; waits begun are listed. */
public class FakeRemoteRunWait extends RemoteRunWait {

    private final Set<String> ended = new HashSet<>();
    public final List<String> begun = new ArrayList<>();

    public FakeRemoteRunWait() {
        super(null);
    }

    /** Forgets every wait begun and every run ended. */
    public void clear() {
        ended.clear();
        begun.clear();
    }

    public void end(String runId) {
        ended.add(runId);
    }

    @Override
    public void begin(DelegateExecution execution, String runId) {
        if (runId == null) {
            throw new IllegalArgumentException("a wait without a run id at " + execution.getCurrentActivityId());
        }
        begun.add(runId);
    }

    @Override
    public boolean ended(String runId) {
        return ended.contains(runId);
    }
}
