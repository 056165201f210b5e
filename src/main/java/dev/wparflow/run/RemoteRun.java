package dev.wparflow.run;

import java.time.Instant;
import java.util.List;

/**
 * A long AIX command started detached under a run id, as recorded in wparflow_remote_run. {@code waitingExecutionId}
 * is the execution waiting for it once its process has reached the wait; {@code correlatedAt}, when the watcher
 * handed its end to that wait (or found nobody waiting any more, with a note).
 */
public record RemoteRun(String runId, String host, String command, String processInstanceId, String activityId,
        State state, Integer exitCode, String output, Instant createdAt, Instant startedAt, Instant finishedAt,
        Instant correlatedAt, String note, String waitingExecutionId) {

    public enum State {
        /** recorded; the start command may or may not have reached the host yet */
        STARTING,
        /** the host runs it */
        RUNNING,
        /** the host reported its exit code */
        EXITED,
        /** the host no longer knows a run it had started (record removed, host reinstalled) */
        LOST,
        /** cancelled on the host on request */
        CANCELLED
    }

    public boolean finished() {
        return state == State.EXITED || state == State.LOST || state == State.CANCELLED;
    }

    /** The command ran to its end on the host and exited 0. */
    public boolean succeeded() {
        return state == State.EXITED && exitCode != null && exitCode == 0;
    }

    /** The last non-blank line of the run's output, or of its note when it has no output: the reason it ended. */
    public String lastLine() {
        String text = output != null ? output : note;
        if (text == null) {
            return "";
        }
        List<String> lines = text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
