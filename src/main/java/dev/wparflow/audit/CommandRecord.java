package dev.wparflow.audit;

import java.time.Instant;

/**
 * One remote command as recorded: who ran it (process instance and activity), where, what (secrets
 * already redacted), how it ended, and the output up to the size limit with the SHA-256 of the full
 * text. {@code exitStatus} is null when the command never finished (then {@code failure} says why).
 */
public record CommandRecord(long seq, String processInstanceId, String activityId, String host, String command,
        Integer exitStatus, String failure, Instant startedAt, long durationMs, String stdout, String stderr,
        String stdoutSha256, String stderrSha256, boolean truncated, String prevHash, String hash) {
}
