package dev.wparflow.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records every remote command in a hash chain. Each record's hash covers its fields and the
 * previous record's hash; the chain head is one row locked while appending, so records from all
 * engine nodes form one chain. Commands that end at the same time on one node are appended in one
 * transaction (group commit). Recording runs in its own transaction: a command that ran stays
 * recorded even when the step that ran it rolls back.
 */
@Service
public class CommandTranscriptService {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final int outputLimit;
    private static final int MAX_BATCH = 200;
    private final java.util.concurrent.ConcurrentLinkedQueue<Pending> queue = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.locks.ReentrantLock writer = new java.util.concurrent.locks.ReentrantLock();

    private record Pending(Entry entry, java.util.concurrent.CompletableFuture<CommandRecord> result) {
        Pending(Entry entry) {
            this(entry, new java.util.concurrent.CompletableFuture<>());
        }
    }

    public CommandTranscriptService(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            @Value("${wparflow.transcripts.output-limit:65536}") int outputLimit) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.outputLimit = Math.min(outputLimit, 65536);
    }

    /** What to record; {@code command} must already be redacted. */
    public record Entry(String processInstanceId, String activityId, String host, String command, Integer exitStatus,
            String failure, Instant startedAt, Duration duration, String stdout, String stderr) {
    }

    /**
     * Appends the record and returns it once committed. Concurrent callers on this node are appended together (group
     * commit): whoever holds the writer lock writes everything queued so far in one transaction, under one lock of
     * the chain head, so the chain costs one round of locking per batch instead of per command.
     */
    public CommandRecord record(Entry entry) {
        Pending mine = new Pending(entry);
        queue.add(mine);
        writer.lock();
        try {
            while (!mine.result.isDone()) {
                List<Pending> batch = new ArrayList<>();
                for (Pending p = queue.poll(); p != null; p = batch.size() < MAX_BATCH ? queue.poll() : null) {
                    batch.add(p);
                }
                write(batch);
            }
        } finally {
            writer.unlock();
        }
        try {
            return mine.result.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void write(List<Pending> batch) {
        try {
            List<CommandRecord> written = ownTransaction.execute(status -> appendAll(batch));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result.complete(written.get(i));
            }
        } catch (RuntimeException failure) {
            batch.forEach(p -> p.result.completeExceptionally(failure));
        }
    }

    private List<CommandRecord> appendAll(List<Pending> batch) {
        Map<String, Object> head = jdbc.queryForMap("SELECT seq, hash FROM wparflow_command_head WHERE id = 1 FOR UPDATE");
        long seq = ((Number) head.get("seq")).longValue();
        String prevHash = ((String) head.get("hash")).trim();
        List<CommandRecord> written = new ArrayList<>(batch.size());
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            CommandRecord r = signed(p.entry, ++seq, prevHash);
            written.add(r);
            rows.add(new Object[] {r.seq(), r.processInstanceId(), r.activityId(), r.host(), r.command(),
                    r.exitStatus(), r.failure(), OffsetDateTime.ofInstant(r.startedAt(), ZoneOffset.UTC),
                    r.durationMs(), r.stdout(), r.stderr(), r.stdoutSha256(), r.stderrSha256(), r.truncated(),
                    r.prevHash(), r.hash()});
            prevHash = r.hash();
        }
        // one JDBC batch: one round trip, and one multi-row INSERT where the driver rewrites batches (PostgreSQL)
        jdbc.batchUpdate("""
                INSERT INTO wparflow_command (seq, process_instance_id, activity_id, host, command, exit_status, failure,
                    started_at, duration_ms, stdout, stderr, stdout_sha256, stderr_sha256, truncated, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
        jdbc.update("UPDATE wparflow_command_head SET seq = ?, hash = ? WHERE id = 1", seq, prevHash);
        return written;
    }

    private CommandRecord signed(Entry entry, long seq, String prevHash) {
        String stdout = nullToEmpty(entry.stdout());
        String stderr = nullToEmpty(entry.stderr());
        boolean truncated = stdout.length() > outputLimit || stderr.length() > outputLimit;
        // microseconds: what both H2 and PostgreSQL store, so the hash survives the round trip
        Instant startedAt = entry.startedAt().truncatedTo(ChronoUnit.MICROS);
        CommandRecord unsigned = new CommandRecord(seq, entry.processInstanceId(), entry.activityId(), entry.host(),
                entry.command(), entry.exitStatus(), entry.failure(), startedAt, entry.duration().toMillis(),
                cut(stdout), cut(stderr), sha256(stdout), sha256(stderr), truncated, prevHash, null);
        return withHash(unsigned, hashOf(unsigned));
    }

    public List<CommandRecord> forProcessInstance(String processInstanceId) {
        return jdbc.query("SELECT * FROM wparflow_command WHERE process_instance_id = ? ORDER BY seq",
                this::row, processInstanceId);
    }

    public List<CommandRecord> recent(int limit) {
        return jdbc.query("SELECT * FROM wparflow_command ORDER BY seq DESC", this::row).stream().limit(limit).toList();
    }

    /**
     * Recomputes the chain from the first record: the sequence number of the first record that was
     * altered, removed or inserted out of order, or empty when the chain is intact.
     */
    public Optional<Long> firstBrokenRecord() {
        String expectedPrev = "0".repeat(64);
        long expectedSeq = 1;
        for (CommandRecord record : jdbc.query("SELECT * FROM wparflow_command ORDER BY seq", this::row)) {
            if (record.seq() != expectedSeq || !record.prevHash().equals(expectedPrev)
                    || !hashOf(record).equals(record.hash())) {
                return Optional.of(record.seq());
            }
            expectedPrev = record.hash();
            expectedSeq++;
        }
        Map<String, Object> head = jdbc.queryForMap("SELECT seq, hash FROM wparflow_command_head WHERE id = 1");
        if (((Number) head.get("seq")).longValue() != expectedSeq - 1 || !((String) head.get("hash")).trim().equals(expectedPrev)) {
            return Optional.of(expectedSeq); // the newest records were removed
        }
        return Optional.empty();
    }

    static String hashOf(CommandRecord r) {
        String canonical = String.join("\u001f", String.valueOf(r.seq()), nullToEmpty(r.processInstanceId()),
                nullToEmpty(r.activityId()), r.host(), r.command(), String.valueOf(r.exitStatus()),
                nullToEmpty(r.failure()), r.startedAt().toString(), String.valueOf(r.durationMs()),
                r.stdoutSha256(), r.stderrSha256(), sha256(nullToEmpty(r.stdout())), sha256(nullToEmpty(r.stderr())),
                String.valueOf(r.truncated()), r.prevHash());
        return sha256(canonical);
    }

    private CommandRecord row(ResultSet rs, int rowNum) throws SQLException {
        int exit = rs.getInt("exit_status");
        Integer exitStatus = rs.wasNull() ? null : exit;
        return new CommandRecord(rs.getLong("seq"), rs.getString("process_instance_id"), rs.getString("activity_id"),
                rs.getString("host"), rs.getString("command"), exitStatus, rs.getString("failure"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(), rs.getLong("duration_ms"),
                rs.getString("stdout"), rs.getString("stderr"), rs.getString("stdout_sha256").trim(),
                rs.getString("stderr_sha256").trim(), rs.getBoolean("truncated"), rs.getString("prev_hash").trim(),
                rs.getString("hash").trim());
    }

    private String cut(String text) {
        return text.length() > outputLimit ? text.substring(0, outputLimit) : text;
    }

    private static CommandRecord withHash(CommandRecord r, String hash) {
        return new CommandRecord(r.seq(), r.processInstanceId(), r.activityId(), r.host(), r.command(), r.exitStatus(),
                r.failure(), r.startedAt(), r.durationMs(), r.stdout(), r.stderr(), r.stdoutSha256(), r.stderrSha256(),
                r.truncated(), r.prevHash(), hash);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
