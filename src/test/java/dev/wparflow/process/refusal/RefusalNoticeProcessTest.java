package dev.wparflow.process.refusal;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.testsupport.ProcessHarness;

/**
 * Both paths of RefusalNoticeProcess: the requester acknowledges the notice, or it expires unread after its wait.
 * The task carries the notice's title and reason and is the requester's.
 */
@Deployment(resources = { "processes/RefusalNoticeProcess.bpmn", "forms/refusal-notice.form" })
class RefusalNoticeProcessTest {

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.plain();

    ProcessInstance notice() {
        return runtimeService().startProcessInstanceByKey(RefusalNoticeVariables.PROCESS_ID, "operation-1",
                Map.of(RefusalNoticeVariables.REQUESTER.name(), "alice",
                        RefusalNoticeVariables.TITLE.name(), "Refused: relocate wpr00 lpar00 → lpar00",
                        RefusalNoticeVariables.REASON.name(), "the departing and arriving LPAR are the same",
                        RefusalNoticeVariables.WAIT.name(), "P7D"));
    }

    @Test
    void theRequesterAcknowledgesTheNotice() {
        ProcessInstance instance = notice();

        assertThat(instance).isWaitingAt("Task_AcknowledgeOutcome");
        Task task = taskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        Assertions.assertThat(task.getAssignee()).isEqualTo("alice");
        Assertions.assertThat(task.getName()).isEqualTo("Refused: relocate wpr00 lpar00 → lpar00");
        Assertions.assertThat(task.getDescription()).isEqualTo("the departing and arriving LPAR are the same");
        taskService().complete(task.getId());

        assertThat(instance).isEnded().hasPassed("EndEvent_Acknowledged").hasNotPassed("EndEvent_NoticeExpired");
    }

    @Test
    void anUnreadNoticeExpiresAfterItsWait() {
        ProcessInstance instance = notice();

        harness.fireTimer(instance, "BoundaryEvent_NoticeExpired");

        assertThat(instance).isEnded().hasPassed("EndEvent_NoticeExpired").hasNotPassed("EndEvent_Acknowledged");
        Assertions.assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    }
}
