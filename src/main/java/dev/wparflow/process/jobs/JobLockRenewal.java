package dev.wparflow.process.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the job executor's lock on the job whose delegate is running, so that a step keeps its job for as long as it
 * runs, however long its remote commands take, and a short lock time still frees the job of a dead node quickly.
 *
 * <p>Camunda locks an acquired job for {@code camunda.bpm.job-execution.lock-time-in-millis}; once that has passed,
 * any node may acquire it again, whether or not its first execution still runs. A step whose commands may each run
 * up to {@code wparflow.ssh.exec-timeout} (5 min) cannot fit in a lock short enough for a prompt takeover, so while a
 * delegate runs inside a job this interceptor moves the job's {@code LOCK_EXP_TIME_} forward every third of the lock
 * time, conditional on the lock owner being this node's job executor. A node that dies stops renewing; its job is free
 * again at most one lock time after its last renewal.
 *
 * <p>The first renewal runs before the delegate: a job that waited in this node's queue while its lock expired and
 * another node acquired it is not executed here a second time (an {@link OptimisticLockingException}, which Camunda's
 * failed-job handling skips for a re-acquired job). Renewals run on their own connection in auto-commit, outside the
 * job's transaction, and leave {@code REV_} alone, so the job's own completion or failure is unaffected; a renewal
 * that matches no row (the job finished, failed or was taken) changes nothing. Jobs run outside the job executor
 * ({@code managementService.executeJob}) are not renewed.
 */
public final class JobLockRenewal implements DelegateInterceptor {

    private static final Logger log = LoggerFactory.getLogger(JobLockRenewal.class);
    private static final int STATEMENT_TIMEOUT_SECONDS = 5;

    private final DelegateInterceptor next;
    private final Supplier<DataSource> dataSource;
    private final Supplier<JobExecutor> jobExecutor;
    private final Supplier<String> tablePrefix;
    private final ScheduledExecutorService scheduler;
    private final ThreadLocal<String> renewing = new ThreadLocal<>();

    public JobLockRenewal(DelegateInterceptor next, Supplier<DataSource> dataSource, Supplier<JobExecutor> jobExecutor,
            Supplier<String> tablePrefix, ScheduledExecutorService scheduler) {
        this.next = next;
        this.dataSource = dataSource;
        this.jobExecutor = jobExecutor;
        this.tablePrefix = tablePrefix;
        this.scheduler = scheduler;
    }

    @Override
    public void handleInvocation(DelegateInvocation invocation) throws Exception {
        JobExecutorContext context = Context.getJobExecutorContext();
        JobEntity job = context == null ? null : context.getCurrentJob();
        JobExecutor executor = jobExecutor.get();
        if (job == null || executor == null || job.getId().equals(renewing.get())) {
            next.handleInvocation(invocation);
            return;
        }
        String jobId = job.getId();
        String owner = executor.getLockOwner();
        long lockMillis = executor.getLockTimeInMillis();
        if (!firstRenewal(jobId, owner, lockMillis)) {
            throw new OptimisticLockingException("job " + jobId + " is no longer locked by this node ("
                    + owner + "): another node took it over; it is not executed here a second time");
        }
        long every = Math.max(1, lockMillis / 3);
        ScheduledFuture<?> renewals = scheduler.scheduleWithFixedDelay(() -> renewQuietly(jobId, owner, lockMillis),
                every, every, TimeUnit.MILLISECONDS);
        renewing.set(jobId);
        try {
            next.handleInvocation(invocation);
        } finally {
            renewing.remove();
            renewals.cancel(false);
        }
    }

    /**
     * The renewal before the delegate, on the scheduler's thread (its own connection, outside the job's transaction).
     * False only when the job is known to be locked by another owner now; an answer that does not come in time (the
     * database slow, the row busy) lets the job run, as Camunda would without this interceptor.
     */
    private boolean firstRenewal(String jobId, String owner, long lockMillis) {
        try {
            return scheduler.submit(() -> renew(jobId, owner, lockMillis) > 0 || !lockedByAnother(jobId, owner))
                    .get(2L * STATEMENT_TIMEOUT_SECONDS + 1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("could not renew the lock of job {} before running it: {}", jobId, e.toString());
            return true;
        }
    }

    private void renewQuietly(String jobId, String owner, long lockMillis) {
        try {
            if (renew(jobId, owner, lockMillis) == 0) {
                log.debug("job {} is no longer locked by {}; its lock is not renewed", jobId, owner);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("renewing the lock of job {} failed, the next round retries: {}", jobId, e.toString());
        }
    }

    /** Moves the lock's expiry to now + the lock time, only while {@code owner} holds it. Returns the rows changed. */
    int renew(String jobId, String owner, long lockMillis) throws SQLException {
        Timestamp until = new Timestamp(ClockUtil.getCurrentTime().getTime() + lockMillis);
        try (Connection c = dataSource.get().getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE " + jobTable()
                        + " SET LOCK_EXP_TIME_ = ? WHERE ID_ = ? AND LOCK_OWNER_ = ?")) {
            update.setQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
            update.setTimestamp(1, until);
            update.setString(2, jobId);
            update.setString(3, owner);
            int changed = update.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return changed;
        }
    }

    private String jobTable() {
        String prefix = tablePrefix.get();
        return (prefix == null ? "" : prefix) + "ACT_RU_JOB";
    }

    /** Whether the job exists and another owner holds its lock (a finished job is no reason to refuse). */
    private boolean lockedByAnother(String jobId, String owner) throws SQLException {
        try (Connection c = dataSource.get().getConnection();
                PreparedStatement select = c.prepareStatement("SELECT LOCK_OWNER_ FROM " + jobTable()
                        + " WHERE ID_ = ?")) {
            select.setQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
            select.setString(1, jobId);
            try (var rows = select.executeQuery()) {
                return rows.next() && rows.getString(1) != null && !owner.equals(rows.getString(1));
            }
        }
    }
}
