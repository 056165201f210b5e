package dev.wparflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A step that runs longer than the job lock keeps its job: the lock is renewed while the delegate runs, so the
 * node's own acquisition (polling every 100 ms) does not take the job again and start a second execution.
 */
class JobLockRenewalTest {

    static final int LOCK_MILLIS = 1000;

    final AtomicInteger executions = new AtomicInteger();
    final AtomicInteger failures = new AtomicInteger();
    final CountDownLatch finish = new CountDownLatch(1);
    final JobLockRenewalPlugin plugin = new JobLockRenewalPlugin();
    ProcessEngine engine;

    @BeforeEach
    void engine() {
        DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
        jobExecutor.setLockTimeInMillis(LOCK_MILLIS);
        jobExecutor.setWaitTimeInMillis(100);
        jobExecutor.setMaxWait(100);
        JavaDelegate slow = execution -> {
            executions.incrementAndGet();
            // the remote command of a long step: ends when the test says so (a state, not a time)
            assertThat(finish.await(2, TimeUnit.MINUTES)).isTrue();
        };
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                new StandaloneInMemProcessEngineConfiguration()
                        .setJdbcUrl("jdbc:h2:mem:job-lock-renewal-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")
                        .setJobExecutorActivate(true);
        configuration.setJobExecutor(jobExecutor);
        JavaDelegate failing = execution -> {
            failures.incrementAndGet();
            throw new IllegalStateException("host unreachable");
        };
        configuration.setBeans(Map.of("slow", slow, "failing", failing));
        configuration.setProcessEnginePlugins(List.of(plugin));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addModelInstance("slow.bpmn",
                Bpmn.createExecutableProcess("Slow").camundaHistoryTimeToLive(1).startEvent()
                        .serviceTask("Task_Slow").camundaAsyncBefore().camundaDelegateExpression("${slow}")
                        .endEvent().done())
                .addModelInstance("failing.bpmn", Bpmn.createExecutableProcess("Failing").camundaHistoryTimeToLive(1)
                        .startEvent().serviceTask("Task_Failing").camundaAsyncBefore()
                        .camundaDelegateExpression("${failing}").endEvent().done())
                .deploy();
    }

    @AfterEach
    void close() {
        finish.countDown();
        engine.close();
        plugin.destroy();
    }

    @Test
    void aStepLongerThanTheLockIsExecutedOnceItsLockRenewedWhileItRuns() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("Slow").getId();
        await().atMost(Duration.ofSeconds(30)).until(() -> executions.get() == 1);
        Date firstExpiry = lockExpiry(instance);

        // the job outlives its first lock by a whole lock time: renewed, not acquired again
        await().atMost(Duration.ofSeconds(30)).until(() -> lockExpiry(instance).getTime()
                >= firstExpiry.getTime() + LOCK_MILLIS);
        assertThat(executions.get()).isEqualTo(1);

        finish.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.getHistoryService()
                .createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1);
        assertThat(executions.get()).isEqualTo(1);
    }

    @Test
    void aFailingStepIsHandledAsAFailureNotAsAJobTakenOverByAnotherNode() {
        // the failed-job handling compares the lock expiry in the database with the one the engine holds; renewed
        // in both, the failure counts: three attempts (Camunda's default retries), then an incident
        String instance = engine.getRuntimeService().startProcessInstanceByKey("Failing").getId();
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.getRuntimeService().createIncidentQuery()
                .processInstanceId(instance).count() == 1);
        assertThat(failures.get()).isEqualTo(3);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult()
                .getRetries()).isZero();
    }

    private Date lockExpiry(String instance) {
        JobEntity job = (JobEntity) engine.getManagementService().createJobQuery().processInstanceId(instance)
                .singleResult();
        return job.getLockExpirationTime();
    }
}
