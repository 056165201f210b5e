package dev.wparflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whose lock the renewal moves: only this node's; a job another node has taken over is not run here. */
class JobLockRenewalOwnerTest {

    final JdbcDataSource db = new JdbcDataSource();
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
    final AtomicInteger ran = new AtomicInteger();
    JobLockRenewal renewal;

    @BeforeEach
    void setUp() throws Exception {
        db.setURL("jdbc:h2:mem:job-lock-owner-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ACT_RU_JOB (ID_ VARCHAR(64) PRIMARY KEY, LOCK_OWNER_ VARCHAR(255), "
                    + "LOCK_EXP_TIME_ TIMESTAMP)");
            s.execute("INSERT INTO ACT_RU_JOB VALUES ('job-1', 'node-a', TIMESTAMP '2000-01-01 00:00:00')");
        }
        jobExecutor.setLockTimeInMillis(30_000);
        renewal = new JobLockRenewal(invocation -> ran.incrementAndGet(), () -> db, () -> jobExecutor, () -> "",
                scheduler);
        MessageEntity job = new MessageEntity();
        job.setId("job-1");
        JobExecutorContext context = new JobExecutorContext();
        context.setCurrentJob(job);
        Context.setJobExecutorContext(context);
    }

    @AfterEach
    void tearDown() {
        Context.removeJobExecutorContext();
        scheduler.shutdownNow();
    }

    @Test
    void ourJobIsRunAndItsLockMovedForward() throws Exception {
        jobExecutor.setLockOwner("node-a");
        renewal.handleInvocation(null);
        assertThat(ran).hasValue(1);
        assertThat(lockExpiry()).isAfter(new Timestamp(System.currentTimeMillis()));
    }

    @Test
    void aJobAnotherNodeTookOverIsNotRunHereASecondTime() throws Exception {
        jobExecutor.setLockOwner("node-b");
        assertThatThrownBy(() -> renewal.handleInvocation(null)).isInstanceOf(OptimisticLockingException.class)
                .hasMessageContaining("another node took it over");
        assertThat(ran).hasValue(0);
        assertThat(lockExpiry()).isEqualTo(Timestamp.valueOf("2000-01-01 00:00:00"));
    }

    private Timestamp lockExpiry() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                var rows = s.executeQuery("SELECT LOCK_EXP_TIME_ FROM ACT_RU_JOB WHERE ID_ = 'job-1'")) {
            rows.next();
            return rows.getTimestamp(1);
        }
    }
}
