package dev.wparflow.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real engine at history level per-process: a lean model keeps its outcome, every other model its full history. */
class PerProcessHistoryLevelTest {

    static ProcessEngine engine;

    @BeforeAll
    static void engine() {
        StandaloneInMemProcessEngineConfiguration c = new StandaloneInMemProcessEngineConfiguration();
        c.setProcessEngineName("history-" + UUID.randomUUID());
        c.setJdbcUrl("jdbc:h2:mem:history-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        c.setDatabaseSchemaUpdate("create-drop");
        c.setJobExecutorActivate(false);
        c.setHistory(PerProcessHistoryLevel.NAME);
        c.getProcessEnginePlugins().add(new PerProcessHistoryPlugin());
        engine = c.buildProcessEngine();
        engine.getRepositoryService().createDeployment()
                .addModelInstance("lean.bpmn", model("Lean", "lean"))
                .addModelInstance("plain.bpmn", model("Plain", null)).deploy();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** Sets kept and dropped (kept twice), waits at a receive task, then fails in an async step until an incident. */
    static BpmnModelInstance model(String key, String level) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                .serviceTask("Task_Set").camundaExpression("${execution.setVariable('kept', 'first')}")
                .serviceTask("Task_SetDropped").camundaExpression("${execution.setVariable('dropped', 'x')}")
                .serviceTask("Task_SetAgain").camundaExpression("${execution.setVariable('kept', 'last')}")
                .receiveTask("Task_Wait").message("Go")
                .serviceTask("Task_Fail").camundaAsyncBefore().camundaExpression("${noSuchBean.run()}")
                .endEvent().done();
        if (level != null) {
            Process process = model.getModelElementById(key);
            ExtensionElements extensions = model.newInstance(ExtensionElements.class);
            CamundaProperties properties = extensions.addExtensionElement(CamundaProperties.class);
            properties.addChildElement(property(model, PerProcessHistoryLevel.PROPERTY, level));
            properties.addChildElement(property(model, PerProcessHistoryLevel.VARIABLES_PROPERTY, " kept , other"));
            process.setExtensionElements(extensions);
        }
        return model;
    }

    private static CamundaProperty property(BpmnModelInstance model, String name, String value) {
        CamundaProperty p = model.newInstance(CamundaProperty.class);
        p.setCamundaName(name);
        p.setCamundaValue(value);
        return p;
    }

    @Test
    void leanKeepsInstancesNamedVariablesAndFailuresOnly() {
        String id = runToIncident("Lean");
        HistoryService history = engine.getHistoryService();

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).count()).isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).count()).isZero();
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery().processInstanceId(id).list();
        assertThat(variables).extracting(HistoricVariableInstance::getName).containsExactly("kept");
        assertThat(variables.get(0).getValue()).isEqualTo("last");
        assertThat(history.createHistoricDetailQuery().processInstanceId(id).count()).isZero();
        assertThat(history.createHistoricIncidentQuery().processInstanceId(id).count()).isEqualTo(1);
        assertThat(history.createHistoricJobLogQuery().processInstanceId(id).failureLog().count()).isEqualTo(3);
        assertThat(history.createHistoricJobLogQuery().processInstanceId(id).creationLog().count()).isZero();
    }

    @Test
    void aModelWithoutThePropertyKeepsFullHistory() {
        String id = runToIncident("Plain");
        HistoryService history = engine.getHistoryService();

        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).list())
                .extracting(a -> a.getActivityId()).contains("Task_Set", "Task_SetDropped", "Task_SetAgain", "Task_Wait");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).list())
                .extracting(HistoricVariableInstance::getName).containsExactlyInAnyOrder("kept", "dropped");
        assertThat(history.createHistoricDetailQuery().processInstanceId(id).variableUpdates().count()).isEqualTo(3);
        assertThat(history.createHistoricJobLogQuery().processInstanceId(id).creationLog().count()).isEqualTo(1);
        assertThat(history.createHistoricIncidentQuery().processInstanceId(id).count()).isEqualTo(1);
    }

    @Test
    void anUnknownLevelFailsTheDeployment() {
        assertThatThrownBy(() -> engine.getRepositoryService().createDeployment()
                .addModelInstance("typo.bpmn", model("Typo", "verbose")).deploy())
                .hasStackTraceContaining("historyLevel must be none, activity, audit, full or lean: verbose");
    }

    @Test
    void aDatabaseCreatedAtAnotherLevelIsRefused() {
        String url = "jdbc:h2:mem:history-full-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        ProcessEngine full = configuration(url, "full").buildProcessEngine();
        full.close();

        StandaloneInMemProcessEngineConfiguration perProcess = configuration(url, PerProcessHistoryLevel.NAME);
        perProcess.getProcessEnginePlugins().add(new PerProcessHistoryPlugin());
        assertThatThrownBy(perProcess::buildProcessEngine).hasStackTraceContaining("historyLevel mismatch");
    }

    private static StandaloneInMemProcessEngineConfiguration configuration(String url, String history) {
        StandaloneInMemProcessEngineConfiguration c = new StandaloneInMemProcessEngineConfiguration();
        c.setProcessEngineName("history-" + UUID.randomUUID());
        c.setJdbcUrl(url);
        c.setDatabaseSchemaUpdate("true");
        c.setJobExecutorActivate(false);
        c.setHistory(history);
        return c;
    }

    private static String runToIncident(String key) {
        RuntimeService runtime = engine.getRuntimeService();
        ManagementService management = engine.getManagementService();
        String id = runtime.startProcessInstanceByKey(key).getId();
        runtime.createMessageCorrelation("Go").processInstanceId(id).correlate();
        Job job = management.createJobQuery().processInstanceId(id).singleResult();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the step fails each time; the third failure leaves an incident
            }
        }
        assertThat(runtime.createIncidentQuery().processInstanceId(id).count()).isEqualTo(1);
        return id;
    }
}
