package dev.wparflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The conventions of DESIGN.md §4, checked on every model in processes/: file name = process id,
 * readable element ids, historyTimeToLive, async remote steps with a retry cycle, resolvable formRefs, and the shape of
 * a detached run's wait (RemoteRunWait).
 */
class ProcessModelConventionsTest {

    static final Path PROCESSES = Path.of("processes");
    static final Path FORMS = Path.of("forms");
    /** ids the Modeler generates (Activity_0abc123, Gateway_1x2y3z4, Flow_0k2j3h4…) */
    static final Pattern GENERATED_ID = Pattern.compile(
            "^(Activity|Task|Gateway|Event|StartEvent|EndEvent|Flow|SequenceFlow|BoundaryEvent|Process|"
                    + "ServiceTask|UserTask|CallActivity|SubProcess|TimerEventDefinition|ErrorEventDefinition|"
                    + "MessageEventDefinition|IntermediateCatchEvent|Participant|Lane|DataObject)_[0-9][0-9a-z]{5,7}$");
    static final Pattern READABLE_ID = Pattern.compile("^[A-Z][A-Za-z]*_[A-Z][A-Za-z0-9]*$");

    static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    static Set<String> deployedFormIds() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(FORMS)) {
            return files.filter(f -> f.toString().endsWith(".form")).map(f -> {
                try {
                    return json.readTree(f.toFile()).path("id").asText();
                } catch (IOException e) {
                    throw new IllegalStateException("unreadable form " + f, e);
                }
            }).collect(Collectors.toSet());
        }
    }

    @Test
    void thereAreModelsToCheck() throws IOException {
        assertThat(models()).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyModelFollowsTheConventions() throws IOException {
        Set<String> forms = deployedFormIds();
        return models().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> assertThat(violations(file, forms)).as("convention violations in " + file).isEmpty()));
    }

    static List<String> violations(Path file, Set<String> formIds) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> problems = new ArrayList<>();
        String fileId = file.getFileName().toString().replaceFirst("\\.bpmn$", "");

        var processes = model.getModelElementsByType(Process.class);
        if (processes.stream().noneMatch(p -> p.getId().equals(fileId))) {
            problems.add("no process with id " + fileId + " (file name = process id)");
        }
        for (Process process : processes) {
            if (process.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(process.getId() + ": historyTimeToLive missing");
            }
        }
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            String id = element.getId();
            if (id == null || element instanceof Process || element.getDomElement().getNamespaceURI().contains("DI")) {
                continue;
            }
            if (GENERATED_ID.matcher(id).matches() || !READABLE_ID.matcher(id).matches()) {
                problems.add(id + ": not a readable id (Kind_WhatItDoes, e.g. Task_SaveWpar)");
            }
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            // a service task shares the job of the step before it only on purpose, and says why
            if (!task.isCamundaAsyncBefore() && sameJobBecause(task) == null) {
                problems.add(task.getId() + ": service task without asyncBefore (or a sameJobBecause property)");
            }
            if (task.isCamundaAsyncBefore() && retryCycle(task) == null) {
                problems.add(task.getId() + ": service task without failedJobRetryTimeCycle");
            }
        }
        for (IntermediateCatchEvent wait : model.getModelElementsByType(IntermediateCatchEvent.class)) {
            String runIdVariable = runWaitVariable(wait);
            if (runIdVariable != null) {
                problems.addAll(runWaitViolations(model, wait, runIdVariable));
            }
        }
                for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
            if (formRef != null && !formIds.contains(formRef)) {
                problems.add(task.getId() + ": formRef " + formRef + " resolves to no form in forms/");
            }
            if (formRef != null && !"deployment".equals(
                    task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRefBinding"))) {
                problems.add(task.getId() + ": formRefBinding must be deployment");
            }
        }
        return problems;
    }

    static final Pattern RUN_WAIT_BEGIN = Pattern.compile("\\$\\{remoteRunWait\\.begin\\(execution, (\\w+)\\)}");

    /** The run-id variable of a detached run's wait (its start listener calls remoteRunWait.begin), else null. */
    private static String runWaitVariable(IntermediateCatchEvent wait) {
        if (wait.getExtensionElements() == null) {
            return null;
        }
        return wait.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list()
                .stream().map(CamundaExecutionListener::getCamundaExpression).filter(e -> e != null)
                .map(RUN_WAIT_BEGIN::matcher).filter(java.util.regex.Matcher::matches).map(m -> m.group(1))
                .findFirst().orElse(null);
    }

    /**
     * RemoteRunWait's convention: the wait is a timer (its timeout) with a retry cycle, no input mapping and no
     * boundary event (either makes it a scope, and its timer then belongs to an execution the watcher does not know),
     * followed by a gateway that goes on when remoteRunWait.ended(the same run) and defaults to the timeout path.
     */
    private static List<String> runWaitViolations(BpmnModelInstance model, IntermediateCatchEvent wait, String runId) {
        List<String> problems = new ArrayList<>();
        String id = wait.getId();
        if (wait.getEventDefinitions().stream().noneMatch(d -> d instanceof TimerEventDefinition)) {
            problems.add(id + ": a run's wait must be a timer at the run's timeout");
        }
        if (retryCycle(wait) == null) {
            problems.add(id + ": run wait without failedJobRetryTimeCycle");
        }
        if (wait.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).count() > 0) {
            problems.add(id + ": a run's wait must have no input/output mapping (it would be a scope)");
        }
        if (model.getModelElementsByType(BoundaryEvent.class).stream().anyMatch(b -> b.getAttachedTo() == wait)) {
            problems.add(id + ": a run's wait must have no boundary event (it would be a scope)");
        }
        // by sourceRef: not every model lists <bpmn:outgoing> in its nodes
        var flows = model.getModelElementsByType(SequenceFlow.class);
        var next = flows.stream().filter(f -> f.getSource() == wait).map(SequenceFlow::getTarget).toList();
        if (next.size() != 1 || !(next.get(0) instanceof ExclusiveGateway gateway)) {
            problems.add(id + ": a run's wait must lead to one exclusive gateway (ended or timed out)");
            return problems;
        }
        String ended = "${remoteRunWait.ended(" + runId + ")}";
        boolean endedFlow = flows.stream().filter(f -> f.getSource() == gateway)
                .anyMatch(f -> f.getConditionExpression() != null
                        && ended.equals(f.getConditionExpression().getTextContent().strip()));
        if (!endedFlow || gateway.getDefault() == null) {
            problems.add(id + ": the gateway after a run's wait needs a flow " + ended + " and a default (timed out)");
        }
        return problems;
    }

        private static String sameJobBecause(FlowNode node) {
        if (node.getExtensionElements() == null) {
            return null;
        }
        return node.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> "sameJobBecause".equals(p.getCamundaName()) && p.getCamundaValue() != null
                        && !p.getCamundaValue().isBlank())
                .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
    }

    private static String retryCycle(FlowNode node) {
        if (node.getExtensionElements() == null) {
            return null;
        }
        return node.getExtensionElements().getElementsQuery()
                .filterByType(CamundaFailedJobRetryTimeCycle.class).list().stream()
                .map(CamundaFailedJobRetryTimeCycle::getTextContent).findFirst().orElse(null);
    }

    @Test
    void theCheckRejectsWhatItShould() throws IOException {
        Path bad = Files.createTempFile("BadProcess", ".bpmn");
        Files.writeString(bad, """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Bad" targetNamespace="t">
                  <bpmn:process id="Elsewhere" isExecutable="true">
                    <bpmn:startEvent id="StartEvent_1" />
                    <bpmn:serviceTask id="Activity_0abc123" camunda:expression="${true}" />
                    <bpmn:serviceTask id="Task_NoRetries" camunda:asyncBefore="true" camunda:expression="${true}" />
                    <bpmn:userTask id="Task_Approve" camunda:formRef="NoSuchForm" camunda:formRefBinding="latest" />
                    <bpmn:intermediateCatchEvent id="Event_RunFinished">
                      <bpmn:extensionElements>
                        <camunda:executionListener event="start" expression="${remoteRunWait.begin(execution, runId)}" />
                        <camunda:inputOutput><camunda:inputParameter name="x">1</camunda:inputParameter></camunda:inputOutput>
                      </bpmn:extensionElements>
                      <bpmn:outgoing>Flow_ToEnd</bpmn:outgoing>
                      <bpmn:messageEventDefinition id="MessageEventDefinition_RunFinished" />
                    </bpmn:intermediateCatchEvent>
                    <bpmn:endEvent id="EndEvent_Done"><bpmn:incoming>Flow_ToEnd</bpmn:incoming></bpmn:endEvent>
                    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Event_RunFinished" targetRef="EndEvent_Done" />
                  </bpmn:process>
                </bpmn:definitions>
                """);
        List<String> problems = violations(bad, Set.of("ChangeApprovalForm"));
        assertThat(String.join("\n", problems)).contains("file name = process id", "historyTimeToLive missing",
                "StartEvent_1: not a readable id", "Activity_0abc123: not a readable id",
                "without asyncBefore", "without failedJobRetryTimeCycle", "NoSuchForm resolves to no form",
                "formRefBinding must be deployment", "Event_RunFinished: a run's wait must be a timer",
                "Event_RunFinished: run wait without failedJobRetryTimeCycle",
                "Event_RunFinished: a run's wait must have no input/output mapping",
                "Event_RunFinished: a run's wait must lead to one exclusive gateway");
    }

    @Test
    void everyFormIdIsUniqueAndNamedLikeItsFile() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(FORMS)) {
            List<String> ids = new ArrayList<>();
            files.filter(f -> f.toString().endsWith(".form")).forEach(f -> {
                try {
                    ids.add(json.readTree(f.toFile()).path("id").asText());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.endsWith("Form"));
        }
    }
}
