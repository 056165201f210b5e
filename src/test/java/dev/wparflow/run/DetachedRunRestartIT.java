package dev.wparflow.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.AixCommand;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.WparName;
import dev.wparflow.simulator.CommandLog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.testsupport.FleetApplication;
import dev.wparflow.testsupport.TestDatabases;
import dev.wparflow.testsupport.TestFleets;

/**
 * A savewpar started detached keeps running while the engine node that started it stops; a node
 * started afterwards on the same database finds the run, wakes its wait exactly once, and the host
 * ran savewpar once. Two Spring contexts in turn stand for the engine before and after a restart.
 */
class DetachedRunRestartIT {

    static final String FLEET = TestFleets.yaml("detached-run-restart");

    @TempDir
    Path dir;
    Fleet fleet;
    ConfigurableApplicationContext node;
    /** On PostgreSQL: the schema of this test's own (the run watchers of other tests' contexts would see its runs). */
    String postgresSchemaUrl;

    @BeforeEach
    void fleet() throws Exception {
        fleet = Fleet.startYaml(FLEET, FleetOptions.forTests().dataDir(dir.resolve("sim")).timeScale(1.0));
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        fleet.close();
        if (postgresSchemaUrl != null) {
            TestDatabases.dropPostgresSchema(postgresSchemaUrl);
        }
    }

    ConfigurableApplicationContext startNode(String name, String databaseUrl, String user, String password) {
        FleetApplication application = FleetApplication.on(databaseUrl, user, password).fleet(fleet, "lpar00")
                .property("wparflow.node-id", name).property("wparflow.runs.poll-interval", "PT0.3S");
        if (databaseUrl.equals(postgresSchemaUrl)) {
            application.properties(TestDatabases.camundaSchemaProperties(databaseUrl));
        }
        return application.start(TestRunBeans.class);
    }

    @Test
    void runSurvivesAnEngineRestartAndIsCorrelatedOnce() throws Exception {
        Files.createDirectories(dir.resolve("db"));
        runAcrossRestart("jdbc:h2:file:" + dir.resolve("db/wparflow") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    @Test
    void runSurvivesAnEngineRestartOnPostgres() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabases.postgresUrl() != null,
                TestDatabases.POSTGRES_DISABLED_REASON);
        postgresSchemaUrl = TestDatabases.freshPostgresSchemaUrl("detached");
        runAcrossRestart(postgresSchemaUrl, TestDatabases.postgresUser(), TestDatabases.postgresPassword());
    }

    private void runAcrossRestart(String url, String user, String password) {
        node = startNode("node-before", url, user, password);
        node.getBean(RepositoryService.class).createDeployment()
                .addClasspathResource("bpmn/DetachedRunTestProcess.bpmn").deploy();
        String instance = node.getBean(RuntimeService.class)
                .startProcessInstanceByKey("DetachedRunTestProcess", Map.of("wpar", "wpr00")).getId();

        RemoteRunRepository runs = node.getBean(RemoteRunRepository.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> runs.forProcessInstance(instance).stream()
                .anyMatch(r -> r.state() == RemoteRun.State.RUNNING));
        String runId = runs.forProcessInstance(instance).get(0).runId();
        assertThat(fleet.log().entries("lpar00")).as("savewpar still running on lpar00 when the node stops")
                .anySatisfy(e -> {
                    assertThat(e.command()).isEqualTo("savewpar");
                    assertThat(e.end()).isNull();
                });

        node.close(); // the engine goes away while savewpar runs on lpar00
        node = null;

        node = startNode("node-after", url, user, password);
        HistoryService history = node.getBean(HistoryService.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(instance).finished().count() == 1);

        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("Event_SaveWparFinished").count()).isEqualTo(1);
        // woken when savewpar ended, not at the wait's timeout (an hour)
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("EndEvent_Saved").count()).isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("EndEvent_TimedOut").count()).isZero();
        RemoteRun run = node.getBean(RemoteRunRepository.class).find(runId).orElseThrow();
        assertThat(run.state()).isEqualTo(RemoteRun.State.EXITED);
        assertThat(run.correlatedAt()).isNotNull();
        assertThat(run.waitingExecutionId()).isNotNull();
        assertThat(run.note()).isNull();
        assertThat(run.output()).contains("0512-038 savewpar: Backup Completed Successfully.");

        List<CommandLog.Entry> savewpars = fleet.log().entries("lpar00").stream()
                .filter(e -> e.command().equals("savewpar")).toList();
        assertThat(savewpars).as("savewpar ran once on lpar00").singleElement()
                .satisfies(e -> assertThat(e.runId).isEqualTo(runId));

        // a retried start step finds its run and starts nothing
        node.getBean(RemoteRunService.class).start(new Origin(instance, "Task_SaveWpar"), "lpar00",
                TestRunBeans.savewpar("wpr00"), null);
        assertThat(fleet.log().entries("lpar00").stream().filter(e -> e.command().equals("savewpar"))).hasSize(1);
    }

    /**
     * The wait timed out (its timer fired while savewpar still ran): when savewpar ends, the watcher finds no timer to
     * make due, claims the run with a note instead of trying every round, and the process kept its timeout path.
     */
    @Test
    void runEndingAfterItsWaitTimedOutIsClaimedWithANote() throws Exception {
        Files.createDirectories(dir.resolve("db"));
        node = startNode("node", "jdbc:h2:file:" + dir.resolve("db/wparflow") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        node.getBean(RepositoryService.class).createDeployment()
                .addClasspathResource("bpmn/DetachedRunTestProcess.bpmn").deploy();
        String instance = node.getBean(RuntimeService.class)
                .startProcessInstanceByKey("DetachedRunTestProcess", Map.of("wpar", "wpr00")).getId();
        ManagementService management = node.getBean(ManagementService.class);
        RemoteRunRepository runs = node.getBean(RemoteRunRepository.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> management.createJobQuery().processInstanceId(instance)
                .timers().activityId("Event_SaveWparFinished").count() == 1);
        String runId = runs.forProcessInstance(instance).get(0).runId();
        assertThat(runs.find(runId).orElseThrow().waitingExecutionId()).as("the wait noted its execution").isNotNull();

        // the timeout: the timer fires while savewpar (4 s) still runs
        management.executeJob(management.createJobQuery().processInstanceId(instance).timers().singleResult().getId());
        HistoryService history = node.getBean(HistoryService.class);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("EndEvent_TimedOut").count()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> runs.find(runId).orElseThrow().correlatedAt() != null);
        RemoteRun run = runs.find(runId).orElseThrow();
        assertThat(run.state()).isEqualTo(RemoteRun.State.EXITED);
        assertThat(run.note()).startsWith("no longer waited for");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("EndEvent_Saved").count()).isZero();
    }

    @Configuration
    static class TestRunBeans {

        static AixCommand savewpar(String wpar) {
            return AixCommand.of("savewpar").flag("-f", AbsolutePath.of("/images/" + wpar + ".bff")).flag("-i")
                    .arg(WparName.of(wpar)).build();
        }

        @Bean
        JavaDelegate startTestRunDelegate(RemoteRunService runs) {
            return execution -> execution.setVariable("saveRunId", runs.start(
                    new Origin(execution.getProcessInstanceId(), execution.getCurrentActivityId()), "lpar00",
                    savewpar((String) execution.getVariable("wpar")), null));
        }
    }
}
