package dev.wparflow.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The path-coverage threshold of every process model: each flow node and each sequence flow of a model a test class
 * deploys from {@code processes/} is taken by one of the class's tests, or is listed with its reason in
 * {@code src/test/resources/coverage-exceptions.yaml}. A listed element that the tests do take fails too, so the list
 * stays true. Reads the class's coverage report ({@code target/process-test-coverage/<class>/report.json}).
 */
public final class CoverageExceptions {

    /** Where the coverage extension writes a report (HTML and JSON) per test class. */
    static final String REPORTS = "target/process-test-coverage/";
    static final String EXCEPTIONS = "coverage-exceptions.yaml";

    private CoverageExceptions() {
    }

    /** Model key to the uncovered element ids, with reasons, that the list allows. */
    static Map<String, Map<String, String>> allowed() {
        try (InputStream in = CoverageExceptions.class.getClassLoader().getResourceAsStream(EXCEPTIONS)) {
            if (in == null) {
                throw new IllegalStateException(EXCEPTIONS + " is not on the test class path");
            }
            Map<String, Map<String, String>> loaded = new Yaml().load(in);
            return loaded == null ? Map.of() : loaded;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + EXCEPTIONS, e);
        }
    }

    /** Fails when a model under test has an element no test takes and the list does not excuse. */
    static void check(Class<?> testClass) throws IOException {
        Set<String> models = modelsUnderTest(testClass);
        if (models.isEmpty()) {
            return;
        }
        Map<String, Set<String>> uncovered = uncovered(Path.of(REPORTS, testClass.getName(), "report.json"), models);
        Map<String, Map<String, String>> allowed = allowed();
        List<String> problems = new ArrayList<>();
        uncovered.forEach((model, ids) -> {
            Map<String, String> excused = allowed.getOrDefault(model, Map.of());
            for (String id : ids) {
                if (!excused.containsKey(id)) {
                    problems.add(model + ": " + id + " is taken by no test and not listed in " + EXCEPTIONS);
                }
            }
            for (String id : excused.keySet()) {
                if (!ids.contains(id)) {
                    problems.add(model + ": " + id + " is listed in " + EXCEPTIONS + " but a test takes it");
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new AssertionError("path coverage of " + testClass.getSimpleName() + ":\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** The models the class deploys from {@code processes/} (file name = process id). */
    static Set<String> modelsUnderTest(Class<?> testClass) {
        Set<String> models = new TreeSet<>();
        for (Class<?> c = testClass; c != null; c = c.getSuperclass()) {
            Deployment deployment = c.getAnnotation(Deployment.class);
            if (deployment != null) {
                Arrays.stream(deployment.resources()).filter(r -> r.startsWith("processes/") && r.endsWith(".bpmn"))
                        .map(r -> r.substring("processes/".length(), r.length() - ".bpmn".length()))
                        .forEach(models::add);
            }
        }
        return models;
    }

    /** Per model, its flow nodes and sequence flows that no event of the report names. */
    static Map<String, Set<String>> uncovered(Path report, Set<String> models) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(report, StandardCharsets.UTF_8));
        Map<String, Set<String>> covered = new LinkedHashMap<>();
        for (JsonNode suite : root.path("suites")) {
            for (JsonNode run : suite.path("runs")) {
                for (JsonNode event : run.path("events")) {
                    covered.computeIfAbsent(event.path("modelKey").asText(), k -> new HashSet<>())
                            .add(event.path("definitionKey").asText());
                }
            }
        }
        Map<String, Set<String>> uncovered = new LinkedHashMap<>();
        for (JsonNode model : root.path("models")) {
            String key = model.path("key").asText();
            if (!models.contains(key)) {
                continue;
            }
            BpmnModelInstance bpmn = Bpmn.readModelFromStream(
                    new java.io.ByteArrayInputStream(model.path("xml").asText().getBytes(StandardCharsets.UTF_8)));
            Set<String> ids = new TreeSet<>();
            for (Class<? extends ModelElementInstance> type : List.of(FlowNode.class, SequenceFlow.class)) {
                bpmn.getModelElementsByType(type).forEach(e -> ids.add(e.getAttributeValue("id")));
            }
            ids.removeAll(covered.getOrDefault(key, Set.of()));
            uncovered.put(key, ids);
        }
        for (String model : models) {
            if (!uncovered.containsKey(model)) {
                throw new AssertionError(report + " has no model " + model + ": did no test start it?");
            }
        }
        return uncovered;
    }
}
