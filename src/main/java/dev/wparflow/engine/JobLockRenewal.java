package dev.wparflow.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
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
import org.camunda.bpm.engine.impl.delegate.ExpressionGetInvocation;
import org.camunda.bpm.engine.impl.delegate.ExpressionSetInvocation;
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
 * <p>Expressions (gateway conditions, the bean names of delegate expressions) are evaluated without renewal. The first
 * renewal runs before the delegate (skipped for the next delegate of the same job within a renewal interval): a job that waited in this node's queue while its lock expired and
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
    /** The job this thread last renewed before a delegate, and when: the next delegate of that job soon after skips it. */
    private final ThreadLocal<Confirmed> confirmed = new ThreadLocal<>();

    /** A job execution: its id and the revision it was read at (a retry, or a job acquired again, has another). */
    private record Confirmed(String jobId, int revision, long atMillis) {
    }

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
        if (job == null || executor == null || job.getId().equals(renewing.get())
                || invocation instanceof ExpressionGetInvocation || invocation instanceof ExpressionSetInvocation) {
            // not in a job, already renewing it, or an expression (a gateway's condition, a delegate's bean name)
            next.handleInvocation(invocation);
            return;
        }
        String jobId = job.getId();
        long every = Math.max(1, executor.getLockTimeInMillis() / 3);
        Lease lease = new Lease(job, executor.getLockOwner(), executor.getLockTimeInMillis());
        Confirmed last = confirmed.get();
        boolean fresh = last != null && last.jobId().equals(jobId) && last.revision() == job.getRevision()
                && System.currentTimeMillis() - last.atMillis() < every;
        if (!fresh && !lease.first()) {
            throw new OptimisticLockingException("job " + jobId + " is no longer locked by this node ("
                    + executor.getLockOwner() + "): another node took it over; it is not executed here a second time");
        }
        ScheduledFuture<?> renewals = scheduler.scheduleWithFixedDelay(lease::renewQuietly, every, every,
                TimeUnit.MILLISECONDS);
        renewing.set(jobId);
        try {
            next.handleInvocation(invocation);
        } finally {
            renewing.remove();
            renewals.cancel(false);
            lease.stop();
            confirmed.set(new Confirmed(jobId, job.getRevision(), System.currentTimeMillis()));
        }
    }

    /**
     * The renewals of one delegate's run. Each writes the new expiry to the database and then to the job as the
     * engine holds it, under this object's monitor, and {@link #stop} waits for one in flight: Camunda's failed-job
     * handling takes a job whose expiry in the database differs from the one it holds for re-acquired by another node
     * and leaves it alone, so the two must agree when the step ends.
     */
    private final class Lease {
        private final JobEntity job;
        private final String owner;
        private final long lockMillis;
        private boolean stopped;

        Lease(JobEntity job, String owner, long lockMillis) {
            this.job = job;
            this.owner = owner;
            this.lockMillis = lockMillis;
        }

        /**
         * The renewal before the delegate, on the scheduler's thread (its own connection, outside the job's
         * transaction). False only when the job is known to be locked by another owner now; an answer that does not
         * come in time (the database slow, the row busy) lets the job run, as Camunda would without renewal.
         */
        boolean first() {
            try {
                return scheduler.submit(() -> renew() || !lockedByAnother(job.getId(), owner))
                        .get(2L * STATEMENT_TIMEOUT_SECONDS + 1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                log.warn("could not renew the lock of job {} before running it: {}", job.getId(), e.toString());
                return true;
            }
        }

        void renewQuietly() {
            try {
                if (!renew()) {
                    log.debug("job {} is no longer locked by {}; its lock is not renewed", job.getId(), owner);
                }
            } catch (SQLException | RuntimeException e) {
                log.warn("renewing the lock of job {} failed, the next round retries: {}", job.getId(), e.toString());
            }
        }

        synchronized boolean renew() throws SQLException {
            if (stopped) {
                return true;
            }
            Date until = new Date(ClockUtil.getCurrentTime().getTime() + lockMillis);
            if (JobLockRenewal.this.renew(job.getId(), owner, until) == 0) {
                return false;
            }
            job.setLockExpirationTime(until);
            return true;
        }

        synchronized void stop() {
            stopped = true;
        }
    }

    /** Moves the lock's expiry to {@code until}, only while {@code owner} holds it. Returns the rows changed. */
    int renew(String jobId, String owner, Date until) throws SQLException {
        try (Connection c = dataSource.get().getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE " + jobTable()
                        + " SET LOCK_EXP_TIME_ = ? WHERE ID_ = ? AND LOCK_OWNER_ = ?")) {
            update.setQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
            update.setTimestamp(1, new Timestamp(until.getTime()));
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
